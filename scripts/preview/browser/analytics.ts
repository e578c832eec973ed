/**
 * Renders evaluated reports and dashboards (scripts/reports/evaluate.ts) in the preview with
 * SLDS markup: every chart is a table of its figures with proportional bars beside them, so
 * the numbers stay readable by screen readers and comparable with `prm audit`.
 */
import { element, type PreviewElement } from './dom';
import type {
  ChartResult,
  DashboardComponentResult,
  DashboardResult,
  GroupResult,
  ReportResult,
  SummaryValue,
} from '../../reports/results';

export type AnalyticsView =
  | { kind: 'report'; report: ReportResult }
  | { kind: 'dashboard'; dashboard: DashboardResult };

const COLOURS = ['#0176d3', '#04844b', '#fe9339', '#9050e9', '#ba0517', '#06a59a', '#e3066a', '#706e6b'];
const CHART_NAMES: Record<string, string> = {
  HorizontalBar: 'Bar chart',
  Bar: 'Bar chart',
  VerticalColumn: 'Column chart',
  Column: 'Column chart',
  Donut: 'Donut chart',
  Pie: 'Pie chart',
  HorizontalBarStacked: 'Stacked bar chart',
  BarStacked: 'Stacked bar chart',
  VerticalColumnStacked: 'Stacked column chart',
  ColumnStacked: 'Stacked column chart',
};

export function formatValue(value: number | null, summary: SummaryValue): string {
  if (value === null) {
    return '-';
  }
  return summary.currency
    ? value.toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 })
    : value.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

function cell(tag: 'th' | 'td', text: string, className = ''): PreviewElement {
  const el = element(tag, className, text);
  if (tag === 'th') {
    el.setAttribute('scope', 'col');
  }
  return el;
}

function table(caption: string, headers: string[]): { table: PreviewElement; body: PreviewElement } {
  const el = element(
    'table',
    'slds-table slds-table_cell-buffer slds-table_bordered slds-table_fixed-layout preview-figures',
  );
  el.appendChild(element('caption', 'slds-assistive-text', caption));
  const head = element('thead');
  const row = element('tr', 'slds-line-height_reset');
  headers.forEach((h) => row.appendChild(cell('th', h)));
  head.appendChild(row);
  el.appendChild(head);
  const body = element('tbody');
  el.appendChild(body);
  return { table: el, body };
}

/** A chart as a table: one row per category, a column per series, a bar per row. */
function renderChart(chart: ChartResult, caption: string): PreviewElement {
  const box = element('figure', 'preview-chart');
  box.setAttribute('data-chart-type', chart.type);
  box.appendChild(
    element(
      'figcaption',
      'slds-text-body_small slds-text-color_weak',
      `${CHART_NAMES[chart.type] ?? chart.type} · ${chart.summary.label}`,
    ),
  );
  if (chart.categories.length === 0) {
    box.appendChild(
      element('p', 'slds-text-body_regular slds-p-vertical_small', 'No records match the filters on the demo data.'),
    );
    return box;
  }
  const stacked = chart.series.length > 1;
  const totals = chart.categories.map((_, i) => chart.series.reduce((sum, s) => sum + s.points[i].value, 0));
  const grand = totals.reduce((a, b) => a + b, 0);
  const max = Math.max(...totals, 0) || 1;
  const pie = chart.type === 'Donut' || chart.type === 'Pie';
  const headers = [
    'Group',
    ...(stacked ? chart.series.map((s) => s.label) : []),
    stacked ? 'Total' : chart.summary.label,
  ];
  const { table: el, body } = table(caption, [...headers, pie ? 'Share' : 'Bar']);
  chart.categories.forEach((category, i) => {
    const row = element('tr');
    row.appendChild(element('th', '', category)).setAttribute('scope', 'row');
    if (stacked) {
      chart.series.forEach((s) => row.appendChild(cell('td', formatValue(s.points[i].value, chart.summary))));
    }
    row.appendChild(cell('td', formatValue(totals[i], chart.summary)));
    const barCell = element('td');
    if (pie) {
      barCell.textContent = `${grand ? ((100 * totals[i]) / grand).toFixed(1) : '0.0'} %`;
    } else {
      const bar = element('div', 'preview-bar');
      bar.setAttribute('aria-hidden', 'true');
      chart.series.forEach((s, k) => {
        const segment = element('span', 'preview-bar-segment');
        segment.setAttribute(
          'style',
          `width: ${((100 * s.points[i].value) / max).toFixed(2)}%; background: ${COLOURS[k % COLOURS.length]}`,
        );
        bar.appendChild(segment);
      });
      barCell.appendChild(bar);
    }
    row.appendChild(barCell);
    body.appendChild(row);
  });
  box.appendChild(el);
  if (stacked) {
    const legend = element('ul', 'slds-list_horizontal slds-wrap slds-text-body_small slds-m-top_x-small');
    legend.setAttribute('aria-label', 'Legend');
    chart.series.forEach((s, k) => {
      const item = element('li', 'slds-m-right_small');
      const swatch = element('span', 'preview-swatch');
      swatch.setAttribute('style', `background: ${COLOURS[k % COLOURS.length]}`);
      swatch.setAttribute('aria-hidden', 'true');
      item.appendChild(swatch);
      item.appendChild(element('span', '', s.label));
      legend.appendChild(item);
    });
    box.appendChild(legend);
  }
  return box;
}

