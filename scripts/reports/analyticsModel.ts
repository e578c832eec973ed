/**
 * The package's analytics metadata as typed data: custom report types, reports, dashboards
 * and their folders, read from every package directory in source format. The `check:reports`
 * gate checks it and the preview evaluates it, so both see the same model.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { listFiles, packageDirectories } from '../lib/project';

export interface ReportTypeColumn {
  /** `Opportunity.Partner_Attributions__r` — the base object or a join path. */
  table: string;
  /** Field path on the table's object: `Amount`, `Partner_Account__c.Primary_Program__c`. */
  field: string;
}

export interface ReportTypeJoin {
  relationship: string;
  outerJoin: boolean;
}

export interface ReportTypeMeta {
  name: string;
  file: string;
  text: string;
  label: string;
  baseObject: string;
  category: string;
  deployed: boolean;
  /** Joins from the base object outwards, each one level below the previous. */
  joins: ReportTypeJoin[];
  columns: ReportTypeColumn[];
}

export interface ReportColumnMeta {
  field: string;
  aggregateTypes: string[];
}

export interface ReportFilterItemMeta {
  column: string;
  operator: string;
  value: string;
  columnToColumn: boolean;
}

export interface ReportGroupingMeta {
  field: string;
  dateGranularity?: string;
  sortOrder: string;
  /** Sort groups by this summary (`Sum`, `Average`, …) of `sortByName` instead of by name. */
  aggregateType?: string;
  sortByName?: string;
}

export interface ReportChartMeta {
  chartType: string;
  groupingColumn?: string;
  secondaryGroupingColumn?: string;
  summaries: { aggregate?: string; column: string }[];
}

export interface ReportFormulaMeta {
  developerName: string;
  label: string;
  calculatedFormula: string;
  dataType: string;
  scale: number;
}

export interface ReportMeta extends InFolder {
  name: string;
  description: string;
  format: string;
  reportType: string;
  scope: string;
  columns: ReportColumnMeta[];
  formulas: ReportFormulaMeta[];
  filters: ReportFilterItemMeta[];
  booleanFilter?: string;
  groupingsDown: ReportGroupingMeta[];
  groupingsAcross: ReportGroupingMeta[];
  chart?: ReportChartMeta;
  rowLimit?: number;
  showDetails: boolean;
}

export interface DashboardComponentMeta {
  componentType: string;
  header: string;
  report?: string;
  groupingColumns: string[];
  chartSummaries: { aggregate?: string; column: string }[];
  useReportChart: boolean;
}

export interface DashboardMeta extends InFolder {
  title: string;
  description: string;
  dashboardType: string;
  runningUser?: string;
  components: DashboardComponentMeta[];
}

export interface FolderMeta {
  name: string;
  file: string;
  label: string;
}

export interface AnalyticsModel {
  reportTypes: Map<string, ReportTypeMeta>;
  reports: Map<string, ReportMeta>;
  dashboards: Map<string, DashboardMeta>;
  reportFolders: Map<string, FolderMeta>;
  dashboardFolders: Map<string, FolderMeta>;
}

const REPEATED = new Set([
  'sections',
  'columns',
  'aggregateTypes',
  'criteriaItems',
  'groupingsDown',
  'groupingsAcross',
  'chartSummaries',
  'chartSummary',
  'groupingColumn',
  'customDetailFormulas',
  'dashboardGridComponents',
  'components',
]);

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  isArray: (name) => REPEATED.has(name),
});

type Node = Record<string, unknown>;

function rootOf(text: string): Node {
  const parsed = parser.parse(text) as Node;
  const name = Object.keys(parsed).find((key) => !key.startsWith('?'));
  return (name ? (parsed[name] as Node | string) : {}) as Node;
}

