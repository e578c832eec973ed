/**
 * Spilling (scripts/audit/spill.ts, findingLog.ts): the state of the duplicate and attribution
 * checks and the findings stay in memory up to a budget and go to temporary files past it.
 * Whatever the budget, the audit's result is the same, and no temporary file outlives a run,
 * whether it finished or failed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHECKS } from '../../scripts/audit/checks/catalog';
import { runAudit, type AuditResult } from '../../scripts/audit/engine';
import { packFinding, unpackFinding, FindingLog } from '../../scripts/audit/findingLog';
import { DEFAULT_POLICY } from '../../scripts/audit/policy';
import { PartitionedSpill, partitionOf } from '../../scripts/audit/spill';
import { SnapshotSource } from '../../scripts/audit/sources';
import type { Finding } from '../../scripts/audit/types';
import { loadSnapshotSchema } from '../../scripts/snapshot/schema';
import { seedToSnapshot } from '../../scripts/seed/seedSnapshot';

const schema = loadSnapshotSchema();

/** Sets one cell of a seeded CSV (the seed writes no quoted cells in these columns). */
function setCell(file: string, row: number, column: string, value: string): void {
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  const cells = lines[row].split(',');
  cells[lines[0].split(',').indexOf(column)] = value;
  lines[row] = cells.join(',');
  writeFileSync(file, `${lines.join('\n')}\n`);
}

/** Runs `body` with the temporary folder pointed at a fresh one; returns the audit's folders it left there. */
async function leftovers(body: () => Promise<unknown>): Promise<string[]> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'prm-spill-tmp-'));
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = scratch;
  try {
    await body().catch(() => undefined);
    return readdirSync(scratch).filter((entry) => entry.startsWith('prm-audit-'));
  } finally {
    process.env.TMPDIR = saved;
    if (saved === undefined) {
      delete process.env.TMPDIR;
    }
    rmSync(scratch, { recursive: true, force: true });
  }
}

describe('PartitionedSpill', () => {
  const awkward = ['', 'line\nfeed', 'Zürich “quoted”', '\u0001separated\u0001', '😀 emoji', 'x'.repeat(70000)];

  it('gives back each partition in the order added, from memory and from disk alike', () => {
    for (const budget of [Number.MAX_SAFE_INTEGER, 0, 50]) {
      const spill = new PartitionedSpill(4, budget);
      const expected: string[][] = [[], [], [], []];
      for (let i = 0; i < 200; i++) {
        const value = `${awkward[i % awkward.length]}#${i}`;
        spill.addTo(i % 3, value);
        expected[i % 3].push(value);
      }
      expect(spill.spilled).toBe(budget !== Number.MAX_SAFE_INTEGER);
      expect([...spill.drain()]).toEqual(expected);
    }
  });

  it('gives the strings one at a time in the order added, across partitions, memory and disk', async () => {
    const spill = new PartitionedSpill(3, 40);
    const added: string[] = [];
    for (let i = 0; i < 60; i++) {
      const value = `${awkward[i % awkward.length].slice(0, 20)}#${i}`;
      spill.addTo(i % 3, value);
      added.push(value);
    }
    const byPartition = [0, 1, 2].flatMap((p) => added.filter((_, i) => i % 3 === p));
    expect([...spill.drainEach()]).toEqual(byPartition);
    const stopped = await leftovers(async () => {
      const early = new PartitionedSpill(2, 0);
      early.add('a', 'one');
      early.add('b', 'two');
      for (const item of early.drainEach()) {
        expect(typeof item).toBe('string');
        break;
      }
    });
    expect(stopped).toEqual([]);
  });

  it('reads a spill file back a piece at a time, strings across pieces and longer than one included', () => {
    // Several megabytes on disk, read back in 1 MB pieces: strings cut by a piece's end, a
    // 1.5-million-character string of four-byte characters (6 MB) and many short ones.
    const spill = new PartitionedSpill(1, 100000);
    const added: string[] = [];
    for (let i = 0; i < 30000; i++) {
      const value = i === 12345 ? '😀'.repeat(1500000) : `${awkward[i % awkward.length].slice(0, 300)}#${i}`;
      spill.addTo(0, value);
      added.push(value);
    }
    expect(spill.spilled).toBe(true);
    let read = 0;
    for (const value of spill.drainEach()) {
      expect(value === added[read]).toBe(true); // compared as strings: a 6 MB diff would drown the report
      read++;
    }
    expect(read).toBe(added.length);
  });

  it('puts every string of a key in the same partition', () => {
    const spill = new PartitionedSpill(8, 10);
    for (const key of ['acme', 'globex', 'initech', 'acme', 'globex', 'acme']) {
      spill.add(key, key);
    }
    const partitions = [...spill.drain()];
    expect(partitions[partitionOf('acme', 8)].filter((s) => s === 'acme')).toHaveLength(3);
    expect(partitions.flat().sort()).toEqual(['acme', 'acme', 'acme', 'globex', 'globex', 'initech']);
    expect(partitions.filter((p) => p.length > 0).length).toBeLessThanOrEqual(3);
  });

  it('removes its files when drained, when the reader stops early, and on dispose', async () => {
    const drained = await leftovers(async () => {
      const spill = new PartitionedSpill(4, 0);
      spill.add('a', 'one');
      spill.add('b', 'two');
      expect(spill.spilled).toBe(true);
      expect([...spill.drain()].flat().sort()).toEqual(['one', 'two']);
      expect(() => spill.add('c', 'three')).toThrow(/drained/);
    });
    expect(drained).toEqual([]);
    const stopped = await leftovers(async () => {
      const spill = new PartitionedSpill(4, 0);
      spill.add('a', 'one');
      for (const partition of spill.drain()) {
        expect(Array.isArray(partition)).toBe(true);
        break;
      }
    });
    expect(stopped).toEqual([]);
    const disposed = await leftovers(async () => {
      const spill = new PartitionedSpill(4, 0);
      spill.add('a', 'one');
      spill.dispose();
      spill.dispose();
    });
    expect(disposed).toEqual([]);
  });
  it('removes its files when the process exits in the middle of a pass', async () => {
    const left = await leftovers(async () => {
      const code = `require('tsx/cjs/api').register();
        const { PartitionedSpill } = require(${JSON.stringify(path.resolve('scripts/audit/spill.ts'))});
        const spill = new PartitionedSpill(4, 0);
        spill.add('a', 'one');
        process.exit(spill.spilled ? 0 : 3);`;
      const run = spawnSync(process.execPath, ['-e', code], { env: process.env, encoding: 'utf8' });
      expect(run.status).toBe(0);
    });
    expect(left).toEqual([]);
  });
});