function renderComponent(component: DashboardComponentResult): PreviewElement {
  const col = element(
    'div',
    'slds-col slds-size_1-of-1 slds-medium-size_1-of-2 slds-large-size_1-of-3 slds-p-around_x-small',
  );
  const card = element('article', 'slds-card preview-dashboard-component');
  card.setAttribute('data-component-type', component.componentType);
  const header = element('div', 'slds-card__header');
  header.appendChild(element('h2', 'slds-card__header-title slds-text-heading_small', component.header));
  header.appendChild(
    element('p', 'slds-text-body_small slds-text-color_weak', `Source report: ${component.reportName}`),
  );
  card.appendChild(header);
  const body = element('div', 'slds-card__body slds-card__body_inner');
  if (component.metric) {
    const figure = element(
      'p',
      'slds-text-heading_large preview-metric',
      formatValue(component.metric.value, component.metric.summary),
    );
    figure.setAttribute('data-metric', String(component.metric.value));
    body.appendChild(figure);
    body.appendChild(element('p', 'slds-text-body_small', component.metric.summary.label));
  } else if (component.table) {
    const summary = component.table.summary;
    const { table: el, body: rows } = table(component.header, ['Group', summary.label]);
    component.table.rows.forEach((r) => {
      const row = element('tr');
      row.appendChild(element('th', '', r.label)).setAttribute('scope', 'row');
      row.appendChild(cell('td', formatValue(r.value, summary)));
      rows.appendChild(row);
    });
    body.appendChild(
      component.table.rows.length ? el : element('p', '', 'No records match the filters on the demo data.'),
    );
  } else if (component.chart) {
    body.appendChild(renderChart(component.chart, component.header));
  }
  card.appendChild(body);
  col.appendChild(card);
  return col;
}

function groupRows(body: PreviewElement, groups: GroupResult[], summaries: SummaryValue[], depth: number): void {
  for (const group of groups) {
    const row = element('tr');
    const label = element('th', depth ? 'preview-subgroup' : 'slds-text-title_bold', group.label);
    label.setAttribute('scope', 'row');
    row.appendChild(label);
    summaries.forEach((s) => row.appendChild(cell('td', formatValue(group.values[s.key] ?? null, s))));
    body.appendChild(row);
    groupRows(body, group.children, summaries, depth + 1);
  }
}

function renderReport(main: PreviewElement, report: ReportResult): void {
  main.appendChild(element('h1', 'slds-text-heading_large', report.name));
  main.appendChild(element('p', 'slds-text-body_regular slds-m-bottom_small', report.description));
  const facts = element('dl', 'slds-list_horizontal slds-wrap slds-text-body_small slds-m-bottom_medium');
  const fact = (term: string, value: string) => {
    facts.appendChild(element('dt', 'slds-item_label slds-text-color_weak', `${term}:`));
    facts.appendChild(element('dd', 'slds-item_detail', value));
  };
  fact('Report type', report.reportTypeLabel);
  fact('Show', report.scope === 'user' ? 'My records (the running user)' : 'All records');
  fact('Filters', report.filters.length ? report.filters.join('; ') : 'none');
  fact('Grouped by', report.groupings.join(', ') || 'none');
  fact('Records', String(report.rowCount));
  main.appendChild(facts);
  if (report.chart) {
    main.appendChild(renderChart(report.chart, `${report.name} chart`));
  }
  const { table: el, body } = table(`${report.name} summary`, [
    report.groupings.join(' / ') || 'Group',
    ...report.summaries.map((s) => s.label),
  ]);
  groupRows(body, report.groups, report.summaries, 0);
  const total = element('tr', 'slds-text-title_bold');
  total.appendChild(element('th', '', 'Grand total')).setAttribute('scope', 'row');
  report.summaries.forEach((s) => total.appendChild(cell('td', formatValue(report.totals[s.key] ?? null, s))));
  body.appendChild(total);
  main.appendChild(element('h2', 'slds-text-heading_medium slds-m-vertical_small', 'Summary'));
  main.appendChild(el);
  if (report.details) {
    main.appendChild(element('h2', 'slds-text-heading_medium slds-m-vertical_small', 'Records'));
    const details = table(`${report.name} records`, report.details.columns);
    report.details.rows.forEach((cells) => {
      const row = element('tr');
      cells.forEach((c) => row.appendChild(cell('td', c)));
      details.body.appendChild(row);
    });
    main.appendChild(
      report.details.rows.length ? details.table : element('p', '', 'No records match the filters on the demo data.'),
    );
    if (report.details.more > 0) {
      main.appendChild(element('p', 'slds-text-body_small', `and ${report.details.more} more`));
    }
  }
}

/** Renders an evaluated report or dashboard into `<main>`. */
export function renderAnalytics(main: PreviewElement, view: AnalyticsView, pageId: string): void {
  const root = element('div', 'preview-analytics');
  root.setAttribute('data-analytics', pageId);
  if (view.kind === 'report') {
    renderReport(root, view.report);
  } else {
    root.appendChild(element('h1', 'slds-text-heading_large', `${view.dashboard.title} dashboard`));
    root.appendChild(element('p', 'slds-text-body_regular slds-m-bottom_small', view.dashboard.description));
    const grid = element('div', 'slds-grid slds-wrap');
    view.dashboard.components.forEach((c) => grid.appendChild(renderComponent(c)));
    root.appendChild(grid);
  }
  main.appendChild(root);
}
