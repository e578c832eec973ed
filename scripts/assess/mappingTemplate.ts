/**
 * `prm assess init`: a commented mapping template from the columns a legacy folder holds.
 * For each table it guesses the header row (the fullest of the first rows), what the table
 * holds (from its file and sheet names) and which column fills which field (from the column
 * names), and lists every column with an example value, so the person finishing the mapping
 * sees the whole sheet. Guesses are marked; the file is valid as written (`readMapping`).
 */
import { tableLabel, type LegacyTable } from '../migrate/legacyTables';
import type { Entity } from '../migrate/mapping';

const HEADER_SCAN = 30;

type Guess = readonly [field: string, pattern: RegExp];

const FIELD_GUESSES: Record<Entity, readonly Guess[]> = {
  partner: [
    ['Name', /name|company|partner$/i],
    ['Website', /web|url|domain/i],
    ['BillingCountry', /country/i],
    ['Partner_Status__c', /status/i],
    ['Partner_Since__c', /joined|since|start/i],
  ],
  customer: [
    ['Name', /name|company|customer|account/i],
    ['Website', /web|url|domain/i],
    ['BillingCountry', /country/i],
  ],
  registration: [
    ['Prospect_Company__c', /customer|prospect|company|account/i],
    ['Prospect_Website__c', /web|url|domain/i],
    ['Amount__c', /amount|size|value|revenue/i],
    ['Status__c', /stage|status/i],
    ['Submitted_At__c', /submit|created|registered/i],
    ['Decided_At__c', /decision|decided|approved/i],
    ['Expected_Close_Date__c', /close/i],
  ],
  lead: [
    ['FirstName', /first/i],
    ['LastName', /last|surname/i],
    ['Company', /company|account/i],
    ['Email', /e-?mail/i],
    ['Offered_At__c', /received|assigned|created/i],
    ['Accepted_At__c', /contact|follow/i],
  ],
};

/** Required fields of each kind of record (the template marks them `required: true`). */
const REQUIRED: Record<Entity, readonly string[]> = {
  partner: ['Name'],
  customer: ['Name'],
  registration: ['Prospect_Company__c', 'Amount__c', 'Status__c', 'Submitted_At__c'],
  lead: ['LastName', 'Company'],
};

/** Picklist fields whose legacy values usually need translating. */
const LIFECYCLE_FIELDS = new Set(['Partner_Status__c', 'Status__c']);

/** Fewer columns than this is a cover or notes sheet, not a table of records. */
const MIN_COLUMNS = 3;

function entityOf(table: LegacyTable): Entity | undefined {
  // The sheet's own name says more than its workbook's.
  return entityOfName(table.sheet ?? '') ?? entityOfName(table.file);
}

function entityOfName(text: string): Entity | undefined {
  const name = text.toLowerCase();
  if (/lead/.test(name)) {
    return 'lead';
  }
  if (/deal|reg|opportunit/.test(name)) {
    return 'registration';
  }
  if (/customer|client|account/.test(name)) {
    return 'customer';
  }
  return /partner/.test(name) ? 'partner' : undefined;
}

function headerIndex(table: LegacyTable): number {
  let best = -1;
  let bestCount = 0;
  table.rows.slice(0, HEADER_SCAN).forEach((row, i) => {
    const filled = row.cells.filter((c) => c !== '').length;
    if (filled > bestCount) {
      best = i;
      bestCount = filled;
    }
  });
  return best;
}

const q = (text: string): string => JSON.stringify(text);

