import { runAudit } from './audit/engine';
import { DEFAULT_POLICY } from './audit/policy';
import { SnapshotSource } from './audit/sources';
import { loadSnapshotSchema } from './snapshot/schema';
(async () => {
  const t = Date.now();
  const source = new SnapshotSource(process.argv[2], loadSnapshotSchema());
  let maxHeap = 0;
  const timer = setInterval(() => { maxHeap = Math.max(maxHeap, process.memoryUsage().heapUsed); }, 200);
  const result = await runAudit(source, { now: source.takenAt!, policy: DEFAULT_POLICY, parallel: process.env.PAR === '1', onObjectStart: (n) => { (global as any).gc(); const m = process.memoryUsage(); console.log(n, Math.round(m.heapUsed/1048576), Math.round(m.rss/1048576), Math.round(m.external/1048576), Math.round(m.arrayBuffers/1048576)); } });
  clearInterval(timer);
  (global as any).gc();
  const m = process.memoryUsage();
  console.log(result.findings.length, Date.now() - t, 'ms', Math.round(process.resourceUsage().maxRSS / 1024), 'MB maxrss; heap after gc', Math.round(m.heapUsed / 1048576), 'max heap sampled', Math.round(maxHeap/1048576));
})();
