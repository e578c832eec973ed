/**
 * Streams the records of a snapshot folder, one object at a time, validating every cell
 * against the schema. Memory stays flat: records are parsed and handed on one by one.
 */
import { closeSync, createReadStream, existsSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CsvError, type Options, parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { Utf8Guard } from './utf8Guard';
import { FastPathDeclined, detached, fastCsvRows, utf8Pieces } from './fastCsv';
import { KeyIndex } from '../audit/keyIndex';
import { key15, key15Length } from '../audit/values';
import { type SnapshotField, type SnapshotObject, type SnapshotSchema } from './schema';
import {
  type SnapshotManifest,
  type SnapshotRecord,
  SNAPSHOT_MANIFEST,
  SnapshotInputError,
  decodeCell,
  readManifest,
} from './format';

const SNAPSHOT_HINT = 'snapshot.json lists this object but its CSV file is missing';
/** A header row longer than this is read by the stream alone. */
const HEADER_BYTES = 64 * 1024;

/** The CSV file of an object in a snapshot folder. */
export function objectFile(dir: string, objectName: string): string {
  return path.join(dir, `${objectName}.csv`);
}

/** Maps a header row to schema fields; refuses unknown and repeated columns and a missing Id. */
function mapHeader(file: string, object: SnapshotObject, header: string[]): SnapshotField[] {
  const seen = new Set<string>();
  const fields = header.map((name, index) => {
    const column = name.trim();
    const field = object.fieldMap.get(column.toLowerCase());
    if (!field) {
      throw new SnapshotInputError(
        file,
        `unknown column "${column}" (column ${index + 1}): ${object.name} has no such field in the package metadata`,
        1,
        column,
      );
    }
    if (seen.has(field.name)) {
      throw new SnapshotInputError(file, `column ${field.name} appears twice`, 1, column);
    }
    seen.add(field.name);
    return field;
  });
  if (!seen.has('Id')) {
    throw new SnapshotInputError(file, 'the header has no Id column: every record needs its Id', 1);
  }
  return fields;
}

/**
 * Turns a csv-parse error into a message naming the line.
 * @param file the CSV file
 * @param error the parser's error
 * @param lastLine line of the last record read completely
 */
function csvProblem(file: string, error: CsvError, lastLine: number): SnapshotInputError {
  const line = typeof error.lines === 'number' ? error.lines : undefined;
  switch (error.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const counts = /expect (\d+), got (\d+)/.exec(error.message);
      const detail = counts
        ? `the row has ${counts[2]} cells, the header has ${counts[1]}`
        : 'the row and the header have different numbers of cells';
      return new SnapshotInputError(file, `malformed CSV: ${detail}`, line);
    }
    case 'CSV_QUOTE_NOT_CLOSED':
      return new SnapshotInputError(
        file,
        'malformed CSV: a quoted cell that starts on this line is never closed',
        lastLine + 1,
      );
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new SnapshotInputError(
        file,
        'malformed CSV: a quote inside a cell must be doubled ("") and the cell quoted',
        line,
      );
    default:
      return new SnapshotInputError(file, `malformed CSV: ${error.message}`, line);
  }
}

export interface ReadObjectOptions {
  /** Called with the number of bytes read from the file, for progress display. */
  onBytes?: (bytes: number) => void;
  /** Updated with the line of the record just yielded, for messages about it. */
  position?: { line: number };
  /** Records snapshot.json says the file holds; a different count is an error once the file is read. */
  expectedRecords?: number;
  /**
   * Decode only these columns and leave the validation of the rest (every cell, repeated Ids)
   * to another reader of the same file: the worker thread of a parallel audit.
   */
  fields?: ReadonlySet<string>;
}

/**
 * Streams the records of one object's CSV file (see `readObjectBatches`), one at a time.
 * @param dir snapshot folder
 * @param object the object's schema
 * @param options progress callback, position tracking
 */
export async function* readObjectRecords(
  dir: string,
  object: SnapshotObject,
  options: ReadObjectOptions = {},
): AsyncGenerator<SnapshotRecord> {
  for await (const batch of readObjectBatches(dir, object, options)) {
    yield* batch;
  }
}

