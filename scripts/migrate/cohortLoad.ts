/**
 * Writes a planned cohort into an org by Bulk API 2.0 upsert on External_Id__c: accounts
 * first, then registrations and leads pointing at their partner account by Id. A state file
 * per cohort records finished jobs (a run that stopped resumes where it stopped), the Id of
 * every written row, and the Ids the cohort created (what `prm migrate rollback` deletes).
 * Rows failing with UNABLE_TO_LOCK_ROW are resubmitted with backoff a bounded number of
 * times; rows the org refuses are written with their error to the cohort's error file; they
 * never stop the other rows.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { encodeCell } from '../snapshot/format';
import { EXTERNAL_ID_FIELD } from '../snapshot/schema';
import type { IngestResult } from '../salesforce/client';
import { COHORT_OBJECTS, partnerAccountId, type CohortObject } from './cohortSnapshot';
import type { LegacyRecord } from './legacyRecords';
import type { MigrationPlan } from './plan';

/** What the load needs from the org. */
export interface CohortOrg {
  bulkUpsert(objectName: string, externalIdField: string, csv: string): Promise<IngestResult>;
  backoff(attempt: number): number;
  bulkDelete(objectName: string, csv: string): Promise<IngestResult>;
}

export interface CohortState {
  cohort: string;
  target: string;
  /** Hash of the planned rows: a changed plan starts its jobs over (created Ids are kept). */
  fingerprint: string;
  completed: boolean;
  doneJobs: string[];
  /** External ID (lower case) → record Id of every row written so far. */
  ids: Record<string, string>;
  /** Record Ids this cohort created, by object: exactly what a rollback deletes. */
  created: Record<string, string[]>;
  rolledBack?: string;
}

export interface LoadSummary {
  object: CohortObject;
  rows: number;
  created: number;
  updated: number;
  failed: number;
  resumedJobs: number;
}

export interface CohortLoadResult {
  summaries: LoadSummary[];
  resumed: boolean;
  failed: number;
  state: CohortState;
}

const LOCKED = 'UNABLE_TO_LOCK_ROW';

export const ERROR_COLUMNS = ['source', 'line', 'legacy_key', 'object', 'external_id', 'column', 'error'];

/** Files of one cohort under the state folder. */
export function cohortFiles(
  stateDir: string,
  cohort: string,
): { dir: string; state: string; errors: string; snapshot: string } {
  const dir = path.join(stateDir, cohort.replace(/[^\w.-]+/g, '_'));
  return {
    dir,
    state: path.join(dir, 'cohort-state.json'),
    errors: path.join(dir, 'errors.csv'),
    snapshot: path.join(dir, 'snapshot'),
  };
}

export function readCohortState(file: string): CohortState | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as CohortState) : undefined;
}