const str = (node: Node | undefined, key: string): string => {
  const value = node?.[key];
  return typeof value === 'string' ? value : '';
};
const opt = (node: Node | undefined, key: string): string | undefined => str(node, key) || undefined;
const bool = (node: Node | undefined, key: string): boolean => str(node, key) === 'true';
const list = (node: Node | undefined, key: string): Node[] => (node?.[key] as Node[] | undefined) ?? [];
const strings = (node: Node | undefined, key: string): string[] =>
  ((node?.[key] as unknown[] | undefined) ?? []).map(String);
/** A single-valued element that shares its name with a repeated one elsewhere (`groupingColumn`). */
const first = (node: Node | undefined, key: string): string | undefined => strings(node, key)[0] || undefined;

function readReportType(file: string): ReportTypeMeta {
  const text = readFileSync(file, 'utf8');
  const root = rootOf(text);
  const joins: ReportTypeJoin[] = [];
  for (let join = root.join as Node | undefined; join; join = join.join as Node | undefined) {
    joins.push({ relationship: str(join, 'relationship'), outerJoin: bool(join, 'outerJoin') });
  }
  return {
    name: path.basename(file, '.reportType-meta.xml'),
    file,
    text,
    label: str(root, 'label'),
    baseObject: str(root, 'baseObject'),
    category: str(root, 'category'),
    deployed: bool(root, 'deployed'),
    joins,
    columns: list(root, 'sections').flatMap((section) =>
      list(section, 'columns').map((c) => ({ table: str(c, 'table'), field: str(c, 'field') })),
    ),
  };
}

function grouping(node: Node): ReportGroupingMeta {
  return {
    field: str(node, 'field'),
    dateGranularity: opt(node, 'dateGranularity'),
    sortOrder: str(node, 'sortOrder'),
    aggregateType: opt(node, 'aggregateType'),
    sortByName: opt(node, 'sortByName'),
  };
}

const summaries = (nodes: Node[]): { aggregate?: string; column: string }[] =>
  nodes.map((s) => ({ aggregate: opt(s, 'aggregate'), column: str(s, 'column') }));

/** What every foldered item (report, dashboard) has: `<Folder>/<Name>`, its file and text. */
export interface InFolder {
  fullName: string;
  folder: string;
  developerName: string;
  file: string;
  text: string;
}

/** `reports/<Folder>/<Name>.report-meta.xml` → its folder, name and text. */
function inFolder(file: string, suffix: string): InFolder {
  const folder = path.basename(path.dirname(file));
  const developerName = path.basename(file, suffix);
  return { fullName: `${folder}/${developerName}`, folder, developerName, file, text: readFileSync(file, 'utf8') };
}

function readReport(file: string): ReportMeta {
  const item = inFolder(file, '.report-meta.xml');
  const root = rootOf(item.text);
  const filter = root.filter as Node | undefined;
  const chart = root.chart as Node | undefined;
  const rowLimit = opt(root, 'rowLimit');
  return {
    ...item,
    name: str(root, 'name'),
    description: str(root, 'description'),
    format: str(root, 'format'),
    reportType: str(root, 'reportType'),
    scope: str(root, 'scope') || 'organization',
    columns: list(root, 'columns').map((c) => ({
      field: str(c, 'field'),
      aggregateTypes: strings(c, 'aggregateTypes'),
    })),
    formulas: list(root, 'customDetailFormulas').map((f) => ({
      developerName: str(f, 'developerName'),
      label: str(f, 'label'),
      calculatedFormula: str(f, 'calculatedFormula'),
      dataType: str(f, 'dataType'),
      scale: Number(str(f, 'scale') || '0'),
    })),
    filters: list(filter, 'criteriaItems').map((item) => ({
      column: str(item, 'column'),
      operator: str(item, 'operator'),
      value: str(item, 'value'),
      columnToColumn: bool(item, 'columnToColumn'),
    })),
    booleanFilter: opt(filter, 'booleanFilter'),
    groupingsDown: list(root, 'groupingsDown').map(grouping),
    groupingsAcross: list(root, 'groupingsAcross').map(grouping),
    chart: chart
      ? {
          chartType: str(chart, 'chartType'),
          groupingColumn: first(chart, 'groupingColumn'),
          secondaryGroupingColumn: opt(chart, 'secondaryGroupingColumn'),
          summaries: summaries(list(chart, 'chartSummaries')),
        }
      : undefined,
    rowLimit: rowLimit === undefined ? undefined : Number(rowLimit),
    showDetails: bool(root, 'showDetails'),
  };
}

