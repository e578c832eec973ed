/**
 * `prm assess`, `prm assess init` and `prm report compare`: the baseline's arithmetic on
 * hand-made rows, the planted facts of the bundled sample, a template that reads back, and
 * before/after verdicts against a baseline or an audit.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { computeBaseline, type Baseline } from '../../scripts/assess/baseline';
import { baselineHtml } from '../../scripts/assess/baselineReport';
import { compareKpis, readKpiFile } from '../../scripts/assess/compare';
import { mappingTemplate } from '../../scripts/assess/mappingTemplate';
import { runAssessCommand } from '../../scripts/commands/assess';
import { runCompareCommand } from '../../scripts/commands/report';
import type { CommandDeps } from '../../scripts/commands/audit';
import type { LegacyRecord } from '../../scripts/migrate/legacyRecords';
import { readLegacyRecords } from '../../scripts/migrate/legacyRecords';
import { readLegacyFolder } from '../../scripts/migrate/legacyTables';
import { readMapping } from '../../scripts/migrate/mapping';
import { leadExport, SAMPLE_AS_OF } from '../../scripts/migrate/sample/sampleData';
import { SAMPLE_DIR } from '../../scripts/migrate/sample/generateSample';

// Reading the package metadata (picklists) and the workbook takes seconds on a loaded machine.
jest.setTimeout(60_000);

const AS_OF = '2025-06-30T00:00:00.000Z';

function row(
  entity: LegacyRecord['entity'],
  fields: LegacyRecord['fields'],
  extra: Partial<LegacyRecord> = {},
): LegacyRecord {
  const objects = { partner: 'Account', customer: 'Account', registration: 'Deal_Registration__c', lead: 'Lead' };
  return {
    entity,
    object: objects[entity],
    table: 't.csv',
    line: 2,
    legacyKey: String(Math.random()),
    externalId: 'x',
    fields,
    missing: [],
    problems: [],
    ...extra,
  };
}

const kpi = (baseline: Baseline, id: string) => baseline.kpis.find((k) => k.id === id);

function capture(): { deps: CommandDeps; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    deps: {
      connect: async () => {
        throw new Error('no org in these tests');
      },
      output: { json: false, stdout: (t) => out.push(t), stderr: (t) => err.push(t) },
    },
  };
}

describe('the baseline', () => {
  const partners = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon'].map((name) => row('partner', { Name: name }));
  const registration = (partner: string | undefined, fields: LegacyRecord['fields']) =>
    row('registration', { Submitted_At__c: '2025-05-01T00:00:00.000Z', ...fields }, { partnerName: partner });

  it('computes decision times, attribution, concentration and staleness over the last 12 months', () => {
    const records = [
      ...partners,
      registration('Alpha', { Decided_At__c: '2025-05-03T00:00:00.000Z', Status__c: 'Converted', Amount__c: 800 }),
      registration('alpha inc.', { Decided_At__c: '2025-05-11T00:00:00.000Z', Status__c: 'Converted', Amount__c: 100 }),
      registration('Beta', { Decided_At__c: '2025-05-05T00:00:00.000Z', Status__c: 'Converted', Amount__c: 100 }),
      registration(undefined, { Status__c: 'Submitted', Expected_Close_Date__c: '2025-06-01' }),
      registration('Nobody Known', { Status__c: 'Approved', Expected_Close_Date__c: '2025-09-01' }),
      // Outside the window: counted nowhere in time-based KPIs.
      registration('Beta', {
        Submitted_At__c: '2023-01-01T00:00:00.000Z',
        Decided_At__c: '2023-03-01T00:00:00.000Z',
        Status__c: 'Converted',
        Amount__c: 5000,
      }),
    ];
    const baseline = computeBaseline(records, [], AS_OF, 'hand-made');
    expect(kpi(baseline, 'registration-decision-median-days')?.value).toBe(4);
    expect(kpi(baseline, 'registration-decision-p90-days')?.value).toBe(10);
    expect(kpi(baseline, 'partner-deals-without-attribution-percent')).toMatchObject({
      value: 40,
      breakdown: [
        { label: 'no partner named', value: 1 },
        { label: 'partner not known', value: 1 },
      ],
    });
    // Top 20 % of 5 partners is 1 partner: Alpha's 900 of 1000.
    expect(kpi(baseline, 'partner-concentration-top20-percent')?.value).toBe(90);
    // Open: Submitted (past its close date) and Approved (not yet): 1 of 2.
    expect(kpi(baseline, 'stale-records-percent')?.value).toBe(50);
  });

  it('measures lead follow-up from offer to first contact, and counts leads never followed up', () => {
    const lead = (offered: string, accepted?: string) =>
      row('lead', { Offered_At__c: offered, ...(accepted ? { Accepted_At__c: accepted } : {}) });
    const baseline = computeBaseline(
      [
        lead('2025-06-01T09:00:00.000Z', '2025-06-01T11:00:00.000Z'),
        lead('2025-06-01T09:00:00.000Z', '2025-06-02T09:00:00.000Z'),
        lead('2025-06-01T09:00:00.000Z', '2025-06-04T09:00:00.000Z'),
        lead('2025-04-01T09:00:00.000Z'),
      ],
      [],
      AS_OF,
      'hand-made',
    );
    expect(kpi(baseline, 'lead-follow-up-median-hours')).toMatchObject({
      value: 24,
      breakdown: [{ label: 'never followed up', value: 1 }],
    });
    expect(kpi(baseline, 'stale-records-percent')?.breakdown?.[1]).toEqual({
      label: 'leads untouched for 30+ days',
      value: 1,
    });
  });

  it('finds the planted facts of the bundled sample', async () => {
    const records = readLegacyRecords(
      await readLegacyFolder(SAMPLE_DIR),
      readMapping(path.join(SAMPLE_DIR, 'mapping.yaml')),
    );
    const baseline = computeBaseline(records, [], `${SAMPLE_AS_OF}T00:00:00Z`, 'sample');
    expect(kpi(baseline, 'duplicate-partners')?.breakdown?.map((b) => b.label)).toEqual([
      '"ACME WIDGETS INC" (partner-tracker.xlsx#Partners line 7)',
      '"Brightpath Solutions Ltd" (partner-tracker.xlsx#Partners line 19)',
    ]);
    expect(kpi(baseline, 'duplicate-customers')?.value).toBe(2);
    expect(kpi(baseline, 'rows-with-problems-percent')?.breakdown).toHaveLength(5);
    const neverFollowed = leadExport().rows.filter((r) => r[8] === '' && String(r[7]) > '2024-06-30').length;
    expect(kpi(baseline, 'lead-follow-up-median-hours')?.breakdown?.[0].value).toBe(neverFollowed);
    const html = baselineHtml(baseline);
    expect(html).toContain('ACME WIDGETS INC');
    expect(html).not.toMatch(/<script|https?:\/\//);
  });
});

describe('prm assess, init and report compare', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'prm-assess-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a template that reads back and assesses the same tables', async () => {
    const tables = await readLegacyFolder(SAMPLE_DIR);
    const file = path.join(dir, 'template.yaml');
    writeFileSync(file, mappingTemplate(tables));
    const mapping = readMapping(file);
    expect(mapping.sources.map((s) => `${s.file}#${s.sheet ?? ''}:${s.entity}:${s.headerRow}:${s.key}`)).toEqual([
      'leads-export.csv#:lead:3:Lead ID',
      'partner-tracker.xlsx#Partners:partner:3:Partner ID',
      'partner-tracker.xlsx#End Customers:customer:1:Customer ID',
      'partner-tracker.xlsx#Deal Regs:registration:4:Reg #',
    ]);
    expect(readLegacyRecords(tables, mapping)).toHaveLength(30 + 20 + 12 + 60);
    expect(readFileSync(file, 'utf8')).toMatch(/Status__c values seen: .*Pending legal/);
  });

  it('saves a baseline; compare judges each KPI by its direction, against a baseline or an audit', async () => {
    const c = capture();
    const before = path.join(dir, 'before.json');
    expect(
      await runAssessCommand(
        { legacy: SAMPLE_DIR, mapping: path.join(SAMPLE_DIR, 'mapping.yaml'), asOf: AS_OF, baseline: before },
        c.deps,
      ),
    ).toBe(0);
    const saved = JSON.parse(readFileSync(before, 'utf8')) as Baseline;
    const after: Baseline = {
      ...saved,
      asOf: '2025-12-31T00:00:00.000Z',
      kpis: saved.kpis.map((k) =>
        k.id === 'registration-decision-median-days'
          ? { ...k, value: 2 }
          : k.id === 'duplicate-partners'
            ? { ...k, value: 5 }
            : k,
      ),
    };
    const afterFile = path.join(dir, 'after.json');
    writeFileSync(afterFile, JSON.stringify(after));
    const rows = compareKpis(readKpiFile(before), readKpiFile(afterFile));
    expect(rows.find((r) => r.id === 'registration-decision-median-days')).toMatchObject({
      after: 2,
      verdict: 'better',
    });
    expect(rows.find((r) => r.id === 'duplicate-partners')).toMatchObject({
      before: 2,
      after: 5,
      change: 3,
      verdict: 'worse',
    });
    expect(rows.find((r) => r.id === 'stale-records-percent')?.verdict).toBe('same');

    const audit = path.join(dir, 'audit.json');
    writeFileSync(
      audit,
      JSON.stringify({
        summary: { source: 'snapshot s', now: '2026-01-01T00:00:00.000Z' },
        metrics: [{ id: 'registration-decision-median-days', title: 'x', value: 30, unit: 'days', detail: '' }],
      }),
    );
    expect(await runCompareCommand(before, audit, {}, c.deps)).toBe(0);
    expect(c.out.join('\n')).toMatch(/Registration decision time \(median\) +\d+\.\d days +30\.0 days .* worse/);
    expect(c.out.join('\n')).toMatch(/Not in .*audit\.json: registration-decision-p90-days/);
  });

  it('refuses what is neither a baseline nor an audit, and a missing mapping, with exit code 2', async () => {
    const c = capture();
    const other = path.join(dir, 'other.json');
    writeFileSync(other, '{"hello": 1}');
    expect(await runCompareCommand(other, other, {}, c.deps)).toBe(2);
    expect(c.err.join('\n')).toMatch(/neither a baseline .* nor an audit/);
    expect(await runAssessCommand({ legacy: SAMPLE_DIR }, c.deps)).toBe(2);
    expect(await runAssessCommand({ legacy: SAMPLE_DIR, mapping: path.join(dir, 'missing.yaml') }, c.deps)).toBe(2);
  });
});
