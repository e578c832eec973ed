/**
 * `npm run bench:audit`: generates about a million records (across every object) into a
 * temporary snapshot, then times a plain csv-parse of the same files and the full audit,
 * each in its own process so peak memory is measured per phase. Prints the audit ÷ parse
 * time ratio and peak RSS, at full size and at a tenth of it, to show memory growth.
 *
 * Options: --records N (default 1000000), --keep (keep the temporary folder).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse';
import { runAudit } from '../audit/engine';
import { DEFAULT_POLICY } from '../audit/policy';
import { SnapshotSource } from '../audit/sources';
import { loadSnapshotSchema } from '../snapshot/schema';
import { seedToSnapshot } from '../seed/seedSnapshot';

interface PhaseResult {
  ms: number;
  records: number;
  /** Highest RSS sampled every 20 ms, bytes. */
  peakRss: number;
  /** The kernel's maximum resident set size of the process, bytes. */
  maxRss: number;
  /** RSS when the phase started (runtime and modules loaded), bytes. */
  startRss: number;
}

/** Partners for a target record count; every partner brings about 72 records with its customers. */
const RECORDS_PER_PARTNER = 72;
const CUSTOMERS_PER_PARTNER = 8.33;

function sampleRss(): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

async function plainParse(dir: string): Promise<number> {
  let records = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
    const parser = createReadStream(path.join(dir, file)).pipe(parse({ columns: true, bom: true }));
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      if (record) {
        records++;
      }
    }
  }
  return records;
}

async function audit(dir: string): Promise<number> {
  const source = new SnapshotSource(dir, loadSnapshotSchema());
  const result = await runAudit(source, { now: source.takenAt, policy: DEFAULT_POLICY });
  return result.summary.records;
}

/** Runs one phase in this process and prints its result as JSON (child mode). */
async function phase(name: string, dir: string, records: number): Promise<void> {
  const startRss = process.memoryUsage().rss;
  const rss = sampleRss();
  const started = process.hrtime.bigint();
  let count = 0;
  if (name === 'generate') {
    const partners = Math.max(1, Math.round(records / RECORDS_PER_PARTNER));
    const result = seedToSnapshot(
      {
        seed: 1,
        asOf: '2025-06-30T12:00:00.000Z',
        partners,
        customers: Math.round(partners * CUSTOMERS_PER_PARTNER),
        problemRate: 0.05,
        policy: DEFAULT_POLICY,
      },
      dir,
    );
    count = Object.values(result.counts).reduce((a, b) => a + b, 0);
  } else if (name === 'parse') {
    count = await plainParse(dir);
  } else {
    count = await audit(dir);
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const result: PhaseResult = {
    ms,
    records: count,
    peakRss: rss.stop(),
    maxRss: process.resourceUsage().maxRSS * 1024,
    startRss,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function runPhase(name: string, dir: string, records: number): PhaseResult {
  const run = spawnSync(
    process.execPath,
    [require.resolve('tsx/cli'), __filename, '--phase', name, '--dir', dir, '--records', String(records)],
    {
      encoding: 'utf8',
      maxBuffer: 16 << 20,
    },
  );
  if (run.status !== 0) {
    throw new Error(`phase ${name} failed:\n${run.stderr}`);
  }
  return JSON.parse(run.stdout.trim().split('\n').pop() as string) as PhaseResult;
}

const mb = (bytes: number): string => `${Math.round(bytes / 1048576)} MB`;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const rate = (p: PhaseResult): string => `${Math.round(p.records / (p.ms / 1000)).toLocaleString('en-US')}/s`;

function bench(
  records: number,
  keep: boolean,
): { parse: PhaseResult; audit: PhaseResult; generate: PhaseResult; bytes: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'prm-bench-'));
  try {
    const generate = runPhase('generate', dir, records);
    const bytes = readdirSync(dir).reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
    const parseResult = runPhase('parse', dir, records);
    const auditResult = runPhase('audit', dir, records);
    if (keep) {
      process.stdout.write(`kept ${dir}\n`);
    }
    return { generate, parse: parseResult, audit: auditResult, bytes };
  } finally {
    if (!keep) {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const records = Number(option('--records') ?? 1000000);
  const phaseName = option('--phase');
  if (phaseName !== undefined) {
    void phase(phaseName, option('--dir') as string, records);
    return;
  }
  const keep = args.includes('--keep');
  const full = bench(records, keep);
  const small = bench(Math.round(records / 10), false);
  const phases: [string, PhaseResult][] = [
    ['generate', full.generate],
    ['csv-parse only', full.parse],
    ['prm audit', full.audit],
  ];
  const table = [
    ['phase', 'records', 'time', 'records/s', 'peak RSS', 'above start'],
    ...phases.map(([name, p]) => [
      name,
      p.records.toLocaleString('en-US'),
      seconds(p.ms),
      rate(p),
      mb(p.maxRss),
      mb(p.maxRss - p.startRss),
    ]),
  ];
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  process.stdout.write(
    `Audit benchmark: ${full.audit.records.toLocaleString('en-US')} records, ${mb(full.bytes)} of CSV in 17 files\n`,
  );
  for (const row of table) {
    process.stdout.write(
      `  ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')}\n`,
    );
  }
  process.stdout.write(`Audit time ÷ plain CSV parse time: ${(full.audit.ms / full.parse.ms).toFixed(2)}\n`);
  process.stdout.write(
    `Peak RSS at ${small.audit.records.toLocaleString('en-US')} records: audit ${mb(small.audit.maxRss)} (${mb(small.audit.maxRss - small.audit.startRss)} above start), ` +
      `csv-parse ${mb(small.parse.maxRss)}; ${(full.audit.records / small.audit.records).toFixed(1)}× the records took audit memory above start ` +
      `from ${mb(small.audit.maxRss - small.audit.startRss)} to ${mb(full.audit.maxRss - full.audit.startRss)}\n`,
  );
}

main();
