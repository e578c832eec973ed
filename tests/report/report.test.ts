/**
 * `prm report qbr` and `prm report exec`: their figures are `prm audit`'s metrics on the same
 * slice of the data (the audit itself, run on that slice written out as a snapshot, agrees),
 * cross-checked against the attributed amounts read straight from the CSV; the pages are
 * self-contained; bad arguments exit 2 with a message; --pdf prints through Chromium.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { runAuditCommand } from '../../scripts/commands/audit';
import { SnapshotSource, type RecordSource } from '../../scripts/audit/sources';
import type { Metric } from '../../scripts/audit/types';
import { DEFAULT_POLICY } from '../../scripts/audit/policy';
import { loadSnapshotSchema } from '../../scripts/snapshot/schema';
import { SnapshotWriter } from '../../scripts/snapshot/writer';
import { seedToSnapshot } from '../../scripts/seed/seedSnapshot';
import { buildQbr, runQbr, type QbrOptions } from '../../scripts/report/qbr';
import { buildExec } from '../../scripts/report/exec';
import { parseMonth, parseQuarter, within } from '../../scripts/report/period';
import { ScopedSource, attributedOpportunities, findPartner, periodScope } from '../../scripts/report/scopedSource';
import { DEFAULT_CHROMIUM } from '../../scripts/report/deliver';
import { prm } from '../audit/prmProcess';

const AS_OF = '2026-12-01T12:00:00.000Z';
type Row = Record<string, string>;

let dir: string;
let snapshot: string;
let source: SnapshotSource;

function rows(objectName: string): Row[] {
  return parse(readFileSync(path.join(snapshot, `${objectName}.csv`)), { columns: true }) as Row[];
}

/** Writes what a scoped source yields as a snapshot folder, so `prm audit` can read exactly that. */
async function writeSlice(scoped: RecordSource, to: string): Promise<string> {
  const writer = new SnapshotWriter(to, scoped.objects);
  for (const object of scoped.objects) {
    for await (const record of scoped.records(object)) {
      writer.write(object.name, record);
    }
  }
  writer.close({ takenAt: AS_OF, apiVersion: '65.0', source: 'report slice' });
  return to;
}

async function auditMetricsOf(folder: string, asOf: string): Promise<Metric[]> {
  const output = { json: true, stdout: () => undefined, stderr: () => undefined };
  const { code, result } = await runAuditCommand(
    { snapshot: folder, asOf, json: true },
    { connect: jest.fn(), output },
  );
  expect(code).toBe(0);
  return (result as { metrics: Metric[] }).metrics;
}

