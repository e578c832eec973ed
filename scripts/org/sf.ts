/**
 * Runs the sf CLI (the project's own pinned copy) with telemetry and update checks off,
 * and parses its `--json` envelope. Org auth stays with the sf CLI.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../lib/project';

export const SF_ENV = {
  SF_DISABLE_TELEMETRY: 'true',
  SF_AUTOUPDATE_DISABLE: 'true',
  SF_SKIP_NEW_VERSION_CHECK: 'true',
} as const;

export interface SfResult<T> {
  status: number;
  result?: T;
  message?: string;
  name?: string;
}

export type SfRunner = (args: string[]) => SfResult<unknown>;

const SF_BIN = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'sf');

/** Runs `sf <args> --json`, echoing the command; never throws on a non-zero exit. */
export const runSf: SfRunner = (args) => {
  console.log(`$ sf ${args.join(' ')}`);
  const run = spawnSync(SF_BIN, [...args, '--json'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    maxBuffer: 256 << 20,
    env: { ...process.env, ...SF_ENV },
  });
  if (run.error) {
    return { status: 1, message: `could not start sf: ${run.error.message} (run npm ci first)` };
  }
  try {
    return JSON.parse(run.stdout) as SfResult<unknown>;
  } catch {
    return { status: run.status ?? 1, message: (run.stderr || run.stdout).trim() };
  }
};
