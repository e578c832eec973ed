/**
 * The packaged reports, evaluated on the preview's demo data, show the same figures `prm audit`
 * computes from the same records wherever both report the same thing: partner revenue sourced
 * vs influenced, program ROI (revenue, commissions and costs by program through the shared
 * `programRoi` rule), registrations by status, active partners per tier and the lead
 * acceptance rate, partner feedback (NPS by program, by program and tier, and by quarter, from the
 * answers per class) and pilot adoption (partners per stage and each partner's days to its first
 * deal). A report whose filters or groupings drift from the audit's definition fails here.
 */
import { runAudit } from '../../scripts/audit/engine';
import { DEFAULT_POLICY } from '../../scripts/audit/policy';
import { netPromoterScore, programRoi } from '../../scripts/audit/rules';
import type { RecordSource } from '../../scripts/audit/sources';
import type { Metric } from '../../scripts/audit/types';
import { PROJECT_ROOT } from '../../scripts/lib/project';
import { demoEvaluator } from '../../scripts/preview/analyticsPages';
import { demoDataset } from '../../scripts/preview/dataset';
import type { ReportEvaluator } from '../../scripts/reports/evaluate';
import type { GroupResult } from '../../scripts/reports/results';
import { loadSnapshotSchema } from '../../scripts/snapshot/schema';

jest.setTimeout(120_000);

const AS_OF = '2026-12-04T16:00:00.000Z';
const FOLDER = 'Partner_Program';

let metrics: Map<string, Metric>;
let evaluator: ReportEvaluator;

beforeAll(async () => {
  const dataset = demoDataset({ asOf: AS_OF });
  const source: RecordSource = {
    description: 'preview demo data',
    objects: loadSnapshotSchema(PROJECT_ROOT).objects.filter((o) => dataset.records[o.name]),
    records: async function* (object) {
      yield* dataset.records[object.name] ?? [];
    },
  };
  const audit = await runAudit(source, { now: AS_OF, policy: DEFAULT_POLICY });
  metrics = new Map(audit.metrics.map((m) => [m.id, m]));
  evaluator = demoEvaluator(PROJECT_ROOT, dataset);
});

function metric(id: string): Metric {
  const found = metrics.get(id);
  if (!found) {
    throw new Error(`the audit computed no metric ${id}`);
  }
  return found;
}

/** First-level group label → the report's summary value. */
function byGroup(report: string, key: string): Map<string, number | null> {
  return new Map(evaluator.report(`${FOLDER}/${report}`).groups.map((g) => [g.label, g.values[key] ?? null]));
}

const cents = (value: number | null | undefined): number | null =>
  value === null || value === undefined ? null : Math.round(value * 100) / 100;

