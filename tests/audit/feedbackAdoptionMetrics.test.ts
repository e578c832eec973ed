/**
 * The audit's feedback and adoption figures on a small hand-built data set whose answers are
 * known: partner A was invited on day 0, logged in on day 2, registered on day 5, accepted a
 * lead on day 8 and closed its first deal on day 20; partner B was invited and did nothing for
 * 30 days (stalled); partner C was never invited; partner D's invitation lies after the audit's now. Feedback answers with known scores per tier
 * and quarter give known net promoter scores.
 */
import { runAudit } from '../../scripts/audit/engine';
import { DEFAULT_POLICY } from '../../scripts/audit/policy';
import type { RecordSource } from '../../scripts/audit/sources';
import type { Metric } from '../../scripts/audit/types';
import type { SnapshotRecord } from '../../scripts/snapshot/format';
import { loadSnapshotSchema } from '../../scripts/snapshot/schema';

const NOW = '2026-12-04T16:00:00.000Z';

const records: Record<string, SnapshotRecord[]> = {
  Partner_Program__c: [{ Id: 'a01000000000001', Name: 'Reseller' }],
  Partner_Tier__c: [
    { Id: 'a02000000000001', Name: 'Silver', Program__c: 'a01000000000001', Rank__c: 1 },
    { Id: 'a02000000000002', Name: 'Gold', Program__c: 'a01000000000001', Rank__c: 2 },
  ],
  Account: [
    { Id: '001000000000001', Name: 'A Partner', Is_Partner__c: true, Portal_Invited_At__c: '2026-10-01T09:00:00.000Z' },
    { Id: '001000000000002', Name: 'B Partner', Is_Partner__c: true, Portal_Invited_At__c: '2026-11-04T09:00:00.000Z' },
    { Id: '001000000000003', Name: 'C Partner', Is_Partner__c: true, Portal_Invited_At__c: null },
    // Invited after the audit's now (a past period audited later): not invited yet.
    { Id: '001000000000004', Name: 'D Partner', Is_Partner__c: true, Portal_Invited_At__c: '2026-12-10T09:00:00.000Z' },
    { Id: '001000000000009', Name: 'A Customer', Is_Partner__c: false },
  ],
  Partner_Activity__c: [
    {
      Id: 'a0A000000000001',
      Partner_Account__c: '001000000000001',
      Activity_Type__c: 'Login',
      Occurred_At__c: '2026-10-05T10:00:00.000Z',
    },
    {
      Id: 'a0A000000000002',
      Partner_Account__c: '001000000000001',
      Activity_Type__c: 'Login',
      Occurred_At__c: '2026-10-03T10:00:00.000Z',
    },
    {
      Id: 'a0A000000000003',
      Partner_Account__c: '001000000000001',
      Activity_Type__c: 'Resource Download',
      Occurred_At__c: '2026-10-01T12:00:00.000Z',
    },
  ],
  Deal_Registration__c: [
    {
      Id: 'a0B000000000001',
      Partner_Account__c: '001000000000001',
      Status__c: 'Approved',
      Submitted_At__c: '2026-10-06T10:00:00.000Z',
    },
    { Id: 'a0B000000000002', Partner_Account__c: '001000000000001', Status__c: 'Draft', Submitted_At__c: null },
  ],
  Opportunity: [
    {
      Id: '006000000000001',
      Sourcing_Partner__c: '001000000000001',
      IsClosed: true,
      IsWon: true,
      CloseDate: '2026-10-21',
      Amount: 1000,
    },
    {
      Id: '006000000000002',
      Sourcing_Partner__c: '001000000000001',
      IsClosed: true,
      IsWon: false,
      CloseDate: '2026-10-10',
      Amount: 1000,
    },
    {
      Id: '006000000000003',
      Sourcing_Partner__c: '001000000000002',
      IsClosed: false,
      IsWon: false,
      CloseDate: '2026-12-20',
      Amount: 1000,
    },
  ],
  Lead_Offer__c: [
    {
      Id: 'a0C000000000001',
      Partner_Account__c: '001000000000001',
      Outcome__c: 'Rejected',
      Outcome_At__c: '2026-10-04T10:00:00.000Z',
    },
    {
      Id: 'a0C000000000002',
      Partner_Account__c: '001000000000001',
      Outcome__c: 'Accepted',
      Outcome_At__c: '2026-10-09T10:00:00.000Z',
    },
  ],
  Partner_Feedback__c: [
    // Silver, 2026-Q3: 10, 9, 7, 3 → (2 − 1) / 4 = 25.0
    ...[10, 9, 7, 3].map((score, i) => feedback(`s3${i}`, 'a02000000000001', score, '2026-08-15')),
    // Silver, 2026-Q4: 6, 6, 8 → (0 − 2) / 3 = −66.7
    ...[6, 6, 8].map((score, i) => feedback(`s4${i}`, 'a02000000000001', score, '2026-11-02')),
    // Gold, 2026-Q4: 10, 10, 9 → 100
    ...[10, 10, 9].map((score, i) => feedback(`g4${i}`, 'a02000000000002', score, '2026-10-20')),
  ],
};

