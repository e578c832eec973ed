/**
 * A large snapshot folder is audited on two threads. A worker thread runs the checks that
 * compare names and keys (the costliest per record: tokenising, similarity, public-suffix
 * lookups) and reads only the objects they listen to; the main thread reads every object for
 * the other checks, the metrics and the counts. Each thread keeps only its own indexes, and
 * the findings are merged and sorted as one, so the result equals a single-thread run.
 * Org sources stay on one thread: their records cannot be read twice.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckId } from './checkIds';
import { SnapshotSource, type RecordSource } from './sources';
import type { AuditOptions, AuditPlan } from './engine';
import type { Auditor, Finding } from './types';

/**
 * Checks the worker thread runs: the name and key checks, the costliest per record
 * (tokenising, similarity, public-suffix lookups). Moving the registration and lead checks
 * there too made no difference beyond the run-to-run spread (about 10 %) at one and at ten
 * million records, so the worker keeps to the checks with the heavy indexes of their own.
 */
export const PARALLEL_CHECKS: ReadonlySet<CheckId> = new Set<CheckId>([
  'duplicate-account',
  'possible-duplicate-account',
  'match-key-stale',
]);

/** Snapshot folders from this size are audited on two threads; below it, starting a worker (loading the checks anew) outweighs what it saves. */
export const PARALLEL_MIN_BYTES = 32 * 1024 * 1024;

/**
 * Whether an audit of a snapshot of this size runs on two threads. Each thread's heap keeps
 * its own garbage-collection headroom, so two threads are faster and need more memory: 17.0 s
 * and 1.1 GB against 21.8 s and 0.8 GB at one million records, 220–240 s and 3.9 GB against
 * 428 s and 2.5 GB at ten million; `--threads 1` is the choice of a machine short of memory.
 * @param bytes size of the snapshot's CSV files
 * @param parallel the caller's choice, when it made one
 */
export function runsInParallel(bytes: number, parallel: boolean | undefined): boolean {
  return parallel ?? bytes >= PARALLEL_MIN_BYTES;
}

/** What the worker sends back. */
export type WorkerReply = { ok: true; findings: Finding[] } | { ok: false; message: string };

/** What the worker is given. */
export interface WorkerTask {
  dir: string;
  options: Pick<AuditOptions, 'now' | 'timeZone' | 'policy'>;
}

/** The auditors whose checks all belong to the worker thread. */
export function inParallelPart(auditor: Auditor): boolean {
  return auditor.checks.every((check) => PARALLEL_CHECKS.has(check));
}

/** The worker runs TypeScript: it registers the same loader the `prm` command uses. */
const WORKER_SOURCE = `require('tsx/cjs/api').register(); require(${JSON.stringify(path.join(__dirname, 'auditWorker.ts'))});`;

export interface ParallelPart {
  /** The main thread's instances of the auditors the worker runs (the main thread skips them). */
  auditors: Auditor[];
  /** The worker's findings; rejects when the worker fails. */
  findings: Promise<Finding[]>;
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
  const task: WorkerTask = {
    dir: source.dir,
    options: { now: options.now, timeZone: options.timeZone, policy: options.policy },
  };
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: task,
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
  });
  const findings = new Promise<Finding[]>((resolve, reject) => {
    worker.once('message', (reply: WorkerReply) => {
      if (reply.ok) {
        resolve(reply.findings);
      } else {
        reject(new Error(reply.message));
      }
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the audit's worker thread stopped early (exit code ${code})`)));
  });
  // Awaited only once the main thread's pass is done; until then a failure must not go unhandled.
  findings.catch(() => undefined);
  return {
    auditors,
    findings,
    cancel: async () => {
      await worker.terminate();
    },
  };
}
