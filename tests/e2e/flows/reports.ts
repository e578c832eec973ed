/**
 * The QBR pack in a real browser: the page `prm report qbr` writes for the busiest partner of
 * the last full quarter renders every section with its charts, needs nothing from the network,
 * passes axe, and is kept as a screenshot.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_POLICY } from '../../../scripts/audit/policy';
import { SnapshotSource } from '../../../scripts/audit/sources';
import { loadSnapshotSchema } from '../../../scripts/snapshot/schema';
import { seedToSnapshot } from '../../../scripts/seed/seedSnapshot';
import { auditMetrics } from '../../../scripts/report/figures';
import { previousQuarter, quarter } from '../../../scripts/report/period';
import { buildQbr } from '../../../scripts/report/qbr';
import { renderQbr } from '../../../scripts/report/qbrHtml';
import { ScopedSource, periodScope } from '../../../scripts/report/scopedSource';
import { TopPartnersCollector } from '../../../scripts/report/topPartners';
import type { E2ETest } from '../harness';

const AS_OF = '2026-12-01T12:00:00.000Z';

async function qbrPage(): Promise<{ html: string; partner: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'prm-e2e-qbr-'));
  try {
    seedToSnapshot(
      { seed: 11, asOf: AS_OF, partners: 30, customers: 250, problemRate: 0, policy: DEFAULT_POLICY },
      dir,
    );
    const source = new SnapshotSource(dir, loadSnapshotSchema());
    const reviewed = previousQuarter(quarter(2026, 4));
    const ranking = new TopPartnersCollector();
    await auditMetrics(new ScopedSource(source, periodScope(reviewed), reviewed.label), AS_OF, [ranking]);
    const busiest = ranking.ranking()[0];
    const report = await buildQbr(source, AS_OF, busiest.id, reviewed);
    return { html: renderQbr(report), partner: report.partner.name };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const REPORT_FLOWS: E2ETest[] = [
  {
    name: 'QBR pack renders every section offline, passes axe, screenshot',
    pages: [],
    run: async (t) => {
      const { html, partner } = await qbrPage();
      const requests: string[] = [];
      t.page.on('request', (request) => {
        if (!request.url().startsWith('data:') && request.url() !== 'about:blank') {
          requests.push(request.url());
        }
      });
      await t.page.setViewportSize({ width: 1100, height: 900 });
      await t.page.setContent(html, { waitUntil: 'load' });
      const headings = await t.page.locator('h2').allTextContents();
      t.equal(
        headings,
        [
          'Scorecard and tier progress',
          'Pipeline',
          'Won revenue',
          'Deal registrations',
          'Lead acceptance and SLA',
          'Training and certifications',
          'Commissions',
          'Goals for 2026-Q4',
        ],
        'QBR sections',
      );
      t.check((await t.page.locator('h1').textContent())?.includes(partner), 'the title names the partner');
      t.check(
        (await t.page.locator('svg.chart').count()) >= 2,
        'tier progress and revenue are drawn as inline SVG charts',
      );
      const revenueBars = await t.page.locator('svg[aria-label="Won revenue by quarter"] rect').count();
      t.equal(revenueBars, 3, 'won revenue compares three quarters');
      t.equal(requests, [], 'requests made by the self-contained page');
      await t.checkAccessibility();
      await t.screenshot('report-qbr');
      t.checkNoErrors();
    },
  },
];
