/**
 * Lookups to records that are not in the data set. Objects stream parents first, so most
 * references are checked on arrival; references to an object that comes later (or to the
 * same object) wait until the end. Memory: the Ids of referenced objects in compact key
 * indexes; each waiting reference is packed into one string and spilled to disk past the
 * budget (spill.ts).
 */
import type { SnapshotObject } from '../../snapshot/schema';
import { auditSpill } from '../spill';
import type { AuditContext, Auditor, AuditorFactory, Emit, RecordRef } from '../types';
import { KeyIndex } from '../keyIndex';
import { key15, key15Length, refOf, str } from '../values';

interface Pending {
  record: RecordRef;
  field: string;
  target: string;
  value: string;
}

const SEPARATOR = '\u0001';

/** A waiting reference as one flat string (object, field, target, Id, external Id, value). */
function pack(p: Pending): string {
  return [p.record.object, p.field, p.target, p.record.recordId ?? '', p.record.externalId ?? '', p.value].join(
    SEPARATOR,
  );
}

function unpack(packed: string): Pending {
  const [object, field, target, recordId, externalId, ...value] = packed.split(SEPARATOR);
  return {
    record: { object, recordId: recordId === '' ? null : recordId, externalId: externalId === '' ? null : externalId },
    field,
    target,
    value: value.join(SEPARATOR),
  };
}

/**
 * @param objects the objects the data set holds, in load order: references to other objects are not judged
 */
export function orphanReferences(objects: readonly SnapshotObject[]): AuditorFactory {
  return (context: AuditContext): Auditor => {
    const inData = new Set(objects.map((o) => o.name));
    const order = new Map(objects.map((o, index) => [o.name, index]));
    const referenced = new Set<string>();
    for (const object of objects) {
      for (const field of object.fields) {
        if (field.type === 'reference' && field.referenceTo && inData.has(field.referenceTo)) {
          referenced.add(field.referenceTo);
        }
      }
    }
    const ids = new Map<string, KeyIndex>([...referenced].map((name) => [name, new KeyIndex()]));
    // Per object, worked out once: each reference field, its target's Ids, and whether the target comes earlier.
    const referenceFields = new Map(
      objects.map((object) => [
        object.name,
        object.fields
          .filter((f) => f.type === 'reference' && f.referenceTo !== undefined && inData.has(f.referenceTo))
          .map((f) => ({
            name: f.name,
            target: f.referenceTo as string,
            targetIds: ids.get(f.referenceTo as string) as KeyIndex,
            arrived: (order.get(f.referenceTo as string) ?? 0) < (order.get(object.name) ?? 0),
          })),
      ]),
    );
    const pending = auditSpill(context, 1);
    const report = (emit: Emit, p: Pending): void =>
      emit(
        'orphan-reference',
        p.record,
        `${p.field} points to ${p.target} ${p.value}, which is not in the data set`,
        `Point ${p.field} at an existing ${p.target} or clear it.`,
      );
    return {
      checks: ['orphan-reference'],
      objects: objects.map((o) => o.name),
      requires: [],
      onRecord(objectName, record, emit) {
        const own = ids.get(objectName);
        const id = str(record, 'Id');
        if (own && id !== null) {
          own.add(id, key15Length(id));
        }
        for (const field of referenceFields.get(objectName) ?? []) {
          const value = str(record, field.name);
          if (value === null) {
            continue;
          }
          if (field.arrived && field.targetIds.has(value, key15Length(value))) {
            continue; // the common case: a parent already read
          }
          const p: Pending = { record: refOf(objectName, record), field: field.name, target: field.target, value };
          if (field.arrived) {
            report(emit, p);
          } else {
            pending.addTo(0, pack(p));
          }
        }
      },
      finish(emit) {
        for (const packed of pending.drainEach()) {
          const p = unpack(packed);
          if (!ids.get(p.target)?.has(key15(p.value) ?? '')) {
            report(emit, p);
          }
        }
      },
      dispose() {
        pending.dispose();
      },
    };
  };
}
