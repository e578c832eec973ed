/**
 * Turns legacy rows into typed records of the package: every mapped cell is read by the
 * target field's type (numbers and amounts, dates in the mapping's formats, flags), legacy
 * values are translated onto our picklists and lifecycles (only values the package's metadata
 * allows), required fields are checked, and every problem is kept with its table, line and
 * column so one bad row never hides the others.
 */
import { loadMetadata, sourceDirOf } from '../lib/metadataModel';
import { PROJECT_ROOT } from '../lib/project';
import type { CellValue, SnapshotRecord } from '../snapshot/format';
import { loadSnapshotSchema, type SnapshotField, type SnapshotObject } from '../snapshot/schema';
import { SnapshotInputError } from '../snapshot/format';
import { tableLabel, type LegacyTable } from './legacyTables';
import { ENTITY_OBJECTS, fieldSpec, type Entity, type LegacySource, type Mapping } from './mapping';
import { parseAmount, parseFlag, parseLegacyDate, parseLegacyDateTime } from './legacyValues';

export interface RowProblem {
  column: string;
  message: string;
}

export interface LegacyRecord {
  entity: Entity;
  object: string;
  /** `file` or `file#sheet`. */
  table: string;
  line: number;
  legacyKey: string;
  externalId: string;
  /** Typed field values (only the mapped fields that could be read). */
  fields: SnapshotRecord;
  /** The partner a registration or lead names, as written. */
  partnerName?: string;
  tier?: string;
  region?: string;
  /** Required fields that are blank (also listed in `problems`). */
  missing: string[];
  problems: RowProblem[];
}

/** Picklist values the package allows, by `Object.Field`. */
export type PicklistValues = Map<string, string[]>;

/** Active picklist values of the package's fields (own value sets and global value sets). */
export function packagePicklists(root: string = PROJECT_ROOT): PicklistValues {
  const values: PicklistValues = new Map();
  const model = loadMetadata(sourceDirOf(root));
  for (const object of model.objects.values()) {
    for (const field of object.fields.values()) {
      if (field.picklistValues !== undefined) {
        values.set(`${object.name}.${field.name}`, field.picklistValues);
      }
    }
  }
  return values;
}

const MAX_HEADER_SCAN = 30;
const fold = (text: string): string => text.trim().toLowerCase();

/** The columns a source reads. */
function sourceColumns(source: LegacySource): string[] {
  return [
    source.key,
    ...Object.values(source.fields)
      .map((rule) => fieldSpec(rule).column)
      .filter((c): c is string => c !== undefined),
    ...[source.partner, source.tier, source.region].filter((c): c is string => c !== undefined),
  ];
}

/**
 * The index of the header row: the declared one, else the first row holding every column.
 * @param table the legacy table
 * @param source its mapping
 */
export function headerRowIndex(table: LegacyTable, source: LegacySource): number {
  const wanted = sourceColumns(source).map(fold);
  const holdsAll = (cells: string[]): boolean => {
    const present = new Set(cells.map(fold));
    return wanted.every((c) => present.has(c));
  };
  if (source.headerRow !== undefined) {
    const index = table.rows.findIndex((r) => r.line === source.headerRow);
    if (index < 0 || !holdsAll(table.rows[index].cells)) {
      const missing = wanted.filter((c) => !(table.rows[index]?.cells ?? []).map(fold).includes(c));
      throw new SnapshotInputError(
        tableLabel(table),
        `header row ${source.headerRow} lacks the mapped columns: ${missing.join(', ')}`,
      );
    }
    return index;
  }
  const index = table.rows.slice(0, MAX_HEADER_SCAN).findIndex((r) => holdsAll(r.cells));
  if (index < 0) {
    throw new SnapshotInputError(
      tableLabel(table),
      `no row among the first ${MAX_HEADER_SCAN} holds all mapped columns (${sourceColumns(source).join(', ')})`,
    );
  }
  return index;
}

/** Finds the table a source names. */
export function tableOf(tables: LegacyTable[], source: LegacySource): LegacyTable {
  const table = tables.find(
    (t) =>
      fold(t.file) === fold(source.file) && (source.sheet === undefined || fold(t.sheet ?? '') === fold(source.sheet)),
  );
  if (!table) {
    const known = tables.map(tableLabel).join(', ') || 'none';
    throw new SnapshotInputError(
      source.sheet === undefined ? source.file : `${source.file}#${source.sheet}`,
      `the mapping names a table the legacy folder does not hold (tables: ${known})`,
    );
  }
  return table;
}

interface ReadContext {
  object: SnapshotObject;
  picklists: PicklistValues;
  dateFormats: readonly string[];
}

/** Checks the mapping's fields against the package: known, writable, not computed. */
function targetFields(source: LegacySource, object: SnapshotObject): Map<string, SnapshotField> {
  const fields = new Map<string, SnapshotField>();
  for (const name of Object.keys(source.fields)) {
    const field = object.fieldMap.get(name.toLowerCase());
    if (!field || !field.writable || field.type === 'reference' || name === 'External_Id__c') {
      throw new SnapshotInputError(
        `${source.file}${source.sheet === undefined ? '' : `#${source.sheet}`}`,
        `the mapping writes ${object.name}.${name}, which is not a field the migration can write ` +
          '(unknown, computed, a lookup, or the external ID it sets itself)',
      );
    }
    fields.set(name, field);
  }
  return fields;
}

