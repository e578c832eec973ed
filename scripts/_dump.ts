import { writeFileSync } from 'node:fs';
const root = process.argv[2];
// eslint-disable-next-line
const { runAudit } = require(`${root}/scripts/audit/engine`);
const { DEFAULT_POLICY } = require(`${root}/scripts/audit/policy`);
const { SnapshotSource } = require(`${root}/scripts/audit/sources`);
const { loadSnapshotSchema } = require(`${root}/scripts/snapshot/schema`);
(async () => {
  const t = Date.now(); const c = process.cpuUsage();
  const source = new SnapshotSource(process.argv[3], loadSnapshotSchema());
  const opts: any = { now: source.takenAt, policy: DEFAULT_POLICY };
  if (process.argv[5]) opts.parallel = process.argv[5] === 'on';
  const result = await runAudit(source, opts);
  const u = process.cpuUsage(c);
  console.log(result.findings.length, Date.now() - t, 'ms wall', Math.round((u.user + u.system) / 1000), 'ms cpu', Math.round(process.resourceUsage().maxRSS / 1024), 'MB');
  delete result.summary.durationMs;
  writeFileSync(process.argv[4], JSON.stringify(result));
})();
