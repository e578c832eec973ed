/** The terminal summary of an audit: metrics, findings per check and a few examples of each. */
import pc from 'picocolors';
import type { Severity } from '../checkIds';
import type { AuditResult } from '../engine';
import { describeMissingColumn, formatDuration, formatMetric, formatNumber } from './format';

export interface TextOptions {
  /** Colour output (only on a terminal). */
  color: boolean;
  /** Examples printed per check. */
  examples?: number;
}

/**
 * Renders the summary as lines of text.
 * @param result the audit result
 * @param options colour and detail
 */
export function renderText(result: AuditResult, options: TextOptions): string {
  const c = pc.createColors(options.color);
  const severityColor: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.cyan };
  const { summary, metrics, findings } = result;
  const lines: string[] = [];
  lines.push(c.bold(`Partner program audit — ${summary.source}`));
  lines.push(
    `${formatNumber(summary.records)} records in ${summary.objects.length} objects · as of ${summary.now} (today ${summary.today}, ${summary.timeZone})${summary.takenAt ? ` · taken ${summary.takenAt}` : ''} · ${formatDuration(summary.durationMs)}`,
  );
  lines.push('');
  lines.push(c.bold('Program metrics'));
  const width = Math.max(...metrics.map((m) => m.title.length));
  for (const metric of metrics) {
    const breakdown =
      metric.breakdown && metric.unit !== 'count'
        ? `  ${c.dim(metric.breakdown.map((b) => `${b.label} ${formatMetric(metric, b.value)}`).join(', '))}`
        : '';
    lines.push(`  ${metric.title.padEnd(width)}  ${c.bold(formatMetric(metric, metric.value))}${breakdown}`);
  }
  lines.push('');
  const { error, warning, info } = summary.bySeverity;
  lines.push(
    c.bold(`Findings: ${formatNumber(summary.findings)}`) +
      ` (${severityColor.error(`${error} errors`)}, ${severityColor.warning(`${warning} warnings`)}, ${severityColor.info(`${info} info`)})`,
  );
  const idWidth = Math.max(...summary.checks.map((s) => s.check.length));
  for (const check of summary.checks) {
    const count = check.skipped
      ? c.dim('skipped')
      : check.findings === 0
        ? c.green('0')
        : severityColor[check.severity](String(check.findings));
    lines.push(
      `  ${check.severity.padEnd(7)} ${check.check.padEnd(idWidth)} ${count.padStart(check.skipped ? 7 : 5)}  ${c.dim(check.skipped ? `${check.title}: ${check.skipped}` : check.title)}`,
    );
  }
  if (summary.missingColumns.length > 0) {
    lines.push('');
    lines.push(c.bold(c.yellow('Columns missing from the data')));
    for (const missing of summary.missingColumns) {
      lines.push(`  ${missing.column}: ${describeMissingColumn(missing)}`);
    }
  }
  const examples = options.examples ?? 2;
  if (examples > 0 && findings.length > 0) {
    lines.push('');
    lines.push(c.bold('Examples'));
    const shown = new Map<string, number>();
    for (const finding of findings) {
      const n = shown.get(finding.check) ?? 0;
      if (n >= examples) {
        continue;
      }
      shown.set(finding.check, n + 1);
      lines.push(
        `  ${severityColor[finding.severity](finding.check)} ${finding.object} ${finding.externalId ?? finding.recordId ?? ''}: ${finding.message}`,
      );
      lines.push(`    ${c.dim(`fix: ${finding.fix}`)}`);
    }
  }
  return lines.join('\n');
}
