/** Typed reads of snapshot records (an absent column reads as null). */
import type { SnapshotRecord } from '../snapshot/format';
import type { RecordRef } from './types';

export function str(record: SnapshotRecord, field: string): string | null {
  const value = record[field];
  return value === null || value === undefined ? null : String(value);
}

export function num(record: SnapshotRecord, field: string): number | null {
  const value = record[field];
  return typeof value === 'number' ? value : null;
}

export function bool(record: SnapshotRecord, field: string): boolean {
  return record[field] === true;
}

/**
 * The case-sensitive 15-character form of a record Id, so 15- and 18-character Ids of the
 * same record join.
 */
export function key15(id: string | null): string | null {
  return id === null ? null : id.substring(0, ID_KEY_LENGTH);
}

/** Characters of an Id that identify its record (the 18-character form adds a case checksum). */
export const ID_KEY_LENGTH = 15;

/** Length of the `key15` form of an Id, for KeyIndex lookups that need not cut it. */
export function key15Length(id: string): number {
  return Math.min(id.length, ID_KEY_LENGTH);
}

export function refOf(object: string, record: SnapshotRecord): RecordRef {
  return { object, recordId: str(record, 'Id'), externalId: str(record, 'External_Id__c') };
}

/** Amounts compared in whole cents, the precision of currency fields. */
export function cents(value: number): number {
  return Math.round(Number((value * 100).toFixed(6)));
}

/** Whole days from `from` to `to` (`YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}

export function formatMoney(value: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** "Name (External Id)" or the Id, for messages. */
export function label(record: SnapshotRecord, nameField = 'Name'): string {
  const name = str(record, nameField);
  const ext = str(record, 'External_Id__c') ?? str(record, 'Id') ?? '?';
  return name === null ? ext : `${name} (${ext})`;
}

/** A growable list of numbers held in a typed array (8 bytes each), for medians and percentiles. */
export class NumberList {
  private data = new Float64Array(256);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** The numbers pushed so far (a view, not a copy). */
  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }

  /** Nearest-rank percentile (p in 0..100), or null when empty. */
  percentile(p: number): number | null {
    if (this.length === 0) {
      return null;
    }
    const sorted = this.data.slice(0, this.length).sort();
    const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
    return sorted[rank - 1];
  }
}