/** Reads one cell as the field's type; returns the value or a problem. */
function readCell(
  text: string,
  field: SnapshotField,
  spec: ReturnType<typeof fieldSpec>,
  context: ReadContext,
): { value: CellValue } | { problem: string } {
  let value = text;
  const picklist = context.picklists.get(`${context.object.name}.${field.name}`);
  if (spec.values) {
    const translated = Object.entries(spec.values).find(([legacy]) => fold(legacy) === fold(value));
    if (translated) {
      value = translated[1];
    }
  }
  if (picklist) {
    const allowed = picklist.find((p) => fold(p) === fold(value));
    return allowed === undefined
      ? {
          problem: `"${text}" is not a value of ${field.name} and the mapping does not translate it (allowed: ${picklist.join(', ')})`,
        }
      : { value: allowed };
  }
  switch (field.type) {
    case 'number': {
      const n = parseAmount(value);
      return n === null ? { problem: `"${text}" is not a number or an amount` } : { value: n };
    }
    case 'date': {
      const d = parseLegacyDate(value, context.dateFormats);
      return d === null ? { problem: `"${text}" is not a date in the formats ${formatsText(context)}` } : { value: d };
    }
    case 'datetime': {
      const d = parseLegacyDateTime(value, context.dateFormats);
      return d === null ? { problem: `"${text}" is not a date in the formats ${formatsText(context)}` } : { value: d };
    }
    case 'boolean': {
      const b = parseFlag(value);
      return b === null ? { problem: `"${text}" is not yes/no or true/false` } : { value: b };
    }
    default:
      return { value };
  }
}

function formatsText(context: ReadContext): string {
  return [...new Set(['YYYY-MM-DD', ...context.dateFormats])].join(', ');
}

/** Reads the rows of one source. */
function readSource(table: LegacyTable, source: LegacySource, mapping: Mapping, context: ReadContext): LegacyRecord[] {
  const header = headerRowIndex(table, source);
  const columnIndex = new Map(table.rows[header].cells.map((c, i) => [fold(c), i] as const));
  const cell = (cells: string[], column: string): string => cells[columnIndex.get(fold(column)) ?? -1] ?? '';
  const fields = targetFields(source, context.object);
  const records: LegacyRecord[] = [];
  for (const row of table.rows.slice(header + 1)) {
    if (row.cells.every((c) => c === '')) {
      continue;
    }
    const record: LegacyRecord = {
      entity: source.entity,
      object: context.object.name,
      table: tableLabel(table),
      line: row.line,
      legacyKey: cell(row.cells, source.key),
      externalId: '',
      fields: {},
      partnerName: source.partner === undefined ? undefined : cell(row.cells, source.partner) || undefined,
      tier: source.tier === undefined ? undefined : cell(row.cells, source.tier) || undefined,
      region: source.region === undefined ? undefined : cell(row.cells, source.region) || undefined,
      missing: [],
      problems: [],
    };
    if (record.legacyKey === '') {
      record.problems.push({ column: source.key, message: 'the legacy key is blank, so the row cannot be upserted' });
    }
    record.externalId = `${mapping.externalIdPrefix}-${source.entity.toUpperCase()}-${record.legacyKey}`;
    for (const [name, rule] of Object.entries(source.fields)) {
      const spec = fieldSpec(rule);
      const text = (spec.column === undefined ? '' : cell(row.cells, spec.column)) || spec.default || '';
      if (text === '') {
        if (spec.required) {
          record.missing.push(name);
          record.problems.push({ column: spec.column ?? name, message: `${name} is required and the cell is blank` });
        }
        continue;
      }
      const read = readCell(text, fields.get(name) as SnapshotField, spec, context);
      if ('problem' in read) {
        record.problems.push({ column: spec.column ?? name, message: read.problem });
      } else {
        record.fields[name] = read.value;
      }
    }
    records.push(record);
  }
  return records;
}

/**
 * Every legacy row the mapping describes, typed and checked, in mapping order.
 * @param tables the legacy folder's tables
 * @param mapping the validated mapping
 * @param picklists the package's picklist values
 */
export function readLegacyRecords(
  tables: LegacyTable[],
  mapping: Mapping,
  picklists: PicklistValues = packagePicklists(),
): LegacyRecord[] {
  const schema = loadSnapshotSchema();
  const records: LegacyRecord[] = [];
  for (const source of mapping.sources) {
    const object = schema.get(ENTITY_OBJECTS[source.entity]) as SnapshotObject;
    records.push(
      ...readSource(tableOf(tables, source), source, mapping, { object, picklists, dateFormats: mapping.dateFormats }),
    );
  }
  const seen = new Map<string, LegacyRecord>();
  for (const record of records) {
    const key = record.externalId.toLowerCase();
    const first = seen.get(key);
    if (first && record.legacyKey !== '') {
      record.problems.push({
        column: 'key',
        message: `legacy key ${record.legacyKey} repeats ${first.table} line ${first.line}`,
      });
    } else {
      seen.set(key, record);
    }
  }
  return records;
}
