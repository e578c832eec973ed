/** The baseline as terminal text and as a self-contained HTML page (inline CSS and SVG). */
import { barChart, escapeHtml, pageHead } from '../audit/report/html';
import { formatMetric } from '../audit/report/format';
import type { Metric } from '../audit/types';
import type { Baseline } from './baseline';

/** Lines listed per breakdown in the terminal. */
const TEXT_BREAKDOWN = 8;

export function baselineText(baseline: Baseline): string {
  const tables = Object.entries(baseline.rows).map(([table, n]) => `${table} ${n}`);
  const lines = [
    `Baseline of ${baseline.source}, as of ${baseline.asOf.substring(0, 10)}`,
    ...(tables.length === 0 ? [] : [`Rows: ${tables.join(', ')}`]),
    '',
  ];
  for (const kpi of baseline.kpis) {
    lines.push(`${kpi.title.padEnd(46)} ${formatMetric(kpi, kpi.value).padStart(12)}`);
    for (const part of (kpi.breakdown ?? []).slice(0, TEXT_BREAKDOWN)) {
      lines.push(
        `    ${part.label}${part.value === null ? '' : `: ${part.value}`}${part.note ? ` — ${part.note}` : ''}`,
      );
    }
    if ((kpi.breakdown ?? []).length > TEXT_BREAKDOWN) {
      lines.push(`    … ${(kpi.breakdown ?? []).length - TEXT_BREAKDOWN} more (--json, --html)`);
    }
  }
  return lines.join('\n');
}

function kpiSection(kpi: Metric): string {
  const counted = (kpi.breakdown ?? []).filter((b) => b.value !== null);
  const listed = (kpi.breakdown ?? []).filter((b) => b.value === null);
  const chart =
    counted.length > 0
      ? barChart(
          counted.map((b) => ({ label: b.label, value: b.value ?? 0, text: String(b.value) })),
          kpi.title,
        )
      : '';
  const list =
    listed.length > 0
      ? `<ul>${listed.map((b) => `<li>${escapeHtml(b.label)}${b.note ? ` — ${escapeHtml(b.note)}` : ''}</li>`).join('')}</ul>`
      : '';
  return `<section><div class="value">${escapeHtml(formatMetric(kpi, kpi.value))}</div><h3>${escapeHtml(kpi.title)}</h3><p class="detail">${escapeHtml(kpi.detail)}</p>${chart}${list}</section>`;
}

export function baselineHtml(baseline: Baseline): string {
  const title = `Partner operations baseline — ${baseline.source}`;
  return `${pageHead(title)}
main{padding:24px 32px;max-width:1200px;display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:12px}
section{background:#fff;border-radius:6px;padding:14px 16px;box-shadow:0 1px 2px rgba(0,0,0,.1)}
.value{font-size:24px;font-weight:700}h3{font-size:15px;margin:4px 0}.detail{font-size:12px;color:#555}
.chart text{font-size:12px;fill:#181818}li{font-size:13px}
</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1><p>As of ${escapeHtml(baseline.asOf.substring(0, 10))} · ${escapeHtml(
    Object.entries(baseline.rows)
      .map(([table, n]) => `${table}: ${n} rows`)
      .join(' · '),
  )}</p></header>
<main>
${baseline.kpis.map(kpiSection).join('\n')}
</main>
</body>
</html>
`;
}
