/**
 * Gate `check:reports`: the package's custom report types, reports, dashboards and folders
 * refer only to what exists. Report types name real objects, child relationships and field
 * paths; every report column, filter, grouping, row-level formula and chart names a column
 * of its report type; chart summaries are summaries the report computes; dashboards name
 * existing reports with a component type the report's format and groupings can feed; every
 * report and dashboard sits in a folder the package defines. A deploy would reject each of
 * these only once an org is at hand.
 */
import { lineOf, type Finding } from '../lib/findings';
import { SObjectCatalog } from '../lib/sobjectCatalog';
import {
  customReportTypeName,
  formulaColumns,
  loadAnalytics,
  reportTypeColumnNames,
  reportTypeTables,
  type DashboardMeta,
  type ReportMeta,
  type ReportTypeMeta,
} from '../reports/analyticsModel';

/** ReportTypeCategory values of the Metadata API. */
const CATEGORIES = new Set([
  'accounts', 'opportunities', 'forecasts', 'cases', 'leads', 'campaigns', 'activities', 'busop', 'products',
  'admin', 'territory', 'territory2', 'usage_entitlement', 'wdc', 'calibration', 'other', 'content', 'quotes',
  'individual', 'employee', 'data_cloud', 'commerce',
]); // prettier-ignore
const FORMATS = new Set(['Tabular', 'Summary', 'Matrix']);
const OPERATORS = new Set([
  'equals', 'notEqual', 'lessThan', 'greaterThan', 'lessOrEqual', 'greaterOrEqual', 'contains', 'notContain',
  'startsWith', 'includes', 'excludes', 'within',
]); // prettier-ignore
const AGGREGATES = new Set(['Sum', 'Average', 'Maximum', 'Minimum', 'Unique', 'Median']);
/** Dashboard component types by what they need from their report. */
const ONE_GROUPING = new Set(['Bar', 'Column', 'Line', 'Pie', 'Donut', 'Funnel', 'Scatter', 'LineCumulative']);
const TWO_GROUPINGS = new Set([
  'BarGrouped', 'BarStacked', 'BarStacked100', 'ColumnGrouped', 'ColumnStacked', 'ColumnStacked100', 'LineGrouped',
  'LineCumulativeGrouped', 'ColumnLine', 'ColumnLineGrouped', 'ColumnLineStacked', 'ColumnLineStacked100',
]); // prettier-ignore
const VALUES = new Set(['Metric', 'Gauge']);
const TABLES = new Set(['Table', 'FlexTable']);
/** Report chart types that draw a second grouping. */
const REPORT_CHART_TWO = /Grouped|Stacked|Line(Cumulative)?Grouped/;
const REPORT_CHART_TYPES = new Set([
  'None', 'Scatter', 'ScatterGrouped', 'Bubble', 'BubbleGrouped', 'HorizontalBar', 'HorizontalBarGrouped',
  'HorizontalBarStacked', 'HorizontalBarStackedTo100', 'VerticalColumn', 'VerticalColumnGrouped',
  'VerticalColumnStacked', 'VerticalColumnStackedTo100', 'Line', 'LineGrouped', 'LineCumulative',
  'LineCumulativeGrouped', 'Pie', 'Donut', 'Funnel', 'VerticalColumnLine', 'VerticalColumnGroupedLine',
  'VerticalColumnStackedLine', 'Plugin',
]); // prettier-ignore

const CHECK = 'reports';

/** Where a value first appears in a file, for the finding's line. */
function at(file: string, text: string, needle: string, message: string): Finding {
  const offset = text.indexOf(needle);
  return { file, line: offset >= 0 ? lineOf(text, offset) : undefined, check: CHECK, message };
}

