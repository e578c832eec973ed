/**
 * Streams the records of a snapshot folder, one object at a time, validating every cell
 * against the schema. Memory stays flat: records are parsed and handed on one by one.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { CsvError, parse } from 'csv-parse';
import { KeyIndex } from '../audit/keyIndex';
import { type SnapshotField, type SnapshotObject, type SnapshotSchema } from './schema';
import { type SnapshotManifest, type SnapshotRecord, SnapshotInputError, decodeCell, readManifest } from './format';

const SNAPSHOT_HINT = 'snapshot.json lists this object but its CSV file is missing';

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
}

/**
 * Streams the records of one object's CSV file. Reads without csv-parse's per-record line
 * information, which costs about a tenth of the audit's time at scale; when something is wrong
 * with the file (or when the caller tracks positions) it reads with it, so every message names
 * the same line. Records before a problem are yielded once either way.
 * @param dir snapshot folder
 * @param object the object's schema
 * @param options progress callback, position tracking
 */
export async function* readObjectRecords(
  dir: string,
  object: SnapshotObject,
  options: ReadObjectOptions = {},
): AsyncGenerator<SnapshotRecord> {
  if (options.position) {
    yield* readWithLines(dir, object, options, 0);
    return;
  }
  let yielded = 0;
  try {
    for await (const record of readFast(dir, object, options)) {
      yielded++;
      yield record;
    }
  } catch (error) {
    if (!(error instanceof CsvError) && !(error instanceof SnapshotInputError)) {
      throw error;
    }
    // Finds the same problem again, this time with its line; throws it after the records already given.
    yield* readWithLines(dir, object, {}, yielded);
    throw error;
  }
}

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

function openInput(dir: string, object: SnapshotObject, onBytes?: (bytes: number) => void) {
  const file = objectFile(dir, object.name);
  requireRegularFile(file);
  const input = createReadStream(file);
  if (onBytes) {
    input.on('data', (chunk) => onBytes(chunk.length));
  }
  return { file, input };
}

function decodeRow(file: string, fields: SnapshotField[], row: string[], line: number | undefined): SnapshotRecord {
  const record: SnapshotRecord = {};
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    try {
      record[field.name] = decodeCell(field.type, row[i]);
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
  return typeof record.Id === 'string' ? record.Id.substring(0, 15) : undefined;
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

/** The fast path: no line numbers; any problem is rethrown as is for the precise path to name. */
async function* readFast(
  dir: string,
  object: SnapshotObject,
  options: ReadObjectOptions,
): AsyncGenerator<SnapshotRecord> {
  const { file, input } = openInput(dir, object, options.onBytes);
  const parser = input.pipe(parse({ bom: true, skip_empty_lines: true }));
  input.on('error', (error) => parser.destroy(error));
  let fields: SnapshotField[] | undefined;
  // Compact index: a Set of millions of Id strings would dominate the audit's memory.
  const ids = new KeyIndex();
  try {
    for await (const row of parser as AsyncIterable<string[]>) {
      if (!fields) {
        fields = mapHeader(file, object, row);
        continue;
      }
      const record = decodeRow(file, fields, row, undefined);
      const key = recordKey(record);
      if (key !== undefined) {
        if (ids.has(key)) {
          throw duplicateId(file, String(record.Id), undefined, undefined);
        }
        ids.add(key);
      }
      yield record;
    }
  } finally {
    input.destroy();
  }
}

/** The precise path: every record with its line; skips the first `skip` records without yielding them. */
async function* readWithLines(
  dir: string,
  object: SnapshotObject,
  options: ReadObjectOptions,
  skip: number,
): AsyncGenerator<SnapshotRecord> {
  const { file, input } = openInput(dir, object, options.onBytes);
  const parser = input.pipe(parse({ bom: true, info: true, skip_empty_lines: true }));
  input.on('error', (error) => parser.destroy(error));
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
}

/**
 * Opens a snapshot folder: reads the manifest and checks that every listed object is known
 * and has its CSV file.
 * @param dir snapshot folder
 * @param schema the snapshot schema
 */
export function openSnapshot(dir: string, schema: SnapshotSchema): OpenSnapshot {
  const manifest = readManifest(dir);
  const listed = new Set<string>();
  for (const entry of manifest.objects) {
    const object = schema.get(entry.name);
    if (!object) {
      throw new SnapshotInputError(
        path.join(dir, 'snapshot.json'),
        `lists unknown object ${entry.name}; known objects: ${schema.objects.map((o) => o.name).join(', ')}`,
      );
    }
    requireRegularFile(objectFile(dir, object.name));
    listed.add(object.name);
  }
  const objects = schema.objects.filter((o) => listed.has(o.name));
  const bytes = objects.reduce((sum, o) => sum + statSync(objectFile(dir, o.name)).size, 0);
  return { dir, manifest, objects, bytes };
}