function readDashboard(file: string): DashboardMeta {
  const item = inFolder(file, '.dashboard-meta.xml');
  const root = rootOf(item.text);
  const grid = list(root.dashboardGridLayout as Node | undefined, 'dashboardGridComponents').map(
    (g) => g.dashboardComponent as Node,
  );
  const sections = ['leftSection', 'middleSection', 'rightSection'].flatMap((s) =>
    list(root[s] as Node | undefined, 'components'),
  );
  return {
    ...item,
    title: str(root, 'title'),
    description: str(root, 'description'),
    dashboardType: str(root, 'dashboardType') || 'SpecifiedUser',
    runningUser: opt(root, 'runningUser'),
    components: [...grid, ...sections].map((c) => ({
      componentType: str(c, 'componentType'),
      header: str(c, 'header') || str(c, 'title'),
      report: opt(c, 'report'),
      groupingColumns: strings(c, 'groupingColumn'),
      chartSummaries: summaries(list(c, 'chartSummary')),
      useReportChart: bool(c, 'useReportChart'),
    })),
  };
}

function readFolder(file: string, suffix: string): FolderMeta {
  return { name: path.basename(file, suffix), file, label: str(rootOf(readFileSync(file, 'utf8')), 'name') };
}

/** Reads every report type, report, dashboard and folder of the project's package directories. */
export function loadAnalytics(root: string): AnalyticsModel {
  const files = packageDirectories(root)
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => listFiles(dir, (f) => f.endsWith('-meta.xml')));
  const byName = <T extends { name?: string; fullName?: string }>(items: T[], key: (t: T) => string) =>
    new Map(items.map((item) => [key(item), item]));
  const ending = (suffix: string) => files.filter((f) => f.endsWith(suffix));
  return {
    reportTypes: byName(ending('.reportType-meta.xml').map(readReportType), (t) => t.name),
    reports: byName(ending('.report-meta.xml').map(readReport), (r) => r.fullName),
    dashboards: byName(ending('.dashboard-meta.xml').map(readDashboard), (d) => d.fullName),
    reportFolders: byName(
      ending('.reportFolder-meta.xml').map((f) => readFolder(f, '.reportFolder-meta.xml')),
      (f) => f.name,
    ),
    dashboardFolders: byName(
      ending('.dashboardFolder-meta.xml').map((f) => readFolder(f, '.dashboardFolder-meta.xml')),
      (f) => f.name,
    ),
  };
}

/** The custom report type a report names (`PRM_X__c` → `PRM_X`), or undefined for a standard one. */
export function customReportTypeName(reportType: string): string | undefined {
  return reportType.endsWith('__c') ? reportType.slice(0, -3) : undefined;
}

/** Report column names (`Table$field`) a report type offers. */
export function reportTypeColumnNames(type: ReportTypeMeta): Set<string> {
  return new Set(type.columns.map((c) => `${c.table}$${c.field}`));
}

/** Table paths of a report type: the base object, then each join (`Account.Program_Memberships__r`). */
export function reportTypeTables(type: ReportTypeMeta): string[] {
  const tables = [type.baseObject];
  for (const join of type.joins) {
    tables.push(`${tables[tables.length - 1]}.${join.relationship}`);
  }
  return tables;
}

/** Column names a report's row-level formula refers to (`Table$field` tokens). */
export function formulaColumns(formula: string): string[] {
  return [...formula.matchAll(/[A-Za-z0-9_.]+\$[A-Za-z0-9_.]+/g)].map((m) => m[0]);
}
