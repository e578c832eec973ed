/** `prm report compare`: before/after KPIs for leadership, from two baselines or audits. */
import path from 'node:path';
import { Command } from 'commander';
import { EXIT, EXIT_CODES_HELP, processOutput, runCommand, usageExitCode } from '../audit/cliSupport';
import { compareKpis, comparisonText, readKpiFile } from '../assess/compare';
import { defaultDeps, type CommandDeps } from '../commands/audit';

/**
 * Runs `prm report compare`; returns the exit code.
 * @param baseline the earlier file
 * @param current the later file
 * @param options output format
 * @param deps output
 */
export async function runCompareCommand(
  baseline: string,
  current: string,
  options: { json?: boolean },
  deps: CommandDeps = defaultDeps,
): Promise<number> {
  const output = deps.output ?? processOutput(options.json === true);
  return runCommand(output, async () => {
    const before = readKpiFile(path.resolve(baseline));
    const after = readKpiFile(path.resolve(current));
    const rows = compareKpis(before, after);
    output.stdout(
      output.json
        ? JSON.stringify(
            {
              status: EXIT.OK,
              before: { file: baseline, asOf: before.asOf },
              after: { file: current, asOf: after.asOf },
              kpis: rows,
            },
            null,
            2,
          )
        : comparisonText(before, after, rows),
    );
    return EXIT.OK;
  });
}

export function compareCommand(deps: CommandDeps = defaultDeps): Command {
  const command = new Command('compare')
    .description(
      'Before/after KPIs: a baseline (prm assess --baseline) against a later baseline or audit (prm audit --json).',
    )
    .argument('<baseline>', 'the earlier file')
    .argument('<current>', 'the later file')
    .option('--json', 'print the comparison as JSON')
    .addHelpText(
      'after',
      `
KPIs are paired by id; each change is judged better or worse by the KPI's direction (decision
and follow-up times, unattributed deals, duplicates and stale records are better lower).

Examples:
  $ prm report compare out/baseline.json out/baseline-q3.json
  $ prm audit --snapshot out/demo/snapshot --json > out/audit.json; prm report compare out/baseline.json out/audit.json

${EXIT_CODES_HELP}`,
    )
    .action(async (baseline: string, current: string, options: { json?: boolean }) => {
      process.exitCode = await runCompareCommand(baseline, current, options, deps);
    });
  return usageExitCode(command);
}