/** A report-type field path with lookups named as fields (`Partner_Account__c.Name`) as SOQL names them. */
function soqlPath(catalog: SObjectCatalog, objectName: string, field: string): string {
  const steps = field.split('.');
  let current = objectName;
  const out: string[] = [];
  for (const step of steps.slice(0, -1)) {
    const object = catalog.getObject(current);
    const relationship = object?.parents.has(step.toLowerCase())
      ? step
      : step.endsWith('__c')
        ? step.replace(/__c$/, '__r')
        : step.replace(/Id$/, '');
    out.push(relationship);
    current = object?.parents.get(relationship.toLowerCase())?.[0] ?? current;
  }
  return [...out, steps[steps.length - 1]].join('.');
}

/** The type of the field a report-type field path ends on (`Decimal`, `Currency`, `String`…), if known. */
function fieldType(catalog: SObjectCatalog, objectName: string, field: string): string | undefined {
  const steps = soqlPath(catalog, objectName, field).split('.');
  let object = catalog.getObject(objectName);
  for (const step of steps.slice(0, -1)) {
    const target = object?.parents.get(step.toLowerCase())?.[0];
    object = target ? catalog.getObject(target) : undefined;
  }
  return object?.fields.get(steps[steps.length - 1].toLowerCase())?.type;
}

/** Field types a report can sum and average. */
const NUMERIC = /^(Currency|Number|Percent|Decimal|Double|Integer|Long|Summary)$/i;

/** Column name (`Table$field`) → its field type, for one report type. */
type ColumnTypes = (column: string) => string | undefined;

/** Table path → object name, or an error for a join the catalogue does not know. */
function tableObjects(catalog: SObjectCatalog, type: ReportTypeMeta): { tables: Map<string, string>; error?: string } {
  const tables = new Map<string, string>();
  const base = catalog.getObject(type.baseObject);
  if (!base) {
    return { tables, error: `report type ${type.name}: unknown base object ${type.baseObject}` };
  }
  tables.set(type.baseObject, base.name);
  let current = base;
  const paths = reportTypeTables(type);
  for (const [index, join] of type.joins.entries()) {
    const child = current.children.get(join.relationship.toLowerCase());
    const next = child ? catalog.getObject(child) : undefined;
    if (!next) {
      return {
        tables,
        error: `report type ${type.name}: ${current.name} has no child relationship ${join.relationship}`,
      };
    }
    tables.set(paths[index + 1], next.name);
    current = next;
  }
  return { tables };
}

function checkReportType(catalog: SObjectCatalog, type: ReportTypeMeta): Finding[] {
  const findings: Finding[] = [];
  const { file, text } = type;
  if (!CATEGORIES.has(type.category)) {
    findings.push(at(file, text, '<category>', `report type ${type.name}: unknown category "${type.category}"`));
  }
  const { tables, error } = tableObjects(catalog, type);
  if (error) {
    findings.push(at(file, text, type.joins.length ? '<join>' : '<baseObject>', error));
    return findings;
  }
  for (const column of type.columns) {
    const objectName = tables.get(column.table);
    const needle = `<field>${column.field}</field>`;
    if (!objectName) {
      findings.push(
        at(file, text, `<table>${column.table}</table>`, `report type ${type.name}: column table ${column.table} is neither the base object nor a join`),
      ); // prettier-ignore
      continue;
    }
    const problem = catalog.resolvePath(objectName, soqlPath(catalog, objectName, column.field));
    if (problem) {
      findings.push(at(file, text, needle, `report type ${type.name}: ${column.table}.${column.field}: ${problem}`));
    }
  }
  return findings;
}

/** A report or dashboard whose folder the package does not define. */
function missingFolder(
  kind: 'report' | 'dashboard',
  item: ReportMeta | DashboardMeta,
  folders: Set<string>,
): Finding[] {
  return folders.has(item.folder)
    ? []
    : [
        at(
          item.file,
          item.text,
          '<',
          `${kind} ${item.fullName}: folder ${item.folder} has no ${item.folder}.${kind}Folder-meta.xml`,
        ),
      ];
}

/** Every column name a report may use: its report type's columns, its formulas and the record count. */
function availableColumns(report: ReportMeta, type: ReportTypeMeta): Set<string> {
  return new Set([...reportTypeColumnNames(type), ...report.formulas.map((f) => f.developerName), 'RowCount']);
}

