/**
 * A large snapshot folder is audited on two threads. A worker thread runs the checks that
 * compare names and keys (the costliest per record: tokenising, similarity, public-suffix
 * lookups) and reads only the objects they listen to; the main thread reads every object for
 * the other checks, the metrics and the counts. Each thread keeps only its own indexes, and
 * the findings are merged and sorted as one, so the result equals a single-thread run.
 * Org sources stay on one thread: their records cannot be read twice.
 */
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CheckId } from './checkIds';
import { SnapshotSource, type RecordSource } from './sources';
import type { AuditOptions, AuditPlan } from './engine';
import type { Auditor } from './types';
import type { SnapshotObject } from '../snapshot/schema';

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

/**
 * Snapshot folders from this size are audited on two threads. Below it the second thread does
 * not pay for itself: at 263 MB of CSV one and two threads took the same time (18.4 and 18.7 s)
 * and two needed 100 MB more; at 725 MB two were 12 % faster, at 2.4 GB 13 %.
 */
export const PARALLEL_MIN_BYTES = 512 * 1024 * 1024;

/**
 * Whether an audit of a snapshot of this size runs on two threads. Each thread's heap keeps
 * its own garbage-collection headroom, so two threads are faster and need more memory: 51.5 s
 * and 505 MB against 58.7 s and 407 MB at 3.3 million records, 193 s and 925 MB against 223 s
 * and 877 MB at 10.9 million; `--threads 1` is the choice of a machine short of memory.
 * @param bytes size of the snapshot's CSV files
 * @param parallel the caller's choice, when it made one
 */
export function runsInParallel(bytes: number, parallel: boolean | undefined): boolean {
  return parallel ?? bytes >= PARALLEL_MIN_BYTES;
}

/** What the worker sends back: its findings packed (findingLog.ts), or why it failed. */
export type WorkerReply = { ok: true; packedFindings: string[] } | { ok: false; message: string };

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

export interface ParallelPart {
  /** The main thread's instances of the auditors the worker runs (the main thread skips them). */
  auditors: Auditor[];
  /** The worker's findings, packed; rejects when the worker fails. */
  packedFindings: Promise<string[]>;
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
  const packedFindings = new Promise<string[]>((resolve, reject) => {
    worker.once('message', (reply: WorkerReply) => {
      if (reply.ok) {
        resolve(reply.packedFindings);
      } else {
        reject(new Error(reply.message));
      }
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the audit's worker thread stopped early (exit code ${code})`)));
  });
  // Awaited only once the main thread's pass is done; until then a failure must not go unhandled.
  packedFindings.then(removeSpills, removeSpills);
  return {
    auditors,
    packedFindings,
    cancel: async () => {
      await worker.terminate();
      removeSpills();
    },
  };
}
