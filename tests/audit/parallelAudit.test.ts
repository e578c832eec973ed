/**
 * A large snapshot is audited on two threads (scripts/audit/parallel.ts). Forced on a small
 * seeded snapshot here: the worker thread's findings are exactly the single-thread run's
 * findings of its checks, the whole result is identical, and a problem with the data is
 * reported the same way: the first in load order, whether the main thread met it or only the
 * worker (which alone validates the columns of its objects that the main thread does not read).
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { auditContext, planAudit, runAudit, type AuditResult } from '../../scripts/audit/engine';
import { PARALLEL_CHECKS, startParallelPart } from '../../scripts/audit/parallel';
import { unpackFinding } from '../../scripts/audit/findingLog';
import { DEFAULT_POLICY } from '../../scripts/audit/policy';
import { SnapshotSource } from '../../scripts/audit/sources';
import { SnapshotInputError } from '../../scripts/snapshot/format';
import { loadSnapshotSchema } from '../../scripts/snapshot/schema';
import { seedToSnapshot } from '../../scripts/seed/seedSnapshot';

const schema = loadSnapshotSchema();

describe('parallel audit', () => {
  let root: string;
  let dir: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'prm-parallel-'));
    dir = seedToSnapshot(
      {
        seed: 11,
        asOf: '2025-06-30T12:00:00.000Z',
        partners: 30,
        customers: 400,
        problemRate: 0.08,
        policy: DEFAULT_POLICY,
      },
      path.join(root, 'snapshot'),
    ).dir;
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  async function audit(folder: string, parallel: boolean): Promise<AuditResult> {
    const source = new SnapshotSource(folder, schema);
    const result = await runAudit(source, { now: source.takenAt, policy: DEFAULT_POLICY, parallel });
    return { ...result, summary: { ...result.summary, durationMs: 0 } };
  }

  it('gives the same result on two threads as on one', async () => {
    const single = await audit(dir, false);
    const parallel = await audit(dir, true);
    expect(parallel).toEqual(single);
    const fromWorker = single.findings.filter((f) => PARALLEL_CHECKS.has(f.check));
    expect(new Set(fromWorker.map((f) => f.check))).toEqual(PARALLEL_CHECKS);
  });

  it('the worker thread reports exactly the single-thread findings of its checks', async () => {
    const source = new SnapshotSource(dir, schema);
    const options = { now: source.takenAt, policy: DEFAULT_POLICY, parallel: true };
    const part = startParallelPart(source, planAudit(source, auditContext(options)), options);
    expect(part?.auditors.flatMap((a) => a.checks).sort()).toEqual([...PARALLEL_CHECKS].sort());
    const single = await audit(dir, false);
    const expected = single.findings.filter((f) => PARALLEL_CHECKS.has(f.check));
    const fromWorker = [...((await part?.packedFindings) ?? [])].map(unpackFinding);
    expect(fromWorker?.length).toBe(expected.length);
    expect(new Set(fromWorker?.map((f) => JSON.stringify(f)))).toEqual(new Set(expected.map((f) => JSON.stringify(f))));
  });

  it('reports a problem in a file both threads read as a single-thread run does', async () => {
    const broken = path.join(root, 'broken');
    cpSync(dir, broken, { recursive: true });
    const accounts = path.join(broken, 'Account.csv');
    const lines = readFileSync(accounts, 'utf8').trimEnd().split('\n');
    const header = lines[0].split(',');
    const cells = lines[1].split(',');
    cells[header.indexOf('Is_Partner__c')] = 'maybe';
    writeFileSync(accounts, [lines[0], cells.join(','), ...lines.slice(2)].join('\n') + '\n');
    const single = audit(broken, false);
    await expect(single).rejects.toThrow(/line 2.*"maybe" is not a checkbox value/s);
    const message = await single.then(
      () => '',
      (error: Error) => error.message,
    );
    await expect(audit(broken, true)).rejects.toThrow(message);
  });

  interface CellEdit {
    object: string;
    /** 1-based line of the CSV file (line 1 is the header). */
    line: number;
    field: string;
    value: string;
  }

  /** A copy of the seeded snapshot with some cells replaced. */
  function brokenCopy(name: string, edits: CellEdit[]): string {
    const folder = path.join(root, name);
    cpSync(dir, folder, { recursive: true });
    for (const edit of edits) {
      const file = path.join(folder, `${edit.object}.csv`);
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      const column = lines[0].split(',').indexOf(edit.field);
      const cells = lines[edit.line - 1].split(',');
      expect(column).toBeGreaterThanOrEqual(0);
      expect(cells.length).toBe(lines[0].split(',').length); // the seeded line has no quoted commas
      cells[column] = edit.value;
      lines[edit.line - 1] = cells.join(',');
      writeFileSync(file, `${lines.join('\n')}\n`);
    }
    return folder;
  }

  /** The problem a single-thread audit reports, which the two-thread audit must report too. */
  async function sameProblemOnBothThreads(folder: string, expected: RegExp): Promise<void> {
    const single = await audit(folder, false).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(single).toBeInstanceOf(SnapshotInputError);
    expect((single as Error).message).toMatch(expected);
    const parallel = await audit(folder, true).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(parallel).toBeInstanceOf(SnapshotInputError); // the same exit code and error name in the CLI
    expect((parallel as Error).message).toBe((single as Error).message);
  }

  it('reports a bad cell in a column only the worker decodes', async () => {
    const folder = brokenCopy('worker-only', [
      { object: 'Account', line: 3, field: 'NumberOfEmployees', value: 'lots' },
    ]);
    await sameProblemOnBothThreads(folder, /Account\.csv, line 3, column NumberOfEmployees: "lots" is not a number/);
  });

  it("reports the worker's problem when it comes first in load order, though the main thread met its own first", async () => {
    const folder = brokenCopy('worker-first', [
      { object: 'Account', line: 4, field: 'NumberOfEmployees', value: 'lots' },
      { object: 'Opportunity', line: 2, field: 'Amount', value: 'much' },
    ]);
    await sameProblemOnBothThreads(folder, /Account\.csv, line 4/);
  });

  it("reports the main thread's problem when it comes first in load order", async () => {
    const folder = brokenCopy('main-first', [
      { object: 'Contact', line: 3, field: 'AccountId', value: 'not-an-id' },
      { object: 'Lead', line: 2, field: 'Partner_Lead_Score__c', value: 'high' },
    ]);
    await sameProblemOnBothThreads(folder, /Contact\.csv, line 3/);
  });

  it('reports the earlier of two problems in one file when only the worker decodes the earlier one', async () => {
    const folder = brokenCopy('same-file', [
      { object: 'Lead', line: 5, field: 'Partner_Lead_Score__c', value: 'high' },
      { object: 'Lead', line: 9, field: 'Accept_By__c', value: 'soon' },
    ]);
    await sameProblemOnBothThreads(folder, /Lead\.csv, line 5, column Partner_Lead_Score__c/);
  });

  it('says which file and line when a record Id repeats, on two threads too', async () => {
    const repeated = path.join(root, 'repeated');
    cpSync(dir, repeated, { recursive: true });
    const leads = path.join(repeated, 'Lead.csv');
    const lines = readFileSync(leads, 'utf8').trimEnd().split('\n');
    appendFileSync(leads, `${lines[1]}\n`);
    const manifest = JSON.parse(readFileSync(path.join(repeated, 'snapshot.json'), 'utf8')) as {
      objects: { name: string; records: number }[];
    };
    manifest.objects.forEach((o) => (o.records += o.name === 'Lead' ? 1 : 0));
    writeFileSync(path.join(repeated, 'snapshot.json'), JSON.stringify(manifest));
    await expect(audit(repeated, true)).rejects.toThrow(/Lead\.csv.*line \d+.*appears twice: first on line 2/s);
  });
});
