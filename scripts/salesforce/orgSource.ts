/**
 * An org as an audit record source: each object is read with the REST query API when it is
 * small and with a Bulk API 2.0 query when it is large, page by page, and converted to the
 * same typed records as a snapshot (optionally written to one on the way: --save-snapshot).
 */
import { parse } from 'csv-parse';
import { Readable } from 'node:stream';
import type { SnapshotRecord } from '../snapshot/format';
import { decodeCell, encodeCell, SnapshotInputError, type CellValue } from '../snapshot/format';
import type { SnapshotObject } from '../snapshot/schema';
import type { SnapshotWriter } from '../snapshot/writer';
import type { RecordSource } from '../audit/sources';
import type { OrgReader } from './namespacedClient';

export interface OrgSourceOptions {
  /** Objects with more records than this are read with Bulk API 2.0 (default 2000). */
  bulkThreshold?: number;
  /** Also writes every record to this snapshot. */
  saveTo?: SnapshotWriter;
}

/** The SOQL that reads every snapshot column of an object. */
export function selectAll(object: SnapshotObject): string {
  return `SELECT ${object.fields.map((f) => f.name).join(', ')} FROM ${object.name}`;
}

export class OrgSource implements RecordSource {
  readonly description: string;
  readonly size: { total: number; unit: 'records' };
  onProgress?: (amount: number) => void;

  private constructor(
    private readonly client: OrgReader,
    readonly objects: SnapshotObject[],
    private readonly counts: Map<string, number>,
    private readonly options: OrgSourceOptions,
  ) {
    this.description = `org ${client.session.label}`;
    this.size = { total: [...counts.values()].reduce((a, b) => a + b, 0), unit: 'records' };
  }

  /**
   * Counts the records of every object first (for progress and to choose REST or Bulk).
   * @param client the org client
   * @param objects objects to read, in load order
   * @param options Bulk threshold and snapshot tee
   */
  static async open(client: OrgReader, objects: SnapshotObject[], options: OrgSourceOptions = {}): Promise<OrgSource> {
    const counts = new Map<string, number>();
    for (const object of objects) {
      counts.set(object.name, await client.count(object.name));
    }
    return new OrgSource(client, objects, counts, options);
  }

  async *records(object: SnapshotObject): AsyncGenerator<SnapshotRecord> {
    const large = (this.counts.get(object.name) ?? 0) > (this.options.bulkThreshold ?? 2000);
    const source = large ? this.bulkRecords(object) : this.restRecords(object);
    for await (const record of source) {
      this.options.saveTo?.write(object.name, record);
      this.onProgress?.(1);
      yield record;
    }
  }

  private decode(object: SnapshotObject, raw: Record<string, unknown>, where: string): SnapshotRecord {
    const record: SnapshotRecord = {};
    for (const field of object.fields) {
      const value = raw[field.name];
      const cell =
        value === null || value === undefined
          ? ''
          : typeof value === 'object'
            ? JSON.stringify(value)
            : encodeCell(value as CellValue);
      try {
        record[field.name] = decodeCell(field.type, cell);
      } catch (error) {
        throw new SnapshotInputError(where, (error as Error).message, undefined, field.name);
      }
    }
    return record;
  }

  private async *restRecords(object: SnapshotObject): AsyncGenerator<SnapshotRecord> {
    for await (const raw of this.client.query(selectAll(object))) {
      yield this.decode(object, raw, `${object.name} (REST query)`);
    }
  }

  private async *bulkRecords(object: SnapshotObject): AsyncGenerator<SnapshotRecord> {
    for await (const page of this.client.bulkQuery(selectAll(object))) {
      const parser = Readable.from([page]).pipe(parse({ columns: true, bom: true, skip_empty_lines: true }));
      for await (const raw of parser as AsyncIterable<Record<string, string>>) {
        yield this.decode(object, raw, `${object.name} (Bulk API 2.0 query)`);
      }
    }
  }
}