describe('the preview of the packaged reports agrees with prm audit', () => {
  it('partner revenue, sourced vs influenced', () => {
    const key = 'Sum:Opportunity.Partner_Attributions__r$Attributed_Amount__c';
    const report = byGroup('Partner_Revenue_Sourced_vs_Influenced', key);
    const audit = metric('partner-revenue');
    expect(audit.breakdown?.every((b) => (b.value ?? 0) > 0)).toBe(true);
    for (const role of ['Sourced', 'Influenced']) {
      expect(cents(report.get(role))).toBe(audit.breakdown?.find((b) => b.label === role)?.value);
    }
    const total = evaluator.report(`${FOLDER}/Partner_Revenue_Sourced_vs_Influenced`).totals[key];
    expect(cents(total)).toBe(audit.value);
  });

  it('program ROI from the revenue, commission and cost reports', () => {
    const revenue = byGroup(
      'Partner_Revenue_by_Program',
      'Sum:Opportunity.Partner_Attributions__r$Attributed_Amount__c',
    );
    const commissions = byGroup('Partner_Commissions_by_Program', 'Sum:Partner_Commission__c$Amount__c');
    const costs = byGroup('Program_Costs_by_Program', 'Sum:Program_Cost__c$Amount__c');
    const audit = metric('roi-by-program').breakdown ?? [];
    expect(audit.length).toBeGreaterThan(1);
    for (const program of audit) {
      const roi = programRoi({
        attributedRevenue: cents(revenue.get(program.label) ?? 0) ?? 0,
        commissions: cents(commissions.get(program.label) ?? 0) ?? 0,
        programCosts: cents(costs.get(program.label) ?? 0) ?? 0,
      }).roi;
      expect({ program: program.label, roi }).toEqual({ program: program.label, roi: program.value });
    }
  });

  it('registrations by status', () => {
    const report = byGroup('Registrations_by_Status', 'RowCount');
    const audit = metric('registrations-by-status');
    expect(audit.value).toBeGreaterThan(0);
    expect(Object.fromEntries(report)).toEqual(
      Object.fromEntries((audit.breakdown ?? []).map((b) => [b.label, b.value])),
    );
  });

  it('active partners per program and tier', () => {
    const groups: GroupResult[] = evaluator.report(`${FOLDER}/Partners_by_Tier`).groups;
    const report = Object.fromEntries(
      groups.flatMap((program) => program.children.map((tier) => [`${program.label} · ${tier.label}`, tier.rowCount])),
    );
    const audit = metric('partners-per-tier');
    expect(audit.value).toBeGreaterThan(0);
    expect(report).toEqual(Object.fromEntries((audit.breakdown ?? []).map((b) => [b.label, b.value])));
  });

  it('lead acceptance rate from the offer outcomes', () => {
    const outcomes = byGroup('Lead_Offer_Outcomes', 'RowCount');
    const decided = [...outcomes.entries()].filter(([o]) => o !== 'Pending').reduce((sum, [, n]) => sum + (n ?? 0), 0);
    const accepted = outcomes.get('Accepted') ?? 0;
    expect(decided).toBeGreaterThan(0);
    expect(Math.round((1000 * accepted) / decided) / 10).toBe(metric('lead-acceptance-rate-percent').value);
  });

  const CLASSES = ['Promoter', 'Passive', 'Detractor'];

  /** Answers per class under a group (its children, or its children's children). */
  function classCounts(group: GroupResult): Map<string, number> {
    const counts = new Map<string, number>();
    for (const child of group.children) {
      const nested = CLASSES.includes(child.label) ? new Map([[child.label, child.rowCount]]) : classCounts(child);
      nested.forEach((n, label) => counts.set(label, (counts.get(label) ?? 0) + n));
    }
    return counts;
  }

  /** The NPS of a group from its answers per class, through the shared rule. */
  function npsOfClasses(group: GroupResult): number | null {
    const counts = classCounts(group);
    const scores = [
      ...new Array<number>(counts.get('Promoter') ?? 0).fill(10),
      ...new Array<number>(counts.get('Passive') ?? 0).fill(7),
      ...new Array<number>(counts.get('Detractor') ?? 0).fill(0),
    ];
    expect(scores.length).toBe(group.rowCount);
    return netPromoterScore({ scores }).score;
  }

  it('partner feedback NPS by program and by program and tier', () => {
    const programs = evaluator.report(`${FOLDER}/Partner_Feedback_by_Program_and_Tier`).groups;
    const byProgram = Object.fromEntries(programs.map((program) => [program.label, npsOfClasses(program)]));
    const byTier = Object.fromEntries(
      programs.flatMap((program) =>
        program.children.map((tier) => [`${program.label} · ${tier.label}`, npsOfClasses(tier)]),
      ),
    );
    const audit = metric('feedback-nps-by-program');
    expect(audit.breakdown?.length).toBeGreaterThan(1);
    expect(byProgram).toEqual(Object.fromEntries((audit.breakdown ?? []).map((b) => [b.label, b.value])));
    expect(byTier).toEqual(
      Object.fromEntries((metric('feedback-nps-by-tier').breakdown ?? []).map((b) => [b.label, b.value])),
    );
  });

  it('partner feedback trend by quarter, with the average score', () => {
    const report = evaluator.report(`${FOLDER}/Partner_Feedback_Trend_by_Quarter`);
    const audit = metric('feedback-nps-by-quarter').breakdown ?? [];
    expect(audit.length).toBeGreaterThan(2);
    expect(report.groups.map((quarter) => [quarter.label, npsOfClasses(quarter)])).toEqual(
      audit.map((b) => [b.label, b.value]),
    );
    const average = report.totals['Average:Partner_Feedback__c$Score__c'];
    expect(average === null || average === undefined ? null : Math.round(average * 10) / 10).toBe(
      metric('feedback-average-score').value,
    );
  });

  it('pilot adoption: partners per stage and days to the first deal per partner', () => {
    const report = evaluator.report(`${FOLDER}/Partner_Adoption_Pilot`);
    const audit = metric('adoption-stage');
    expect(Object.fromEntries(report.groups.map((g) => [g.label, g.rowCount]))).toEqual(
      Object.fromEntries((audit.breakdown ?? []).filter((b) => (b.value ?? 0) > 0).map((b) => [b.label, b.value])),
    );
    const firstDeal = report.groups.find((g) => g.label === 'First Deal');
    const days = (metric('adoption-by-partner').breakdown ?? [])
      .map((b) => b.value)
      .filter((v): v is number => v !== null);
    expect(days.length).toBeGreaterThan(0);
    const mean = days.reduce((a, b) => a + b, 0) / days.length;
    expect(firstDeal?.values['Average:Account$Days_To_First_Deal__c']).toBeCloseTo(mean, 6);
  });
});
