/**
 * The org path for users with a Dev Hub: scratch org → deploy → Apex tests with coverage →
 * seed and audit → delete. Each step is a function of an sf runner so the decisions
 * (what to deploy in which order, when coverage fails) are tested offline.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { listFiles, PROJECT_ROOT } from '../lib/project';
import type { SfResult, SfRunner } from './sf';
import { OrgStepError } from './orgStepError';
import { assignGuestPersona, publishSite } from './siteSteps';

export const DEFAULT_ALIAS = 'prm-scratch';
export const MIN_COVERAGE = 90;
export const PERSONA_FOR_DEPLOYER = 'PRM_Admin';

/** Anonymous Apex that schedules the package's recurring jobs (idempotent). */
export const SCHEDULE_JOBS_SCRIPT = 'scripts/org/schedule-jobs.apex';

export { OrgStepError };

function ok<T>(result: SfResult<unknown>, what: string): T {
  if (result.status !== 0) {
    throw new OrgStepError(`${what} failed: ${result.message ?? result.name ?? 'see the sf output above'}`);
  }
  return result.result as T;
}

export function createScratchOrg(sf: SfRunner, alias: string, multiCurrency: boolean, days = 7): void {
  const definition = multiCurrency
    ? 'config/project-scratch-def-multicurrency.json'
    : 'config/project-scratch-def.json';
  ok(
    sf([
      'org',
      'create',
      'scratch',
      '--definition-file',
      definition,
      '--alias',
      alias,
      '--duration-days',
      String(days),
      '--set-default',
      '--wait',
      '30',
    ]),
    'scratch org creation',
  );
}

/**
 * The package first, then the org configuration a package cannot hold, then the unpackaged site (it needs the package), the guest persona for
 * the site's guest user and the site's publication, then the admin persona, then the jobs.
 */
export function deploy(sf: SfRunner, alias: string, root = PROJECT_ROOT): string[] {
  const steps: string[] = [];
  ok(
    sf(['project', 'deploy', 'start', '--source-dir', 'force-app/main', '--target-org', alias, '--wait', '30']),
    'package deploy',
  );
  steps.push('force-app/main');
  const deployed = (dir: string, what: string): boolean => {
    const full = path.join(root, dir);
    if (!existsSync(full) || listFiles(full, (f) => !f.endsWith('.gitkeep')).length === 0) {
      return false;
    }
    ok(sf(['project', 'deploy', 'start', '--source-dir', dir, '--target-org', alias, '--wait', '30']), what);
    steps.push(dir);
    return true;
  };
  // Org configuration a managed package cannot contain (sharing rules, groups): after the package.
  deployed('force-app/unpackaged', 'org configuration deploy');
  if (deployed('force-app/portal', 'site deploy')) {
    assignGuestPersona(sf, alias);
    steps.push('guest persona');
    publishSite(sf, alias);
    steps.push('site published');
  }
  ok(
    sf(['org', 'assign', 'permset', '--name', PERSONA_FOR_DEPLOYER, '--target-org', alias]),
    'permission set assignment',
  );
  steps.push(`permset ${PERSONA_FOR_DEPLOYER}`);
  ok(sf(['apex', 'run', '--file', SCHEDULE_JOBS_SCRIPT, '--target-org', alias]), 'job scheduling');
  steps.push('recurring jobs');
  return steps;
}

interface ApexTestRun {
  summary: { outcome: string; testsRan: number; failing: number; orgWideCoverage?: string; testRunCoverage?: string };
  tests?: { FullName?: string; Outcome: string; Message?: string }[];
}

/** Runs every local Apex test with coverage; fails on any failing test or org-wide coverage under the minimum. */
export function runApexTests(
  sf: SfRunner,
  alias: string,
  minCoverage = MIN_COVERAGE,
): { testsRan: number; coverage: number } {
  const raw = sf([
    'apex',
    'run',
    'test',
    '--test-level',
    'RunLocalTests',
    '--code-coverage',
    '--wait',
    '60',
    '--target-org',
    alias,
  ]);
  const run = raw.result as ApexTestRun | undefined;
  if (!run?.summary) {
    throw new OrgStepError(`Apex test run failed to report: ${raw.message ?? 'no summary'}`);
  }
  const failures = (run.tests ?? []).filter((t) => t.Outcome !== 'Pass');
  if (run.summary.failing > 0 || failures.length > 0) {
    const list = failures.map((t) => `  ${t.FullName}: ${t.Message ?? t.Outcome}`).join('\n');
    throw new OrgStepError(`${run.summary.failing || failures.length} Apex test(s) failed:\n${list}`);
  }
  const coverage = Number.parseFloat(
    (run.summary.orgWideCoverage ?? run.summary.testRunCoverage ?? '0').replace('%', ''),
  );
  if (!(coverage >= minCoverage)) {
    throw new OrgStepError(`Apex coverage ${coverage}% is under the required ${minCoverage}%`);
  }
  return { testsRan: run.summary.testsRan, coverage };
}

export function deleteScratchOrg(sf: SfRunner, alias: string): void {
  ok(sf(['org', 'delete', 'scratch', '--no-prompt', '--target-org', alias]), 'scratch org deletion');
}
