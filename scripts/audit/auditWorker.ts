/**
 * The worker thread of a parallel audit (parallel.ts): runs the name and key checks over the
 * objects they read and sends their findings back. Errors go back as messages; the main
 * thread, which reads every object, reports any problem with the data itself.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { auditContext, planAudit, streamPass } from './engine';
import { inParallelPart, PARALLEL_CHECKS, type WorkerReply, type WorkerTask } from './parallel';
import { CHECK_COLUMNS } from './checks/columns';
import { SnapshotSource } from './sources';
import { indexSchema } from '../snapshot/schemaIndex';

/** The columns the worker's checks read, plus the ones that label findings. */
function columnsOfParallelChecks(): Map<string, Set<string>> {
  const columns = new Map<string, Set<string>>();
  for (const check of PARALLEL_CHECKS) {
    for (const [object, fields] of Object.entries(CHECK_COLUMNS[check])) {
      const set = columns.get(object) ?? new Set(['Id', 'External_Id__c']);
      fields.forEach((field) => set.add(field));
      columns.set(object, set);
    }
  }
  return columns;
}

async function run(task: WorkerTask): Promise<WorkerReply> {
  try {
    const source = new SnapshotSource(task.dir, indexSchema(task.objects), columnsOfParallelChecks());
    const plan = planAudit(source, auditContext(task.options));
    const { packedFindings } = await streamPass(
      source,
      { active: plan.active.filter(inParallelPart), skipped: plan.skipped },
      { readAll: false, spillBudget: task.options.spillBudget, spillDir: task.options.spillDir },
    );
    return { ok: true, packedFindings: [...packedFindings] };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

void run(workerData as WorkerTask).then((reply) => parentPort?.postMessage(reply));
