/**
 * `prm assess -o ORG` against the Salesforce API stand-in: the baseline from an org's standard
 * objects (partner accounts by Type, opportunities with their lead source and OpportunityPartner
 * rows, partner leads), alone and together with legacy files.
 */
import path from 'node:path';
import type { Baseline } from '../../scripts/assess/baseline';
import { runAssessCommand } from '../../scripts/commands/assess';
import type { CommandDeps } from '../../scripts/commands/audit';
import { SAMPLE_DIR } from '../../scripts/migrate/sample/generateSample';
import { SalesforceStandIn } from '../salesforce/standIn';
import { standInDeps } from '../salesforce/standInDeps';

// Each test runs whole commands over HTTP against the stand-in: seconds on a loaded machine.
jest.setTimeout(120_000);

const AS_OF = '2025-06-30T00:00:00.000Z';
const RECENT = '2025-03-01T10:00:00.000Z';

async function orgWithPartners(): Promise<{
  standIn: SalesforceStandIn;
  deps: CommandDeps;
  out: string[];
  err: string[];
}> {
  const standIn = new SalesforceStandIn();
  await standIn.start();
  standIn.extendSchema('Account', { Type: 'string' });
  standIn.extendSchema('Opportunity', { LeadSource: 'string' });
  standIn.extendSchema('OpportunityPartner', { OpportunityId: 'string', AccountToId: 'string' });
  standIn.extendSchema('Lead', { LeadSource: 'string', LastActivityDate: 'date', IsConverted: 'boolean' });
  const account = (Name: string, Type: string, CreatedDate: string, Website = '', BillingCountry = 'US') =>
    standIn.put('Account', { Name, Type, CreatedDate, Website, BillingCountry });
  const acme = account('Acme Widgets Inc.', 'Partner', '2020-01-01T00:00:00.000Z', 'acmewidgets.com');
  account('ACME WIDGETS, LLC', 'Partner', '2021-01-01T00:00:00.000Z', 'acme-widgets.net');
  const bright = account('Brightpath', 'Partner', '2022-01-01T00:00:00.000Z', '', 'GB');
  account('Pinnacle Health', 'Customer', '2019-01-01T00:00:00.000Z', 'pinnaclehealth.org');
  account('Pinnacle Health Inc', 'Customer', '2023-01-01T00:00:00.000Z');
  const opportunity = (
    LeadSource: string,
    StageName: string,
    Amount: string,
    CloseDate: string,
    CreatedDate = RECENT,
  ) => standIn.put('Opportunity', { Name: 'Deal', LeadSource, StageName, Amount, CloseDate, CreatedDate });
  const o1 = opportunity('Partner Referral', 'Closed Won', '1000', '2025-04-01');
  opportunity('Partner Referral', 'Closed Won', '500', '2025-04-01');
  const o3 = opportunity('Web', 'Closed Won', '300', '2025-04-01');
  opportunity('Web', 'Prospecting', '700', '2025-05-01');
  const old = opportunity('Partner Referral', 'Closed Won', '9000', '2023-04-01', '2023-01-01T00:00:00.000Z');
  standIn.put('OpportunityPartner', { OpportunityId: o1, AccountToId: acme });
  standIn.put('OpportunityPartner', { OpportunityId: o3, AccountToId: bright });
  standIn.put('OpportunityPartner', { OpportunityId: old, AccountToId: bright });
  const lead = (LeadSource: string, IsConverted: string, CreatedDate: string) =>
    standIn.put('Lead', { LastName: 'L', Company: 'C', Status: 'Open', LeadSource, IsConverted, CreatedDate });
  lead('Partner Referral', 'false', '2025-05-01T00:00:00.000Z');
  lead('Partner Referral', 'true', '2025-05-01T00:00:00.000Z');
  lead('Web', 'false', '2025-05-01T00:00:00.000Z');
  const out: string[] = [];
  const err: string[] = [];
  return {
    standIn,
    out,
    err,
    deps: standInDeps(standIn, out, err),
  };
}

describe('prm assess -o ORG against the Salesforce API stand-in', () => {
  const open: SalesforceStandIn[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.stop()));
  });

  it("quantifies attribution, duplicates, missing fields, concentration and staleness from the org's standard objects", async () => {
    const h = await orgWithPartners();
    open.push(h.standIn);
    expect(await runAssessCommand({ targetOrg: 'crm', partnerType: 'Partner', asOf: AS_OF, json: true }, h.deps)).toBe(
      0,
    );
    const baseline = JSON.parse(h.out[0]) as Baseline;
    const value = (id: string) => baseline.kpis.find((k) => k.id === id)?.value;
    // Partner deals: two by lead source, one by its partner row; one names no partner.
    expect(value('partner-deals-without-attribution-percent')).toBe(33.3);
    expect(value('duplicate-partners')).toBe(1);
    expect(baseline.kpis.find((k) => k.id === 'duplicate-partners')?.breakdown?.[0].label).toMatch(/ACME WIDGETS, LLC/);
    expect(value('duplicate-customers')).toBe(1);
    expect(value('partners-missing-fields-percent')).toBe(33.3);
    // Top 20 % of 3 partners is one: Acme's 1000 of 1300 (the two-year-old deal is outside the window).
    expect(value('partner-concentration-top20-percent')).toBe(76.9);
    // One open opportunity past its close date, one idle partner lead, of one open opportunity and two partner leads.
    expect(value('stale-records-percent')).toBe(66.7);
    expect(h.standIn.requests(/jobs\/ingest/)).toEqual([]);
  });

  it('keeps org KPIs apart from legacy ones when both are read', async () => {
    const h = await orgWithPartners();
    open.push(h.standIn);
    const code = await runAssessCommand(
      {
        targetOrg: 'crm',
        partnerType: 'Partner',
        legacy: SAMPLE_DIR,
        mapping: path.join(SAMPLE_DIR, 'mapping.yaml'),
        asOf: AS_OF,
        json: true,
      },
      h.deps,
    );
    expect(code).toBe(0);
    const ids = (JSON.parse(h.out[0]) as Baseline).kpis.map((k) => k.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'registration-decision-median-days',
        'duplicate-partners',
        'crm-duplicate-partners',
        'crm-partner-deals-without-attribution-percent',
        'partners-missing-fields-percent',
      ]),
    );
  });

  it('says to give --partner-type when the org has no IsPartner field', async () => {
    const h = await orgWithPartners();
    open.push(h.standIn);
    expect(await runAssessCommand({ targetOrg: 'crm', asOf: AS_OF, json: true }, h.deps)).toBe(3);
    expect(h.out[0]).toMatch(/give --partner-type/);
  });
});
