/** The executive summary as one self-contained, printable HTML page. */
import { barChart } from '../audit/report/html';
import { formatMetric, formatNumber } from '../audit/report/format';
import type { Metric } from '../audit/types';
import { metric } from './figures';
import { card, metricCard, page, section, table } from './page';
import type { ExecReport } from './exec';

function breakdown(m: Metric): string {
  const rows = m.breakdown ?? [];
  return rows.length === 0
    ? '<p>None this month.</p>'
    : barChart(
        rows.map((b) => ({
          label: b.label,
          value: b.value ?? 0,
          text: `${formatMetric(m, b.value)}${b.note ? ` (${b.note})` : ''}`,
        })),
        m.title,
      );
}

export function renderExec(report: ExecReport): string {
  const f = report.figures;
  const revenue = metric(f, 'partner-revenue');
  const byStatus = metric(f, 'registrations-by-status');
  const body = [
    section('Sourced vs influenced revenue', `<div class="cards">${metricCard(revenue)}</div>${breakdown(revenue)}`),
    section(
      'Registrations and decision time',
      `<div class="cards">${card(formatNumber(byStatus.value ?? 0), 'Registrations submitted')}${metricCard(
        metric(f, 'registration-decision-median-days'),
      )}${metricCard(metric(f, 'registration-decision-p90-days'))}</div>${breakdown(byStatus)}`,
    ),
    section(
      'ROI by program',
      `<div class="cards">${metricCard(metric(f, 'roi-by-program'))}</div>${breakdown(metric(f, 'roi-by-program'))}`,
    ),
    section('Tier movement', breakdown(metric(f, 'tier-movement-12m'))),
    section(
      'Lead sharing',
      `<div class="cards">${['lead-acceptance-rate-percent', 'lead-sla-breach-rate-percent']
        .map((id) => metricCard(metric(f, id)))
        .join('')}</div>`,
    ),
    section(
      'Top partners',
      report.topPartners.length === 0
        ? '<p>No partner-attributed won revenue this month.</p>'
        : table(
            ['Partner', 'Sourced', 'Influenced', 'Total'],
            report.topPartners.map((p) => [
              p.name,
              Math.round(p.sourced),
              Math.round(p.influenced),
              Math.round(p.total),
            ]),
          ),
    ),
  ].join('');
  return page(
    `Partner program executive summary: ${report.month.label}`,
    `${report.month.start} to ${report.month.end} (exclusive)`,
    body,
    `Figures as of ${f.asOf} from ${report.source}; they are prm audit metrics on the month's activity.`,
  );
}
