/**
 * The snapshot format: a folder with one CSV per object (`<ObjectApiName>.csv`, header row of
 * field API names) and `snapshot.json`. Cells follow the Bulk API 2.0 CSV conventions: an
 * empty cell is null, checkboxes are `true`/`false`, dates `YYYY-MM-DD`, datetimes ISO-8601.
 */
import { isUtf8 } from 'node:buffer';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { FieldType } from './schema';

export const SNAPSHOT_MANIFEST = 'snapshot.json';
export const SNAPSHOT_FORMAT_VERSION = 1;

/** A typed cell value: strings for text, Ids, dates and datetimes. */
export type CellValue = string | number | boolean | null;

/** One record: field API name → typed value (absent columns read as null). */
export type SnapshotRecord = Record<string, CellValue>;

/** `YYYY-MM-DDTHH:mm:ss…Z` naming a real calendar date and time of day (Date.parse would roll 02-30 over). */
function realInstant(value: string): boolean {
  const [year, month, day, hour, minute, second] = value.split(/[-T:.Z]/).map(Number);
  return validDate(year, month, day) && hour <= 23 && minute <= 59 && second <= 59;
}

const manifestSchema = z.object({
  formatVersion: z.literal(SNAPSHOT_FORMAT_VERSION),
  takenAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, 'an ISO-8601 UTC datetime')
    .refine(realInstant, 'a date and time that exist (no 2025-02-30, no 24:00)'),
  apiVersion: z.string().regex(/^\d+\.\d$/, 'an API version such as 65.0'),
  source: z.string(),
  objects: z.array(z.object({ name: z.string(), records: z.number().int().nonnegative() })),
  generator: z.record(z.string(), z.unknown()).optional(),
});

/** `snapshot.json`: when and from where the snapshot was taken, and which objects it holds. */
export type SnapshotManifest = z.infer<typeof manifestSchema>;

/** A problem with a snapshot file: names the file, line and column when known. */
export class SnapshotInputError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly line?: number,
    readonly column?: string,
  ) {
    super(
      `${file}${line === undefined ? '' : `, line ${line}`}${column === undefined ? '' : `, column ${column}`}: ${detail}`,
    );
    this.name = 'SnapshotInputError';
  }
}

/**
 * Reads and validates `snapshot.json` of a snapshot folder.
 * @param dir the snapshot folder
 */
export function readManifest(dir: string): SnapshotManifest {
  const file = path.join(dir, SNAPSHOT_MANIFEST);
  if (!existsSync(dir)) {
    throw new SnapshotInputError(dir, 'snapshot folder not found');
  }
  if (!existsSync(file)) {
    throw new SnapshotInputError(
      file,
      `not found: is ${dir} a snapshot folder (prm seed --out, prm audit --save-snapshot)?`,
    );
  }
  const bytes = readFileSync(file);
  if (!isUtf8(bytes)) {
    throw new SnapshotInputError(file, 'is not UTF-8 text: save it as UTF-8');
  }
  let data: unknown;
  try {
    // A byte-order mark is accepted here as on the CSV files (editors on Windows add one).
    data = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new SnapshotInputError(file, `not valid JSON (${(error as Error).message})`);
  }
  const parsed = manifestSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SnapshotInputError(file, `${issue.path.join('.') || 'root'}: ${issue.message}`);
  }
  const listed = new Set<string>();
  for (const entry of parsed.data.objects) {
    if (listed.has(entry.name.toLowerCase())) {
      throw new SnapshotInputError(file, `lists ${entry.name} twice: each object has one entry with its record count`);
    }
    listed.add(entry.name.toLowerCase());
  }
  return parsed.data;
}