/**
 * Streams the records of one object's CSV file in batches (the rows of one piece of the file:
 * handing them on one by one through async generators cost the audit more than reading them).
 * Reads with the fast path (papaparse, no line information) and, when that path declines the
 * file or something is wrong with it (or when the caller tracks positions), with csv-parse and
 * its per-record line information, so every message names the same line. Records already given
 * are given once either way.
 * @param dir snapshot folder
 * @param object the object's schema
 * @param options progress callback, position tracking
 */
export async function* readObjectBatches(
  dir: string,
  object: SnapshotObject,
  options: ReadObjectOptions = {},
): AsyncGenerator<SnapshotRecord[]> {
  let yielded = 0;
  if (options.position) {
    for await (const record of readWithLines(dir, object, options, 0)) {
      yielded++;
      yield [record];
    }
  } else {
    // Progress counts each byte once: a re-read after a decline reports only bytes not yet counted.
    let reported = 0;
    const onBytes = (bytes: number): void => {
      reported += bytes;
      options.onBytes?.(bytes);
    };
    try {
      for await (const batch of readFast(dir, object, { onBytes, fields: options.fields })) {
        yielded += batch.length;
        yield batch;
      }
    } catch (error) {
      const declined = error instanceof FastPathDeclined;
      if (!declined && !(error instanceof CsvError) && !(error instanceof SnapshotInputError)) {
        throw error;
      }
      // csv-parse reads the rest; it finds the same problem again, this time with its line.
      let reread = 0;
      const onReread = (bytes: number): void => {
        reread += bytes;
        if (reread > reported) {
          options.onBytes?.(reread - reported);
          reported = reread;
        }
      };
      let batch: SnapshotRecord[] = [];
      let problem: { error: unknown } | undefined;
      try {
        for await (const record of readWithLines(dir, object, { onBytes: onReread }, yielded)) {
          batch.push(record);
          if (batch.length === PRECISE_BATCH) {
            yielded += batch.length;
            yield batch;
            batch = [];
          }
        }
      } catch (reread) {
        problem = { error: reread };
      }
      // The records before a problem are given before it is reported, as one at a time would.
      if (batch.length > 0) {
        yielded += batch.length;
        yield batch;
      }
      if (problem) {
        throw problem.error;
      }
      if (!declined) {
        throw error;
      }
    }
  }
  if (options.expectedRecords !== undefined && yielded !== options.expectedRecords) {
    throw new SnapshotInputError(
      objectFile(dir, object.name),
      `holds ${yielded} records but snapshot.json says ${options.expectedRecords}: the file was cut short or edited after the snapshot was taken; export it again, or correct its count in snapshot.json if the edit was intended`,
    );
  }
}

/** Records per batch on the precise path, which reads one record at a time. */
const PRECISE_BATCH = 1000;

/** Refuses a missing CSV and anything that is not a regular file (a folder, a FIFO, a device). */
function requireRegularFile(file: string): void {
  if (!existsSync(file)) {
    throw new SnapshotInputError(file, `not found: ${SNAPSHOT_HINT}`);
  }
  const stats = statSync(file);
  if (stats.isDirectory()) {
    throw new SnapshotInputError(file, 'is a folder, not a CSV file');
  }
  if (!stats.isFile()) {
    throw new SnapshotInputError(file, 'is not a regular file');
  }
}

/** Opens an object's CSV as a csv-parse parser over UTF-8-checked bytes; read errors reach the parser. */
function openInput(dir: string, object: SnapshotObject, parserOptions: Options, onBytes?: (bytes: number) => void) {
  const file = objectFile(dir, object.name);
  requireRegularFile(file);
  const input = createReadStream(file);
  if (onBytes) {
    input.on('data', (chunk) => onBytes(chunk.length));
  }
  const guard = input.pipe(new Utf8Guard(file));
  input.on('error', (error) => guard.destroy(error));
  const parser = guard.pipe(parse(parserOptions));
  guard.on('error', (error) => parser.destroy(error));
  return { file, input, parser };
}

