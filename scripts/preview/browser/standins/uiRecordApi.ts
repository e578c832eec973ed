/**
 * `lightning/uiRecordApi` for the preview: records come from the demo data, in the shape
 * Lightning Data Service gives them (`{ id, apiName, fields: { F: { value, displayValue } } }`,
 * relationship fields nested). Fields a snapshot does not hold (formulas, system fields)
 * come back as null instead of failing.
 */
import { demoStore } from '../adapter';
import type { DemoRecord, FieldValue } from '../types';

type FieldId = { fieldApiName: string; objectApiName: string } | string;

export interface FieldRepresentation {
  value: FieldValue | RecordRepresentation;
  displayValue: string | null;
}

export interface RecordRepresentation {
  id: string;
  apiName: string;
  fields: Record<string, FieldRepresentation>;
  childRelationships: Record<string, unknown>;
  recordTypeId: string | null;
  lastModifiedDate: string;
}

/** `Object.Field.Path` or a schema import → the path below the object. */
function fieldPath(field: FieldId): string[] {
  if (typeof field === 'string') {
    return field.split('.').slice(1);
  }
  return field.fieldApiName.split('.');
}

/** The lookup field behind a relationship name: `Partner_Account__r` → `Partner_Account__c`, `Account` → `AccountId`. */
function lookupField(relationship: string): string {
  return relationship.endsWith('__r') ? `${relationship.slice(0, -3)}__c` : `${relationship}Id`;
}

function representation(record: DemoRecord, paths: string[][]): RecordRepresentation {
  const store = demoStore();
  const fields: Record<string, FieldRepresentation> = {};
  const nested = new Map<string, string[][]>();
  for (const path of paths) {
    if (path.length === 1) {
      const value = record[path[0]] ?? null;
      fields[path[0]] = { value, displayValue: value === null ? null : String(value) };
    } else if (path.length > 1) {
      nested.set(path[0], [...(nested.get(path[0]) ?? []), path.slice(1)]);
    }
  }
  for (const [relationship, subPaths] of nested) {
    const related = store.get(record[lookupField(relationship)] as string | null);
    fields[relationship] = {
      value: related ? representation(related, subPaths) : null,
      displayValue: related ? String(related.Name ?? related.Id) : null,
    };
  }
  return {
    id: record.Id,
    apiName: store.objectOf(record.Id) ?? '',
    fields,
    childRelationships: {},
    recordTypeId: null,
    lastModifiedDate: String(record.LastModifiedDate ?? record.CreatedDate ?? store.now),
  };
}

function allFieldPaths(record: DemoRecord): string[][] {
  return Object.keys(record).map((name) => [name]);
}

type Callback = (value: { data: RecordRepresentation | undefined; error: unknown }) => void;

const liveRecordWires = new Set<GetRecordWire>();

interface GetRecordConfig {
  recordId?: string;
  fields?: FieldId[];
  optionalFields?: FieldId[];
  layoutTypes?: string[];
}

class GetRecordWire {
  private config: GetRecordConfig | undefined;
  private connected = false;

  constructor(private readonly callback: Callback) {}

  connect(): void {
    this.connected = true;
    liveRecordWires.add(this);
    this.provide();
  }

  disconnect(): void {
    this.connected = false;
    liveRecordWires.delete(this);
  }

  update(config: GetRecordConfig): void {
    this.config = config;
    this.provide();
  }

  watches(recordId: string): boolean {
    return this.config?.recordId === recordId;
  }

  provide(): void {
    const config = this.config;
    if (!this.connected || !config?.recordId) {
      return;
    }
    const recordId = config.recordId;
    void Promise.resolve().then(() => {
      const record = demoStore().get(recordId);
      if (!record) {
        this.callback({
          data: undefined,
          error: { status: 404, body: { message: `The requested resource does not exist: ${recordId}` } },
        });
        return;
      }
      const requested = [...(config.fields ?? []), ...(config.optionalFields ?? [])].map(fieldPath);
      const paths = requested.length > 0 || !config.layoutTypes ? requested : allFieldPaths(record);
      this.callback({ data: representation(record, paths), error: undefined });
    });
  }
}

export const getRecord = GetRecordWire;

export function getFieldValue(record: RecordRepresentation | undefined, field: FieldId): unknown {
  let current: RecordRepresentation | undefined = record;
  const path = fieldPath(field);
  for (let i = 0; i < path.length; i++) {
    const entry: FieldRepresentation | undefined = current?.fields[path[i]];
    if (!entry) {
      return undefined;
    }
    if (i === path.length - 1) {
      return entry.value;
    }
    current = (entry.value as RecordRepresentation | null) ?? undefined;
  }
  return undefined;
}

export function getFieldDisplayValue(record: RecordRepresentation | undefined, field: FieldId): unknown {
  const value = getFieldValue(record, field);
  return value === undefined || value === null ? value : String(value);
}

function changed(recordId: string): void {
  for (const wire of liveRecordWires) {
    if (wire.watches(recordId)) {
      wire.provide();
    }
  }
}

export function updateRecord(input: { fields: Record<string, FieldValue> }): Promise<RecordRepresentation> {
  return Promise.resolve().then(() => {
    const { Id, ...fields } = input.fields;
    const record = demoStore().update(String(Id), fields);
    changed(record.Id);
    return representation(record, allFieldPaths(record));
  });
}

export function createRecord(input: {
  apiName: string;
  fields: Record<string, FieldValue>;
}): Promise<RecordRepresentation> {
  return Promise.resolve().then(() => {
    const record = demoStore().insert(input.apiName, input.fields);
    return representation(record, allFieldPaths(record));
  });
}

export function notifyRecordUpdateAvailable(items: { recordId: string }[]): Promise<void> {
  items.forEach((item) => changed(item.recordId));
  return Promise.resolve();
}

/** The older name of notifyRecordUpdateAvailable. */
export function getRecordNotifyChange(items: { recordId: string }[]): void {
  void notifyRecordUpdateAvailable(items);
}
