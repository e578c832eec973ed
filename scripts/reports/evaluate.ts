/**
 * Runs the package's reports and dashboards on a data set held in memory (the preview's demo
 * data): report-type rows built by following its joins (outer joins keep a parent without
 * children), then filters with their logic, groupings with date granularity, summaries,
 * the chart's series and the dashboards' components. Only the report features the package
 * uses are evaluated; anything else fails loudly with the report's name rather than show a
 * figure the org would not.
 */
import type { DemoRecord, FieldValue } from '../preview/browser/types';
import {
  customReportTypeName,
  formulaColumns,
  reportTypeTables,
  type AnalyticsModel,
  type ReportFilterItemMeta,
  type ReportGroupingMeta,
  type ReportMeta,
} from './analyticsModel';
import { dateRange } from './relativeDates';
import type { ChildRelationship } from './relationships';
import type {
  ChartResult,
  DashboardComponentResult,
  DashboardResult,
  GroupResult,
  ReportResult,
  SummaryValue,
} from './results';

export interface ReportData {
  records: Record<string, DemoRecord[]>;
  /** The data's "now" (ISO datetime, UTC): relative date filters count from its day. */
  asOf: string;
  /** Whose records "my" reports (scope `user`) show; records with no owner belong to the loading user. */
  runningUserId: string;
}

type Row = Map<string, DemoRecord | undefined>;

export class ReportEvaluationError extends Error {}