export function writeManifest(dir: string, manifest: SnapshotManifest): void {
  writeFileSync(path.join(dir, SNAPSHOT_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
}

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The canonical datetime, `YYYY-MM-DDTHH:mm:ss.sssZ` (d: a digit), as exports write it. */
const CANONICAL_INSTANT = 'dddd-dd-ddTdd:dd:dd.dddZ';

/** Two digits at `at` as a number. */
function twoDigits(raw: string, at: number): number {
  return (raw.charCodeAt(at) - 48) * 10 + raw.charCodeAt(at + 1) - 48;
}

/**
 * Whether a cell is a valid datetime already in the canonical form, which decodes to itself.
 * Nearly every datetime of an export is; checking it without a regular expression or a new
 * string keeps the decoding of millions of them cheap.
 */
function isCanonicalInstant(raw: string): boolean {
  if (raw.length !== CANONICAL_INSTANT.length) {
    return false;
  }
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    const shape = CANONICAL_INSTANT.charCodeAt(i);
    if (shape === 100 /* d */ ? code < 48 || code > 57 : code !== shape) {
      return false;
    }
  }
  const year = twoDigits(raw, 0) * 100 + twoDigits(raw, 2);
  return validDate(year, twoDigits(raw, 5), twoDigits(raw, 8)) && twoDigits(raw, 11) <= 23 && twoDigits(raw, 14) <= 59;
}

/** A real calendar date; years before 100 are refused (Date.UTC would read them as 19xx). */
export function validDate(year: number, month: number, day: number): boolean {
  if (year < 100 || month < 1 || month > 12 || day < 1) {
    return false;
  }
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= DAYS_IN_MONTH[month - 1] + (leap ? 1 : 0);
}

/** A finite number; refuses what would silently become Infinity or 0 (`1e400`, `1e-400`). */
function decodeNumber(raw: string): number {
  if (!NUMBER.test(raw)) {
    throw new Error(`"${raw}" is not a number`);
  }
  const value = Number(raw);
  if (!Number.isFinite(value)) {
    throw new Error(`"${raw}" is too large for a number field`);
  }
  if (value === 0 && /[1-9]/.test(raw.replace(/[eE].*$/, ''))) {
    throw new Error(`"${raw}" is too small to be told apart from 0`);
  }
  return value;
}

/**
 * Decodes one CSV cell. Returns the typed value, or throws a plain Error whose message says
 * what is wrong (the caller adds file, line and column).
 * @param type the field's type
 * @param raw the cell text
 */
export function decodeCell(type: FieldType, raw: string): CellValue {
  if (raw === '') {
    return null;
  }
  switch (type) {
    case 'string':
      return raw;
    case 'id':
    case 'reference':
      if (!RECORD_ID.test(raw)) {
        throw new Error(`"${raw}" is not a record Id (15 or 18 letters and digits)`);
      }
      return raw;
    case 'boolean':
      if (raw === 'true' || raw === 'false') {
        return raw === 'true';
      }
      throw new Error(`"${raw}" is not a checkbox value (true or false)`);
    case 'number':
      return decodeNumber(raw);
    case 'date': {
      const m = DATE.exec(raw);
      if (!m || !validDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
        throw new Error(`"${raw}" is not a date (YYYY-MM-DD)`);
      }
      return raw;
    }
    case 'datetime': {
      if (isCanonicalInstant(raw)) {
        return raw;
      }
      const m = DATETIME.exec(raw);
      if (!m || !validDate(Number(m[1]), Number(m[2]), Number(m[3])) || Number(m[4]) > 23 || Number(m[5]) > 59) {
        throw new Error(`"${raw}" is not an ISO-8601 datetime (YYYY-MM-DDTHH:mm:ss.sssZ)`);
      }
      const offset = m[8] === 'Z' ? 'Z' : `${m[8].slice(0, 3)}:${m[8].slice(-2)}`;
      const millis = (m[7] ?? '.000').slice(0, 4).padEnd(4, '0');
      const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${millis}${offset}`;
      // Normalised to UTC with milliseconds, the form the rules return.
      return offset === 'Z' ? iso : new Date(iso).toISOString();
    }
  }
}

/**
 * Encodes a typed value as a CSV cell.
 * @param value the value
 */
export function encodeCell(value: CellValue | undefined): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'boolean') {
    return value ? 'true' : 'false';
  }
  return String(value);
}
