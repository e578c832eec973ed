/**
 * The declared columns of each check (scripts/audit/checks/columns.ts) are exactly the columns
 * the check reads, observed on a seeded snapshot: a check that starts reading a new field must
 * declare it, or a snapshot without that column would be audited as if every value were empty.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHECK_COLUMNS, METRIC_COLUMNS, type ColumnsRead } from '../../scripts/audit/checks/columns';
import { DEFAULT_POLICY } from '../../scripts/audit/policy';
import { seedToSnapshot } from '../../scripts/seed/seedSnapshot';
import { loadSnapshotSchema } from '../../scripts/snapshot/schema';
import { observeColumnReads, type ObservedReads } from './columnReads';

const AS_OF = '2025-06-30T00:00:00.000Z';

function flatten(read: ColumnsRead): string[] {
  return Object.entries(read).flatMap(([object, fields]) => fields.map((field) => `${object}.${field}`));
}

let dir: string;
let observed: ObservedReads;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'prm-columns-'));
  seedToSnapshot(
    { seed: 3, asOf: AS_OF, partners: 40, customers: 300, problemRate: 0.1, policy: DEFAULT_POLICY },
    path.join(dir, 'snap'),
  );
  observed = await observeColumnReads(path.join(dir, 'snap'), AS_OF);
}, 60000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('columns each check reads', () => {
  it('every auditor reads exactly the columns its checks declare', () => {
    for (const { checks, columns } of observed.auditors) {
      const declared = new Set(checks.flatMap((check) => flatten(CHECK_COLUMNS[check])));
      expect({ checks, columns: [...columns].sort() }).toEqual({ checks, columns: [...declared].sort() });
    }
  });

  it('the metrics read exactly the columns declared for them', () => {
    expect([...observed.metrics].sort()).toEqual(flatten(METRIC_COLUMNS).sort());
  });

  it('every declared column is a field of the snapshot schema', () => {
    const schema = loadSnapshotSchema();
    const declared = [...Object.values(CHECK_COLUMNS), METRIC_COLUMNS].flatMap(flatten);
    const unknown = declared.filter((column) => {
      const [object, field] = column.split('.');
      return !schema.get(object)?.fieldMap.has(field.toLowerCase());
    });
    expect(unknown).toEqual([]);
  });
});