const DETAIL_ROWS = 10;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Partner_Account__c.Primary_Program__c` → `Partner Account: Primary Program`. */
export function columnLabel(column: string, report?: ReportMeta): string {
  if (column === 'RowCount') {
    return 'Record Count';
  }
  const formula = report?.formulas.find((f) => f.developerName === column);
  if (formula) {
    return formula.label;
  }
  const path = column.includes('$') ? column.split('$')[1] : column;
  return path
    .split('.')
    .map((step) =>
      step
        .replace(/__c$/, '')
        .replace(/Id$/, '')
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .replace(/_/g, ' '),
    )
    .join(': ');
}

const isDate = (value: FieldValue | undefined): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value);

/** Evaluates `1 AND (2 OR NOT 3)` over the results of the numbered filters. */
function evaluateLogic(logic: string, results: boolean[]): boolean {
  const tokens = logic.toUpperCase().match(/\d+|AND|OR|NOT|\(|\)/g) ?? [];
  let position = 0;
  const primary = (): boolean => {
    const token = tokens[position++];
    if (token === 'NOT') {
      return !primary();
    }
    if (token === '(') {
      const value = disjunction();
      position++;
      return value;
    }
    return results[Number(token) - 1] === true;
  };
  const conjunction = (): boolean => {
    let value = primary();
    while (tokens[position] === 'AND') {
      position++;
      value = primary() && value;
    }
    return value;
  };
  const disjunction = (): boolean => {
    let value = conjunction();
    while (tokens[position] === 'OR') {
      position++;
      value = conjunction() || value;
    }
    return value;
  };
  return disjunction();
}

function aggregate(kind: string, values: number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  switch (kind) {
    case 'Sum':
      return values.reduce((a, b) => a + b, 0);
    case 'Average':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'Maximum':
      return Math.max(...values);
    case 'Minimum':
      return Math.min(...values);
    case 'Unique':
      return new Set(values).size;
    default: {
      const sorted = [...values].sort((a, b) => a - b);
      const middle = Math.floor(sorted.length / 2);
      return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
  }
}

export class ReportEvaluator {
  private readonly byId = new Map<string, DemoRecord>();
  private readonly childIndexes = new Map<string, Map<string, DemoRecord[]>>();
  private readonly today: string;

  constructor(
    private readonly model: AnalyticsModel,
    private readonly relationships: Map<string, ChildRelationship>,
    private readonly data: ReportData,
  ) {
    for (const records of Object.values(data.records)) {
      records.forEach((record) => this.byId.set(record.Id, record));
    }
    this.today = data.asOf.slice(0, 10);
  }

  private children(relationship: ChildRelationship, parentId: string): DemoRecord[] {
    const key = `${relationship.childObject}.${relationship.field}`;
    let index = this.childIndexes.get(key);
    if (!index) {
      index = new Map();
      for (const record of this.data.records[relationship.childObject] ?? []) {
        const parent = record[relationship.field];
        if (typeof parent === 'string') {
          index.set(parent, [...(index.get(parent) ?? []), record]);
        }
      }
      this.childIndexes.set(key, index);
    }
    return index.get(parentId) ?? [];
  }

  /** Report-type rows: each base record, times its children along each join. */
  private rows(report: ReportMeta): Row[] {
    const typeName = customReportTypeName(report.reportType);
    const type = typeName ? this.model.reportTypes.get(typeName) : undefined;
    if (!type) {
      throw new ReportEvaluationError(`${report.fullName}: report type ${report.reportType} is not in the package`);
    }
    const tables = reportTypeTables(type);
    let rows: Row[] = (this.data.records[type.baseObject] ?? []).map((r) => new Map([[type.baseObject, r]]));
    let parentObject = type.baseObject;
    type.joins.forEach((join, index) => {
      const relationship = this.relationships.get(`${parentObject}.${join.relationship}`);
      if (!relationship) {
        throw new ReportEvaluationError(`${report.fullName}: no lookup behind ${parentObject}.${join.relationship}`);
      }
      const [parentTable, table] = [tables[index], tables[index + 1]];
      rows = rows.flatMap((row) => {
        const parent = row.get(parentTable);
        const children = parent ? this.children(relationship, parent.Id) : [];
        if (children.length === 0) {
          return join.outerJoin ? [new Map([...row, [table, undefined]])] : [];
        }
        return children.map((child) => new Map([...row, [table, child]]));
      });
      parentObject = relationship.childObject;
    });
    if (report.scope === 'user') {
      rows = rows.filter((row) => {
        const owner = row.get(type.baseObject)?.OwnerId;
        return owner === undefined || owner === null || owner === this.data.runningUserId;
      });
    }
    return rows;
  }

  /** A column's stored value on a row (a lookup's Id, a date string, a number…). */
  private value(report: ReportMeta, row: Row, column: string): FieldValue {
    const formula = report.formulas.find((f) => f.developerName === column);
    if (formula) {
      const [later, earlier] = formulaColumns(formula.calculatedFormula);
      if (!/^\s*\S+\s*-\s*\S+\s*$/.test(formula.calculatedFormula) || !earlier) {
        throw new ReportEvaluationError(`${report.fullName}: formula ${column} is not a difference of two dates`);
      }
      const [a, b] = [this.value(report, row, later), this.value(report, row, earlier)];
      return isDate(a) && isDate(b) ? (Date.parse(a) - Date.parse(b)) / 86400000 : null;
    }
    const [table, path] = column.split('$');
    const steps = path.split('.');
    let record = row.get(table);
    for (const step of steps.slice(0, -1)) {
      const id = record?.[step] ?? record?.[`${step}Id`];
      record = typeof id === 'string' ? this.byId.get(id) : undefined;
    }
    return record?.[steps[steps.length - 1]] ?? null;
  }

  /** What a user reads in a cell: a lookup shows the record's name. */
  private display(value: FieldValue): string {
    if (value === null || value === '') {
      return '-';
    }
    if (typeof value === 'string') {
      const referenced = this.byId.get(value);
      return referenced ? String(referenced.Name ?? referenced.Company ?? value) : value;
    }
    return typeof value === 'boolean' ? (value ? 'True' : 'False') : String(value);
  }

  private matches(report: ReportMeta, row: Row, item: ReportFilterItemMeta): boolean {
    const value = this.value(report, row, item.column);
    const blank = value === null || value === '';
    if (item.columnToColumn) {
      const other = this.value(report, row, item.value);
      if (blank || other === null || other === '') {
        return false;
      }
      const [a, b] =
        isDate(value) && isDate(other) ? [Date.parse(value), Date.parse(other)] : [Number(value), Number(other)];
      return this.compare(item.operator, a, b);
    }
    if (item.value === '') {
      return item.operator === 'notEqual' ? !blank : item.operator === 'equals' ? blank : false;
    }
    if (blank) {
      return item.operator === 'notEqual';
    }
    const range = isDate(value) ? dateRange(item.value, this.today) : undefined;
    if (range && isDate(value)) {
      const day = value.slice(0, 10);
      const inRange = day >= range.start && day <= range.end;
      const ops: Record<string, boolean> = {
        equals: inRange,
        notEqual: !inRange,
        greaterThan: day > range.end,
        greaterOrEqual: day >= range.start,
        lessThan: day < range.start,
        lessOrEqual: day <= range.end,
      };
      return ops[item.operator] ?? false;
    }
    if (typeof value === 'boolean') {
      const wanted = ['true', '1'].includes(item.value.toLowerCase());
      return item.operator === 'notEqual' ? value !== wanted : value === wanted;
    }
    if (typeof value === 'number') {
      return this.compare(item.operator, value, Number(item.value));
    }
    const text = this.display(value).toLowerCase();
    const options = item.value.split(',').map((v) => v.trim().toLowerCase());
    switch (item.operator) {
      case 'equals':
        return options.includes(text) || options.includes(String(value).toLowerCase());
      case 'notEqual':
        return !options.includes(text) && !options.includes(String(value).toLowerCase());
      case 'contains':
        return options.some((o) => text.includes(o));
      case 'notContain':
        return !options.some((o) => text.includes(o));
      case 'startsWith':
        return options.some((o) => text.startsWith(o));
      default:
        throw new ReportEvaluationError(`${report.fullName}: the preview cannot evaluate ${item.operator} on text`);
    }
  }

  private compare(operator: string, a: number, b: number): boolean {
    const ops: Record<string, boolean> = {
      equals: a === b,
      notEqual: a !== b,
      greaterThan: a > b,
      greaterOrEqual: a >= b,
      lessThan: a < b,
      lessOrEqual: a <= b,
    };
    return ops[operator] ?? false;
  }

  /** Group key (sortable) and label of a value at a grouping's date granularity. */
  private groupKey(value: FieldValue, grouping: ReportGroupingMeta): [string, string] {
    if (!isDate(value)) {
      const label = this.display(value);
      return [label.toLowerCase(), label];
    }
    const [year, month] = [value.slice(0, 4), Number(value.slice(5, 7))];
    switch (grouping.dateGranularity) {
      case 'Month':
        return [value.slice(0, 7), `${MONTHS[month - 1]} ${year}`];
      case 'Quarter':
        return [`${year}-Q${Math.ceil(month / 3)}`, `Q${Math.ceil(month / 3)} ${year}`];
      case 'Year':
        return [year, year];
      case 'MonthInYear':
        return [value.slice(5, 7), MONTHS[month - 1]];
      default:
        return [value.slice(0, 10), value.slice(0, 10)];
    }
  }

  private summarise(report: ReportMeta, rows: Row[], summaries: SummaryValue[]): Record<string, number | null> {
    const values: Record<string, number | null> = {};
    for (const summary of summaries) {
      if (summary.key === 'RowCount') {
        values.RowCount = rows.length;
        continue;
      }
      const [kind, column] = summary.key.split(/:(.*)/s);
      const numbers = rows
        .map((row) => this.value(report, row, column))
        .filter((v): v is number => typeof v === 'number');
      values[summary.key] = aggregate(kind, numbers);
    }
    return values;
  }

  private group(
    report: ReportMeta,
    rows: Row[],
    groupings: ReportGroupingMeta[],
    summaries: SummaryValue[],
  ): GroupResult[] {
    const [grouping, ...rest] = groupings;
    if (!grouping) {
      return [];
    }
    const buckets = new Map<string, { label: string; rows: Row[] }>();
    for (const row of rows) {
      const [key, label] = this.groupKey(this.value(report, row, grouping.field), grouping);
      const bucket = buckets.get(key) ?? { label, rows: [] };
      bucket.rows.push(row);
      buckets.set(key, bucket);
    }
    const groups = [...buckets.entries()].map(([key, bucket]) => ({
      key,
      result: {
        label: bucket.label,
        rowCount: bucket.rows.length,
        values: this.summarise(report, bucket.rows, summaries),
        children: this.group(report, bucket.rows, rest, summaries),
      },
    }));
    const direction = grouping.sortOrder === 'Desc' ? -1 : 1;
    const sortKey =
      grouping.aggregateType && grouping.sortByName ? `${grouping.aggregateType}:${grouping.sortByName}` : undefined;
    groups.sort((a, b) =>
      sortKey
        ? direction * ((a.result.values[sortKey] ?? 0) - (b.result.values[sortKey] ?? 0)) || a.key.localeCompare(b.key)
        : direction * a.key.localeCompare(b.key),
    );
    return groups.map((g) => g.result);
  }

  private summaryOf(report: ReportMeta, aggregateType: string | undefined, column: string): SummaryValue {
    const key = column === 'RowCount' ? 'RowCount' : `${aggregateType}:${column}`;
    const label = column === 'RowCount' ? 'Record Count' : `${aggregateType} of ${columnLabel(column, report)}`;
    return { key, label, currency: /Amount|Revenue/.test(column) };
  }

  private chart(type: string, summary: SummaryValue, groups: GroupResult[], twoLevels: boolean): ChartResult {
    const categories = groups.map((g) => g.label);
    if (!twoLevels) {
      return {
        type,
        summary,
        categories,
        series: [
          { label: summary.label, points: groups.map((g) => ({ label: g.label, value: g.values[summary.key] ?? 0 })) },
        ],
      };
    }
    const labels = [...new Set(groups.flatMap((g) => g.children.map((c) => c.label)))].sort();
    return {
      type,
      summary,
      categories,
      series: labels.map((label) => ({
        label,
        points: groups.map((g) => ({
          label: g.label,
          value: g.children.find((c) => c.label === label)?.values[summary.key] ?? 0,
        })),
      })),
    };
  }

  report(fullName: string): ReportResult {
    const report = this.model.reports.get(fullName);
    if (!report) {
      throw new ReportEvaluationError(`no report ${fullName} in the package`);
    }
    if (report.format === 'Matrix' || report.groupingsAcross.length > 0) {
      throw new ReportEvaluationError(`${fullName}: the preview evaluates tabular and summary reports only`);
    }
    const summaries: SummaryValue[] = [
      this.summaryOf(report, undefined, 'RowCount'),
      ...report.columns.flatMap((c) => c.aggregateTypes.map((a) => this.summaryOf(report, a, c.field))),
    ];
    const rows = this.rows(report).filter((row) => {
      const results = report.filters.map((item) => this.matches(report, row, item));
      return report.booleanFilter ? evaluateLogic(report.booleanFilter, results) : results.every(Boolean);
    });
    const groups = this.group(report, rows, report.groupingsDown, summaries);
    const chartMeta = report.chart;
    const chartSummary = chartMeta?.summaries[0];
    const typeName = customReportTypeName(report.reportType) ?? '';
    return {
      fullName,
      name: report.name,
      description: report.description,
      format: report.format,
      reportTypeLabel: this.model.reportTypes.get(typeName)?.label ?? report.reportType,
      scope: report.scope,
      filters: report.filters.map(
        (f, i) => `${i + 1}. ${columnLabel(f.column, report)} ${f.operator} ${f.columnToColumn ? columnLabel(f.value, report) : f.value === '' ? '(blank)' : f.value}`,
      ).concat(report.booleanFilter ? [`Logic: ${report.booleanFilter}`] : []), // prettier-ignore
      groupings: report.groupingsDown.map(
        (g) =>
          `${columnLabel(g.field, report)}${g.dateGranularity && g.dateGranularity !== 'Day' ? ` (${g.dateGranularity})` : ''}`,
      ),
      summaries,
      rowCount: rows.length,
      totals: this.summarise(report, rows, summaries),
      groups,
      chart:
        chartMeta && chartSummary
          ? this.chart(
              chartMeta.chartType,
              this.summaryOf(report, chartSummary.aggregate, chartSummary.column),
              groups,
              chartMeta.secondaryGroupingColumn !== undefined,
            )
          : undefined,
      details: report.showDetails
        ? {
            columns: report.columns.map((c) => columnLabel(c.field, report)),
            rows: rows.slice(0, DETAIL_ROWS).map((row) => report.columns.map((c) => this.cell(report, row, c.field))),
            more: Math.max(0, rows.length - DETAIL_ROWS),
          }
        : undefined,
    };
  }

  private cell(report: ReportMeta, row: Row, column: string): string {
    const value = this.value(report, row, column);
    return typeof value === 'number' && !Number.isInteger(value) ? value.toFixed(1) : this.display(value);
  }

  dashboard(fullName: string): DashboardResult {
    const dashboard = this.model.dashboards.get(fullName);
    if (!dashboard) {
      throw new ReportEvaluationError(`no dashboard ${fullName} in the package`);
    }
    return {
      fullName,
      title: dashboard.title,
      description: dashboard.description,
      components: dashboard.components.map((component): DashboardComponentResult => {
        const result = this.report(component.report ?? '');
        const report = this.model.reports.get(component.report ?? '') as ReportMeta;
        const chosen = component.chartSummaries[0] ?? report.chart?.summaries[0];
        const summary = chosen ? this.summaryOf(report, chosen.aggregate, chosen.column) : result.summaries[0];
        const base = {
          header: component.header,
          componentType: component.componentType,
          report: result.fullName,
          reportName: result.name,
        };
        if (component.componentType === 'Metric' || component.componentType === 'Gauge') {
          return { ...base, metric: { summary, value: result.totals[summary.key] ?? null } };
        }
        if (component.componentType === 'Table' || component.componentType === 'FlexTable') {
          return {
            ...base,
            table: {
              summary,
              rows: result.groups.map((g) => ({ label: g.label, value: g.values[summary.key] ?? null })),
            },
          };
        }
        const twoLevels = /Grouped|Stacked/.test(component.componentType);
        return { ...base, chart: this.chart(component.componentType, summary, result.groups, twoLevels) };
      }),
    };
  }
}
