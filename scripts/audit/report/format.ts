/** Number formatting shared by the terminal and HTML reports. */
import type { Metric } from '../types';
import type { MissingColumn } from '../columnCoverage';

export function formatNumber(value: number, decimals = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A metric value with its unit, or "n/a" when the data set cannot tell. */
export function formatMetric(metric: Pick<Metric, 'unit'>, value: number | null): string {
  if (value === null) {
    return 'n/a';
  }
  switch (metric.unit) {
    case 'percent':
      return `${formatNumber(value, 1)} %`;
    case 'days':
      return `${formatNumber(value, 1)} days`;
    case 'hours':
      return `${formatNumber(value, 1)} h`;
    case 'currency':
      return formatNumber(value, 0);
    case 'ratio':
      return `${formatNumber(value, 2)}×`;
    case 'count':
      return formatNumber(value, 0);
    case 'score':
      return formatNumber(value, 1);
  }
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${formatNumber(ms / 1000, 1)} s`;
}

/**
 * What a missing column disables, in words: "skips duplicate-account; metrics count it as empty".
 * @param missing a missing column
 */
export function describeMissingColumn(missing: MissingColumn): string {
  const parts: string[] = [];
  if (missing.skips.length > 0) {
    parts.push(`skips ${missing.skips.join(', ')}`);
  }
  if (missing.narrows.length > 0) {
    parts.push(`${missing.narrows.join(', ')} cannot check it`);
  }
  if (missing.metrics) {
    parts.push('metrics that use it count it as empty');
  }
  return parts.join('; ');
}