function checkReport(
  report: ReportMeta,
  types: Map<string, ReportTypeMeta>,
  folders: Set<string>,
  columnTypes: Map<string, ColumnTypes>,
): Finding[] {
  const findings = missingFolder('report', report, folders);
  const { file, text } = report;
  const say = (needle: string, message: string) =>
    findings.push(at(file, text, needle, `report ${report.fullName}: ${message}`));
  if (!FORMATS.has(report.format)) {
    say('<format>', `format ${report.format} is not Tabular, Summary or Matrix`);
  }
  const typeName = customReportTypeName(report.reportType);
  const type = typeName ? types.get(typeName) : undefined;
  if (!type) {
    say('<reportType>', `report type ${report.reportType} is not a custom report type of the package`);
    return findings;
  }
  const columns = availableColumns(report, type);
  const need = (column: string, where: string) => {
    if (!columns.has(column)) {
      say(column, `${where} ${column} is not a column of report type ${type.name}`);
    }
  };
  const typeOf = columnTypes.get(type.name);
  report.columns.forEach((c) => {
    need(c.field, 'column');
    c.aggregateTypes
      .filter((a) => !AGGREGATES.has(a))
      .forEach((a) => say(`>${a}<`, `unknown summary ${a} on ${c.field}`));
    const fieldType = typeOf?.(c.field);
    const arithmetic = c.aggregateTypes.filter((a) => ['Sum', 'Average', 'Median'].includes(a));
    if (fieldType && !NUMERIC.test(fieldType) && arithmetic.length > 0) {
      say(
        c.field,
        `${arithmetic.join(' and ')} of ${c.field}, a ${fieldType} field: only numbers can be summed or averaged`,
      );
    }
  });
  report.formulas.forEach((f) =>
    formulaColumns(f.calculatedFormula).forEach((c) => need(c, `formula ${f.developerName} uses`)),
  );
  report.filters.forEach((item, index) => {
    need(item.column, `filter ${index + 1} on`);
    if (!OPERATORS.has(item.operator)) {
      say(`<operator>${item.operator}<`, `filter ${index + 1}: unknown operator ${item.operator}`);
    }
    if (item.columnToColumn) {
      need(item.value, `filter ${index + 1} compares with`);
    }
  });
  if (report.booleanFilter) {
    const used = [...report.booleanFilter.matchAll(/\d+/g)].map((m) => Number(m[0]));
    const bad = used.filter((n) => n < 1 || n > report.filters.length);
    if (bad.length > 0) {
      say('<booleanFilter>', `filter logic names filter ${bad.join(', ')} of ${report.filters.length}`);
    }
  }
  const groupings = [...report.groupingsDown, ...report.groupingsAcross].map((g) => g.field);
  groupings.forEach((g) => need(g, 'grouping'));
  if (report.format === 'Tabular' && groupings.length > 0) {
    say('<format>', 'a tabular report cannot group');
  }
  if (report.format === 'Summary' && report.groupingsAcross.length > 0) {
    say('<groupingsAcross>', 'a summary report groups down only (use Matrix)');
  }
  const summaries = new Set(
    report.columns.flatMap((c) => c.aggregateTypes.map((a) => `${a}:${c.field}`)).concat('RowCount:RowCount'),
  );
  const chart = report.chart;
  if (chart) {
    if (!REPORT_CHART_TYPES.has(chart.chartType)) {
      say('<chartType>', `unknown chart type ${chart.chartType}`);
    }
    if (report.format === 'Tabular') {
      say('<chart>', 'a tabular report has no groups to chart');
    }
    for (const column of [chart.groupingColumn, chart.secondaryGroupingColumn]) {
      if (column && !groupings.includes(column)) {
        say(column, `chart groups by ${column}, which is not a grouping of the report`);
      }
    }
    if (REPORT_CHART_TWO.test(chart.chartType) && !chart.secondaryGroupingColumn) {
      say('<chartType>', `chart type ${chart.chartType} needs a second grouping`);
    }
    for (const summary of chart.summaries) {
      const key = `${summary.aggregate ?? 'RowCount'}:${summary.column}`;
      if (!summaries.has(key)) {
        say(summary.column, `chart shows ${key.replace(':', ' of ')}, which the report does not summarise`);
      }
    }
  }
  return findings;
}

