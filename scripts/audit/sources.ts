/**
 * Where audited records come from. The audit logic sees only this interface, so the same
 * checks run on a snapshot folder and on an org (scripts/salesforce/orgSource.ts).
 */
import type { SnapshotRecord } from '../snapshot/format';
import type { SnapshotObject, SnapshotSchema } from '../snapshot/schema';
import { openSnapshot, readObjectBatches, readObjectRecords, type ReadObjectOptions } from '../snapshot/reader';

export interface RecordSource {
  /** For the report: "snapshot out/demo", "org my-sandbox". */
  description: string;
  /** When the data was taken (a snapshot's takenAt); undefined for live data. */
  takenAt?: string;
  /** Objects the source holds, in load order. */
  objects: SnapshotObject[];
  /**
   * The fields each object's data carries, when it may lack some (a snapshot's CSV may omit
   * columns); undefined when every field of the schema is read (an org).
   */
  columns?: Map<string, Set<string>>;
  /** Streams one object's records. */
  records(object: SnapshotObject): AsyncIterable<SnapshotRecord>;
  /**
   * Streams one object's records in batches, when the source reads them so (cheaper per record).
   * `decodeOnly`: decode only these columns and leave the validation of the rest (every cell,
   * repeated Ids) to another reader of the same data: the worker thread of a parallel audit.
   */
  batches?(object: SnapshotObject, decodeOnly?: ReadonlySet<string>): AsyncIterable<readonly SnapshotRecord[]>;
  /** Rough size of the whole source for progress display, and how much of it a record stream consumed. */
  size?: { total: number; unit: 'bytes' | 'records' };
  onProgress?: (amount: number) => void;
}

/** A snapshot folder as a record source. */
export class SnapshotSource implements RecordSource {
  readonly description: string;
  readonly takenAt: string;
  readonly objects: SnapshotObject[];
  readonly size: { total: number; unit: 'bytes' };
  readonly columns: Map<string, Set<string>>;
  onProgress?: (amount: number) => void;
  private readonly expectedRecords: (objectName: string) => number | undefined;

  constructor(
    /** The snapshot folder. */
    readonly dir: string,
    schema: SnapshotSchema,
  ) {
    const snapshot = openSnapshot(dir, schema);
    this.description = `snapshot ${dir}`;
    this.takenAt = snapshot.manifest.takenAt;
    this.objects = snapshot.objects;
    this.size = { total: snapshot.bytes, unit: 'bytes' };
    this.columns = snapshot.columns;
    this.expectedRecords = snapshot.expectedRecords;
  }

  records(object: SnapshotObject): AsyncIterable<SnapshotRecord> {
    return readObjectRecords(this.dir, object, this.readOptions(object));
  }

  batches(object: SnapshotObject, decodeOnly?: ReadonlySet<string>): AsyncIterable<readonly SnapshotRecord[]> {
    return readObjectBatches(this.dir, object, { ...this.readOptions(object), fields: decodeOnly });
  }

  private readOptions(object: SnapshotObject): ReadObjectOptions {
    return {
      onBytes: (bytes) => this.onProgress?.(bytes),
      expectedRecords: this.expectedRecords(object.name),
    };
  }
}
