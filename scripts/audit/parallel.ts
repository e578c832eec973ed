/**
 * A large snapshot folder is audited on two threads. A worker thread runs the checks that
 * compare names and keys (the costliest per record: tokenising, similarity, public-suffix
 * lookups) and those that read only the objects it reads anyway (registrations, leads). It
 * validates every cell of those objects; the main thread reads every object for the other
 * checks, the metrics and the counts, and in the worker's objects decodes only the columns it
 * needs. Each thread keeps only its own indexes, and the findings are merged and sorted as one,
 * so the result equals a single-thread run; so does the problem reported when the data has one
 * (the first in load order, whichever thread met it). Org sources stay on one thread: their
 * records cannot be read twice.
 */
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CheckId } from './checkIds';
import { CHECK_COLUMNS, METRIC_COLUMNS } from './checks/columns';
import { SnapshotSource, type RecordSource } from './sources';
import type { AuditOptions, AuditPlan } from './engine';
import type { Auditor } from './types';
import type { SnapshotObject } from '../snapshot/schema';
import { SnapshotInputError } from '../snapshot/format';
import { FindingLog } from './findingLog';

/**
 * Checks the worker thread runs: the name and key checks, the costliest per record
 * (tokenising, similarity, public-suffix lookups), and the registration and lead checks, which
 * read only objects the worker reads for the name and key checks. With those two on the worker
 * too, the main thread's share of a 1.1-million-record audit fell from 14.6 to 13.9 s and the
 * worker's rose from 9.0 to 9.9 s (they run side by side; the main thread's is the wall time).
 */
export const PARALLEL_CHECKS: ReadonlySet<CheckId> = new Set<CheckId>([
  'duplicate-account',
  'possible-duplicate-account',
  'match-key-stale',
  'registration-expired-open',
  'registration-expiry-mismatch',
  'registration-route-mismatch',
  'registration-no-opportunity',
  'lead-offer-overdue',
  'lead-accept-by-mismatch',
]);

/**
 * Snapshot folders from this size are audited on two threads. Below it the second thread does
 * not pay for itself: at 28 MB of CSV one and two threads took the same time (2.1 and 2.2 s) and
 * two needed 65 MB more; at 76 MB two were 10 % faster (4.6 against 5.1 s, 55 MB more), at
 * 263 MB 16 % (13.7 against 16.3 s, 90 MB more).
 */
export const PARALLEL_MIN_BYTES = 64 * 1024 * 1024;

/**
 * Whether an audit of a snapshot of this size runs on two threads. Each thread's heap keeps
 * its own garbage-collection headroom, so two threads are faster and need more memory: 12.6 s
 * and 321 MB against 14.6 s and 254 MB at 1.1 million records; `--threads 1` is the choice of
 * a machine short of memory.
 * @param bytes size of the snapshot's CSV files
 * @param parallel the caller's choice, when it made one
 */
export function runsInParallel(bytes: number, parallel: boolean | undefined): boolean {
  return parallel ?? bytes >= PARALLEL_MIN_BYTES;
}

/** A problem as it crosses from the worker: a data problem keeps its file, line and column. */
export type ProblemMessage =
  | { kind: 'snapshot-input'; file: string; detail: string; line?: number; column?: string }
  | { kind: 'other'; message: string };

/**
 * What the worker sends: each object once it has read (and validated) all of it, then its
 * findings packed (findingLog.ts) a share at a time, then that it is done; or the first
 * problem it met and in which object.
 */
export type WorkerReply =
  | { kind: 'read'; object: string }
  | { kind: 'findings'; packed: string[] }
  | { kind: 'done' }
  | { kind: 'failed'; object?: string; problem: ProblemMessage };

/**
 * Findings per message from the worker. Sent all at once, the half a million findings of a
 * ten-million-record audit were an array in the worker, a serialised copy and an array in the
 * main thread at the same moment: the audit's peak memory, 100 MB above the rest of the run.
 * The main thread adds them to a finding log of its own, which spills past its budget.
 */
export const FINDINGS_PER_MESSAGE = 10000;

export function problemMessage(error: unknown): ProblemMessage {
  return error instanceof SnapshotInputError
    ? { kind: 'snapshot-input', file: error.file, detail: error.detail, line: error.line, column: error.column }
    : { kind: 'other', message: (error as Error).message };
}

function problemOf(message: ProblemMessage): Error {
  return message.kind === 'snapshot-input'
    ? new SnapshotInputError(message.file, message.detail, message.line, message.column)
    : new Error(message.message);
}

/** What the worker is given. */
export interface WorkerTask {
  dir: string;
  /** The snapshot's objects as the main thread read them from the package metadata (the worker need not load it again). */
  objects: SnapshotObject[];
  /** The audit's options; the spills go in a folder of the main thread's (removed when the worker is stopped). */
  options: Pick<AuditOptions, 'now' | 'timeZone' | 'policy' | 'spillBudget'> & Required<Pick<AuditOptions, 'spillDir'>>;
}

/** The auditors whose checks all belong to the worker thread. */
export function inParallelPart(auditor: Auditor): boolean {
  return auditor.checks.every((check) => PARALLEL_CHECKS.has(check));
}

/** The worker runs TypeScript: it registers the same loader the `prm` command uses. */
const WORKER_SOURCE = `require('tsx/cjs/api').register(); require(${JSON.stringify(path.join(__dirname, 'auditWorker.ts'))});`;

