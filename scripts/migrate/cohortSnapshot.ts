/**
 * The cohort as a snapshot folder: the accounts it writes and the existing accounts its rows
 * point to, its registrations and its leads, with the record Ids the org gave them (or
 * generated Ids offline). `prm audit` reads it like any snapshot; the migration audits it
 * after every cohort.
 */
import type { SnapshotRecord } from '../snapshot/format';
import { loadSnapshotSchema, syntheticId, type SnapshotObject } from '../snapshot/schema';
import { SnapshotWriter } from '../snapshot/writer';
import type { LegacyRecord } from './legacyRecords';
import type { MigrationPlan } from './plan';

export const COHORT_OBJECTS = ['Account', 'Deal_Registration__c', 'Lead'] as const;
export type CohortObject = (typeof COHORT_OBJECTS)[number];

/** The record Id of each written row by external ID (lower case); rows without one were not written. */
export type IdLookup = (externalId: string) => string | undefined;

/** Generated Ids for an offline cohort, in plan order. */
export function syntheticIds(plan: MigrationPlan): IdLookup {
  const schema = loadSnapshotSchema();
  const ids = new Map<string, string>();
  for (const object of COHORT_OBJECTS) {
    const keyPrefix = (schema.get(object) as SnapshotObject).keyPrefix;
    plan.writes[object].forEach((record, i) => {
      ids.set(record.externalId.toLowerCase(), syntheticId(keyPrefix, 900000 + i));
    });
  }
  return (externalId) => ids.get(externalId.toLowerCase());
}

/**
 * The Id of the account a registration or lead points to.
 * @param plan the cohort plan
 * @param record the registration or lead
 * @param idOf written rows' Ids
 */
export function partnerAccountId(plan: MigrationPlan, record: LegacyRecord, idOf: IdLookup): string | undefined {
  const ref = plan.partnerOf.get(record);
  if (ref === undefined) {
    return undefined;
  }
  return (ref.externalId === undefined ? undefined : idOf(ref.externalId)) ?? ref.accountId;
}

/**
 * Writes the cohort snapshot.
 * @param dir target folder
 * @param plan the cohort plan
 * @param idOf Ids of the written rows
 * @param existing records of existing accounts by Id
 * @param takenAt the snapshot's time
 */
export function writeCohortSnapshot(
  dir: string,
  plan: MigrationPlan,
  idOf: IdLookup,
  existing: Map<string, SnapshotRecord>,
  takenAt: string,
): Record<CohortObject, number> {
  const schema = loadSnapshotSchema();
  const writer = new SnapshotWriter(
    dir,
    COHORT_OBJECTS.map((o) => schema.get(o) as SnapshotObject),
  );
  const counts = { Account: 0, Deal_Registration__c: 0, Lead: 0 };
  const written = new Set<string>();
  for (const object of COHORT_OBJECTS) {
    for (const record of plan.writes[object]) {
      const id = idOf(record.externalId);
      if (id === undefined) {
        continue;
      }
      const partner = object === 'Account' ? undefined : partnerAccountId(plan, record, idOf);
      writer.write(object, {
        ...record.fields,
        Id: id,
        CreatedDate: takenAt,
        ...(partner === undefined ? {} : { Partner_Account__c: partner }),
      });
      written.add(id);
      counts[object]++;
    }
  }
  for (const account of plan.referenced) {
    const record = existing.get(account.id);
    if (record && !written.has(account.id)) {
      writer.write('Account', record);
      counts.Account++;
    }
  }
  writer.close({ takenAt, apiVersion: '65.0', source: `prm migrate --cohort ${plan.cohort}` });
  return counts;
}
