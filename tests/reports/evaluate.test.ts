/**
 * The report evaluator behind the preview, on a handful of records whose answer is known:
 * outer joins keep a parent without children, filter logic with a column-to-column compare,
 * relative dates from the data's day, "my" reports keep only the running user's records, the
 * row-level formula's date difference and its summaries, and grouping by a lookup's name.
 */
import type { DemoRecord } from '../../scripts/preview/browser/types';
import { PROJECT_ROOT } from '../../scripts/lib/project';
import { loadAnalytics } from '../../scripts/reports/analyticsModel';
import { ReportEvaluator } from '../../scripts/reports/evaluate';
import { dateRange } from '../../scripts/reports/relativeDates';
import { childRelationships } from '../../scripts/reports/relationships';

const AS_OF = '2026-06-15T12:00:00.000Z';
const ME = '005000000000001AAA';

function evaluatorFor(records: Record<string, DemoRecord[]>): ReportEvaluator {
  return new ReportEvaluator(loadAnalytics(PROJECT_ROOT), childRelationships(PROJECT_ROOT), {
    records,
    asOf: AS_OF,
    runningUserId: ME,
  });
}

const partner: DemoRecord = { Id: '001A', Name: 'Acme Partners', Is_Partner__c: true };
const registration = (id: string, fields: Partial<DemoRecord>): DemoRecord => ({
  Id: id,
  Name: id,
  Partner_Account__c: '001A',
  ...fields,
});

describe('relative date values', () => {
  it('resolve from the given day as the platform counts them', () => {
    expect(dateRange('LAST_N_DAYS:2', '2026-06-15')).toEqual({ start: '2026-06-13', end: '2026-06-15' });
    expect(dateRange('NEXT_N_DAYS:30', '2026-06-15')).toEqual({ start: '2026-06-16', end: '2026-07-15' });
    expect(dateRange('LAST_N_MONTHS:2', '2026-06-15')).toEqual({ start: '2026-04-01', end: '2026-05-31' });
    expect(dateRange('THIS_YEAR', '2026-06-15')).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(dateRange('Acme', '2026-06-15')).toBeUndefined();
  });
});

describe('ReportEvaluator', () => {
  it('keeps registrations without an opportunity (outer join) and counts each by status', () => {
    const result = evaluatorFor({
      Account: [partner],
      Deal_Registration__c: [
        registration('a1', { Status__c: 'Converted' }),
        registration('a2', { Status__c: 'Submitted' }),
        registration('a3', { Status__c: 'Submitted' }),
      ],
      Opportunity: [{ Id: '006A', Name: 'Deal', Source_Registration__c: 'a1', Amount: 100 }],
    }).report('Partner_Program/Registrations_by_Status');
    expect(result.groups.map((g) => [g.label, g.rowCount])).toEqual([
      ['Converted', 1],
      ['Submitted', 2],
    ]);
  });

  it('applies filter logic with a column-to-column compare and groups by the lookup name', () => {
    const offer = (id: string, outcome: string, outcomeAt: string): DemoRecord => ({
      Id: id,
      Name: id,
      Lead__c: '00QA',
      Partner_Account__c: '001A',
      Outcome__c: outcome,
      Accept_By__c: '2026-06-10T12:00:00.000Z',
      Outcome_At__c: outcomeAt,
    });
    const result = evaluatorFor({
      Account: [partner],
      Lead: [{ Id: '00QA', Company: 'Prospect' }],
      Lead_Offer__c: [
        offer('o1', 'Accepted', '2026-06-09T12:00:00.000Z'), // in time
        offer('o2', 'Accepted', '2026-06-11T12:00:00.000Z'), // late
        offer('o3', 'Expired', '2026-06-10T12:00:00.000Z'), // lapsed
      ],
    }).report('Partner_Program/Lead_SLA_Breaches_by_Partner');
    expect(result.groups.map((g) => [g.label, g.rowCount])).toEqual([['Acme Partners', 2]]);
    expect(result.details?.rows.map((r) => r[1])).toEqual(['o2', 'o3']);
  });

  it('resolves relative dates from the data day: approved registrations expiring within 30 days', () => {
    const result = evaluatorFor({
      Account: [partner],
      Deal_Registration__c: [
        registration('a1', { Status__c: 'Approved', Expires_On__c: '2026-06-15' }), // today: not "next"
        registration('a2', { Status__c: 'Approved', Expires_On__c: '2026-07-15' }),
        registration('a3', { Status__c: 'Approved', Expires_On__c: '2026-07-16' }),
        registration('a4', { Status__c: 'Expired', Expires_On__c: '2026-06-20' }),
      ],
    }).report('Partner_Program/Registrations_Expiring_in_30_Days');
    expect(result.rowCount).toBe(1);
    expect(result.details?.rows[0][0]).toBe('a2');
  });

  it("shows only the running user's opportunities in a my-report", () => {
    const opportunity = (id: string, owner: string | null, amount: number): DemoRecord => ({
      Id: id,
      Name: id,
      OwnerId: owner,
      StageName: 'Prospecting',
      IsClosed: false,
      Amount: amount,
      Sourcing_Partner__c: '001A',
    });
    const result = evaluatorFor({
      Account: [partner],
      Opportunity: [
        opportunity('006A', ME, 100),
        opportunity('006B', '005000000000002AAA', 999),
        opportunity('006C', null, 50),
      ],
    }).report('Partner_Program/My_Partner_Sourced_Pipeline');
    expect(result.totals['Sum:Opportunity$Amount']).toBe(150);
  });

  it('computes the decision-days formula and averages it by route', () => {
    const decided = (id: string, route: string, days: number): DemoRecord =>
      registration(id, {
        Approval_Route__c: route,
        Submitted_At__c: '2026-06-01T00:00:00.000Z',
        Decided_At__c: new Date(Date.parse('2026-06-01T00:00:00.000Z') + days * 86400000).toISOString(),
      });
    const result = evaluatorFor({
      Account: [partner],
      Deal_Registration__c: [decided('a1', 'Manager', 2), decided('a2', 'Manager', 4), decided('a3', 'Auto', 0.5)],
    }).report('Partner_Program/Registration_Decision_Time');
    expect(result.groups.map((g) => [g.label, g.values['Average:CDF1'], g.values['Maximum:CDF1']])).toEqual([
      ['Auto', 0.5, 0.5],
      ['Manager', 3, 4],
    ]);
  });
});
