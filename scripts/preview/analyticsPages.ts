/**
 * The preview's report and dashboard pages: every dashboard and report of the package,
 * evaluated on the demo data by the same evaluator the agreement test checks against
 * `prm audit`. A report or dashboard added to the package gets its page without an entry here.
 */
import { loadAnalytics } from '../reports/analyticsModel';
import { ReportEvaluator } from '../reports/evaluate';
import { childRelationships } from '../reports/relationships';
import type { DemoDataset } from './browser/types';
import type { PageSpec } from './pages';

/** `Partner_Program/Lead_Sharing` → `dashboard-lead-sharing`. */
export function analyticsPageId(kind: 'report' | 'dashboard', fullName: string): string {
  const name = fullName.split('/').pop() ?? fullName;
  return `${kind}-${name.replace(/_/g, '-').toLowerCase()}`;
}

/** An evaluator over the demo data, as the demo partner's running user. */
export function demoEvaluator(root: string, dataset: DemoDataset): ReportEvaluator {
  return new ReportEvaluator(loadAnalytics(root), childRelationships(root), {
    records: dataset.records,
    asOf: dataset.asOf,
    runningUserId: dataset.userId,
  });
}

export function analyticsPageSpecs(root: string, dataset: DemoDataset): PageSpec[] {
  const model = loadAnalytics(root);
  const evaluator = demoEvaluator(root, dataset);
  const dashboards = [...model.dashboards.keys()].sort().map((fullName): PageSpec => {
    const dashboard = evaluator.dashboard(fullName);
    return {
      id: analyticsPageId('dashboard', fullName),
      title: `${dashboard.title} dashboard`,
      audience: 'analytics',
      description: dashboard.description,
      slots: [],
      analytics: { kind: 'dashboard', dashboard },
    };
  });
  const reports = [...model.reports.keys()].sort().map((fullName): PageSpec => {
    const report = evaluator.report(fullName);
    return {
      id: analyticsPageId('report', fullName),
      title: report.name,
      audience: 'analytics',
      description: report.description,
      slots: [],
      analytics: { kind: 'report', report },
    };
  });
  return [...dashboards, ...reports];
}