/** The partner with the most attributed won revenue closed in the quarter, read from the CSV. */
function busiestPartner(quarter: ReturnType<typeof parseQuarter>): { id: string; revenue: number } {
  const won = new Set(
    rows('Opportunity')
      .filter((o) => o.IsWon === 'true' && within(quarter, o.CloseDate))
      .map((o) => o.Id.slice(0, 15)),
  );
  const byPartner = new Map<string, number>();
  for (const a of rows('Partner_Attribution__c').filter((r) => won.has(r.Opportunity__c.slice(0, 15)))) {
    byPartner.set(a.Partner_Account__c, (byPartner.get(a.Partner_Account__c) ?? 0) + Number(a.Attributed_Amount__c));
  }
  const [id, revenue] = [...byPartner.entries()].sort((a, b) => b[1] - a[1])[0];
  return { id, revenue };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'prm-report-'));
  snapshot = path.join(dir, 'snapshot');
  seedToSnapshot(
    { seed: 7, asOf: AS_OF, partners: 30, customers: 250, problemRate: 0, policy: DEFAULT_POLICY },
    snapshot,
  );
  source = new SnapshotSource(snapshot, loadSnapshotSchema());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('prm report qbr', () => {
  const quarter = parseQuarter('2026-Q3');

  it('shows the audit metrics of the partner slice for each quarter, and the revenue the CSV holds', async () => {
    const partner = busiestPartner(quarter);
    expect(partner.revenue).toBeGreaterThan(0);
    const report = await buildQbr(source, AS_OF, partner.id, quarter);
    const won = report.figures.quarter.metrics.find((m) => m.id === 'partner-revenue');
    expect(won?.value).toBeCloseTo(partner.revenue, 2);

    const ref = await findPartner(source, partner.id);
    const scope = periodScope(quarter, { id: ref.id, opportunities: await attributedOpportunities(source, ref.id) });
    const slice = await writeSlice(new ScopedSource(source, scope, 'slice'), path.join(dir, 'qbr-slice'));
    expect(await auditMetricsOf(slice, report.figures.quarter.asOf)).toEqual(report.figures.quarter.metrics);
    expect(report.figures.quarter.asOf).toBe('2026-09-30T23:59:59.000Z');
    expect(report.compare.previousQuarter.label).toBe('2026-Q2');
    expect(report.compare.sameQuarterLastYear.label).toBe('2025-Q3');
  }, 60000);

  it('writes one self-contained page with every section, by external id, from the command line', () => {
    const partner = rows('Account').find((a) => a.Id === busiestPartner(quarter).id) as Row;
    const out = path.join(dir, 'qbr.html');
    const run = prm(
      'report',
      'qbr',
      '--snapshot',
      snapshot,
      '--partner',
      partner.External_Id__c,
      '--quarter',
      '2026-Q3',
      '--out',
      out,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    for (const heading of [
      'Scorecard and tier progress',
      'Pipeline',
      'Won revenue',
      'Deal registrations',
      'Lead acceptance and SLA',
      'Training and certifications',
      'Commissions',
      'Goals for 2026-Q4',
    ]) {
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
    expect(html).toContain(partner.Name.replace(/&/g, '&amp;'));
    expect(html).toContain('<svg');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
  }, 60000);

  it('exits 2 with a message on bad arguments', async () => {
    const out = path.join(dir, 'bad.html');
    for (const [args, message] of [
      [['--quarter', '2026-Q5'], /calendar quarter such as 2026-Q3/],
      [['--quarter', '2026-Q3', '--colour'], /unknown option '--colour'/],
    ] as [string[], RegExp][]) {
      const run = prm('report', 'qbr', '--snapshot', snapshot, '--partner', 'X', '--out', out, ...args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
    }
    const customer = rows('Account').find((a) => a.Is_Partner__c === 'false') as Row;
    const quarterOption = { quarter, out };
    for (const [options, message] of [
      [{ partner: 'X', ...quarterOption }, /exactly one source/],
      [{ partner: 'X', snapshot, targetOrg: 'org', ...quarterOption }, /exactly one source/],
      [{ partner: 'NOPE', snapshot, ...quarterOption }, /--partner NOPE: no account/],
      [{ snapshot, ...quarterOption }, /prm report qbr needs --partner\./],
      [{ partner: customer.External_Id__c, snapshot, ...quarterOption }, /is not a partner account/],
      [{ partner: 'X', snapshot, quarter }, /prm report qbr needs --out\./],
    ] as [QbrOptions, RegExp][]) {
      const errors: string[] = [];
      const output = { json: false, stdout: () => undefined, stderr: (text: string) => errors.push(text) };
      const { code } = await runQbr(options, { connect: jest.fn(), output });
      expect({ options, code }).toEqual({ options, code: 2 });
      expect(errors.join('\n')).toMatch(message);
    }
    expect(existsSync(out)).toBe(false);
  }, 60000);

  it('--pdf without Chromium says so and exits 2; with it, prints a PDF beside the page', async () => {
    const out = path.join(dir, 'pack', 'qbr.html');
    const options: QbrOptions = { snapshot, partner: busiestPartner(quarter).id, quarter, out, pdf: true };
    const errors: string[] = [];
    const output = { json: false, stdout: () => undefined, stderr: (text: string) => errors.push(text) };
    const missing = await runQbr(
      { ...options, chromium: path.join(dir, 'no-chromium') },
      { connect: jest.fn(), output },
    );
    expect(missing.code).toBe(2);
    expect(errors.join('\n')).toContain('--pdf needs Chromium, and there is none at');
    expect(existsSync(out)).toBe(false);
    if (!existsSync(DEFAULT_CHROMIUM)) {
      return;
    }
    const printed = await runQbr(options, { connect: jest.fn(), output });
    expect(printed.code).toBe(0);
    expect(
      readFileSync(path.join(dir, 'pack', 'qbr.pdf'))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  }, 60000);
});

describe('prm report exec', () => {
  // A month in which the seeded data has won partner deals (the seed decides which months do).
  const month = parseMonth('2026-10');

  it("shows the audit metrics of the month's activity; top partners add up to the partner revenue", async () => {
    const report = await buildExec(source, AS_OF, month, 1000);
    const slice = await writeSlice(new ScopedSource(source, periodScope(month), 'slice'), path.join(dir, 'exec-slice'));
    expect(await auditMetricsOf(slice, report.figures.asOf)).toEqual(report.figures.metrics);
    expect(report.figures.asOf).toBe('2026-10-31T23:59:59.000Z');
    const revenue = report.figures.metrics.find((m) => m.id === 'partner-revenue')?.value as number;
    expect(revenue).toBeGreaterThan(0);
    expect(report.topPartners.reduce((sum, p) => sum + p.total, 0)).toBeCloseTo(revenue, 2);
    expect(report.topPartners.map((p) => p.total)).toEqual(
      [...report.topPartners.map((p) => p.total)].sort((a, b) => b - a),
    );
  }, 60000);

  it('writes the page from the command line; a bad month exits 2', () => {
    const out = path.join(dir, 'exec.html');
    const run = prm('report', 'exec', '--snapshot', snapshot, '--month', '2026-11', '--out', out, '--top', '5');
    expect(run.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    for (const heading of [
      'Sourced vs influenced revenue',
      'Registrations and decision time',
      'ROI by program',
      'Tier movement',
      'Top partners',
    ]) {
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
    const bad = prm('report', 'exec', '--snapshot', snapshot, '--month', '2026-13', '--out', out);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('must be a calendar month such as 2026-11');
    expect(prm('report', 'exec', '--snapshot', snapshot, '--month', '2026-11', '--out', out, '--top', '0').code).toBe(
      2,
    );
    expect(prm('report').code).not.toBe(0);
  }, 60000);
});
