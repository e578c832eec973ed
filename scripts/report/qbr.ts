/**
 * `prm report qbr`: one partner's quarterly business review as a self-contained, printable
 * HTML file (and PDF). Every program figure is `prm audit`'s metric on the partner's slice of
 * the data for the quarter, the quarter before and the same quarter a year earlier.
 */
import { Command } from 'commander';
import { EXIT_CODES_HELP } from '../audit/cliSupport';
import { localToday } from '../audit/rules';
import type { RecordSource } from '../audit/sources';
import { defaultDeps, NAMESPACE_HELP, type CommandDeps } from '../commands/audit';
import { auditMetrics, metric, type Figures } from './figures';
import { PartnerFactsCollector, type PartnerFacts } from './partnerFacts';
import { nextQuarter, parseQuarter, periodAsOf, previousQuarter, sameQuarterLastYear, type Period } from './period';
import { renderQbr } from './qbrHtml';
import { DELIVERY_OPTIONS_HELP, withDeliveryOptions, type DeliveryOptions } from './deliver';
import { runReport } from './runReport';
import { ScopedSource, attributedOpportunities, findPartner, partnerScope, periodScope } from './scopedSource';

export interface QbrOptions extends DeliveryOptions {
  partner?: string;
  quarter?: Period;
  snapshot?: string;
  targetOrg?: string;
  namespace?: string;
}

/** One goal for the next quarter, derived from the gaps the review shows. */
export interface Goal {
  goal: string;
  why: string;
}

export interface QbrReport {
  kind: 'qbr';
  source: string;
  partner: { id: string; name: string; externalId: string | null };
  quarter: Period;
  compare: { previousQuarter: Period; sameQuarterLastYear: Period; nextQuarter: Period };
  /** The audit's metrics on the partner's slice, per quarter (`prm audit --as-of figures.asOf`). */
  figures: { quarter: Figures; previousQuarter: Figures; sameQuarterLastYear: Figures };
  facts: PartnerFacts;
  goals: Goal[];
}

const CRITERION_GOAL: Record<string, (gap: number, tier: string) => string> = {
  revenueT12M: (gap, tier) => `Add ${gap.toLocaleString('en-US')} of trailing-12-month revenue to reach ${tier}`,
  activeCertifications: (gap, tier) => `Earn ${gap} more active certification${gap === 1 ? '' : 's'} to reach ${tier}`,
  closedDealsT12M: (gap, tier) => `Close ${gap} more deal${gap === 1 ? '' : 's'} to reach ${tier}`,
};

/** Goals for the next quarter: the tier gaps, overdue training, and lead SLA misses. */
export function goalsFor(facts: PartnerFacts, quarter: Figures): Goal[] {
  const goals: Goal[] = [];
  for (const membership of facts.memberships) {
    for (const criterion of membership.progress.filter((c) => !c.met)) {
      goals.push({
        goal: CRITERION_GOAL[criterion.criterion](criterion.gap, membership.nextTier ?? 'the next tier'),
        why: `${membership.program}: ${criterion.percent} % of the ${membership.nextTier ?? 'next tier'} requirement today.`,
      });
    }
  }
  if (facts.training.overdue > 0) {
    goals.push({
      goal: `Complete the ${facts.training.overdue} overdue training assignment${facts.training.overdue === 1 ? '' : 's'}`,
      why: 'Overdue training holds back certifications and the tier they count towards.',
    });
  }
  const breach = metric(quarter, 'lead-sla-breach-rate-percent').value;
  if (breach !== null && breach > 0) {
    goals.push({
      goal: 'Answer every shared lead within its acceptance deadline',
      why: `${breach} % of this quarter's lead offers missed the SLA; missed offers are recalled and re-routed.`,
    });
  }
  return goals;
}

/**
 * Builds the review from a source.
 * @param source all records
 * @param takenAt when the data was read
 * @param partnerRef the partner's Id or external id
 * @param quarter the quarter under review
 */
