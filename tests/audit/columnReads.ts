/**
 * Observes which columns the audit's checks and metrics read, by running them over a snapshot
 * with every record wrapped in a Proxy that notes each field read. The declared lists in
 * scripts/audit/checks/columns.ts are compared with what this sees.
 */
import { auditors } from '../../scripts/audit/checks';
import { metricsCollector } from '../../scripts/audit/metrics';
import { DEFAULT_POLICY } from '../../scripts/audit/policy';
import { SnapshotSource } from '../../scripts/audit/sources';
import type { CheckId } from '../../scripts/audit/checkIds';
import type { AuditContext } from '../../scripts/audit/types';
import type { SnapshotRecord } from '../../scripts/snapshot/format';
import { loadSnapshotSchema, type SnapshotObject } from '../../scripts/snapshot/schema';

/** Columns that only label findings (every record has an Id; External_Id__c names it in messages). */
export const LABEL_COLUMNS: ReadonlySet<string> = new Set(['Id', 'External_Id__c']);

export interface ObservedReads {
  /** One entry per auditor: its checks and the `Object.Field` columns it read. */
  auditors: { checks: readonly CheckId[]; columns: Set<string> }[];
  metrics: Set<string>;
}

/** Notes reads of the object's real columns (generic code may also read fields an object lacks). */
function watched(record: SnapshotRecord, object: SnapshotObject, into: Set<string>): SnapshotRecord {
  const objectName = object.name;
  return new Proxy(record, {
    get(target, property) {
      if (typeof property === 'string' && !LABEL_COLUMNS.has(property) && object.fieldMap.has(property.toLowerCase())) {
        into.add(`${objectName}.${property}`);
      }
      return target[property as string];
    },
  });
}

/**
 * Runs every auditor and the metrics over a snapshot folder, noting the columns they read.
 * @param dir snapshot folder
 * @param now the audit's "now"
 */
export async function observeColumnReads(dir: string, now: string): Promise<ObservedReads> {
  const source = new SnapshotSource(dir, loadSnapshotSchema());
  const context: AuditContext = { now, today: now.slice(0, 10), timeZone: 'UTC', policy: DEFAULT_POLICY };
  const running = auditors(source.objects).map((factory) => ({
    auditor: factory(context),
    columns: new Set<string>(),
  }));
  const metrics = metricsCollector(context);
  const metricColumns = new Set<string>();
  for (const object of source.objects) {
    for await (const record of source.records(object)) {
      for (const { auditor, columns } of running) {
        if (auditor.objects.includes(object.name)) {
          auditor.onRecord(object.name, watched(record, object, columns), () => undefined);
        }
      }
      if (metrics.objects.includes(object.name)) {
        metrics.onRecord(object.name, watched(record, object, metricColumns));
      }
    }
  }
  return {
    auditors: running.map(({ auditor, columns }) => ({ checks: auditor.checks, columns })),
    metrics: metricColumns,
  };
}
