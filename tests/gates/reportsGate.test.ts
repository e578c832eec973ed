/**
 * check:reports reports each planted error of its fixture with file and line (report types
 * naming missing objects, relationships and fields; reports using columns, operators, filter
 * logic and chart summaries their report type or report lacks, or summing text; dashboards
 * naming missing reports or component types their report cannot feed; missing folders) and
 * nothing on the fixture's correct report type, reports and dashboard, nor on the package itself.
 */
import * as reports from '../../scripts/gates/reports';
import { PROJECT_ROOT } from '../../scripts/lib/project';
import { fixture, summarise } from './fixtures';

jest.setTimeout(120_000);

describe('check:reports', () => {
  it('reports every planted error of the fixture and nothing on its correct metadata', async () => {
    const root = fixture('reports');
    const findings = await reports.run(root);
    expect(findings.map((f) => f.message).sort()).toEqual([
      'dashboard Nowhere/Orphan_Dashboard: a dashboard that runs as a specified user needs <runningUser> (or dashboardType LoggedInUser)',
      'dashboard Nowhere/Orphan_Dashboard: folder Nowhere has no Nowhere.dashboardFolder-meta.xml',
      'dashboard Widgets/Broken_Widgets: component "Bar on a tabular report": a Bar needs a summary or matrix report; Widgets/Widget_List is Tabular',
      'dashboard Widgets/Broken_Widgets: component "Missing report": report Widgets/Missing_Report is not in the package',
      'dashboard Widgets/Broken_Widgets: component "Stacked on one grouping": a ColumnStacked needs two groupings; Widgets/Widget_Value_by_Account has 1',
      'dashboard Widgets/Broken_Widgets: component "Unknown type": unknown component type Sparkle',
      'report Lost/Orphan_Report: folder Lost has no Lost.reportFolder-meta.xml',
      'report Lost/Orphan_Report: report type Accounts_with_Doodads__c is not a custom report type of the package',
      'report Widgets/Broken_Widget_Report: Average of Account$Name, a String field: only numbers can be summed or averaged',
      'report Widgets/Broken_Widget_Report: chart groups by Account$Owner.Name, which is not a grouping of the report',
      'report Widgets/Broken_Widget_Report: chart shows Average of Account.Widgets__r$Price__c, which the report does not summarise',
      'report Widgets/Broken_Widget_Report: column Account.Widgets__r$Colour__c is not a column of report type Accounts_with_Widgets',
      'report Widgets/Broken_Widget_Report: filter 1: unknown operator resembles',
      'report Widgets/Broken_Widget_Report: filter logic names filter 3 of 1',
      'report type Accounts_with_Gadgets: Account has no child relationship Gadgets__r',
      'report type Broken_Widgets: Widget__c.Colour__c: Widget__c has no field Colour__c',
      'report type Broken_Widgets: Widget__c.Owner_Account__c.Nmae: Account has no field Nmae',
      'report type Broken_Widgets: column table Widget__c.Parts__r is neither the base object nor a join',
      'report type Broken_Widgets: unknown category "gadgets"',
    ]);
    const files = summarise(findings, root).map((s) => s.split(':')[0]);
    expect(
      files.some((f) => /Accounts_with_Widgets|Widget_Value_by_Account|Widget_List|Widgets\/Widgets\./.test(f)),
    ).toBe(false);
    expect(findings.every((f) => typeof f.line === 'number')).toBe(true);
  });

  it('finds nothing on the package: every report type, report and dashboard it ships is consistent', async () => {
    expect(await reports.run(PROJECT_ROOT)).toEqual([]);
  });
});
