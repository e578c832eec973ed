/**
 * Audit checks and metrics on small hand-made data sets: what each check reports and what it
 * must not, how absent objects skip checks instead of inventing findings, the metrics'
 * arithmetic, --fail-on, and the HTML report being self-contained.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { failsAt, runAudit, type AuditResult } from '../../scripts/audit/engine';
import { DEFAULT_POLICY } from '../../scripts/audit/policy';
import { SnapshotSource } from '../../scripts/audit/sources';
import { renderHtml, escapeHtml } from '../../scripts/audit/report/html';
import { renderText } from '../../scripts/audit/report/text';
import type { CellValue } from '../../scripts/snapshot/format';
import { loadSnapshotSchema, syntheticId } from '../../scripts/snapshot/schema';
import { SnapshotWriter } from '../../scripts/snapshot/writer';

const schema = loadSnapshotSchema();
const NOW = '2025-06-30T12:00:00.000Z';
type Data = Record<string, Record<string, CellValue>[]>;

const id = (objectName: string, n: number): string => syntheticId(schema.get(objectName)?.keyPrefix ?? '000', n);

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'prm-checks-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function audit(data: Data, now = NOW): Promise<AuditResult> {
  const dir = mkdtempSync(path.join(root, 'case-'));
  const objects = schema.objects.filter((o) => data[o.name] !== undefined);
  const writer = new SnapshotWriter(dir, objects);
  for (const [objectName, records] of Object.entries(data)) {
    records.forEach((record, i) => writer.write(objectName, { External_Id__c: `${objectName}-${i + 1}`, ...record }));
  }
  writer.close({ takenAt: now, apiVersion: '65.0', source: 'test' });
  return runAudit(new SnapshotSource(dir, schema), { now, policy: DEFAULT_POLICY });
}

const found = (result: AuditResult): string[] => result.findings.map((f) => `${f.check} ${f.externalId ?? ''}`);
/** Findings of some checks only: hand-made records leave key and stage fields blank on purpose. */
const only = (result: AuditResult, ...checks: string[]): string[] =>
  found(result).filter((f) => checks.includes(f.split(' ')[0]));

describe('duplicate accounts', () => {
  it('keeps the oldest account of a match key whatever the file order, per kind of account', async () => {
    const result = await audit({
      Account: [
        {
          Id: id('Account', 3),
          Name: 'ACME Widgets, LLC',
          CreatedDate: '2024-05-01T00:00:00.000Z',
          BillingCountry: 'US',
        },
        {
          Id: id('Account', 1),
          Name: 'The Acme Widgets Inc.',
          CreatedDate: '2023-01-01T00:00:00.000Z',
          BillingCountry: 'US',
        },
        { Id: id('Account', 2), Name: 'acme-widgets', CreatedDate: '2024-01-01T00:00:00.000Z', BillingCountry: 'US' },
        // A partner with the same name is a different kind of account.
        { Id: id('Account', 4), Name: 'Acme Widgets', Is_Partner__c: true, CreatedDate: '2022-01-01T00:00:00.000Z' },
        { Id: id('Account', 5), Name: 'Acme Gadgets', CreatedDate: '2022-01-01T00:00:00.000Z', BillingCountry: 'US' },
      ],
    });
    expect(
      found(result)
        .filter((f) => f.startsWith('duplicate-account'))
        .sort(),
    ).toEqual(['duplicate-account Account-1', 'duplicate-account Account-3']);
    const message = result.findings.find((f) => f.externalId === 'Account-1')?.message;
    expect(message).toContain('duplicates "The Acme Widgets Inc." (Account-2)');
  });
});

describe('references', () => {
  it('reports lookups to records that are not in the data set, including forward references', async () => {
    const result = await audit({
      Account: [{ Id: id('Account', 1), Name: 'Partner Co', Is_Partner__c: true, Partner_Status__c: 'Prospect' }],
      Contact: [
        { Id: id('Contact', 1), LastName: 'Ok', AccountId: id('Account', 1), Email: 'a@partner.example.com' },
        { Id: id('Contact', 2), LastName: 'Orphan', AccountId: id('Account', 99), Email: 'b@partner.example.com' },
      ],
      Deal_Registration__c: [
        {
          Id: id('Deal_Registration__c', 1),
          Partner_Account__c: id('Account', 1),
          Prospect_Company__c: 'Globex',
          Status__c: 'Draft',
          Converted_Opportunity__c: id('Opportunity', 7),
        },
      ],
      Opportunity: [{ Id: id('Opportunity', 1), Name: 'Other', StageName: 'Prospecting', CloseDate: '2025-09-01' }],
    });
    expect(
      found(result)
        .filter((f) => f.startsWith('orphan-reference'))
        .sort(),
    ).toEqual(['orphan-reference Contact-2', 'orphan-reference Deal_Registration__c-1']);
    expect(result.findings.find((f) => f.externalId === 'Contact-2')?.message).toContain(
      `AccountId points to Account ${id('Account', 99)}`,
    );
  });

  it('does not judge lookups to objects the data set does not hold', async () => {
    const result = await audit({
      Contact: [{ Id: id('Contact', 1), LastName: 'Solo', AccountId: id('Account', 42) }],
    });
    expect(result.findings).toEqual([]);
  });
});

