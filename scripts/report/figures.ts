/**
 * A report's figures are `prm audit`'s metrics (scripts/audit/metrics.ts) computed over a
 * scoped source: the same collector, fed the same way the audit engine feeds it.
 */
import { metricsCollector } from '../audit/metrics';
import { localToday } from '../audit/rules';
import { DEFAULT_POLICY, type ProgramPolicy } from '../audit/policy';
import type { RecordSource } from '../audit/sources';
import type { AuditContext, Metric } from '../audit/types';
import type { SnapshotRecord } from '../snapshot/format';

/** Something else that wants to see the same records in the same pass. */
export interface RecordListener {
  onRecord(objectName: string, record: SnapshotRecord): void;
}

export interface Figures {
  /** The audit's "now" for these figures (`prm audit --as-of`). */
  asOf: string;
  metrics: Metric[];
}

/**
 * Streams a source once through the audit's metric collector and any extra listeners.
 * @param source records to measure
 * @param asOf the audit's "now"
 * @param listeners other readers of the same pass
 * @param policy program policy (default: the packaged Default records)
 */
export async function auditMetrics(
  source: RecordSource,
  asOf: string,
  listeners: RecordListener[] = [],
  policy: ProgramPolicy = DEFAULT_POLICY,
): Promise<Figures> {
  const context: AuditContext = {
    now: asOf,
    today: localToday({ now: asOf, timeZone: 'UTC' }),
    timeZone: 'UTC',
    policy,
  };
  const collector = metricsCollector(context);
  for (const object of source.objects) {
    const measured = collector.objects.includes(object.name);
    for await (const record of source.records(object)) {
      if (measured) {
        collector.onRecord(object.name, record);
      }
      for (const listener of listeners) {
        listener.onRecord(object.name, record);
      }
    }
  }
  return { asOf, metrics: collector.finish() };
}

/** One metric by id; a missing id is a programming error, not a data problem. */
export function metric(figures: Figures, id: string): Metric {
  const found = figures.metrics.find((m) => m.id === id);
  if (!found) {
    throw new Error(`The audit has no metric ${id}.`);
  }
  return found;
}

/** The breakdown value of a metric row, 0 when the row is absent. */
export function breakdownValue(figures: Figures, id: string, label: string): number {
  return metric(figures, id).breakdown?.find((b) => b.label === label)?.value ?? 0;
}
