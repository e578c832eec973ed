/**
 * One `prm migrate` run, without the command line: read and check the legacy data, plan the
 * cohort against the existing accounts, then (unless a dry run) write it to a snapshot folder
 * or load it into an org, and audit the cohort's records.
 */
import path from 'node:path';
import { runAudit, type AuditSummary } from '../audit/engine';
import type { ProgramPolicy } from '../audit/policy';
import { SnapshotSource } from '../audit/sources';
import { UsageError } from '../audit/cliSupport';
import { loadSnapshotSchema } from '../snapshot/schema';
import type { NamespacedClient } from '../salesforce/namespacedClient';
import type { AccountMatch } from './accountMatch';
import { syntheticIds, writeCohortSnapshot, type CohortObject } from './cohortSnapshot';
import { appendErrors, cohortFiles, loadCohort, problemRows, type CohortLoadResult } from './cohortLoad';
import { accountsFromOrg, accountsFromSnapshot, type ExistingAccounts } from './existingAccounts';
import { readLegacyRecords, type LegacyRecord } from './legacyRecords';
import { readLegacyFolder } from './legacyTables';
import { readMapping } from './mapping';
import { planCohort, readCohortFile, type CohortBy, type MigrationPlan } from './plan';
import { rmSync } from 'node:fs';

export interface MigrationRequest {
  from: string;
  mapping: string;
  cohort: string;
  cohortBy?: string;
  /** Existing accounts from a snapshot, when there is no org. */
  existing?: string;
  out?: string;
  dryRun: boolean;
  allOrNothing: boolean;
  batchSize: number;
  stateDir: string;
  now: string;
  policy: ProgramPolicy;
  /** Waits between resubmissions of locked rows (tests pass one that does not wait). */
  sleep?: (ms: number) => Promise<void>;
}

export interface MigrationOutcome {
  plan: MigrationPlan;
  tables: number;
  load?: CohortLoadResult;
  snapshotDir?: string;
  errorFile?: string;
  audit?: AuditSummary;
}

export function cohortByOf(value: string | undefined): CohortBy {
  if (value === undefined) {
    return { kind: 'all' };
  }
  if (value === 'tier' || value === 'region') {
    return { kind: value };
  }
  return { kind: 'file', keys: readCohortFile(value) };
}

/** Counts of the match preview by outcome. */
export function outcomeCounts(matches: AccountMatch[]): Record<AccountMatch['outcome'], number> {
  const counts = { matched: 0, new: 0, ambiguous: 0, duplicate: 0 };
  matches.forEach((m) => counts[m.outcome]++);
  return counts;
}

async function auditCohort(dir: string, now: string, policy: ProgramPolicy): Promise<AuditSummary> {
  return (await runAudit(new SnapshotSource(dir, loadSnapshotSchema()), { now, policy })).summary;
}

/**
 * Reads, plans and (unless a dry run) writes one cohort.
 * @param request what to migrate and where
 * @param client the org, when the target is an org
 */
export async function runMigration(request: MigrationRequest, client?: NamespacedClient): Promise<MigrationOutcome> {
  const mapping = readMapping(request.mapping);
  const tables = await readLegacyFolder(request.from);
  const records: LegacyRecord[] = readLegacyRecords(tables, mapping);
  const existing: ExistingAccounts = client
    ? await accountsFromOrg(client)
    : request.existing
      ? await accountsFromSnapshot(request.existing)
      : { accounts: [], records: new Map() };
  const plan = planCohort(records, existing.accounts, request.cohort, cohortByOf(request.cohortBy), request.policy);
  const outcome: MigrationOutcome = { plan, tables: tables.length };
  const refused = plan.rejected.flatMap(problemRows);
  if (request.allOrNothing && plan.rejected.length > 0) {
    throw new UsageError(
      `${plan.rejected.length} row(s) of cohort ${request.cohort} cannot be migrated and --all-or-nothing is set: nothing was written. First: ${refused[0].join(' | ')}`,
    );
  }
  if (request.dryRun) {
    return outcome;
  }
  if (request.out !== undefined) {
    const dir = path.resolve(request.out);
    writeCohortSnapshot(dir, plan, syntheticIds(plan), existing.records, request.now);
    outcome.snapshotDir = dir;
    outcome.errorFile = path.join(dir, 'errors.csv');
    rmSync(outcome.errorFile, { force: true });
    appendErrors(outcome.errorFile, refused);
  } else if (client) {
    const files = cohortFiles(request.stateDir, request.cohort);
    outcome.load = await loadCohort(client, plan, {
      files,
      target: `${client.session.instanceUrl}|${client.session.label}`,
      batchSize: request.batchSize,
      refused,
      sleep: request.sleep,
    });
    const ids = outcome.load.state.ids;
    writeCohortSnapshot(
      files.snapshot,
      plan,
      (externalId) => ids[externalId.toLowerCase()],
      existing.records,
      request.now,
    );
    outcome.snapshotDir = files.snapshot;
    outcome.errorFile = files.errors;
  }
  if (outcome.snapshotDir !== undefined) {
    outcome.audit = await auditCohort(outcome.snapshotDir, request.now, request.policy);
  }
  return outcome;
}

/** Rows per object the plan writes. */
export function writeCounts(plan: MigrationPlan): Record<CohortObject, number> {
  return {
    Account: plan.writes.Account.length,
    Deal_Registration__c: plan.writes.Deal_Registration__c.length,
    Lead: plan.writes.Lead.length,
  };
}
