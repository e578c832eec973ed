/**
 * A self-contained HTML report: inline CSS and SVG charts drawn here, no scripts, fonts or
 * stylesheets from elsewhere, so it opens offline and can be mailed as one file.
 */
import { CHECKS } from '../checks/catalog';
import type { Severity } from '../checkIds';
import type { AuditResult } from '../engine';
import type { Finding, Metric } from '../types';
import { describeMissingColumn, formatDuration, formatMetric, formatNumber } from './format';

/** Findings listed per check in the report; the JSON output has all of them. */
const FINDINGS_PER_CHECK = 200;
/** Breakdowns longer than this (one row per partner) are shown as a table, not a chart. */
const MAX_CHART_BARS = 40;

const SEVERITY_COLOR: Record<Severity, string> = { error: '#c23934', warning: '#dd7a01', info: '#0176d3' };

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * The start of a self-contained page up to the open style element: document, title and the
 * shared page and header styles. The caller adds its own rules and closes the style element.
 */
export function pageHead(title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:0;color:#181818;background:#f3f3f3}
header{background:#032d60;color:#fff;padding:20px 32px}header h1{margin:0 0 6px;font-size:22px}header p{margin:0;opacity:.85}`;
}

interface Bar {
  label: string;
  value: number;
  text: string;
  color?: string;
}

/** A horizontal bar chart as inline SVG. */
export function barChart(bars: Bar[], title: string): string {
  const rowHeight = 24;
  const labelWidth = 260;
  const barWidth = 300;
  const height = bars.length * rowHeight + 8;
  const max = Math.max(1e-9, ...bars.map((b) => b.value));
  const rows = bars
    .map((bar, i) => {
      const y = i * rowHeight + 4;
      const w = Math.max(bar.value > 0 ? 2 : 0, Math.round((bar.value / max) * barWidth));
      return [
        `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(bar.label)}</text>`,
        `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${rowHeight - 8}" rx="2" fill="${bar.color ?? '#0176d3'}"/>`,
        `<text x="${labelWidth + w + 6}" y="${y + 15}">${escapeHtml(bar.text)}</text>`,
      ].join('');
    })
    .join('');
  return `<svg class="chart" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${labelWidth + barWidth + 260} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">${rows}</svg>`;
}

function metricCard(metric: Metric): string {
  return `<div class="card"><div class="value">${escapeHtml(formatMetric(metric, metric.value))}</div><div class="title">${escapeHtml(metric.title)}</div><div class="detail">${escapeHtml(metric.detail)}</div></div>`;
}

function breakdownChart(metric: Metric): string {
  const bars = (metric.breakdown ?? []).map((b) => ({
    label: b.label,
    value: b.value ?? 0,
    text: `${formatMetric(metric, b.value)}${b.note ? ` (${b.note})` : ''}`,
  }));
  return `<section><h3>${escapeHtml(metric.title)}</h3>${barChart(bars, metric.title)}</section>`;
}

function comparison(metrics: Metric[], pairs: [string, string, string][]): string {
  const byId = new Map(metrics.map((m) => [m.id, m]));
  return pairs
    .map(([title, partnerId, directId]) => {
      const partner = byId.get(partnerId);
      const direct = byId.get(directId);
      if (!partner || !direct) {
        return '';
      }
      return `<section><h3>${escapeHtml(title)}</h3>${barChart(
        [
          {
            label: 'Partner deals',
            value: partner.value ?? 0,
            text: formatMetric(partner, partner.value),
            color: '#2e844a',
          },
          {
            label: 'Direct deals',
            value: direct.value ?? 0,
            text: formatMetric(direct, direct.value),
            color: '#747474',
          },
        ],
        title,
      )}</section>`;
    })
    .join('');
}

function findingRows(findings: Finding[]): string {
  return findings
    .map(
      (f) =>
        `<tr><td>${escapeHtml(f.object)}</td><td><code>${escapeHtml(f.externalId ?? '')}</code><br><code class="id">${escapeHtml(f.recordId ?? '')}</code></td><td>${escapeHtml(f.message)}</td><td>${escapeHtml(f.fix)}</td></tr>`,
    )
    .join('');
}

/** A long breakdown (one row per partner) as a table, the first FINDINGS_PER_CHECK rows. */
function breakdownTable(metric: Metric): string {
  const rows = (metric.breakdown ?? []).slice(0, FINDINGS_PER_CHECK);
  const more = (metric.breakdown?.length ?? 0) - rows.length;
  return `<h2>${escapeHtml(metric.title)}</h2><section><p class="note">${escapeHtml(metric.detail)}</p><table><thead><tr><th>Name</th><th>Value</th><th>Detail</th></tr></thead><tbody>${rows
    .map(
      (row) =>
        `<tr><td>${escapeHtml(row.label)}</td><td>${row.value === null ? '–' : formatNumber(row.value, Number.isInteger(row.value) ? 0 : 1)}</td><td>${escapeHtml(row.note ?? '')}</td></tr>`,
    )
    .join(
      '',
    )}</tbody></table>${more > 0 ? `<p class="more">${formatNumber(more)} more in the JSON output (prm audit --json).</p>` : ''}</section>`;
}

/**
 * Renders the report.
 * @param result the audit result
 */
export function renderHtml(result: AuditResult): string {
  const { summary, metrics, findings } = result;
  const checkBars = summary.checks
    .filter((c) => !c.skipped)
    .map((c) => ({
      label: c.check,
      value: c.findings,
      text: formatNumber(c.findings),
      color: SEVERITY_COLOR[c.severity],
    }));
  const byCheck = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byCheck.get(finding.check) ?? [];
    list.push(finding);
    byCheck.set(finding.check, list);
  }
  const findingSections = summary.checks
    .filter((c) => c.findings > 0)
    .map((c) => {
      const list = byCheck.get(c.check) ?? [];
      const more =
        list.length > FINDINGS_PER_CHECK
          ? `<p class="more">${formatNumber(list.length - FINDINGS_PER_CHECK)} more in the JSON output (prm audit --json).</p>`
          : '';
      return `<details${c.severity === 'error' ? ' open' : ''}><summary><span class="sev ${c.severity}">${c.severity}</span> <b>${escapeHtml(c.title)}</b> <code>${c.check}</code> — ${formatNumber(c.findings)}</summary><p>${escapeHtml(CHECKS[c.check].description)}</p><table><thead><tr><th>Object</th><th>Record</th><th>Problem</th><th>Fix</th></tr></thead><tbody>${findingRows(list.slice(0, FINDINGS_PER_CHECK))}</tbody></table>${more}</details>`;
    })
    .join('');
  const skipped = summary.checks.filter((c) => c.skipped);
  const title = `Partner program audit — ${summary.source}`;
  return `${pageHead(title)}
main{padding:24px 32px;max-width:1200px}
h2{font-size:18px;margin:28px 0 12px}h3{font-size:15px;margin:0 0 8px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:12px}
.card,section,details{background:#fff;border-radius:6px;padding:14px 16px;box-shadow:0 1px 2px rgba(0,0,0,.1)}
.card .value{font-size:24px;font-weight:700}.card .title{font-weight:600;margin:4px 0}.card .detail{font-size:12px;color:#555}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:12px}
.chart text{font-size:12px;fill:#181818}
.totals span{display:inline-block;margin-right:16px;font-weight:600}
details{margin-bottom:10px}summary{cursor:pointer}
table{border-collapse:collapse;width:100%;font-size:13px;margin-top:8px}th,td{border-top:1px solid #e5e5e5;padding:6px 8px;text-align:left;vertical-align:top}
code{font-size:12px}code.id{color:#777}
.sev{display:inline-block;border-radius:3px;padding:1px 6px;color:#fff;font-size:12px}.sev.error{background:${SEVERITY_COLOR.error}}.sev.warning{background:${SEVERITY_COLOR.warning}}.sev.info{background:${SEVERITY_COLOR.info}}
.more,.note{font-size:12px;color:#555}
</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1><p>${formatNumber(summary.records)} records in ${summary.objects.length} objects · as of ${escapeHtml(summary.now)} (today ${escapeHtml(summary.today)}, ${escapeHtml(summary.timeZone)})${summary.takenAt ? ` · snapshot taken ${escapeHtml(summary.takenAt)}` : ''} · audited in ${formatDuration(summary.durationMs)}</p></header>
<main>
<h2>Program health</h2>
<div class="cards">${metrics.map(metricCard).join('')}</div>
<h2>Partner vs direct</h2>
<div class="charts">${comparison(metrics, [
    ['Win rate', 'win-rate-partner-percent', 'win-rate-direct-percent'],
    ['Sales cycle (median days)', 'cycle-time-partner-days', 'cycle-time-direct-days'],
  ])}</div>
<h2>Breakdowns</h2>
<div class="charts">${metrics
    .filter((m) => m.breakdown && m.breakdown.length > 0 && m.breakdown.length <= MAX_CHART_BARS)
    .map(breakdownChart)
    .join('')}</div>
${metrics
  .filter((m) => (m.breakdown?.length ?? 0) > MAX_CHART_BARS)
  .map(breakdownTable)
  .join('')}
<h2>Data quality</h2>
<p class="totals"><span>${formatNumber(summary.findings)} findings</span><span style="color:${SEVERITY_COLOR.error}">${summary.bySeverity.error} errors</span><span style="color:${SEVERITY_COLOR.warning}">${summary.bySeverity.warning} warnings</span><span style="color:${SEVERITY_COLOR.info}">${summary.bySeverity.info} info</span></p>
<div class="charts"><section><h3>Findings per check</h3>${barChart(checkBars, 'Findings per check')}</section></div>
${summary.missingColumns.length > 0 ? `<p class="note">Columns missing from the data: ${summary.missingColumns.map((m) => `${escapeHtml(m.column)} (${escapeHtml(describeMissingColumn(m))})`).join('; ')}.</p>` : ''}
${skipped.length > 0 ? `<p class="note">Not run: ${skipped.map((c) => `${escapeHtml(c.check)} (${escapeHtml(c.skipped ?? '')})`).join('; ')}.</p>` : ''}
<h2>Findings</h2>
${findingSections || '<p>No findings.</p>'}
<h2>Records audited</h2>
<section>${barChart(
    summary.objects.map((o) => ({ label: o.name, value: o.records, text: formatNumber(o.records), color: '#5a1ba9' })),
    'Records per object',
  )}</section>
</main>
</body>
</html>
`;
}
