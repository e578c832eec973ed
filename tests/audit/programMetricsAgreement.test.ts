/**
 * `prm audit` and the monthly program metrics snapshot compute the same figures: the audit's
 * median decision time, lead acceptance and SLA breach rates and program ROI over a set of
 * records equal the `programMonthMetrics` row (the rule the Apex snapshot job mirrors) over the
 * same records.
 */
import { metricsCollector } from '../../scripts/audit/metrics';
import { DEFAULT_POLICY } from '../../scripts/audit/policy';
import type { AuditContext, Metric } from '../../scripts/audit/types';
import type { SnapshotRecord } from '../../scripts/snapshot/format';
import { programMonthMetrics } from '../../lwc-ts-src/prmRules/prmRules';

const NOW = '2026-03-01T02:00:00.000Z';
const PROGRAM = 'a0P000000000001';
const PARTNER = '001000000000001';

const decisions: [string, string][] = [
  ['2026-02-01T09:00:00Z', '2026-02-03T09:00:00Z'],
  ['2026-02-02T09:00:00Z', '2026-02-02T21:00:00Z'],
  ['2026-02-10T00:00:00Z', '2026-02-15T00:00:00Z'],
  ['2026-02-11T00:00:00Z', '2026-02-11T07:12:00Z'],
];
const offers: { outcome: string; acceptBy: string; outcomeAt: string | null }[] = [
  { outcome: 'Accepted', acceptBy: '2026-02-03T00:00:00Z', outcomeAt: '2026-02-02T00:00:00Z' },
  { outcome: 'Accepted', acceptBy: '2026-02-03T00:00:00Z', outcomeAt: '2026-02-04T00:00:00Z' },
  { outcome: 'Rejected', acceptBy: '2026-02-05T00:00:00Z', outcomeAt: '2026-02-04T00:00:00Z' },
  { outcome: 'Recalled', acceptBy: '2026-02-05T00:00:00Z', outcomeAt: '2026-02-06T00:00:00Z' },
  { outcome: 'Expired', acceptBy: '2026-02-07T00:00:00Z', outcomeAt: null },
  { outcome: 'Pending', acceptBy: '2026-02-28T00:00:00Z', outcomeAt: null },
  { outcome: 'Pending', acceptBy: '2026-03-02T00:00:00Z', outcomeAt: null },
];

function auditMetrics(): Metric[] {
  const context: AuditContext = { now: NOW, today: NOW.slice(0, 10), timeZone: 'UTC', policy: DEFAULT_POLICY };
  const collector = metricsCollector(context);
  const feed = (objectName: string, records: SnapshotRecord[]) =>
    records.forEach((record) => collector.onRecord(objectName, record));
  feed('Partner_Program__c', [{ Id: PROGRAM, Name: 'Resell' }]);
  feed('Account', [{ Id: PARTNER, Is_Partner__c: true, Primary_Program__c: PROGRAM }]);
  feed(
    'Deal_Registration__c',
    decisions.map(([submitted, decided], i) => ({
      Id: `a01${String(i).padStart(12, '0')}`,
      Status__c: 'Approved',
      Submitted_At__c: submitted,
      Decided_At__c: decided,
    })),
  );
  feed('Opportunity', [{ Id: '006000000000001', IsClosed: true, IsWon: true, Amount: 90000, CloseDate: '2026-02-20' }]);
  feed('Partner_Attribution__c', [
    {
      Id: 'a02000000000001',
      Opportunity__c: '006000000000001',
      Partner_Account__c: PARTNER,
      Role__c: 'Sourced',
      Attributed_Amount__c: 60000,
    },
    {
      Id: 'a02000000000002',
      Opportunity__c: '006000000000001',
      Partner_Account__c: PARTNER,
      Role__c: 'Influenced',
      Attributed_Amount__c: 30000,
    },
  ]);
  feed('Partner_Commission__c', [
    { Id: 'a03000000000001', Program__c: PROGRAM, Amount__c: 9000, Status__c: 'Approved' },
  ]);
  feed('Program_Cost__c', [{ Id: 'a04000000000001', Program__c: PROGRAM, Amount__c: 3000 }]);
  feed(
    'Lead_Offer__c',
    offers.map((o, i) => ({
      Id: `a05${String(i).padStart(12, '0')}`,
      Outcome__c: o.outcome,
      Offered_At__c: '2026-02-01T00:00:00Z',
      Accept_By__c: o.acceptBy,
      Outcome_At__c: o.outcomeAt,
    })),
  );
  return collector.finish();
}

describe('prm audit agrees with the program metrics snapshot rule', () => {
  const metrics = auditMetrics();
  const value = (id: string) => metrics.find((m) => m.id === id)?.value;
  const row = programMonthMetrics({
    programId: PROGRAM,
    month: '2026-02',
    now: NOW,
    sourcedRevenue: 60000,
    influencedRevenue: 30000,
    commissions: 9000,
    programCosts: 3000,
    decisions: decisions.map(([submittedAt, decidedAt]) => ({ submittedAt, decidedAt })),
    offers,
  });

  it('on the median registration decision time', () => {
    // 0.3, 0.5, 2 and 5 days: the nearest-rank median is the lower middle.
    expect(row.medianDecisionDays).toBe(0.5);
    expect(value('registration-decision-median-days')).toBe(row.medianDecisionDays);
  });

  it('on the lead acceptance and SLA breach rates', () => {
    // 2 of 5 decided offers accepted; the late acceptance, the late recall, the expiry and the
    // pending offer past its deadline are 4 of 6.
    expect(row.leadAcceptanceRate).toBe(40);
    expect(row.slaBreachRate).toBe(66.7);
    expect(value('lead-acceptance-rate-percent')).toBe(row.leadAcceptanceRate);
    expect(value('lead-sla-breach-rate-percent')).toBe(row.slaBreachRate);
  });

  it('on program ROI', () => {
    expect(row.roi).toBe(7.5);
    expect(value('roi-by-program')).toBe(row.roi);
  });
});