describe('checks that need several objects', () => {
  it('are skipped, not guessed, when an object is missing', async () => {
    const result = await audit({
      Opportunity: [
        {
          Id: id('Opportunity', 1),
          Name: 'Deal',
          StageName: 'Prospecting',
          CloseDate: '2025-09-01',
          Sourcing_Partner__c: id('Account', 1),
          Amount: 100,
        },
      ],
    });
    const skipped = Object.fromEntries(result.summary.checks.filter((c) => c.skipped).map((c) => [c.check, c.skipped]));
    expect(skipped['partner-deal-no-attribution']).toBe('the data set has no Partner_Attribution__c');
    expect(skipped['stale-tier']).toContain('Partner_Program__c');
    expect(found(result)).not.toContain('partner-deal-no-attribution Opportunity-1');
  });
});

describe('registrations, leads and attribution', () => {
  const partner = {
    Id: id('Account', 1),
    Name: 'Partner Co',
    Is_Partner__c: true,
    Partner_Status__c: 'Prospect',
    Primary_Program__c: null,
  };

  it('reports lifecycle and stored-value problems, and accepts correct records', async () => {
    const base = {
      Partner_Account__c: partner.Id,
      Prospect_Country__c: 'US',
      Expected_Close_Date__c: '2025-09-30',
      Submitted_At__c: '2025-01-02T10:00:00.000Z',
      Conflict_Status__c: 'None',
    };
    const result = await audit({
      Account: [partner],
      Deal_Registration__c: [
        // 1: approved 100 days ago, still Approved: expired but open.
        {
          ...base,
          Id: id('Deal_Registration__c', 1),
          Prospect_Company__c: 'A',
          Status__c: 'Approved',
          Amount__c: 1000,
          Approval_Route__c: 'Auto',
          Approved_On__c: '2025-03-22',
          Expires_On__c: '2025-06-20',
          Decided_At__c: '2025-03-22T10:00:00.000Z',
        },
        // 2: correct: approved 10 days ago, waiting for conversion.
        {
          ...base,
          Id: id('Deal_Registration__c', 2),
          Prospect_Company__c: 'B',
          Status__c: 'Approved',
          Amount__c: 60000,
          Approval_Route__c: 'Manager',
          Approved_On__c: '2025-06-20',
          Expires_On__c: '2025-09-18',
          Decided_At__c: '2025-06-20T10:00:00.000Z',
        },
        // 3: approved 30 days ago, no opportunity; route should be Director; one renewal not reflected.
        {
          ...base,
          Id: id('Deal_Registration__c', 3),
          Prospect_Company__c: 'C',
          Status__c: 'Approved',
          Amount__c: 300000,
          Approval_Route__c: 'Manager',
          Approved_On__c: '2025-05-31',
          Expires_On__c: '2025-08-29',
          Renewal_Count__c: 1,
          Decided_At__c: '2025-05-31T10:00:00.000Z',
        },
      ],
    });
    expect(
      only(
        result,
        'registration-expired-open',
        'registration-expiry-mismatch',
        'registration-no-opportunity',
        'registration-route-mismatch',
      ).sort(),
    ).toEqual([
      'registration-expired-open Deal_Registration__c-1',
      'registration-expiry-mismatch Deal_Registration__c-3',
      'registration-no-opportunity Deal_Registration__c-3',
      'registration-route-mismatch Deal_Registration__c-3',
    ]);
    expect(result.findings.find((f) => f.check === 'registration-expiry-mismatch')?.message).toBe(
      'Expires_On__c is 2025-08-29; approval on 2025-05-31 with 1 renewal(s) gives 2025-11-27',
    );
  });

  it('reports overdue offers and deadlines that disagree with the 48 h SLA', async () => {
    const lead = {
      Partner_Account__c: partner.Id,
      Partner_Direction__c: 'To Partner',
      Partner_Share_Status__c: 'Offered',
      LastName: 'L',
      Company: 'Initech',
    };
    const result = await audit({
      Account: [partner],
      Lead: [
        {
          ...lead,
          Id: id('Lead', 1),
          Offered_At__c: '2025-06-27T12:00:00.000Z',
          Accept_By__c: '2025-06-29T12:00:00.000Z',
        },
        {
          ...lead,
          Id: id('Lead', 2),
          Offered_At__c: '2025-06-29T12:00:00.000Z',
          Accept_By__c: '2025-07-01T12:00:00.000Z',
        },
        {
          ...lead,
          Id: id('Lead', 3),
          Offered_At__c: '2025-06-29T12:00:00.000Z',
          Accept_By__c: '2025-07-02T12:00:00.000Z',
        },
        // Accepted: its old deadline is no longer a breach.
        {
          ...lead,
          Id: id('Lead', 4),
          Partner_Share_Status__c: 'Accepted',
          Accepted_At__c: '2025-06-28T12:00:00.000Z',
          Offered_At__c: '2025-06-27T12:00:00.000Z',
          Accept_By__c: '2025-06-29T12:00:00.000Z',
        },
      ],
    });
    expect(only(result, 'lead-accept-by-mismatch', 'lead-offer-overdue').sort()).toEqual([
      'lead-accept-by-mismatch Lead-3',
      'lead-offer-overdue Lead-1',
    ]);
    expect(result.findings.find((f) => f.check === 'lead-offer-overdue')?.message).toContain('passed 24 h ago');
  });

  it('reports attribution and commission problems once, at their root', async () => {
    const other = { ...partner, Id: id('Account', 2), Name: 'Other Partner' };
    const program = {
      Id: id('Partner_Program__c', 1),
      Name: 'Referral',
      Program_Type__c: 'Referral',
      Base_Commission_Percent__c: 10,
    };
    const won = {
      Name: 'Won',
      StageName: 'Closed Won',
      IsClosed: true,
      IsWon: true,
      CloseDate: '2025-05-15',
      Amount: 1000,
      Sourcing_Partner__c: partner.Id,
    };
    const result = await audit({
      Partner_Program__c: [program],
      Account: [
        { ...partner, Primary_Program__c: program.Id },
        { ...other, Primary_Program__c: program.Id },
      ],
      Opportunity: [
        { ...won, Id: id('Opportunity', 1) },
        { ...won, Id: id('Opportunity', 2) },
        { ...won, Id: id('Opportunity', 3) },
        { ...won, Id: id('Opportunity', 4), Sourcing_Partner__c: null, Partner_Involved__c: false },
      ],
      Partner_Attribution__c: [
        // Opportunity 1: correct, and its commission (10 % of 1000) is right.
        {
          Id: id('Partner_Attribution__c', 1),
          Opportunity__c: id('Opportunity', 1),
          Partner_Account__c: partner.Id,
          Role__c: 'Sourced',
          Weight_Percent__c: 100,
          Attributed_Amount__c: 1000,
        },
        // Opportunity 2: the same partner and role twice (credit split): a duplicate, commissions not judged.
        {
          Id: id('Partner_Attribution__c', 2),
          Opportunity__c: id('Opportunity', 2),
          Partner_Account__c: partner.Id,
          Role__c: 'Sourced',
          Weight_Percent__c: 50,
          Attributed_Amount__c: 500,
          CreatedDate: '2025-05-01T00:00:00.000Z',
        },
        {
          Id: id('Partner_Attribution__c', 3),
          Opportunity__c: id('Opportunity', 2),
          Partner_Account__c: partner.Id,
          Role__c: 'Sourced',
          Weight_Percent__c: 50,
          Attributed_Amount__c: 500,
          CreatedDate: '2025-05-02T00:00:00.000Z',
        },
        // Opportunity 3: weights 90 %, amounts 900 of 1000.
        {
          Id: id('Partner_Attribution__c', 4),
          Opportunity__c: id('Opportunity', 3),
          Partner_Account__c: other.Id,
          Role__c: 'Influenced',
          Weight_Percent__c: 90,
          Attributed_Amount__c: 900,
        },
      ],
      Partner_Commission__c: [
        {
          Id: id('Partner_Commission__c', 1),
          Opportunity__c: id('Opportunity', 1),
          Partner_Account__c: partner.Id,
          Attribution__c: id('Partner_Attribution__c', 1),
          Program__c: program.Id,
          Rate_Percent__c: 10,
          Amount__c: 100,
          Period__c: '2025-05',
          Status__c: 'Approved',
        },
        // Opportunity 4 is a direct deal without attribution: a commission on it is no longer earned.
        {
          Id: id('Partner_Commission__c', 2),
          Opportunity__c: id('Opportunity', 4),
          Partner_Account__c: partner.Id,
          Program__c: program.Id,
          Rate_Percent__c: 10,
          Amount__c: 100,
          Period__c: '2025-05',
          Status__c: 'Pending',
          Unique_Key__c: 'x|y|Sourced',
        },
      ],
    });
    const checks = [
      'attribution-amount-mismatch',
      'attribution-duplicate',
      'attribution-weights',
      'commission-mismatch',
      'partner-deal-no-attribution',
    ];
    expect(only(result, ...checks).sort()).toEqual([
      'attribution-amount-mismatch Opportunity-3',
      'attribution-duplicate Partner_Attribution__c-3',
      'attribution-weights Opportunity-3',
      'commission-mismatch Partner_Commission__c-2',
    ]);
    expect(result.findings.find((f) => f.check === 'commission-mismatch')?.message).toBe(
      'the Pending entry of 100.00 is no longer earned and should be reversed',
    );
    expect(result.findings.find((f) => f.check === 'attribution-weights')?.message).toBe(
      'weights add up to 90 %, not 100 %',
    );
  });
});

