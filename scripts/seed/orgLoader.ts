/**
 * Loads a snapshot into an org with Bulk API 2.0 upserts on External_Id__c:
 * - the whole snapshot is validated first (cells, external IDs, references), so bad input
 *   writes nothing;
 * - objects load parents first and reference their parents by external ID; lookups to an
 *   object that loads later (or to the same object) are set in a second "links" pass;
 * - rows go in jobs of `batchSize`; a state file records finished jobs, so a run that
 *   stopped (limits, lost session) resumes where it stopped, and a finished run's next
 *   run upserts everything again (nothing is duplicated: upsert matches external IDs);
 * - rows failing with UNABLE_TO_LOCK_ROW are resubmitted with backoff a bounded number of
 *   times; rows that still fail are written with their error to failed-rows/<Object>.csv.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { encodeCell, SnapshotInputError, SNAPSHOT_MANIFEST, type SnapshotRecord } from '../snapshot/format';
import { objectFile, openSnapshot, readObjectRecords } from '../snapshot/reader';
import { EXTERNAL_ID_FIELD, type SnapshotField, type SnapshotObject, type SnapshotSchema } from '../snapshot/schema';
import type { IngestResult } from '../salesforce/client';

/** What the loader needs from the org: a Bulk API 2.0 upsert. */
export interface BulkUpserter {
  bulkUpsert(objectName: string, externalIdField: string, csv: string): Promise<IngestResult>;
  backoff(attempt: number): number;
}

export interface LoadOptions {
  /** Folder for the state file and failed rows. */
  stateDir: string;
  /** Identifies the target in the state file, so a state is never resumed against another org. */
  target: string;
  /** Rows per Bulk job (default 10000). */
  batchSize?: number;
  /** Resubmissions of rows that failed with UNABLE_TO_LOCK_ROW (default 3). */
  lockRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  onJob?: (event: {
    object: string;
    pass: string;
    rows: number;
    created: number;
    updated: number;
    failed: number;
  }) => void;
  /** The result of `validateForLoad` when the caller validated already. */
  validated?: ValidatedSnapshot;
}

export interface ValidatedSnapshot {
  objects: SnapshotObject[];
  /** 15-character record Id → external ID. */
  externalIds: Map<string, string>;
}

export interface PassSummary {
  object: string;
  pass: 'main' | 'links';
  records: number;
  created: number;
  updated: number;
  failed: number;
  jobs: number;
  /** Jobs finished by an earlier, interrupted run and not repeated. */
  resumedJobs: number;
}

export interface LoadResult {
  passes: PassSummary[];
  created: number;
  updated: number;
  failed: number;
  failedRowsDir: string;
  stateFile: string;
  resumed: boolean;
}

interface PassState {
  doneJobs: number;
  records: number;
  created: number;
  updated: number;
  failed: number;
  jobIds: string[];
}

interface LoadState {
  fingerprint: string;
  completed: boolean;
  passes: Record<string, PassState>;
}

interface Column {
  header: string;
  field: SnapshotField;
  reference: boolean;
}

interface Pass {
  key: string;
  object: SnapshotObject;
  kind: 'main' | 'links';
  columns: Column[];
}

export const STATE_FILE = 'seed-state.json';
const LOCKED = 'UNABLE_TO_LOCK_ROW';

/**
 * Validates a snapshot for loading and maps every record Id to its external ID.
 * Throws SnapshotInputError naming file, line and column of the first problem.
 * @param dir snapshot folder
 * @param schema snapshot schema
 */
export async function validateForLoad(dir: string, schema: SnapshotSchema): Promise<ValidatedSnapshot> {
  const { objects, expectedRecords } = openSnapshot(dir, schema);
  const present = new Set(objects.map((o) => o.name));
  const externalIds = new Map<string, string>();
  const forward: { file: string; line: number; field: string; target: string; value: string }[] = [];
  for (const object of objects) {
    const file = objectFile(dir, object.name);
    const seen = new Set<string>();
    const position = { line: 0 };
    const references = object.fields.filter(
      (f) => f.type === 'reference' && f.referenceTo !== undefined && present.has(f.referenceTo),
    );
    for await (const record of readObjectRecords(dir, object, {
      position,
      expectedRecords: expectedRecords(object.name),
    })) {
      const externalId = record[EXTERNAL_ID_FIELD];
      if (typeof externalId !== 'string' || externalId.trim() === '') {
        throw new SnapshotInputError(
          file,
          `${EXTERNAL_ID_FIELD} is blank: every record needs one to be upserted`,
          position.line,
          EXTERNAL_ID_FIELD,
        );
      }
      const folded = externalId.toLowerCase();
      if (seen.has(folded)) {
        throw new SnapshotInputError(
          file,
          `${EXTERNAL_ID_FIELD} ${externalId} appears twice (external IDs are case-insensitive)`,
          position.line,
          EXTERNAL_ID_FIELD,
        );
      }
      seen.add(folded);
      externalIds.set(String(record.Id).substring(0, 15), externalId);
      for (const field of references) {
        const value = record[field.name];
        if (typeof value === 'string') {
          forward.push({ file, line: position.line, field: field.name, target: field.referenceTo as string, value });
        }
      }
    }
  }
  for (const ref of forward) {
    if (!externalIds.has(ref.value.substring(0, 15))) {
      throw new SnapshotInputError(
        ref.file,
        `${ref.field} points to ${ref.target} ${ref.value}, which is not in the snapshot, so it cannot be referenced by external ID`,
        ref.line,
        ref.field,
      );
    }
  }
  return { objects, externalIds };
}