function checkDashboard(dashboard: DashboardMeta, reports: Map<string, ReportMeta>, folders: Set<string>): Finding[] {
  const findings = missingFolder('dashboard', dashboard, folders);
  const { file, text } = dashboard;
  const say = (needle: string, message: string) =>
    findings.push(at(file, text, needle, `dashboard ${dashboard.fullName}: ${message}`));
  if (dashboard.dashboardType === 'SpecifiedUser' && !dashboard.runningUser) {
    say('<title>', 'a dashboard that runs as a specified user needs <runningUser> (or dashboardType LoggedInUser)');
  }
  for (const component of dashboard.components) {
    const label = `component "${component.header}"`;
    const report = component.report ? reports.get(component.report) : undefined;
    if (!report) {
      say(
        `<report>${component.report ?? ''}`,
        `${label}: report ${component.report ?? '(none)'} is not in the package`,
      );
      continue;
    }
    const type = component.componentType;
    const groupings = [...report.groupingsDown, ...report.groupingsAcross].map((g) => g.field);
    const grouped = report.format === 'Summary' || report.format === 'Matrix';
    const problem = !(ONE_GROUPING.has(type) || TWO_GROUPINGS.has(type) || VALUES.has(type) || TABLES.has(type))
      ? `unknown component type ${type}`
      : TABLES.has(type)
        ? !grouped && report.rowLimit === undefined
          ? `a ${type} on a tabular report needs the report to set a row limit`
          : undefined
        : !grouped
          ? `a ${type} needs a summary or matrix report; ${report.fullName} is ${report.format}`
          : TWO_GROUPINGS.has(type) && groupings.length < 2
            ? `a ${type} needs two groupings; ${report.fullName} has ${groupings.length}`
            : undefined;
    if (problem) {
      say(`<componentType>${type}<`, `${label}: ${problem}`);
    }
    component.groupingColumns
      .filter((g) => !groupings.includes(g))
      .forEach((g) => say(g, `${label}: ${g} is not a grouping of ${report.fullName}`));
    const summarised = new Set(report.columns.flatMap((c) => c.aggregateTypes.map((a) => `${a}:${c.field}`)));
    component.chartSummaries
      .filter((s) => s.column !== 'RowCount' && !summarised.has(`${s.aggregate ?? ''}:${s.column}`))
      .forEach((s) =>
        say(s.column, `${label}: ${report.fullName} does not summarise ${s.column} by ${s.aggregate ?? '?'}`),
      );
  }
  return findings;
}

export async function run(root: string): Promise<Finding[]> {
  const model = loadAnalytics(root);
  if (model.reportTypes.size + model.reports.size + model.dashboards.size === 0) {
    return [];
  }
  const catalog = SObjectCatalog.load(root);
  const reportFolders = new Set(model.reportFolders.keys());
  const dashboardFolders = new Set(model.dashboardFolders.keys());
  const columnTypes = new Map<string, ColumnTypes>(
    [...model.reportTypes.values()].map((type) => {
      const { tables } = tableObjects(catalog, type);
      const typeOf: ColumnTypes = (column) => {
        const [table, field] = column.split('$');
        const objectName = tables.get(table);
        return objectName && field ? fieldType(catalog, objectName, field) : undefined;
      };
      return [type.name, typeOf];
    }),
  );
  return [
    ...[...model.reportTypes.values()].flatMap((t) => checkReportType(catalog, t)),
    ...[...model.reports.values()].flatMap((r) => checkReport(r, model.reportTypes, reportFolders, columnTypes)),
    ...[...model.dashboards.values()].flatMap((d) => checkDashboard(d, model.reports, dashboardFolders)),
  ];
}