describe('metrics', () => {
  it('computes decision times, rates, revenue split and ROI from the records', async () => {
    const program = { Id: id('Partner_Program__c', 1), Name: 'Resell', Program_Type__c: 'Reseller' };
    const partner = {
      Id: id('Account', 1),
      Name: 'P',
      Is_Partner__c: true,
      Partner_Status__c: 'Active',
      Partner_Since__c: '2020-01-01',
      Primary_Program__c: program.Id,
    };
    const decided = (n: number, days: number) => ({
      Id: id('Deal_Registration__c', n),
      Partner_Account__c: partner.Id,
      Prospect_Company__c: `P${n}`,
      Status__c: 'Rejected',
      Decision_Reason__c: 'No',
      Submitted_At__c: '2025-01-01T00:00:00.000Z',
      Decided_At__c: new Date(Date.parse('2025-01-01T00:00:00.000Z') + days * 86400000).toISOString(),
    });
    const closed = (n: number, won: boolean, partnerDeal: boolean, cycleDays: number) => ({
      Id: id('Opportunity', n),
      Name: `O${n}`,
      StageName: won ? 'Closed Won' : 'Closed Lost',
      IsClosed: true,
      IsWon: won,
      Amount: 1000,
      CreatedDate: '2025-01-01T08:00:00.000Z',
      CloseDate: new Date(Date.parse('2025-01-01') + cycleDays * 86400000).toISOString().slice(0, 10),
      Sourcing_Partner__c: partnerDeal ? partner.Id : null,
    });
    const offer = (n: number, outcome: string, hours: number | null) => ({
      Id: id('Lead_Offer__c', n),
      Lead__c: id('Lead', 1),
      Partner_Account__c: partner.Id,
      Offered_At__c: '2025-06-01T00:00:00.000Z',
      Accept_By__c: '2025-06-03T00:00:00.000Z',
      Outcome__c: outcome,
      Outcome_At__c:
        hours === null ? null : new Date(Date.parse('2025-06-01T00:00:00.000Z') + hours * 3600000).toISOString(),
    });
    const result = await audit({
      Partner_Program__c: [program],
      Account: [partner],
      Deal_Registration__c: [1, 2, 3, 4, 10].map((days, i) => decided(i + 1, days)),
      Opportunity: [
        closed(1, true, true, 30),
        closed(2, false, true, 10),
        closed(3, true, false, 90),
        closed(4, false, false, 5),
        closed(5, false, false, 5),
      ],
      Partner_Attribution__c: [
        {
          Id: id('Partner_Attribution__c', 1),
          Opportunity__c: id('Opportunity', 1),
          Partner_Account__c: partner.Id,
          Role__c: 'Sourced',
          Weight_Percent__c: 100,
          Attributed_Amount__c: 1000,
        },
      ],
      Program_Cost__c: [
        {
          Id: id('Program_Cost__c', 1),
          Program__c: program.Id,
          Amount__c: 300,
          Cost_Type__c: 'MDF',
          Period__c: '2025-01',
        },
      ],
      Partner_Commission__c: [
        {
          Id: id('Partner_Commission__c', 1),
          Opportunity__c: id('Opportunity', 1),
          Partner_Account__c: partner.Id,
          Program__c: program.Id,
          Amount__c: 200,
          Rate_Percent__c: 20,
          Period__c: '2025-01',
          Status__c: 'Paid',
          Paid_On__c: '2025-03-01',
          Payout_Batch__c: 'PAYOUT-2025-01-20250301000000',
        },
      ],
      Lead_Offer__c: [
        offer(1, 'Accepted', 2),
        offer(2, 'Accepted', 60),
        offer(3, 'Rejected', 5),
        offer(4, 'Expired', 49),
        offer(5, 'Pending', null),
      ],
    });
    const metric = (metricId: string) => result.metrics.find((m) => m.id === metricId);
    expect(metric('registration-decision-median-days')?.value).toBe(3);
    expect(metric('registration-decision-p90-days')?.value).toBe(10);
    expect(metric('win-rate-partner-percent')?.value).toBe(50);
    expect(metric('win-rate-direct-percent')?.value).toBe(33.3);
    expect(metric('cycle-time-partner-days')?.value).toBe(30);
    expect(metric('cycle-time-direct-days')?.value).toBe(90);
    expect(metric('partner-deals-without-attribution-percent')?.value).toBe(50);
    expect(metric('partner-revenue')?.breakdown).toEqual([
      { label: 'Sourced', value: 1000 },
      { label: 'Influenced', value: 0 },
    ]);
    // Two of four answered offers accepted; the late acceptance and the lapsed offer breach the SLA;
    // the pending offer (deadline 2025-06-03) is overdue at the audit's now.
    expect(metric('lead-acceptance-rate-percent')?.value).toBe(50);
    expect(metric('lead-time-to-accept-median-hours')?.value).toBe(2);
    expect(metric('lead-sla-breach-rate-percent')?.value).toBe(60);
    expect(metric('roi-by-program')?.value).toBe(2);
    expect(metric('roi-by-program')?.breakdown?.[0]).toMatchObject({ label: 'Resell', value: 2 });
  });
});