describe('FindingLog', () => {
  const finding: Finding = {
    check: 'duplicate-account',
    severity: 'warning',
    object: 'Account',
    recordId: '001000000000001AAA',
    externalId: null,
    message: '"Acme\nCorp" duplicates "ACME Corp" (PSP-1)',
    fix: 'Merge it into PSP-1 (001000000000002AAA), the older account.',
  };

  it('packs a finding and gives it back whole; the check’s own fix is not stored with each finding', () => {
    expect(unpackFinding(packFinding(finding))).toEqual(finding);
    const ownFix = { ...finding, fix: CHECKS['duplicate-account'].fix };
    expect(unpackFinding(packFinding(ownFix))).toEqual(ownFix);
    expect(packFinding(ownFix)).not.toContain(ownFix.fix);
  });

  it('keeps findings in the order reported across the disk', () => {
    const log = new FindingLog({ spillBudget: 10 });
    const many = Array.from({ length: 50 }, (_, i) => ({
      ...finding,
      recordId: `001000000000${String(i).padStart(3, '0')}AAA`,
    }));
    many.forEach((f) => log.add(f));
    expect([...log.drain()].map(unpackFinding)).toEqual(many);
  });
});

describe('an audit that spills', () => {
  let root: string;
  let dir: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'prm-spill-'));
    dir = seedToSnapshot(
      {
        seed: 11,
        asOf: '2025-06-30T12:00:00.000Z',
        partners: 30,
        customers: 400,
        problemRate: 0.1,
        policy: DEFAULT_POLICY,
      },
      path.join(root, 'snapshot'),
    ).dir;
    // A registration converted to an opportunity that is not there: opportunities stream after
    // registrations, so this reference waits (and spills) until the end.
    setCell(path.join(dir, 'Deal_Registration__c.csv'), 1, 'Converted_Opportunity__c', '0060Sd00000ZZZZ');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  async function audit(folder: string, spillBudget: number | undefined, parallel = false): Promise<AuditResult> {
    const source = new SnapshotSource(folder, schema);
    const result = await runAudit(source, { now: source.takenAt, policy: DEFAULT_POLICY, spillBudget, parallel });
    return { ...result, summary: { ...result.summary, durationMs: 0 } };
  }

  it('gives the same result as one that keeps everything in memory, on one thread and on two', async () => {
    const inMemory = await audit(dir, undefined);
    const checks = new Set(inMemory.findings.map((f) => f.check));
    // The spilled checks have findings here, so their order and messages are really compared.
    for (const check of [
      'duplicate-account',
      'possible-duplicate-account',
      'attribution-weights',
      'commission-mismatch',
      'orphan-reference',
    ] as const) {
      expect(checks).toContain(check);
    }
    let spilled: AuditResult | undefined;
    const left = await leftovers(async () => {
      spilled = await audit(dir, 200);
    });
    expect(spilled).toEqual(inMemory);
    expect(left).toEqual([]);
    expect(await audit(dir, 0, true)).toEqual(inMemory);
  });

  it('leaves no temporary file behind when the data is bad half way, on one thread and on two', async () => {
    const broken = path.join(root, 'broken');
    cpSync(dir, broken, { recursive: true });
    setCell(path.join(broken, 'Partner_Commission__c.csv'), 1, 'Amount__c', 'lots');
    for (const parallel of [false, true]) {
      let failure: unknown;
      const left = await leftovers(async () => {
        await audit(broken, 0, parallel).catch((error: unknown) => {
          failure = error;
        });
      });
      expect(String(failure)).toMatch(/"lots" is not a number/);
      expect(left).toEqual([]);
    }
    expect(existsSync(broken)).toBe(true);
  });
});