/** Refuses a value a restricted picklist of the package does not have (an org load would reject the row). */
function requirePicklistValue(field: SnapshotField, value: string): void {
  const values = field.picklistValues as ReadonlySet<string>;
  if (values.has(value)) {
    return;
  }
  const sameButCase = [...values].find((v) => v.toLowerCase() === value.toLowerCase());
  throw new Error(
    sameButCase === undefined
      ? `"${value}" is not a value of ${field.name}; it accepts ${[...values].join(', ')}`
      : `"${value}" is not a value of ${field.name}: write it "${sameButCase}" (picklist values are case-sensitive)`,
  );
}

function decodeRow(
  file: string,
  fields: readonly (SnapshotField | undefined)[],
  row: string[],
  line: number | undefined,
): SnapshotRecord {
  const record: SnapshotRecord = {};
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    if (field === undefined) {
      continue; // a column this reader leaves to another
    }
    try {
      const value = decodeCell(field.type, row[i]);
      if (field.picklistValues !== undefined && typeof value === 'string') {
        requirePicklistValue(field, value);
      }
      record[field.name] = typeof value === 'string' ? detached(value) : value;
    } catch (error) {
      throw new SnapshotInputError(file, (error as Error).message, line, field.name);
    }
  }
  return record;
}

/**
 * The record's Id, case-sensitive 15-character form; duplicates re-parent records in an org load.
 * @param record a decoded record (its Id is present: mapHeader requires the column)
 */
function recordKey(record: SnapshotRecord): string | undefined {
  return typeof record.Id === 'string' ? (key15(record.Id) as string) : undefined;
}

function duplicateId(
  file: string,
  id: string,
  line: number | undefined,
  first: number | undefined,
): SnapshotInputError {
  const where = first === undefined ? 'an earlier line' : `line ${first}`;
  return new SnapshotInputError(file, `record Id ${id} appears twice: first on ${where}`, line, 'Id');
}

/** The header's fields, with those a partial reader does not decode left out. */
function wantedFields(fields: SnapshotField[], wanted: ReadonlySet<string> | undefined): (SnapshotField | undefined)[] {
  return wanted ? fields.map((field) => (wanted.has(field.name) ? field : undefined)) : fields;
}

/**
 * Bytes read at a time by the fast path. Small pieces keep few records alive at once, which is
 * what the young generation's collections cost: at a million records 64 KB pieces took 1.1 s
 * less than 1 MB pieces on two threads, in 80 MB less memory.
 */
const FAST_READ_BYTES = 64 * 1024;

/** The fast path: no line numbers; declines, or rethrows any problem as is, for the precise path to name. */
async function* readFast(
  dir: string,
  object: SnapshotObject,
  options: ReadObjectOptions,
): AsyncGenerator<SnapshotRecord[]> {
  const file = objectFile(dir, object.name);
  requireRegularFile(file);
  let fields: (SnapshotField | undefined)[] | undefined;
  // Compact index: a Set of millions of Id strings would dominate the audit's memory.
  const ids = options.fields ? undefined : new KeyIndex();
  for await (const rows of fastCsvRows(utf8Pieces(file, FAST_READ_BYTES, options.onBytes))) {
    const batch: SnapshotRecord[] = [];
    for (const row of rows) {
      if (!fields) {
        fields = wantedFields(mapHeader(file, object, row), options.fields);
        continue;
      }
      const record = decodeRow(file, fields, row, undefined);
      const id = record.Id;
      if (ids !== undefined && typeof id === 'string') {
        const known = ids.size;
        // One probe of the Id's recordKey form: a key already there keeps its earlier index.
        if (ids.add(id, key15Length(id)) < known) {
          throw duplicateId(file, id, undefined, undefined);
        }
      }
      batch.push(record);
    }
    if (batch.length > 0) {
      yield batch;
    }
  }
}