function feedback(id: string, tier: string, score: number, submittedOn: string): SnapshotRecord {
  return { Id: id, Program__c: 'a01000000000001', Tier__c: tier, Score__c: score, Submitted_On__c: submittedOn };
}

let metrics: Map<string, Metric>;

beforeAll(async () => {
  const source: RecordSource = {
    description: 'hand-built',
    objects: loadSnapshotSchema().objects.filter((o) => records[o.name]),
    records: async function* (object) {
      yield* records[object.name] ?? [];
    },
  };
  const result = await runAudit(source, { now: NOW, policy: DEFAULT_POLICY });
  metrics = new Map(result.metrics.map((m) => [m.id, m]));
});

function metric(id: string): Metric {
  const found = metrics.get(id);
  if (!found) {
    throw new Error(`no metric ${id}`);
  }
  return found;
}

const breakdown = (id: string): Record<string, number | null> =>
  Object.fromEntries((metric(id).breakdown ?? []).map((b) => [b.label, b.value]));

describe('prm audit feedback figures', () => {
  it('scores the net promoter score per program and tier with the shared rule', () => {
    expect(breakdown('feedback-nps-by-tier')).toEqual({ 'Reseller · Gold': 100, 'Reseller · Silver': -14.3 });
    // All ten answers: promoters 10, 9, 10, 10, 9 = 5; detractors 3, 6, 6 = 3 → 20.0
    expect(breakdown('feedback-nps-by-program')).toEqual({ Reseller: 20 });
    expect(metric('feedback-nps-by-program').value).toBe(20);
  });

  it('shows the trend by quarter, oldest first', () => {
    expect(metric('feedback-nps-by-quarter').breakdown?.map((b) => [b.label, b.value])).toEqual([
      ['2026-Q3', 25],
      ['2026-Q4', 16.7],
    ]);
  });

  it('reports the average score and the responses', () => {
    expect(metric('feedback-average-score').value).toBe(7.8);
    expect(metric('feedback-average-score').breakdown).toEqual([
      { label: 'Reseller', value: 7.8, note: '10 responses' },
    ]);
  });
});

describe('prm audit adoption figures', () => {
  it('counts partners per stage and the invited ones', () => {
    expect(breakdown('adoption-stage')).toEqual({
      'Not Invited': 2,
      Invited: 1,
      'Logged In': 0,
      Registered: 0,
      'Accepted Lead': 0,
      'First Deal': 1,
    });
    expect(metric('adoption-stage').value).toBe(2);
  });

  it('measures days from the invitation to each first step', () => {
    expect(metric('adoption-days-to-first-login-median').value).toBe(2);
    expect(metric('adoption-days-to-first-registration-median').value).toBe(5);
    expect(metric('adoption-days-to-first-lead-accepted-median').value).toBe(8);
    expect(metric('adoption-days-to-first-deal-median').value).toBe(20);
  });

  it('counts a partner with no step for more than 14 days as stalled', () => {
    expect(metric('adoption-stalled').value).toBe(1);
  });

  it('lists every invited partner with its stage and days', () => {
    expect(metric('adoption-by-partner').breakdown).toEqual([
      {
        label: 'A Partner',
        value: 20,
        note: 'First Deal; invited 2026-10-01; first login day 2, registration day 5, lead accepted day 8, deal day 20',
      },
      {
        label: 'B Partner',
        value: null,
        note: 'Invited (stalled); invited 2026-11-04; first login –, registration –, lead accepted –, deal –',
      },
    ]);
  });
});
