/**
 * `npm test`: every offline gate, one after another, each as its own npm script so any
 * one can be rerun alone. Prints a timing table and ends with `N passed, M failed`
 * (gates); exits 1 when any gate fails. `--only a,b` runs a subset.
 */
import { spawnSync } from 'node:child_process';
import { PROJECT_ROOT } from '../lib/project';

/** Gate name → npm script. `build` checks that committed build output is current (and writes typings). */
export const GATE_SCRIPTS: [string, string][] = [
  ['build', 'build:check'],
  ['typecheck', 'typecheck'],
  ['lint', 'lint'],
  ['format:check', 'format:check'],
  ['test:unit', 'test:unit'],
  ['check:apex', 'check:apex'],
  ['check:soql', 'check:soql'],
  ['check:selectivity', 'check:selectivity'],
  ['check:pmd', 'check:pmd'],
  ['check:flows', 'check:flows'],
  ['check:metadata', 'check:metadata'],
  ['check:convert', 'check:convert'],
  ['check:site', 'check:site'],
  ['check:reports', 'check:reports'],
  ['check:package', 'check:package'],
  ['check:upgrade', 'check:upgrade'],
];

const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? new Set(process.argv[onlyArg + 1]?.split(',')) : undefined;
const results: { gate: string; ok: boolean; seconds: number }[] = [];

for (const [gate, script] of GATE_SCRIPTS.filter(([g]) => !only || only.has(g))) {
  console.log(`\n▶ ${gate} (npm run ${script})`);
  const started = Date.now();
  const run = spawnSync('npm', ['run', '--silent', script], { cwd: PROJECT_ROOT, stdio: 'inherit', env: process.env });
  results.push({ gate, ok: run.status === 0, seconds: (Date.now() - started) / 1000 });
}

console.log('\ngate               result  seconds');
for (const r of results) {
  console.log(`${r.gate.padEnd(18)} ${r.ok ? 'pass' : 'FAIL'}    ${r.seconds.toFixed(1).padStart(6)}`);
}
const failed = results.filter((r) => !r.ok).length;
const total = results.reduce((sum, r) => sum + r.seconds, 0);
console.log(`total ${total.toFixed(1)}s`);
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
