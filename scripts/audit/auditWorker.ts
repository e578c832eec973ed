/**
 * The worker thread of a parallel audit (parallel.ts): validates every cell of the objects its
 * checks read, runs those checks and sends their findings back, a share at a time. It says when it has read each
 * object, and sends the first problem it meets with the object it met it in, so that the main
 * thread reports the problem that comes first in load order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { auditContext, planAudit, streamPass } from './engine';
import { FINDINGS_PER_MESSAGE, inParallelPart, problemMessage, type WorkerReply, type WorkerTask } from './parallel';
import { SnapshotSource } from './sources';
import { indexSchema } from '../snapshot/schemaIndex';

const reply = (message: WorkerReply): void => parentPort?.postMessage(message);

async function run(task: WorkerTask): Promise<void> {
  let reading: string | undefined;
  try {
    const source = new SnapshotSource(task.dir, indexSchema(task.objects));
    const plan = planAudit(source, auditContext(task.options));
    const { packedFindings } = await streamPass(
      source,
      { active: plan.active.filter(inParallelPart), skipped: plan.skipped },
      {
        readAll: false,
        onObjectStart: (name) => (reading = name),
        onObjectRead: (name) => {
          reading = undefined;
          reply({ kind: 'read', object: name });
        },
        spillBudget: task.options.spillBudget,
        spillDir: task.options.spillDir,
      },
    );
    let share: string[] = [];
    for (const packed of packedFindings) {
      share.push(packed);
      if (share.length === FINDINGS_PER_MESSAGE) {
        reply({ kind: 'findings', packed: share });
        share = [];
      }
    }
    reply({ kind: 'findings', packed: share });
    reply({ kind: 'done' });
  } catch (error) {
    reply({ kind: 'failed', object: reading, problem: problemMessage(error) });
  }
}

void run(workerData as WorkerTask);
