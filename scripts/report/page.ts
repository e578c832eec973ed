/**
 * The printable page every report shares: inline CSS (screen and A4 print), header, figure
 * cards and tables. Charts are the audit report's inline SVG bar charts.
 */
import { escapeHtml } from '../audit/report/html';
import { formatMetric } from '../audit/report/format';
import type { Metric } from '../audit/types';

const STYLE = `
*{box-sizing:border-box}
body{font-family:-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#181818;margin:0;padding:24px 32px;background:#fff;font-size:14px}
header{border-bottom:3px solid #0176d3;padding-bottom:12px;margin-bottom:16px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:24px 0 8px;color:#032d60}h3{font-size:14px;margin:12px 0 4px}
.sub{color:#5c5c5c}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:12px}
.card{border:1px solid #dddbda;border-radius:6px;padding:10px 12px}
.card .value{font-size:22px;font-weight:700}.card .title{font-weight:600}.card .detail{color:#5c5c5c;font-size:12px}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{border-bottom:1px solid #dddbda;padding:4px 8px;text-align:left}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.chart text{font-size:12px;fill:#181818}
section{break-inside:avoid;page-break-inside:avoid}
footer{margin-top:24px;color:#5c5c5c;font-size:12px}
@page{size:A4;margin:14mm}
@media print{body{padding:0;font-size:12px}h2{break-after:avoid}}
`;

export function page(title: string, subtitle: string, body: string, footer: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><header><h1>${escapeHtml(title)}</h1><div class="sub">${escapeHtml(subtitle)}</div></header><main>${body}</main><footer>${escapeHtml(footer)}</footer></body></html>`;
}

export function card(value: string, title: string, detail = ''): string {
  return `<div class="card"><div class="value">${escapeHtml(value)}</div><div class="title">${escapeHtml(title)}</div>${detail ? `<div class="detail">${escapeHtml(detail)}</div>` : ''}</div>`;
}

export function metricCard(metric: Metric, detail = metric.detail): string {
  return card(formatMetric(metric, metric.value), metric.title, detail);
}

/** A table; cells that are numbers are right-aligned. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const cell = (value: string | number, tag: 'td' | 'th') =>
    `<${tag}${typeof value === 'number' ? ' class="num"' : ''}>${escapeHtml(typeof value === 'number' ? value.toLocaleString('en-US') : value)}</${tag}>`;
  const numeric = (index: number) => typeof rows[0]?.[index] === 'number';
  return `<table><thead><tr>${headers.map((h, i) => `<th${numeric(i) ? ' class="num"' : ''}>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map((v) => cell(v, 'td')).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

export function section(title: string, content: string): string {
  return `<section><h2>${escapeHtml(title)}</h2>${content}</section>`;
}
