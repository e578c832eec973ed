/**
 * Runs the `prm` command as a user would, in a child process, for tests of exit codes and
 * messages.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..');
export const TINY = path.join(ROOT, 'tests', 'fixtures', 'snapshots', 'tiny');

export function prm(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'prm.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
