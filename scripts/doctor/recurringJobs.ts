/** The package's recurring jobs are scheduled and healthy. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { apexSources, PROJECT_ROOT } from '../lib/project';
import { field, records, type DoctorCheck } from './check';

/**
 * Names of the recurring jobs, read from `PrmJobScheduler.recurringJobs()` in the Apex source
 * (the first argument of each `new RecurringJob(...)`, a constant resolved in its class), so the
 * doctor and the scheduler cannot disagree.
 */
export function recurringJobNames(root = PROJECT_ROOT): string[] {
  const sources = new Map(apexSources(root).map((file) => [path.basename(file, '.cls'), file]));
  const read = (className: string): string => readFileSync(sources.get(className) ?? '', 'utf8');
  const scheduler = read('PrmJobScheduler');
  const constant = (className: string, name: string): string | undefined =>
    new RegExp(`\\b${name}\\s*=\\s*'([^']+)'`).exec(read(className))?.[1];
  return [...scheduler.matchAll(/new RecurringJob\(\s*([\w.]+|'[^']*')/g)].map(([, arg]) => {
    if (arg.startsWith("'")) {
      return arg.slice(1, -1);
    }
    const [className, name] = arg.includes('.') ? arg.split('.') : ['PrmJobScheduler', arg];
    const value = constant(className, name);
    if (value === undefined) {
      throw new Error(`Cannot resolve the job name ${arg} in ${className}.cls`);
    }
    return value;
  });
}

export const recurringJobs: DoctorCheck = {
  id: 'jobs',
  title: 'Recurring jobs scheduled',
  describe: `every recurring job is scheduled and not failed (${recurringJobNames().join(', ')})`,
  async run(context) {
    const expected = recurringJobNames();
    const scheduled = await records(
      context,
      `SELECT CronJobDetail.Name, State, NextFireTime FROM CronTrigger WHERE CronJobDetail.Name IN (${expected.map((n) => `'${n}'`).join(', ')})`,
    );
    const states = new Map(scheduled.map((s) => [String(field(s, 'CronJobDetail.Name')), String(s.State)]));
    const missing = expected.filter((name) => !states.has(name));
    const broken = expected.filter((name) => ['ERROR', 'DELETED', 'BLOCKED'].includes(states.get(name) ?? ''));
    if (missing.length === 0 && broken.length === 0) {
      return { status: 'pass', detail: `${expected.length} of ${expected.length} scheduled` };
    }
    return {
      status: 'fail',
      detail: [
        missing.length > 0 ? `not scheduled: ${missing.join(', ')}` : '',
        broken.length > 0 ? `failed: ${broken.map((b) => `${b} (${String(states.get(b))})`).join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; '),
      fix: 'Schedule them: `sf apex run --file scripts/org/schedule-jobs.apex --target-org ORG` (the package install and upgrade do it too); delete a failed job in Setup › Scheduled Jobs first.',
    };
  },
};
