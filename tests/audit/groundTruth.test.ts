/**
 * The audit against the seed's ground truth: on generated snapshots it reports every planted
 * problem and nothing else (precision and recall 1.0), at several seeds, scales, time zones
 * and policies; on clean data it reports nothing.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { MAX_PER_BLOCK } from '../../scripts/audit/checks/possibleDuplicates';
import { companyTokensOf } from '../../scripts/audit/rules';
import { runAudit, type AuditResult } from '../../scripts/audit/engine';
import { DEFAULT_POLICY, type ProgramPolicy } from '../../scripts/audit/policy';
import { SnapshotSource } from '../../scripts/audit/sources';
import { loadSnapshotSchema } from '../../scripts/snapshot/schema';
import { seedToSnapshot } from '../../scripts/seed/seedSnapshot';
import type { SeedOptions } from '../../scripts/seed/generator';
import type { GroundTruth } from '../../scripts/seed/plants';

const schema = loadSnapshotSchema();

interface Score {
  precision: number;
  recall: number;
  missed: string[];
  extra: string[];
}

function score(truth: GroundTruth, result: AuditResult): Score {
  const planted = new Set(truth.problems.map((p) => `${p.check} ${p.object} ${p.externalId}`));
  const found = new Set(result.findings.map((f) => `${f.check} ${f.object} ${f.externalId ?? f.recordId ?? ''}`));
  const hits = [...found].filter((key) => planted.has(key)).length;
  return {
    precision: found.size === 0 ? 1 : hits / found.size,
    recall: planted.size === 0 ? 1 : hits / planted.size,
    missed: [...planted].filter((key) => !found.has(key)),
    extra: [...found].filter((key) => !planted.has(key)),
  };
}

describe('audit vs ground truth', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'prm-audit-truth-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  async function seedAndAudit(
    options: Partial<SeedOptions>,
    audit: { timeZone?: string; policy?: ProgramPolicy } = {},
  ) {
    const seedOptions: SeedOptions = {
      seed: 1,
      asOf: '2025-06-30T12:00:00.000Z',
      partners: 30,
      customers: 250,
      problemRate: 0.05,
      policy: DEFAULT_POLICY,
      ...options,
    };
    const seeded = seedToSnapshot(
      seedOptions,
      path.join(root, `${seedOptions.seed}-${seedOptions.problemRate}-${Math.random().toString(36).slice(2)}`),
    );
    const source = new SnapshotSource(seeded.dir, schema);
    const result = await runAudit(source, {
      now: source.takenAt,
      timeZone: audit.timeZone,
      policy: audit.policy ?? seedOptions.policy,
    });
    return { seeded, result, score: score(seeded.groundTruth, result) };
  }

  it.each([1, 2, 3, 17, 2024])('finds every planted problem and nothing else (seed %i)', async (seed) => {
    const { seeded, result, score: s } = await seedAndAudit({ seed });
    expect({ missed: s.missed, extra: s.extra }).toEqual({ missed: [], extra: [] });
    expect(s.precision).toBe(1);
    expect(s.recall).toBe(1);
    expect(result.findings.length).toBe(seeded.groundTruth.problems.length);
    expect(seeded.groundTruth.problems.length).toBeGreaterThan(50);
  });

  it('holds at a larger scale, another as-of date, and with today taken in Pacific/Auckland (same calendar day)', async () => {
    const { seeded, score: s } = await seedAndAudit(
      { seed: 5, partners: 120, customers: 900, asOf: '2026-01-01T03:30:00.000Z', problemRate: 0.08 },
      { timeZone: 'Pacific/Auckland' },
    );
    expect({ missed: s.missed, extra: s.extra }).toEqual({ missed: [], extra: [] });
    expect(seeded.groundTruth.problems.length).toBeGreaterThan(300);
  });

  it('holds when a blocking key holds more accounts than the audit compares a new one with', async () => {
    const { seeded, score: s } = await seedAndAudit({ seed: 3, partners: 40, customers: 7000 });
    const names = readFileSync(path.join(seeded.dir, 'Account.csv'), 'utf8');
    const accounts = parse(names, { columns: true }) as { Name: string; Is_Partner__c: string }[];
    const perBlock = new Map<string, number>();
    for (const account of accounts) {
      const block = `${account.Is_Partner__c}${companyTokensOf(account.Name)[0]}`;
      perBlock.set(block, (perBlock.get(block) ?? 0) + 1);
    }
    // The case under test: later accounts of a crowded block are compared with its first ones only.
    expect(Math.max(...perBlock.values())).toBeGreaterThan(MAX_PER_BLOCK);
    expect(seeded.groundTruth.counts['possible-duplicate-account']).toBeGreaterThan(200);
    expect({ missed: s.missed, extra: s.extra }).toEqual({ missed: [], extra: [] });
  });

  it.each([4, 9, 23])('reports nothing on clean data (seed %i)', async (seed) => {
    const { seeded, result } = await seedAndAudit({ seed, problemRate: 0 });
    expect(seeded.groundTruth.problems).toEqual([]);
    expect(result.findings).toEqual([]);
    expect(result.summary.records).toBeGreaterThan(1500);
  });

  it('judges SLA deadlines in the policy’s business hours, and flags them under another policy', async () => {
    const businessHours: ProgramPolicy = {
      ...DEFAULT_POLICY,
      leadRouting: {
        acceptWithinHours: 16,
        calendar: {
          timeZone: 'America/New_York',
          week: Object.fromEntries(
            ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '09:00', end: '17:00' }]]),
          ),
          holidays: ['2025-07-04'],
        },
      },
    };
    const { seeded, score: s } = await seedAndAudit({ seed: 8, policy: businessHours });
    expect({ missed: s.missed, extra: s.extra }).toEqual({ missed: [], extra: [] });

    const source = new SnapshotSource(seeded.dir, schema);
    const underDefaults = await runAudit(source, { now: source.takenAt, policy: DEFAULT_POLICY });
    const mismatches = underDefaults.findings.filter((f) => f.check === 'lead-accept-by-mismatch');
    expect(mismatches.length).toBeGreaterThan(seeded.groundTruth.counts['lead-accept-by-mismatch']);
  });
});