/**
 * Object the worker validates → the columns of it that the main thread's checks and the metrics
 * read, plus those that label findings: all the main thread decodes of it.
 * @param mainAuditors the auditors the main thread runs
 * @param workerObjects the objects the worker reads
 */
function columnsReadOnMainThread(
  mainAuditors: readonly Auditor[],
  workerObjects: readonly string[],
): Map<string, Set<string>> {
  const checks = mainAuditors.flatMap((auditor) => auditor.checks);
  return new Map(
    workerObjects.map((objectName) => {
      const columns = new Set(['Id', 'External_Id__c', ...(METRIC_COLUMNS[objectName] ?? [])]);
      for (const check of checks) {
        (CHECK_COLUMNS[check][objectName] ?? []).forEach((field) => columns.add(field));
      }
      return [objectName, columns];
    }),
  );
}

export interface ParallelPart {
  /** The main thread's instances of the auditors the worker runs (the main thread skips them). */
  auditors: Auditor[];
  /** Object the worker validates → the only columns the main thread decodes of it. */
  decodeOnly: Map<string, Set<string>>;
  /** The worker's findings, packed, to read once; rejects when the worker fails. */
  packedFindings: Promise<Iterable<string>>;
  /**
   * The worker's problem in an object up to `objectName` (in load order), once it has read those
   * objects or failed: what to report instead of the main thread's problem in `objectName`.
   */
  problemThrough(objectName: string): Promise<Error | undefined>;
  cancel(): Promise<void>;
}

/**
 * Starts the worker thread's part of an audit, when the source is a snapshot folder large enough.
 * @param source records to audit
 * @param plan the audit's auditors
 * @param options the audit's options (clock, policy, `parallel`)
 */
export function startParallelPart(
  source: RecordSource,
  plan: Pick<AuditPlan, 'active'>,
  options: AuditOptions,
): ParallelPart | undefined {
  if (!(source instanceof SnapshotSource) || !runsInParallel(source.size.total, options.parallel)) {
    return undefined;
  }
  const auditors = plan.active.filter(inParallelPart);
  if (auditors.length === 0) {
    return undefined;
  }
  const order = new Map(source.objects.map((object, index) => [object.name, index]));
  const workerObjects = source.objects
    .filter((o) => auditors.some((a) => a.objects.includes(o.name)))
    .map((o) => o.name);
  // Worked out here, not in a closure: the closures below live as long as the audit, and what they
  // could reach (the main thread's auditors) would outlive the pass.
  const decodeOnly = columnsReadOnMainThread(
    plan.active.filter((a) => !auditors.includes(a)),
    workerObjects,
  );
  // A stopped worker runs no cleanup of its own: its spills go where the main thread can remove them.
  const spillDir = mkdtempSync(path.join(options.spillDir ?? tmpdir(), 'prm-audit-worker-'));
  const removeSpills = (): void => rmSync(spillDir, { recursive: true, force: true });
  const task: WorkerTask = {
    dir: source.dir,
    objects: source.objects,
    options: {
      now: options.now,
      timeZone: options.timeZone,
      policy: options.policy,
      spillBudget: options.spillBudget,
      spillDir,
    },
  };
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: task,
    resourceLimits: { maxYoungGenerationSizeMb: 32 },
  });
  const read = new Set<string>();
  let outcome: { done: true } | { done: false; object?: string; error: Error } | undefined;
  let changed: () => void = () => undefined;
  const received = new FindingLog(options);
  const packedFindings = new Promise<Iterable<string>>((resolve, reject) => {
    const fail = (error: Error, object?: string): void => {
      if (outcome === undefined) {
        outcome = { done: false, object, error };
        received.dispose(); // an exit after the worker is done must not remove what it sent
      }
      reject(error);
      changed();
    };
    worker.on('message', (reply: WorkerReply) => {
      if (reply.kind === 'read') {
        read.add(reply.object);
        changed();
      } else if (reply.kind === 'findings') {
        for (const packed of reply.packed) {
          received.addPacked(packed);
        }
      } else if (reply.kind === 'done') {
        outcome ??= { done: true };
        resolve(received.drain());
        changed();
      } else {
        fail(problemOf(reply.problem), reply.object);
      }
    });
    worker.once('error', (error) => fail(error));
    worker.once('exit', (code) => fail(new Error(`the audit's worker thread stopped early (exit code ${code})`)));
  });
  // Awaited only once the main thread's pass is done; until then a failure must not go unhandled.
  packedFindings.then(removeSpills, removeSpills);
  const problemThrough = async (objectName: string): Promise<Error | undefined> => {
    const limit = order.get(objectName) ?? -1;
    const waitingFor = (): boolean => workerObjects.some((name) => (order.get(name) ?? 0) <= limit && !read.has(name));
    while (outcome === undefined && waitingFor()) {
      await new Promise<void>((resolve) => (changed = resolve));
    }
    if (outcome?.done === false && outcome.object !== undefined && (order.get(outcome.object) ?? Infinity) <= limit) {
      return outcome.error;
    }
    return undefined;
  };
  return {
    auditors,
    decodeOnly,
    packedFindings,
    problemThrough,
    cancel: async () => {
      await worker.terminate();
      received.dispose();
      removeSpills();
    },
  };
}
