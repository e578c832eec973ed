/**
 * `npm run org:create | org:deploy | org:test | org:verify` — the steps only a real org
 * can prove. Needs the sf CLI authorised to a Dev Hub (`sf org login web --set-default-dev-hub`).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Command, Option } from 'commander';
import { PROJECT_ROOT } from '../lib/project';
import {
  createScratchOrg,
  DEFAULT_ALIAS,
  deleteScratchOrg,
  deploy,
  MIN_COVERAGE,
  OrgStepError,
  runApexTests,
} from './orgSteps';
import { runSf, SF_ENV } from './sf';
import { siteBaseUrl, verifySite } from './siteSteps';

const targetOrg = () => new Option('-o, --target-org <alias>', 'scratch org alias or username').default(DEFAULT_ALIAS);

function prm(args: string[]): void {
  const run = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'prm.js'), ...args], {
    stdio: 'inherit',
    env: { ...process.env, ...SF_ENV },
  });
  if (run.status !== 0) {
    throw new OrgStepError(`prm ${args.join(' ')} exited ${run.status}`);
  }
}

const program = new Command('org').description('Create, deploy, test and verify the package in a scratch org.');

program
  .command('create')
  .description('Create a scratch org from config/project-scratch-def.json.')
  .addOption(targetOrg())
  .option('--multi-currency', 'use the multi-currency scratch definition')
  .option('--days <n>', 'days before the org expires', '7')
  .action((o: { targetOrg: string; multiCurrency?: boolean; days: string }) =>
    createScratchOrg(runSf, o.targetOrg, !!o.multiCurrency, Number(o.days)),
  );

program
  .command('deploy')
  .description('Deploy force-app/main, then the unpackaged site in force-app/portal, then assign PRM_Admin.')
  .addOption(targetOrg())
  .action((o: { targetOrg: string }) => console.log(`deployed: ${deploy(runSf, o.targetOrg).join(' → ')}`));

program
  .command('test')
  .description(`Run all local Apex tests with coverage; fail on a failing test or coverage under ${MIN_COVERAGE}%.`)
  .addOption(targetOrg())
  .action((o: { targetOrg: string }) => {
    const { testsRan, coverage } = runApexTests(runSf, o.targetOrg);
    console.log(`${testsRan} Apex tests passed, org-wide coverage ${coverage}%`);
  });

program
  .command('verify')
  .description(
    'create → deploy → test → the published site answers → seed → audit → delete, deleting the org even when a step fails.',
  )
  .addOption(targetOrg())
  .option('--keep', 'keep the scratch org afterwards')
  .action(async (o: { targetOrg: string; keep?: boolean }) => {
    createScratchOrg(runSf, o.targetOrg, false);
    try {
      deploy(runSf, o.targetOrg);
      runApexTests(runSf, o.targetOrg);
      const checked = await verifySite(siteBaseUrl(runSf, o.targetOrg));
      console.log(`the published site answers: ${checked.join(', ')}`);
      prm(['seed', '--target-org', o.targetOrg, '--scale', 'small']);
      prm(['audit', '--target-org', o.targetOrg, '--fail-on', 'error']);
    } finally {
      if (!o.keep) {
        deleteScratchOrg(runSf, o.targetOrg);
      }
    }
  });

program.parseAsync().catch((error: Error) => {
  console.error(error instanceof OrgStepError ? error.message : error.stack);
  process.exitCode = 1;
});