describe('outputs', () => {
  it('fails the run only for findings at or above --fail-on', async () => {
    const result = await audit({
      Account: [{ Id: id('Account', 1), Name: 'Acme', BillingCountry: 'US', Match_Key__c: 'old', Domain_Key__c: null }],
    });
    expect(result.findings.map((f) => f.severity)).toEqual(['info']);
    expect(failsAt(result.findings, 'info')).toBe(true);
    expect(failsAt(result.findings, 'warning')).toBe(false);
    expect(failsAt(result.findings, undefined)).toBe(false);
  });

  it('writes an HTML report that needs nothing from the network and escapes record data', async () => {
    const result = await audit({
      Account: [
        { Id: id('Account', 1), Name: '<script>alert(1)</script> Inc', BillingCountry: 'US' },
        { Id: id('Account', 2), Name: '<SCRIPT>alert(1)</SCRIPT>', BillingCountry: 'US' },
      ],
    });
    const html = renderHtml(result);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(escapeHtml('"<SCRIPT>alert(1)</SCRIPT>" duplicates'));
    const text = renderText(result, { color: false });
    expect(text).toContain('duplicate-account Account Account-2: "<SCRIPT>alert(1)</SCRIPT>" duplicates');
    expect(text).not.toContain('\u001b[');
  });
});

describe('payout runs', () => {
  it('reports a Paid commission that names no payout batch, and accepts one paid through a run', async () => {
    const paid = { Amount__c: 10, Period__c: '2025-01', Status__c: 'Paid', Paid_On__c: '2025-03-01' };
    const result = await audit({
      Partner_Commission__c: [
        { Id: id('Partner_Commission__c', 1), ...paid },
        { Id: id('Partner_Commission__c', 2), ...paid, Payout_Batch__c: 'PAYOUT-2025-01-20250301000000' },
        { Id: id('Partner_Commission__c', 3), ...paid, Status__c: 'Approved', Paid_On__c: null },
      ],
    });
    const missing = result.findings.filter((f) => f.check === 'missing-field' && /Payout_Batch__c/.test(f.message));
    expect(missing.map((f) => f.externalId)).toEqual(['Partner_Commission__c-1']);
  });
});
