/** The business review as one self-contained, printable HTML page. */
import { barChart, escapeHtml } from '../audit/report/html';
import { formatMetric, formatNumber } from '../audit/report/format';
import { metric, type Figures } from './figures';
import { card, metricCard, page, section, table } from './page';
import type { QbrReport } from './qbr';

const CRITERION_LABEL: Record<string, string> = {
  revenueT12M: 'Trailing-12-month revenue',
  activeCertifications: 'Active certifications',
  closedDealsT12M: 'Closed deals (12 months)',
};

function scorecard(report: QbrReport): string {
  const { facts } = report;
  const cards = [
    card(facts.score === null ? 'n/a' : formatNumber(facts.score, 1), 'Partner score', 'Engagement score out of 100.'),
    card(facts.status ?? 'n/a', 'Partner status', facts.partnerSince ? `Partner since ${facts.partnerSince}.` : ''),
    ...facts.memberships.map((m) =>
      card(m.tier ?? 'No tier', m.program, `${m.status ?? ''}${m.tierSince ? `, tier since ${m.tierSince}` : ''}.`),
    ),
  ].join('');
  const progress = facts.memberships
    .filter((m) => m.nextTier !== null)
    .map(
      (m) =>
        `<h3>${escapeHtml(`${m.program}: progress to ${String(m.nextTier)}`)}</h3>${barChart(
          m.progress.map((c) => ({
            label: CRITERION_LABEL[c.criterion],
            value: c.percent,
            text: `${c.percent} % (${formatNumber(c.current)} of ${formatNumber(c.required)})`,
            color: c.met ? '#2e844a' : '#0176d3',
          })),
          `Progress to ${String(m.nextTier)}`,
        )}`,
    )
    .join('');
  return section('Scorecard and tier progress', `<div class="cards">${cards}</div>${progress}`);
}

function revenue(report: QbrReport): string {
  const rows: [string, Figures][] = [
    [report.compare.sameQuarterLastYear.label, report.figures.sameQuarterLastYear],
    [report.compare.previousQuarter.label, report.figures.previousQuarter],
    [report.quarter.label, report.figures.quarter],
  ];
  const bars = rows.map(([label, figures]) => {
    const m = metric(figures, 'partner-revenue');
    return { label, value: m.value ?? 0, text: formatMetric(m, m.value) };
  });
  const current = metric(report.figures.quarter, 'partner-revenue');
  const split = (current.breakdown ?? [])
    .map((b) => card(formatMetric(current, b.value), `${b.label} revenue`))
    .join('');
  return section(
    'Won revenue',
    `<p>Revenue attributed to the partner on deals closed won in each quarter.</p>${barChart(bars, 'Won revenue by quarter')}<div class="cards">${split}${metricCard(
      metric(report.figures.quarter, 'win-rate-partner-percent'),
    )}</div>`,
  );
}

function pipeline(report: QbrReport): string {
  const { pipeline: p } = report.facts;
  return section(
    'Pipeline',
    `<div class="cards">${card(formatNumber(p.amount), 'Open pipeline', `Open opportunities the partner sources: ${p.count}.`)}</div>${
      p.byStage.length === 0
        ? '<p>No open opportunities.</p>'
        : table(
            ['Stage', 'Opportunities', 'Amount'],
            p.byStage.map((s) => [s.stage, s.count, Math.round(s.amount)]),
          )
    }`,
  );
}

function registrations(report: QbrReport): string {
  const figures = report.figures.quarter;
  const byStatus = metric(figures, 'registrations-by-status');
  return section(
    'Deal registrations',
    `<div class="cards">${card(formatNumber(byStatus.value ?? 0), 'Registrations submitted', `In ${report.quarter.label}.`)}${metricCard(
      metric(figures, 'registration-decision-median-days'),
    )}${metricCard(metric(figures, 'registration-decision-p90-days'))}</div>${
      (byStatus.breakdown ?? []).length === 0
        ? ''
        : barChart(
            (byStatus.breakdown ?? []).map((b) => ({
              label: b.label,
              value: b.value ?? 0,
              text: formatNumber(b.value ?? 0),
            })),
            'Registrations by status',
          )
    }`,
  );
}

function leads(report: QbrReport): string {
  const figures = report.figures.quarter;
  return section(
    'Lead acceptance and SLA',
    `<div class="cards">${[
      'lead-acceptance-rate-percent',
      'lead-time-to-accept-median-hours',
      'lead-sla-breach-rate-percent',
    ]
      .map((id) => metricCard(metric(figures, id)))
      .join('')}</div>`,
  );
}

function training(report: QbrReport): string {
  const t = report.facts.training;
  return section(
    'Training and certifications',
    `<div class="cards">${[
      card(String(t.active), 'Active certifications'),
      card(String(t.completedInPeriod), 'Completed this quarter'),
      card(String(t.open), 'Open assignments', `${t.overdue} overdue.`),
      card(String(t.expiringNextQuarter), 'Expiring next quarter', report.compare.nextQuarter.label),
    ].join('')}</div>`,
  );
}

function commissions(report: QbrReport): string {
  const c = report.facts.commissions;
  return section(
    'Commissions',
    `<div class="cards">${card(formatNumber(c.total), 'Commissions this quarter', 'By payout period.')}</div>${
      c.byStatus.length === 0
        ? ''
        : table(
            ['Status', 'Amount'],
            c.byStatus.map((s) => [s.status, Math.round(s.amount)]),
          )
    }`,
  );
}

function goals(report: QbrReport): string {
  const rows = report.goals.map((g) => [g.goal, g.why]);
  return section(
    `Goals for ${report.compare.nextQuarter.label}`,
    `${rows.length === 0 ? '<p>Every tier requirement is met; agree growth goals in the review.</p>' : table(['Goal', 'Why'], rows)}${table(
      ['Agreed goal', 'Owner', 'Target'],
      [
        ['', '', ''],
        ['', '', ''],
        ['', '', ''],
      ],
    )}`,
  );
}

export function renderQbr(report: QbrReport): string {
  const body = [scorecard, pipeline, revenue, registrations, leads, training, commissions, goals]
    .map((part) => part(report))
    .join('');
  return page(
    `Quarterly business review: ${report.partner.name}`,
    `${report.quarter.label} (${report.quarter.start} to ${report.quarter.end}, exclusive) · compared with ${report.compare.previousQuarter.label} and ${report.compare.sameQuarterLastYear.label}`,
    body,
    `Figures as of ${report.figures.quarter.asOf} from ${report.source}; program figures are prm audit metrics on this partner's records of each quarter.`,
  );
}