function sourceBlock(table: LegacyTable, entity: Entity | undefined): string[] {
  const header = headerIndex(table);
  const columns = header < 0 ? [] : table.rows[header].cells.filter((c) => c !== '');
  if (columns.length < MIN_COLUMNS) {
    return [`  # ${tableLabel(table)}: no table of records (at most ${columns.length} filled cells a row), left out`];
  }
  const body = table.rows.slice(header + 1);
  const example = (column: string): string => {
    const index = table.rows[header].cells.indexOf(column);
    return body.map((r) => r.cells[index] ?? '').find((v) => v !== '') ?? '';
  };
  const distinct = (column: string): string[] => {
    const index = table.rows[header].cells.indexOf(column);
    return [...new Set(body.map((r) => r.cells[index] ?? '').filter((v) => v !== ''))].slice(0, 12);
  };
  const lines = [`  # ${tableLabel(table)}: header on row ${table.rows[header].line}, ${body.length} rows. Columns:`];
  columns.forEach((c) => lines.push(`  #   ${c}${example(c) ? ` (e.g. ${example(c)})` : ''}`));
  if (entity === undefined) {
    lines.push('  # What this table holds was not recognised: copy a source block below and set `entity`.');
    return lines;
  }
  const used = new Set<string>();
  const pick = (pattern: RegExp): string | undefined => {
    const column = columns.find((c) => pattern.test(c) && !used.has(c));
    if (column !== undefined) {
      used.add(column);
    }
    return column;
  };
  const key = pick(/\b(id|key|no\.?|number)\b|#/i) ?? columns[0];
  const partner = entity === 'registration' || entity === 'lead' ? pick(/partner|reseller/i) : undefined;
  const tier = entity === 'partner' ? pick(/tier|level/i) : undefined;
  const region = entity === 'partner' ? pick(/region|territory/i) : undefined;
  lines.push(
    `  - file: ${q(table.file)}`,
    ...(table.sheet === undefined ? [] : [`    sheet: ${q(table.sheet)}`]),
    `    entity: ${entity} # guessed from the name: partner | customer | registration | lead`,
    `    headerRow: ${table.rows[header].line}`,
    `    key: ${q(key)} # the legacy record's own identifier`,
    ...(partner === undefined ? [] : [`    partner: ${q(partner)} # the column naming the partner`]),
    ...(tier === undefined ? [] : [`    tier: ${q(tier)} # for --cohort-by tier`]),
    ...(region === undefined ? [] : [`    region: ${q(region)} # for --cohort-by region`]),
    '    fields: # guessed from the column names: check each',
  );
  let mapped = 0;
  for (const [field, pattern] of FIELD_GUESSES[entity]) {
    const column = pick(pattern);
    if (column === undefined) {
      lines.push(`      # ${field}: no column recognised`);
      continue;
    }
    mapped++;
    const required = REQUIRED[entity].includes(field) ? ', required: true' : '';
    lines.push(`      ${field}: { column: ${q(column)}${required} }`);
    if (LIFECYCLE_FIELDS.has(field)) {
      lines.push(
        `      # ${field} values seen: ${distinct(column).join(', ')}. Translate those the package does not know:`,
      );
      lines.push(`      #   ${field}: { column: ${q(column)}, values: { "Legacy value": "Package value" } }`);
    }
  }
  if (mapped === 0) {
    lines.push('      {}');
  }
  return lines;
}

/**
 * The template's text.
 * @param tables the legacy folder's tables
 */
export function mappingTemplate(tables: LegacyTable[]): string {
  const recognised = tables.map((t) => ({ table: t, entity: entityOf(t) }));
  const blocks = recognised.flatMap(({ table, entity }) => ['', ...sourceBlock(table, entity)]);
  return [
    '# Mapping of legacy spreadsheets onto the package, written by `prm assess init`.',
    '# Check every guessed line, then run `prm assess --legacy DIR --mapping THIS_FILE`.',
    '# Fields: API names of Account (partner, customer), Deal_Registration__c (registration) and',
    '# Lead (lead); each takes a column name, or { column, required, values, default }.',
    'version: 1',
    '# Date formats tried in order (dayjs tokens); ISO dates and Excel date cells are always read.',
    "dateFormats: ['MM/DD/YYYY', 'DD.MM.YYYY', 'D MMM YYYY']",
    'externalIdPrefix: LEG',
    'sources:',
    ...blocks,
    '',
  ].join('\n');
}
