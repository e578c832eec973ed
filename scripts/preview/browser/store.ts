/**
 * The demo data as the page sees it: the generated dataset plus the changes made while
 * previewing (records created or updated through the adapter). Changes are journalled in
 * the tab's sessionStorage so they survive moving between preview pages (each page is a
 * full load), and vanish with the tab, as a demo should.
 */
import type { DemoDataset, DemoRecord, FieldValue } from './types';

export interface JournalStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

type Change =
  | { op: 'insert'; objectName: string; record: DemoRecord }
  | { op: 'update'; id: string; fields: Record<string, FieldValue> }
  | { op: 'delete'; id: string };

export class DemoStore {
  private readonly byObject = new Map<string, DemoRecord[]>();
  private readonly byId = new Map<string, { objectName: string; record: DemoRecord }>();
  private readonly journal: Change[] = [];
  private readonly journalKey: string;

  /**
   * @param dataset the generated demo data (not modified)
   * @param storage where the journal of changes lives; none keeps changes in memory only
   */
  constructor(
    readonly dataset: DemoDataset,
    private readonly storage?: JournalStorage,
  ) {
    this.journalKey = `prm-preview:${dataset.asOf}`;
    for (const [objectName, records] of Object.entries(dataset.records)) {
      const copies = records.map((r) => ({ ...r }));
      this.byObject.set(objectName, copies);
      for (const record of copies) {
        this.byId.set(record.Id, { objectName, record });
      }
    }
    const saved = storage?.getItem(this.journalKey);
    if (saved) {
      for (const change of JSON.parse(saved) as Change[]) {
        this.apply(change);
        this.journal.push(change);
      }
    }
  }

  /** The data's "now" (ISO datetime, UTC). */
  get now(): string {
    return this.dataset.asOf;
  }

  /** Every record of an object (live objects: copy before handing them out). */
  list(objectName: string): DemoRecord[] {
    return this.byObject.get(objectName) ?? [];
  }

  get(id: string | null | undefined): DemoRecord | undefined {
    return id ? this.byId.get(id)?.record : undefined;
  }

  objectOf(id: string): string | undefined {
    return this.byId.get(id)?.objectName;
  }

  /** Creates a record with a new Id in the object's key prefix; returns it. */
  insert(objectName: string, fields: Record<string, FieldValue>): DemoRecord {
    const prefix = this.list(objectName)[0]?.Id.slice(0, 3) ?? 'a0Z';
    const id = `${prefix}0Pv${String(this.journal.length + 1).padStart(9, '0')}AAA`;
    const record: DemoRecord = { ...fields, Id: id, CreatedDate: this.now };
    this.record({ op: 'insert', objectName, record });
    return record;
  }

  /** Changes fields of an existing record; returns the record. */
  update(id: string, fields: Record<string, FieldValue>): DemoRecord {
    if (!this.byId.has(id)) {
      throw new Error(`No record ${id} in the demo data`);
    }
    this.record({ op: 'update', id, fields });
    return this.byId.get(id)!.record;
  }

  /** Deletes a record; returns whether it existed. */
  remove(id: string): boolean {
    if (!this.byId.has(id)) {
      return false;
    }
    this.record({ op: 'delete', id });
    return true;
  }

  private record(change: Change): void {
    this.apply(change);
    this.journal.push(change);
    this.storage?.setItem(this.journalKey, JSON.stringify(this.journal));
  }

  private apply(change: Change): void {
    if (change.op === 'insert') {
      const record = { ...change.record };
      if (!this.byObject.has(change.objectName)) {
        this.byObject.set(change.objectName, []);
      }
      this.byObject.get(change.objectName)!.push(record);
      this.byId.set(record.Id, { objectName: change.objectName, record });
    } else if (change.op === 'update') {
      const entry = this.byId.get(change.id);
      if (entry) {
        Object.assign(entry.record, change.fields);
      }
    } else {
      const entry = this.byId.get(change.id);
      if (entry) {
        const list = this.byObject.get(entry.objectName) ?? [];
        list.splice(list.indexOf(entry.record), 1);
        this.byId.delete(change.id);
      }
    }
  }
}