/** Parents first; lookups to the same or a later object wait for the links pass. */
export function planPasses(objects: SnapshotObject[]): Pass[] {
  const order = new Map(objects.map((o, i) => [o.name, i]));
  const main: Pass[] = [];
  const links: Pass[] = [];
  for (const object of objects) {
    const own = order.get(object.name) ?? 0;
    const columns: Column[] = [];
    const deferred: Column[] = [];
    for (const field of object.fields) {
      if (!field.writable) {
        continue;
      }
      if (field.type !== 'reference') {
        columns.push({ header: field.name, field, reference: false });
        continue;
      }
      const target = field.referenceTo === undefined ? undefined : order.get(field.referenceTo);
      if (target === undefined || field.relationshipName === undefined) {
        continue; // a lookup to an object the snapshot does not carry (User, for example)
      }
      const column = { header: `${field.relationshipName}.${EXTERNAL_ID_FIELD}`, field, reference: true };
      if (target < own) {
        columns.push(column);
      } else if (field.masterDetail) {
        throw new Error(
          `${object.name}.${field.name} is master-detail to ${String(field.referenceTo)}, which loads later`,
        );
      } else {
        deferred.push(column);
      }
    }
    main.push({ key: `${object.name}:main`, object, kind: 'main', columns });
    if (deferred.length > 0) {
      const externalId = columns.find((c) => c.header === EXTERNAL_ID_FIELD) as Column;
      links.push({ key: `${object.name}:links`, object, kind: 'links', columns: [externalId, ...deferred] });
    }
  }
  return [...main, ...links];
}

/** The records a pass sends: every record in the main pass, those with a deferred lookup set in the links pass. */
async function* passRecords(dir: string, pass: Pass): AsyncGenerator<SnapshotRecord> {
  const deferred = pass.columns.slice(1);
  for await (const record of readObjectRecords(dir, pass.object)) {
    if (
      pass.kind === 'links' &&
      deferred.every((c) => record[c.field.name] === null || record[c.field.name] === undefined)
    ) {
      continue;
    }
    yield record;
  }
}

/** One pass of a planned load: how many rows and Bulk API 2.0 jobs it would send. */
export interface PlannedPass {
  object: string;
  pass: 'main' | 'links';
  rows: number;
  jobs: number;
}

export interface LoadPlan {
  passes: PlannedPass[];
  rows: number;
  jobs: number;
  batchSize: number;
}

/**
 * What a load would send, pass by pass, without sending anything (`prm seed --dry-run`).
 * @param dir a snapshot folder that `validateForLoad` accepted
 * @param objects the validated objects, in load order
 * @param batchSize rows per Bulk API 2.0 job
 */
export async function planLoad(dir: string, objects: SnapshotObject[], batchSize = 10000): Promise<LoadPlan> {
  const passes: PlannedPass[] = [];
  for (const pass of planPasses(objects)) {
    let rows = 0;
    const records = passRecords(dir, pass);
    while (!(await records.next()).done) {
      rows++;
    }
    passes.push({ object: pass.object.name, pass: pass.kind, rows, jobs: Math.ceil(rows / batchSize) });
  }
  return {
    passes,
    rows: passes.reduce((sum, p) => sum + p.rows, 0),
    jobs: passes.reduce((sum, p) => sum + p.jobs, 0),
    batchSize,
  };
}

function readState(file: string, fingerprint: string): { state: LoadState; resumed: boolean } {
  if (existsSync(file)) {
    const state = JSON.parse(readFileSync(file, 'utf8')) as LoadState;
    if (state.fingerprint === fingerprint && !state.completed) {
      return { state, resumed: true };
    }
  }
  return { state: { fingerprint, completed: false, passes: {} }, resumed: false };
}

function writeState(file: string, state: LoadState): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temporary, file);
}

/**
 * Loads a validated snapshot into the org.
 * @param org Bulk upserts
 * @param dir snapshot folder
 * @param schema snapshot schema
 * @param options state folder, batch size, retries
 */