/** The precise path: every record with its line; skips the first `skip` records without yielding them. */
async function* readWithLines(
  dir: string,
  object: SnapshotObject,
  options: ReadObjectOptions,
  skip: number,
): AsyncGenerator<SnapshotRecord> {
  const { file, input, parser } = openInput(
    dir,
    object,
    { bom: true, info: true, skip_empty_lines: true },
    options.onBytes,
  );
  let fields: SnapshotField[] | undefined;
  let lastLine = 0;
  let seen = 0;
  const firstLines = new Map<string, number>();
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const row = item.record;
      lastLine = item.info.lines;
      if (!fields) {
        fields = mapHeader(file, object, row);
        continue;
      }
      const record = decodeRow(file, fields, row, item.info.lines);
      const key = recordKey(record);
      if (key !== undefined) {
        const first = firstLines.get(key);
        if (first !== undefined) {
          throw duplicateId(file, String(record.Id), item.info.lines, first);
        }
        firstLines.set(key, item.info.lines);
      }
      if (options.position) {
        options.position.line = item.info.lines;
      }
      if (seen++ >= skip) {
        yield record;
      }
    }
  } catch (error) {
    if (error instanceof CsvError) {
      throw csvProblem(file, error, lastLine);
    }
    throw error;
  } finally {
    input.destroy();
  }
}

/** A snapshot folder opened for reading. */
export interface OpenSnapshot {
  dir: string;
  manifest: SnapshotManifest;
  /** Objects of the schema that the manifest lists, in load order. */
  objects: SnapshotObject[];
  /** Total size of the CSV files, for progress display. */
  bytes: number;
  /** Object → the schema fields its CSV header names (objects whose header cannot be read are absent). */
  columns: Map<string, Set<string>>;
  /** Records the manifest says each object holds. */
  expectedRecords(objectName: string): number | undefined;
}

/** The first row of a CSV, or undefined when it cannot be read as one (the stream reports why). */
function readHeader(file: string): string[] | undefined {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(HEADER_BYTES);
    const read = readSync(fd, buffer, 0, HEADER_BYTES, 0);
    const text = buffer.subarray(0, read).toString('utf8');
    const end = text.indexOf('\n');
    const rows = parseSync(end < 0 ? text : text.slice(0, end), { bom: true, relax_quotes: true }) as string[][];
    return rows[0];
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** The schema fields a header names (unknown names are left to the stream to report). */
function headerFields(object: SnapshotObject, header: string[]): Set<string> {
  const fields = new Set<string>();
  for (const name of header) {
    const field = object.fieldMap.get(name.trim().toLowerCase());
    if (field) {
      fields.add(field.name);
    }
  }
  return fields;
}

/**
 * Refuses a CSV of a snapshot object that snapshot.json does not list: the manifest and the
 * files disagree, so one of them is not what was exported.
 */
function requireListed(dir: string, schema: SnapshotSchema, listed: Set<string>): void {
  for (const entry of readdirSync(dir)) {
    const object = entry.toLowerCase().endsWith('.csv') ? schema.get(entry.slice(0, -4)) : undefined;
    if (object && !listed.has(object.name)) {
      throw new SnapshotInputError(
        path.join(dir, SNAPSHOT_MANIFEST),
        `does not list ${object.name}, but ${entry} is in the folder: add {"name": "${object.name}", "records": N} to "objects" or remove the file`,
      );
    }
  }
}

/**
 * Opens a snapshot folder: reads the manifest, checks that every listed object is known and has
 * its CSV file, and that every object CSV in the folder is listed.
 * @param dir snapshot folder
 * @param schema the snapshot schema
 */
export function openSnapshot(dir: string, schema: SnapshotSchema): OpenSnapshot {
  const manifest = readManifest(dir);
  const listed = new Set<string>();
  const counts = new Map<string, number>();
  for (const entry of manifest.objects) {
    const object = schema.get(entry.name);
    if (!object) {
      throw new SnapshotInputError(
        path.join(dir, SNAPSHOT_MANIFEST),
        `lists unknown object ${entry.name}; known objects: ${schema.objects.map((o) => o.name).join(', ')}`,
      );
    }
    requireRegularFile(objectFile(dir, object.name));
    listed.add(object.name);
    counts.set(object.name, entry.records);
  }
  requireListed(dir, schema, listed);
  const objects = schema.objects.filter((o) => listed.has(o.name));
  const bytes = objects.reduce((sum, o) => sum + statSync(objectFile(dir, o.name)).size, 0);
  const columns = new Map<string, Set<string>>();
  for (const object of objects) {
    const header = readHeader(objectFile(dir, object.name));
    if (header) {
      columns.set(object.name, headerFields(object, header));
    }
  }
  return { dir, manifest, objects, bytes, columns, expectedRecords: (name) => counts.get(name) };
}
