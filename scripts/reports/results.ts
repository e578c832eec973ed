/**
 * What evaluating a report or dashboard on a data set gives: groups with their summaries,
 * the chart's series and a few detail rows. The preview serialises these into its pages.
 */
export interface SummaryValue {
  /** `Sum:Opportunity$Amount`, or `RowCount`. */
  key: string;
  label: string;
  currency: boolean;
}

export interface GroupResult {
  label: string;
  rowCount: number;
  /** Summary key → value (null when no row has one). */
  values: Record<string, number | null>;
  children: GroupResult[];
}

export interface ChartSeries {
  label: string;
  points: { label: string; value: number }[];
}

export interface ChartResult {
  /** The report's chart type (`HorizontalBar`) or the dashboard component type (`BarStacked`). */
  type: string;
  summary: SummaryValue;
  /** One series for a single grouping; one per second-level group for stacked and grouped charts. */
  series: ChartSeries[];
  /** Category labels in order (first grouping). */
  categories: string[];
}

export interface ReportResult {
  fullName: string;
  name: string;
  description: string;
  format: string;
  reportTypeLabel: string;
  /** `organization`, or `user` for "my" reports (evaluated as the running user). */
  scope: string;
  filters: string[];
  groupings: string[];
  summaries: SummaryValue[];
  rowCount: number;
  totals: Record<string, number | null>;
  groups: GroupResult[];
  chart?: ChartResult;
  details?: { columns: string[]; rows: string[][]; more: number };
}

export interface DashboardComponentResult {
  header: string;
  componentType: string;
  report: string;
  reportName: string;
  chart?: ChartResult;
  /** Metric and gauge: the report's grand total of the component's summary. */
  metric?: { summary: SummaryValue; value: number | null };
  /** Table: one row per first-level group. */
  table?: { summary: SummaryValue; rows: { label: string; value: number | null }[] };
}

export interface DashboardResult {
  fullName: string;
  title: string;
  description: string;
  components: DashboardComponentResult[];
}