export function writeCohortState(file: string, state: CohortState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

/** Appends rows to the cohort's error file (creating it with its header). */
export function appendErrors(file: string, rows: string[][]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  if (!existsSync(file)) {
    writeFileSync(file, stringify([ERROR_COLUMNS]));
  }
  if (rows.length > 0) {
    appendFileSync(file, stringify(rows));
  }
}

/** One error-file row per problem of a refused legacy row. */
export function problemRows(record: LegacyRecord): string[][] {
  return record.problems.map((p) => [
    record.table,
    String(record.line),
    record.legacyKey,
    record.object,
    record.externalId,
    p.column,
    p.message,
  ]);
}

interface Job {
  key: string;
  object: CohortObject;
  records: LegacyRecord[];
}

function columnsOf(object: CohortObject, records: LegacyRecord[]): string[] {
  const names = new Set<string>();
  records.forEach((r) => Object.keys(r.fields).forEach((f) => names.add(f)));
  names.delete(EXTERNAL_ID_FIELD);
  return [EXTERNAL_ID_FIELD, ...[...names].sort(), ...(object === 'Account' ? [] : ['Partner_Account__c'])];
}

export interface CohortLoadOptions {
  files: ReturnType<typeof cohortFiles>;
  target: string;
  batchSize: number;
  /** Resubmissions of rows that failed with UNABLE_TO_LOCK_ROW (default 3). */
  lockRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Error-file rows of the rows refused before loading (written once per run, not again on resume). */
  refused: string[][];
  onJob?: (summary: { object: string; rows: number }) => void;
}

/**
 * Loads a cohort plan.
 * @param org Bulk upserts
 * @param plan the cohort plan
 * @param options state files, target and batch size
 */
export async function loadCohort(
  org: CohortOrg,
  plan: MigrationPlan,
  options: CohortLoadOptions,
): Promise<CohortLoadResult> {
  const jobs: Job[] = COHORT_OBJECTS.flatMap((object) => {
    const records = plan.writes[object];
    const chunks: Job[] = [];
    for (let i = 0; i < records.length; i += options.batchSize) {
      chunks.push({
        key: `${object}:${i / options.batchSize}`,
        object,
        records: records.slice(i, i + options.batchSize),
      });
    }
    return chunks;
  });
  const fingerprint = createHash('sha256')
    .update(JSON.stringify(jobs.map((j) => [j.key, j.records.map((r) => r.fields)])))
    .update(`|${options.target}|${options.batchSize}`)
    .digest('hex');
  const previous = readCohortState(options.files.state);
  const resumed = previous !== undefined && !previous.completed && previous.fingerprint === fingerprint;
  const state: CohortState = {
    cohort: plan.cohort,
    target: options.target,
    fingerprint,
    completed: false,
    doneJobs: resumed ? previous.doneJobs : [],
    ids: previous?.ids ?? {},
    created: previous?.created ?? {},
  };
  writeCohortState(options.files.state, state);
  if (!resumed) {
    rmSync(options.files.errors, { force: true });
    appendErrors(options.files.errors, options.refused);
  }
  const summaries = new Map<CohortObject, LoadSummary>(
    COHORT_OBJECTS.map((o) => [o, { object: o, rows: 0, created: 0, updated: 0, failed: 0, resumedJobs: 0 }]),
  );
  let failed = 0;
  for (const job of jobs) {
    const summary = summaries.get(job.object) as LoadSummary;
    summary.rows += job.records.length;
    if (state.doneJobs.includes(job.key)) {
      summary.resumedJobs++;
      continue;
    }
    const outcome = await runJob(org, plan, job, state, options.files.errors, {
      lockRetries: options.lockRetries ?? 3,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    });
    summary.created += outcome.created;
    summary.updated += outcome.updated;
    summary.failed += outcome.failed;
    failed += outcome.failed;
    state.doneJobs.push(job.key);
    writeCohortState(options.files.state, state);
    options.onJob?.({ object: job.object, rows: job.records.length });
  }
  state.completed = true;
  writeCohortState(options.files.state, state);
  return { summaries: [...summaries.values()], resumed, failed, state };
}

async function runJob(
  org: CohortOrg,
  plan: MigrationPlan,
  job: Job,
  state: CohortState,
  errorFile: string,
  { lockRetries, sleep }: { lockRetries: number; sleep: (ms: number) => Promise<void> },
): Promise<{ created: number; updated: number; failed: number }> {
  const columns = columnsOf(job.object, job.records);
  const idOf = (externalId: string): string | undefined => state.ids[externalId.toLowerCase()];
  const byExternalId = new Map(job.records.map((r) => [r.externalId.toLowerCase(), r]));
  const errors: string[][] = [];
  const rows: string[][] = [];
  for (const record of job.records) {
    const partner = job.object === 'Account' ? undefined : partnerAccountId(plan, record, idOf);
    if (job.object !== 'Account' && plan.partnerOf.get(record)?.externalId !== undefined && partner === undefined) {
      errors.push([
        record.table,
        String(record.line),
        record.legacyKey,
        record.object,
        record.externalId,
        'partner',
        "its partner account was not written (see that row's error)",
      ]);
      continue;
    }
    rows.push(columns.map((c) => (c === 'Partner_Account__c' ? (partner ?? '') : encodeCell(record.fields[c]))));
  }
  let created = 0;
  let updated = 0;
  const failedRow = (row: Record<string, string>, error: string): string[] => {
    const record = byExternalId.get((row[EXTERNAL_ID_FIELD] ?? '').toLowerCase());
    return [
      record?.table ?? '',
      String(record?.line ?? ''),
      record?.legacyKey ?? '',
      job.object,
      row[EXTERNAL_ID_FIELD] ?? '',
      '',
      error,
    ];
  };
  let pending = rows;
  for (let attempt = 1; pending.length > 0; attempt++) {
    const result = await org.bulkUpsert(job.object, EXTERNAL_ID_FIELD, stringify([columns, ...pending]));
    for (const row of result.successful) {
      state.ids[(row[EXTERNAL_ID_FIELD] ?? '').toLowerCase()] = row.sf__Id;
      if (row.sf__Created === 'true') {
        created++;
        (state.created[job.object] ??= []).push(row.sf__Id);
      } else {
        updated++;
      }
    }
    const locked = result.failed.filter((r) => (r.sf__Error ?? '').startsWith(LOCKED));
    errors.push(
      ...result.failed.filter((r) => !locked.includes(r)).map((r) => failedRow(r, r.sf__Error ?? '')),
      ...result.unprocessed.map((r) => failedRow(r, 'UNPROCESSED: the job did not process this row')),
    );
    pending = locked.map((r) => columns.map((c) => r[c] ?? ''));
    if (pending.length > 0 && attempt > lockRetries) {
      errors.push(...locked.map((r) => failedRow(r, `${r.sf__Error} (after ${attempt} attempts)`)));
      pending = [];
    } else if (pending.length > 0) {
      await sleep(org.backoff(attempt));
    }
  }
  appendErrors(errorFile, errors);
  return { created, updated, failed: errors.length };
}

export interface RollbackResult {
  deleted: Record<string, number>;
  failed: number;
}

/**
 * Deletes exactly the records a cohort created, children first, and marks the state rolled back.
 * @param org Bulk deletes
 * @param files the cohort's files
 * @param batchSize Ids per job
 */
export async function rollbackCohort(
  org: CohortOrg,
  files: ReturnType<typeof cohortFiles>,
  batchSize: number,
): Promise<RollbackResult> {
  const state = readCohortState(files.state);
  if (!state) {
    throw new Error(`No cohort state at ${files.state}`);
  }
  const result: RollbackResult = { deleted: {}, failed: 0 };
  for (const object of [...COHORT_OBJECTS].reverse()) {
    const ids = state.created[object] ?? [];
    result.deleted[object] = 0;
    const gone = new Set<string>();
    for (let i = 0; i < ids.length; i += batchSize) {
      const outcome = await org.bulkDelete(
        object,
        stringify([['Id'], ...ids.slice(i, i + batchSize).map((id) => [id])]),
      );
      outcome.successful.forEach((row) => gone.add(row.sf__Id));
      result.deleted[object] += outcome.successful.length;
      result.failed += outcome.failed.length + outcome.unprocessed.length;
      appendErrors(
        files.errors,
        outcome.failed.map((row) => ['rollback', '', '', object, '', 'Id', `${row.Id}: ${row.sf__Error}`]),
      );
    }
    for (const [key, id] of Object.entries(state.ids)) {
      if (gone.has(id)) {
        delete state.ids[key];
      }
    }
    // Ids that could not be deleted stay listed: running the rollback again retries them.
    state.created[object] = ids.filter((id) => !gone.has(id));
    writeCohortState(files.state, state);
  }
  state.rolledBack = new Date().toISOString();
  state.completed = true;
  state.doneJobs = [];
  writeCohortState(files.state, state);
  return result;
}