export async function buildQbr(
  source: RecordSource,
  takenAt: string,
  partnerRef: string,
  quarter: Period,
): Promise<QbrReport> {
  const partner = await findPartner(source, partnerRef);
  const opportunities = await attributedOpportunities(source, partner.id);
  const scoped = { id: partner.id, opportunities };
  const previous = previousQuarter(quarter);
  const lastYear = sameQuarterLastYear(quarter);
  const next = nextQuarter(quarter);
  const measure = (period: Period) =>
    auditMetrics(
      new ScopedSource(source, periodScope(period, scoped), `${partner.name}, ${period.label}`),
      periodAsOf(period, takenAt),
    );
  const asOf = periodAsOf(quarter, takenAt);
  const collector = new PartnerFactsCollector(quarter, next, localToday({ now: asOf, timeZone: 'UTC' }));
  await auditMetrics(new ScopedSource(source, partnerScope(partner.id), partner.name), asOf, [collector]);
  const figures = {
    quarter: await measure(quarter),
    previousQuarter: await measure(previous),
    sameQuarterLastYear: await measure(lastYear),
  };
  const facts = collector.finish();
  return {
    kind: 'qbr',
    source: source.description,
    partner: { id: partner.id, name: partner.name, externalId: partner.externalId },
    quarter,
    compare: { previousQuarter: previous, sameQuarterLastYear: lastYear, nextQuarter: next },
    figures,
    facts,
    goals: goalsFor(facts, figures.quarter),
  };
}

/**
 * Runs `prm report qbr`; returns the exit code and the review.
 * @param options parsed options
 * @param deps org connector and output
 */
export async function runQbr(
  options: QbrOptions,
  deps: CommandDeps = defaultDeps,
): Promise<{ code: number; report?: QbrReport }> {
  const { partner, quarter, out } = options;
  const missing = [
    partner === undefined ? '--partner' : '',
    quarter === undefined ? '--quarter' : '',
    out === undefined ? '--out' : '',
  ].filter(Boolean);
  return runReport(options, deps, {
    name: 'qbr',
    missing,
    build: (source, takenAt) => buildQbr(source, takenAt, partner as string, quarter as Period),
    render: renderQbr,
    describe: (report) => `QBR for ${report.partner.name}, ${report.quarter.label}`,
  });
}

export function qbrCommand(deps: CommandDeps = defaultDeps): Command {
  const command = new Command('qbr')
    .description("A partner's quarterly business review: one self-contained, printable HTML file (and PDF).")
    .option('--partner <id>', 'the partner account: record Id or External_Id__c')
    .option('--quarter <YYYY-Qn>', 'the calendar quarter under review, e.g. 2026-Q3', parseQuarter)
    .option('--snapshot <dir>', 'read a snapshot folder (prm seed --out, prm audit --save-snapshot)')
    .option('-o, --target-org <org>', 'read an org: alias or username the sf CLI is logged in to')
    .option('--namespace <ns>', NAMESPACE_HELP);
  return withDeliveryOptions(command)
    .addHelpText(
      'after',
      `
Sections: scorecard and tier progress, pipeline, won revenue vs the quarter before and the
same quarter last year, registrations and decision time, lead acceptance and SLA, training
and certifications, commissions, goals for next quarter. Program figures are prm audit's
metrics on the partner's records of each quarter.

Examples:
  $ prm report qbr --snapshot out/demo/snapshot --partner PSP-ACC-0002772 --quarter 2026-Q3 --out out/qbr.html
  $ prm report qbr -o my-org --partner 0015g00000AbCdE --quarter 2026-Q3 --out qbr.html --pdf
${DELIVERY_OPTIONS_HELP}
${EXIT_CODES_HELP}`,
    )
    .action(async (options: QbrOptions) => {
      process.exitCode = (await runQbr(options, deps)).code;
    });
}
