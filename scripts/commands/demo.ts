/**
 * `prm demo` (npm run demo): the RevOps tooling on a fresh machine, no org and no network.
 * Generates a demo partner program, audits it, prints the summary, writes the HTML report
 * and compares the findings with the planted problems.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { runAudit } from '../audit/engine';
import { DEFAULT_POLICY } from '../audit/policy';
import { SnapshotSource } from '../audit/sources';
import { prepareSnapshotFolder } from '../snapshot/outputFolder';
import { renderHtml } from '../audit/report/html';
import { renderText } from '../audit/report/text';
import {
  EXIT,
  EXIT_CODES_HELP,
  Progress,
  parseInstant,
  parseInteger,
  processOutput,
  runCommand,
  usageExitCode,
  type Output,
} from '../audit/cliSupport';
import { PROJECT_ROOT } from '../lib/project';
import { loadSnapshotSchema } from '../snapshot/schema';
import { SCALES } from '../seed/generator';
import { estimateRecords, seedToSnapshot } from '../seed/seedSnapshot';
import { scoreFindings } from '../seed/plants';

export interface DemoOptions {
  out?: string;
  seed?: number;
  scale?: keyof typeof SCALES;
  asOf?: string;
}

export interface DemoResult {
  snapshotDir: string;
  reportFile: string;
  jsonFile: string;
  precision: number;
  recall: number;
}

/**
 * Runs the demo; returns the exit code and where the files are.
 * @param options output folder, seed, scale, as-of time
 * @param output where text goes
 */
export async function runDemo(
  options: DemoOptions,
  output: Output = processOutput(false),
): Promise<{ code: number; result?: DemoResult }> {
  let result: DemoResult | undefined;
  const code = await runCommand(output, async () => {
    const out = path.resolve(options.out ?? path.join(PROJECT_ROOT, 'out', 'demo'));
    const scale = SCALES[options.scale ?? 'medium'];
    const progress = Progress.for(false);
    const snapshotDir = path.join(out, 'snapshot');
    // The demo owns <out>/snapshot: an earlier demo's files there are replaced.
    prepareSnapshotFolder(snapshotDir, loadSnapshotSchema(), { force: true, option: '--out' });
    progress.start(estimateRecords(scale.partners, scale.customers), 'Generating the demo program', 'records');
    const seeded = seedToSnapshot(
      {
        seed: options.seed ?? 42,
        asOf: options.asOf ?? new Date().toISOString(),
        partners: scale.partners,
        customers: scale.customers,
        problemRate: 0.05,
        policy: DEFAULT_POLICY,
      },
      snapshotDir,
      () => progress.increment(),
    );
    progress.stop();

    const source = new SnapshotSource(snapshotDir, loadSnapshotSchema());
    const audit = await runAudit(source, { now: source.takenAt, policy: DEFAULT_POLICY });
    const reportFile = path.join(out, 'report.html');
    const jsonFile = path.join(out, 'audit.json');
    writeFileSync(reportFile, renderHtml(audit));
    writeFileSync(
      jsonFile,
      `${JSON.stringify({ summary: audit.summary, metrics: audit.metrics, findings: audit.findings }, null, 2)}\n`,
    );

    const { planted, found, precision, recall } = scoreFindings(seeded.groundTruth, audit.findings);
    result = { snapshotDir, reportFile, jsonFile, precision, recall };

    output.stdout(renderText(audit, { color: process.stdout.isTTY === true }));
    output.stdout('');
    output.stdout(
      `Planted problems: ${planted}; findings: ${found}; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (ground truth: ${seeded.groundTruthFile})`,
    );
    output.stdout(`Snapshot: ${snapshotDir}`);
    output.stdout(`HTML report: ${reportFile}`);
    output.stdout(`JSON: ${jsonFile}`);
    return precision === 1 && recall === 1 ? EXIT.OK : EXIT.FINDINGS;
  });
  return { code, result };
}

export function demoCommand(): Command {
  const command = new Command('demo')
    .description('Generate a demo partner program, audit it and write the HTML report (no org, no network).')
    .option('--out <dir>', 'output folder (default out/demo)')
    .option('--seed <n>', 'random seed (default 42)', parseInteger('--seed', 0))
    .addOption(new Option('--scale <scale>', 'data volume (default medium)').choices(Object.keys(SCALES)))
    .option('--as-of <datetime>', 'the demo data\'s "now" (default: now)', parseInstant)
    .addHelpText(
      'after',
      `
Writes <out>/snapshot (CSV per object, snapshot.json, ground-truth.json), <out>/report.html
and <out>/audit.json, prints the audit summary and checks the findings against the planted
problems (exit 1 if the audit missed one or reported anything else).

Examples:
  $ npm run demo
  $ prm demo --out /tmp/demo --seed 7 --scale small

${EXIT_CODES_HELP}`,
    )
    .action(async (options: DemoOptions) => {
      process.exitCode = (await runDemo(options)).code;
    });
  return usageExitCode(command);
}
