/**
 * `prm report compare BASELINE CURRENT`: before/after KPIs for leadership. Either file is a
 * baseline (`prm assess --baseline FILE`) or an audit's JSON (`prm audit --json`); KPIs are
 * paired by id, and each change is judged by whether that KPI is better lower or higher.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { formatMetric } from '../audit/report/format';
import type { Metric } from '../audit/types';
import { SnapshotInputError } from '../snapshot/format';

/** KPIs where a higher value is better; unlisted percent, day and hour KPIs are better lower. */
const HIGHER_IS_BETTER = new Set([
  'lead-acceptance-rate-percent',
  'win-rate-partner-percent',
  'win-rate-direct-percent',
  'partner-revenue',
  'roi-by-program',
]);
/** KPIs that describe volume rather than quality: shown, not judged. */
const NOT_JUDGED_UNITS = new Set(['count', 'currency']);
const LOWER_IS_BETTER_COUNTS = new Set(['duplicate-partners', 'duplicate-customers']);

export type Verdict = 'better' | 'worse' | 'same' | 'not judged' | 'no data';

export interface Comparison {
  id: string;
  title: string;
  unit: Metric['unit'];
  before: number | null;
  after: number | null;
  change: number | null;
  verdict: Verdict;
}

export interface KpiFile {
  file: string;
  label: string;
  asOf: string | null;
  kpis: Metric[];
}

const metricSchema = z.object({
  id: z.string(),
  title: z.string(),
  value: z.number().nullable(),
  unit: z.enum(['days', 'hours', 'percent', 'currency', 'count', 'ratio']),
  detail: z.string(),
});
const baselineSchema = z.object({
  kind: z.literal('prm-baseline'),
  asOf: z.string(),
  source: z.string(),
  kpis: z.array(metricSchema),
});
const auditSchema = z.object({
  summary: z.object({ source: z.string(), now: z.string() }),
  metrics: z.array(metricSchema),
});

/**
 * Reads a baseline file or an audit's JSON output.
 * @param file path
 */
export function readKpiFile(file: string): KpiFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SnapshotInputError(file, `not JSON: ${(error as Error).message}`);
  }
  const baseline = baselineSchema.safeParse(raw);
  if (baseline.success) {
    return { file, label: baseline.data.source, asOf: baseline.data.asOf, kpis: baseline.data.kpis };
  }
  const audit = auditSchema.safeParse(raw);
  if (audit.success) {
    return {
      file,
      label: `audit of ${audit.data.summary.source}`,
      asOf: audit.data.summary.now,
      kpis: audit.data.metrics,
    };
  }
  throw new SnapshotInputError(file, 'is neither a baseline (prm assess --baseline) nor an audit (prm audit --json)');
}

function verdictOf(metric: Metric, before: number | null, after: number | null): Verdict {
  if (before === null || after === null) {
    return 'no data';
  }
  const judged =
    !NOT_JUDGED_UNITS.has(metric.unit) || LOWER_IS_BETTER_COUNTS.has(metric.id) || HIGHER_IS_BETTER.has(metric.id);
  if (!judged) {
    return 'not judged';
  }
  if (after === before) {
    return 'same';
  }
  return after > before === HIGHER_IS_BETTER.has(metric.id) ? 'better' : 'worse';
}

/**
 * Pairs the KPIs both files hold, in the baseline's order.
 * @param before the baseline
 * @param after the current figures
 */
export function compareKpis(before: KpiFile, after: KpiFile): Comparison[] {
  const current = new Map(after.kpis.map((m) => [m.id, m]));
  return before.kpis
    .filter((m) => current.has(m.id))
    .map((m) => {
      const later = current.get(m.id) as Metric;
      const change = m.value === null || later.value === null ? null : Math.round((later.value - m.value) * 10) / 10;
      return {
        id: m.id,
        title: m.title,
        unit: m.unit,
        before: m.value,
        after: later.value,
        change,
        verdict: verdictOf(m, m.value, later.value),
      };
    });
}

export function comparisonText(before: KpiFile, after: KpiFile, rows: Comparison[]): string {
  const lines = [
    `Before: ${before.label}${before.asOf ? ` (${before.asOf.substring(0, 10)})` : ''}`,
    `After:  ${after.label}${after.asOf ? ` (${after.asOf.substring(0, 10)})` : ''}`,
    '',
    `${'KPI'.padEnd(46)} ${'before'.padStart(12)} ${'after'.padStart(12)} ${'change'.padStart(12)}  verdict`,
  ];
  for (const row of rows) {
    const change = row.change === null ? '—' : `${row.change > 0 ? '+' : ''}${formatMetric(row, row.change)}`;
    lines.push(
      `${row.title.padEnd(46)} ${formatMetric(row, row.before).padStart(12)} ${formatMetric(row, row.after).padStart(12)} ${change.padStart(12)}  ${row.verdict}`,
    );
  }
  const counts = (v: Verdict): number => rows.filter((r) => r.verdict === v).length;
  lines.push(
    '',
    `${rows.length} KPIs in both: ${counts('better')} better, ${counts('worse')} worse, ${counts('same')} the same.`,
  );
  const missing = before.kpis.filter((m) => !rows.some((r) => r.id === m.id)).map((m) => m.id);
  if (missing.length > 0) {
    lines.push(`Not in ${after.file}: ${missing.join(', ')}`);
  }
  return lines.join('\n');
}
