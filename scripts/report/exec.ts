/**
 * `prm report exec`: the monthly executive summary of the whole program as a printable HTML
 * file (and PDF). Figures are `prm audit`'s metrics on the month's activity.
 */
import { Command, Option } from 'commander';
import { EXIT_CODES_HELP, parseInteger } from '../audit/cliSupport';
import type { RecordSource } from '../audit/sources';
import { defaultDeps, NAMESPACE_HELP, type CommandDeps } from '../commands/audit';
import { auditMetrics, type Figures } from './figures';
import { parseMonth, periodAsOf, type Period } from './period';
import { renderExec } from './execHtml';
import { DELIVERY_OPTIONS_HELP, withDeliveryOptions, type DeliveryOptions } from './deliver';
import { runReport } from './runReport';
import { ScopedSource, periodScope } from './scopedSource';
import { TopPartnersCollector, type PartnerRevenue } from './topPartners';

export interface ExecOptions extends DeliveryOptions {
  month?: Period;
  top?: number;
  snapshot?: string;
  targetOrg?: string;
  namespace?: string;
}

export interface ExecReport {
  kind: 'exec';
  source: string;
  month: Period;
  /** The audit's metrics on the month's activity (`prm audit --as-of figures.asOf`). */
  figures: Figures;
  topPartners: PartnerRevenue[];
}

/**
 * Builds the summary from a source.
 * @param source all records
 * @param takenAt when the data was read
 * @param month the month summarised
 * @param top how many partners to rank
 */
export async function buildExec(source: RecordSource, takenAt: string, month: Period, top = 10): Promise<ExecReport> {
  const partners = new TopPartnersCollector();
  const figures = await auditMetrics(
    new ScopedSource(source, periodScope(month), month.label),
    periodAsOf(month, takenAt),
    [partners],
  );
  return { kind: 'exec', source: source.description, month, figures, topPartners: partners.ranking().slice(0, top) };
}

/**
 * Runs `prm report exec`; returns the exit code and the summary.
 * @param options parsed options
 * @param deps org connector and output
 */
export async function runExec(
  options: ExecOptions,
  deps: CommandDeps = defaultDeps,
): Promise<{ code: number; report?: ExecReport }> {
  const { month, out } = options;
  return runReport(options, deps, {
    name: 'exec',
    missing: [month === undefined ? '--month' : '', out === undefined ? '--out' : ''].filter(Boolean),
    build: (source, takenAt) => buildExec(source, takenAt, month as Period, options.top),
    render: renderExec,
    describe: (report) => `Executive summary ${report.month.label}`,
  });
}

export function execCommand(deps: CommandDeps = defaultDeps): Command {
  const command = new Command('exec')
    .description('The monthly executive summary of the partner program: one printable HTML file (and PDF).')
    .option('--month <YYYY-MM>', 'the calendar month summarised, e.g. 2026-11', parseMonth)
    .addOption(
      new Option('--top <n>', 'partners ranked by won revenue (default 10)').argParser(parseInteger('--top', 1)),
    )
    .option('--snapshot <dir>', 'read a snapshot folder (prm seed --out, prm audit --save-snapshot)')
    .option('-o, --target-org <org>', 'read an org: alias or username the sf CLI is logged in to')
    .option('--namespace <ns>', NAMESPACE_HELP);
  return withDeliveryOptions(command)
    .addHelpText(
      'after',
      `
Sections: sourced vs influenced revenue, registrations and decision time, ROI by program,
tier movement, lead acceptance, top partners. Figures are prm audit's metrics on the deals
closed, registrations submitted, leads offered, tier changes, commissions and costs of the month.

Examples:
  $ prm report exec --snapshot out/demo/snapshot --month 2026-11 --out out/exec.html
  $ prm report exec -o my-org --month 2026-11 --out exec.html --pdf
${DELIVERY_OPTIONS_HELP}
${EXIT_CODES_HELP}`,
    )
    .action(async (options: ExecOptions) => {
      process.exitCode = (await runExec(options, deps)).code;
    });
}
