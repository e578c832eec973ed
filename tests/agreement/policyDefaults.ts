/**
 * The three places that state a policy's defaults, read into one shape so they can be
 * compared: the packaged `Default` custom metadata records, the admin guide's policy table,
 * and the defaults the rules in `lwc-ts-src/prmRules` apply when a value is blank.
 */
import type { CustomMetadataRecordMeta, MetadataModel } from '../../scripts/lib/metadataModel';

export type PolicyValue = string | number | boolean | null;

/** Field API name → value, per custom metadata type (`Deal_Registration_Policy__mdt`). */
export type PolicyValues = Map<string, Map<string, PolicyValue>>;

/** A record's values typed by its fields: numbers, checkboxes as booleans, blanks as null. */
export function recordValues(model: MetadataModel, record: CustomMetadataRecordMeta): Map<string, PolicyValue> {
  const fields = model.objects.get(record.type)?.fields;
  const values = new Map<string, PolicyValue>();
  for (const { field, value } of record.values) {
    const type = fields?.get(field)?.type;
    if (value === undefined || value === '') {
      values.set(field, null);
    } else if (type === 'Number' || type === 'Percent' || type === 'Currency') {
      values.set(field, Number(value));
    } else if (type === 'Checkbox') {
      values.set(field, value === 'true');
    } else {
      values.set(field, value);
    }
  }
  return values;
}

/** A value as the guide writes it: `50,000`, `` `14,3` ``, `all` (blank), `no`/`yes`, or text. */
export function documentedValue(text: string): PolicyValue {
  const plain = text.replace(/`/g, '').trim();
  if (plain === 'all') {
    return null;
  }
  if (plain === 'no' || plain === 'yes') {
    return plain === 'yes';
  }
  return /^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+(\.\d+)?$/.test(plain) ? Number(plain.replace(/,/g, '')) : plain;
}

/**
 * The API name of a field the guide names: by its label or its API name in words
 * (`Auto Approve Threshold`), or by the part a row leaves out because it shares it with the
 * next name (`First / Middle / Last Weight Percent`, `Eligible Countries / Segments`).
 */
function fieldNamed(model: MetadataModel, type: string, text: string): string | undefined {
  const fields = [...(model.objects.get(type)?.fields.values() ?? [])].map((field) => ({
    name: field.name,
    spellings: [field.label ?? '', field.name.replace(/__c$/, '').replace(/_/g, ' ')],
  }));
  const exact = fields.find((field) => field.spellings.includes(text));
  if (exact) {
    return exact.name;
  }
  const partial = fields.filter((field) =>
    field.spellings.some((spelling) => spelling.startsWith(`${text} `) || spelling.endsWith(` ${text}`)),
  );
  return partial.length === 1 ? partial[0].name : undefined;
}

/**
 * The policy table of the admin guide (columns type, field, default, effect). A row may name
 * several fields (`A / B / C` or `A, B`) with as many defaults (`1 / 2 / 3`); a blank type
 * continues the row above. Rows that name no field of their type are left out.
 */
export function documentedDefaults(
  markdown: string,
  model: MetadataModel,
): { values: PolicyValues; problems: string[] } {
  const values: PolicyValues = new Map();
  const problems: string[] = [];
  const header = markdown.split('\n').findIndex((line) => /^\|\s*type\s*\|\s*field\s*\|\s*default\s*\|/.test(line));
  if (header < 0) {
    return { values, problems: ['the admin guide has no policy table (columns type, field, default)'] };
  }
  let type = '';
  for (const line of markdown.split('\n').slice(header + 2)) {
    if (!line.startsWith('|')) {
      break;
    }
    const [typeCell, fieldCell, defaultCell] = line
      .split('|')
      .slice(1, 4)
      .map((cell) => cell.trim());
    type = typeCell ? `${typeCell.replace(/ /g, '_')}__mdt` : type;
    const labels = fieldCell.split(/\s*[/,]\s*/);
    const defaults = defaultCell.split(/\s+\/\s+/);
    const names = labels.map((label) => fieldNamed(model, type, label));
    if (names.every((name) => name === undefined)) {
      continue;
    }
    if (labels.length !== defaults.length) {
      problems.push(
        `${type}: "${fieldCell}" names ${labels.length} fields but "${defaultCell}" gives ${defaults.length} defaults`,
      );
      continue;
    }
    const byField = values.get(type) ?? new Map<string, PolicyValue>();
    names.forEach((name, index) => {
      if (name === undefined) {
        problems.push(`${type}: the guide names "${labels[index]}", which is no field of the type`);
      } else {
        byField.set(name, documentedValue(defaults[index]));
      }
    });
    values.set(type, byField);
  }
  return { values, problems };
}

/** Every difference between what `expected` states and what `actual` holds, as one line each. */
export function differences(
  actualName: string,
  actual: PolicyValues,
  expectedName: string,
  expected: PolicyValues,
): string[] {
  const found: string[] = [];
  for (const [type, fields] of expected) {
    for (const [field, value] of fields) {
      const held = actual.get(type)?.get(field);
      if (held === undefined) {
        found.push(`${type}.${field} is missing from ${actualName} but ${JSON.stringify(value)} in ${expectedName}`);
      } else if (held !== value) {
        found.push(
          `${type}.${field} is ${JSON.stringify(held)} in ${actualName} but ${JSON.stringify(value)} in ${expectedName}`,
        );
      }
    }
  }
  return found;
}