export async function loadSnapshot(
  org: BulkUpserter,
  dir: string,
  schema: SnapshotSchema,
  options: LoadOptions,
): Promise<LoadResult> {
  const { objects, externalIds } = options.validated ?? (await validateForLoad(dir, schema));
  const batchSize = options.batchSize ?? 10000;
  const lockRetries = options.lockRetries ?? 3;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  mkdirSync(options.stateDir, { recursive: true });
  const stateFile = path.join(options.stateDir, STATE_FILE);
  const failedRowsDir = path.join(options.stateDir, 'failed-rows');
  const fingerprint = createHash('sha256')
    .update(readFileSync(path.join(dir, SNAPSHOT_MANIFEST)))
    .update(`|${options.target}|${batchSize}`)
    .digest('hex');
  const { state, resumed } = readState(stateFile, fingerprint);
  if (!resumed) {
    rmSync(failedRowsDir, { recursive: true, force: true });
  }
  writeState(stateFile, state);

  const cell = (column: Column, value: unknown): string => {
    if (column.reference) {
      return typeof value === 'string' ? (externalIds.get(value.substring(0, 15)) ?? '') : '';
    }
    return encodeCell(value as string | number | boolean | null | undefined);
  };

  const recordFailures = (pass: Pass, failures: { error: string; row: Record<string, string> }[]): void => {
    if (failures.length === 0) {
      return;
    }
    mkdirSync(failedRowsDir, { recursive: true });
    const file = path.join(failedRowsDir, `${pass.object.name}.csv`);
    const headers = pass.columns.map((c) => c.header);
    if (!existsSync(file)) {
      writeFileSync(file, stringify([['sf__Error', ...headers]]));
    }
    appendFileSync(file, stringify(failures.map((f) => [f.error, ...headers.map((h) => f.row[h] ?? '')])));
  };

  const runJob = async (pass: Pass, rows: string[][], passState: PassState): Promise<void> => {
    const headers = pass.columns.map((c) => c.header);
    let pending = rows;
    const failures: { error: string; row: Record<string, string> }[] = [];
    let created = 0;
    let updated = 0;
    for (let attempt = 0; pending.length > 0; attempt++) {
      const result = await org.bulkUpsert(pass.object.name, EXTERNAL_ID_FIELD, stringify([headers, ...pending]));
      passState.jobIds.push(result.jobId);
      for (const row of result.successful) {
        if (row.sf__Created === 'true') {
          created++;
        } else {
          updated++;
        }
      }
      const retry: Record<string, string>[] = [
        ...result.failed.filter((r) => (r.sf__Error ?? '').startsWith(LOCKED)),
        ...result.unprocessed.map((r) => ({ ...r, sf__Error: 'UNPROCESSED: the job did not process this row' })),
      ];
      failures.push(
        ...result.failed
          .filter((r) => !(r.sf__Error ?? '').startsWith(LOCKED))
          .map((r) => ({ error: r.sf__Error ?? '', row: r })),
      );
      pending = retry.map((r) => headers.map((h) => r[h] ?? ''));
      if (pending.length > 0 && attempt >= lockRetries) {
        failures.push(...retry.map((r) => ({ error: `${r.sf__Error} (after ${attempt + 1} attempts)`, row: r })));
        break;
      }
      if (pending.length > 0) {
        await sleep(org.backoff(attempt + 1));
      }
    }
    recordFailures(pass, failures);
    passState.doneJobs += 1;
    passState.records += rows.length;
    passState.created += created;
    passState.updated += updated;
    passState.failed += failures.length;
    writeState(stateFile, state);
    options.onJob?.({
      object: pass.object.name,
      pass: pass.kind,
      rows: rows.length,
      created,
      updated,
      failed: failures.length,
    });
  };

  const summaries: PassSummary[] = [];
  for (const pass of planPasses(objects)) {
    const passState = (state.passes[pass.key] ??= {
      doneJobs: 0,
      records: 0,
      created: 0,
      updated: 0,
      failed: 0,
      jobIds: [],
    });
    const resumedJobs = passState.doneJobs;
    let job = 0;
    let rows: string[][] = [];
    const flush = async (): Promise<void> => {
      if (rows.length > 0) {
        if (job >= resumedJobs) {
          await runJob(pass, rows, passState);
        }
        job++;
        rows = [];
      }
    };
    for await (const record of passRecords(dir, pass)) {
      rows.push(pass.columns.map((c) => cell(c, record[c.field.name])));
      if (rows.length >= batchSize) {
        await flush();
      }
    }
    await flush();
    summaries.push({
      object: pass.object.name,
      pass: pass.kind,
      records: passState.records,
      created: passState.created,
      updated: passState.updated,
      failed: passState.failed,
      jobs: job,
      resumedJobs: Math.min(resumedJobs, job),
    });
  }
  state.completed = true;
  writeState(stateFile, state);
  const total = (key: 'created' | 'updated' | 'failed'): number => summaries.reduce((sum, s) => sum + s[key], 0);
  return {
    passes: summaries,
    created: total('created'),
    updated: total('updated'),
    failed: total('failed'),
    failedRowsDir,
    stateFile,
    resumed,
  };
}
