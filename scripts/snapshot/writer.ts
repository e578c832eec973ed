/**
 * Writes a snapshot folder: one CSV per object in the schema's column order, and
 * `snapshot.json` last, so a folder with a manifest is always complete.
 */
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import type { SnapshotObject } from './schema';
import {
  type CellValue,
  type SnapshotManifest,
  SNAPSHOT_FORMAT_VERSION,
  SNAPSHOT_MANIFEST,
  encodeCell,
  writeManifest,
} from './format';
import { objectFile } from './reader';
import path from 'node:path';

const FLUSH_ROWS = 2000;

interface OpenFile {
  object: SnapshotObject;
  fd: number;
  rows: string[][];
  count: number;
}

export interface ManifestInfo {
  takenAt: string;
  apiVersion: string;
  source: string;
  generator?: Record<string, unknown>;
}

/** Streams records into a snapshot folder with bounded memory (rows are flushed in blocks). */
export class SnapshotWriter {
  private readonly files = new Map<string, OpenFile>();

  /**
   * @param dir folder to write (created; an existing manifest is removed until `close`)
   * @param objects the objects the snapshot holds, in load order
   */
  constructor(
    readonly dir: string,
    objects: SnapshotObject[],
  ) {
    mkdirSync(dir, { recursive: true });
    rmSync(path.join(dir, SNAPSHOT_MANIFEST), { force: true });
    for (const object of objects) {
      const fd = openSync(objectFile(dir, object.name), 'w');
      writeSync(fd, stringify([object.fields.map((f) => f.name)]));
      this.files.set(object.name, { object, fd, rows: [], count: 0 });
    }
  }

  /**
   * Adds one record; fields missing from the record are written empty (null).
   * @param objectName object API name
   * @param record field → value
   */
  write(objectName: string, record: Record<string, CellValue | undefined>): void {
    const file = this.files.get(objectName);
    if (!file) {
      throw new Error(`The snapshot does not hold ${objectName}`);
    }
    file.rows.push(file.object.fields.map((f) => encodeCell(record[f.name])));
    file.count++;
    if (file.rows.length >= FLUSH_ROWS) {
      this.flush(file);
    }
  }

  count(objectName: string): number {
    return this.files.get(objectName)?.count ?? 0;
  }

  private flush(file: OpenFile): void {
    if (file.rows.length > 0) {
      writeSync(file.fd, stringify(file.rows));
      file.rows = [];
    }
  }

  /**
   * Flushes and closes every file, then writes `snapshot.json`.
   * @param info when and from where the snapshot was taken
   */
  close(info: ManifestInfo): SnapshotManifest {
    const objects: SnapshotManifest['objects'] = [];
    for (const file of this.files.values()) {
      this.flush(file);
      closeSync(file.fd);
      objects.push({ name: file.object.name, records: file.count });
    }
    const manifest: SnapshotManifest = { formatVersion: SNAPSHOT_FORMAT_VERSION, ...info, objects };
    writeManifest(this.dir, manifest);
    return manifest;
  }
}
