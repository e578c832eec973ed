/**
 * Runs one offline gate: `tsx scripts/gates/cli.ts <apex|soql|selectivity|pmd|flows|metadata|convert|site|reports|package|upgrade> [--root DIR]`.
 * Prints each finding as `file:line:col [check] message` and exits 1 when there is any.
 */
import { Command, Option } from 'commander';
import { formatFinding, type Finding } from '../lib/findings';
import { PROJECT_ROOT } from '../lib/project';
import * as apex from './apex';
import * as convert from './convert';
import * as flows from './flows';
import * as metadata from './metadata';
import * as packageGate from './package';
import * as pmd from './pmd';
import * as reports from './reports';
import * as selectivity from './selectivity';
import * as site from './site';
import * as soql from './soql';
import * as upgrade from './upgrade';

export const GATES: Record<string, { run: (root: string) => Promise<Finding[]>; describe: string }> = {
  apex: { run: apex.run, describe: 'Apex semantic check (apex-ls) and a test class for every class' },
  soql: { run: soql.run, describe: 'objects and fields in static SOQL exist' },
  selectivity: { run: selectivity.run, describe: 'static SOQL on high-volume objects filters on an indexed field' },
  pmd: {
    run: pmd.run,
    describe: 'PMD security, performance, error-prone, assertion-message, size and complexity rules for Apex',
  },
  flows: { run: flows.run, describe: 'Lightning Flow Scanner rules for every flow' },
  metadata: { run: metadata.run, describe: 'XML well-formed and elements known to the Metadata API schema' },
  convert: { run: convert.run, describe: 'source conversion with Salesforce libraries drops nothing' },
  package: {
    run: packageGate.run,
    describe: 'namespace-safe code and packageable metadata for the managed package (namespace pspm)',
  },
  upgrade: {
    run: upgrade.run,
    describe: 'nothing released is removed, renamed or retyped (config/released-surface.json)',
  },
  site: {
    run: site.run,
    describe: 'the LWR site: content shapes, routes, navigation, placed components, guest and member access',
  },
  reports: {
    run: reports.run,
    describe: 'report types, reports, dashboards and folders refer to existing objects, fields, columns and reports',
  },
};

const program = new Command('gate')
  .description('Run one offline quality gate over the SFDX project.')
  .addOption(new Option('--root <dir>', 'project root (folder with sfdx-project.json)').default(PROJECT_ROOT))
  .argument('<gate>', `one of: ${Object.keys(GATES).join(', ')}`)
  .action(async (name: string, options: { root: string }) => {
    const gate = GATES[name];
    if (!gate) {
      program.error(`unknown gate "${name}": use one of ${Object.keys(GATES).join(', ')}`);
    }
    const started = Date.now();
    const findings = await gate.run(options.root);
    for (const finding of findings) {
      console.log(formatFinding(finding, options.root));
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`${name}: ${findings.length} finding(s) in ${seconds}s — ${gate.describe}`);
    process.exitCode = findings.length > 0 ? 1 : 0;
  });

program.parseAsync().catch((error: Error) => {
  console.error(`gate failed to run: ${error.message}`);
  process.exitCode = 2;
});
