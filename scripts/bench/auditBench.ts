/**
 * `npm run bench:audit`: generates a data set of about N records (across every object) into a
 * temporary snapshot, then times a plain single-process csv-parse of the same files and the
 * full audit, each in its own process so peak memory is measured per phase. The audit is held
 * to the ground truth (precision and recall 1.0). It prints, at full size and at a tenth of
 * it, the audit ÷ parse ratio of wall-clock and of CPU time, peak RSS and memory per record.
 *
 * Parse and audit alternate `--runs` times and the fastest run of each counts: on a shared
 * machine the fastest run is the one least disturbed by other work. CPU time (user + system)
 * is reported beside wall-clock time because it hardly depends on that load.
 *
 * Options: --records N (default 1000000), --runs N (default 2), --keep (keep the temporary
 * folder), --snapshot DIR (measure an existing seeded snapshot instead of generating one).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import path from 'node:path';
import { parse } from 'csv-parse';
import { runAudit } from '../audit/engine';
import { runsInParallel } from '../audit/parallel';
import { DEFAULT_POLICY } from '../audit/policy';
import { SnapshotSource } from '../audit/sources';
import { loadSnapshotSchema } from '../snapshot/schema';
import { seedToSnapshot } from '../seed/seedSnapshot';
import { GROUND_TRUTH_FILE, scoreFindings, type GroundTruth } from '../seed/plants';

/** Threads the audit runs on: as `prm audit` decides (by size), or forced. */
type Threads = 'auto' | '1' | '2';

interface PhaseResult {
  ms: number;
  /** User plus system CPU time of the process (all its threads), ms. */
  cpuMs: number;
  records: number;
  /** The kernel's maximum resident set size of the process, bytes. */
  maxRss: number;
  /** RSS when the phase started (runtime and modules loaded), bytes. */
  startRss: number;
  /** Audit phase only: findings against the ground truth. */
  score?: { findings: number; precision: number; recall: number };
}

interface SizeResult {
  generate?: PhaseResult;
  parse: PhaseResult;
  audit: PhaseResult;
  bytes: number;
  files: number;
  /** Threads the audit ran on. */
  threads: number;
}

/** Partners for a target record count; every partner brings about 72 records with its customers. */
const RECORDS_PER_PARTNER = 72;
const CUSTOMERS_PER_PARTNER = 8.33;

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

/**
 * The audit phase: writes each finding's check and external Id to `findingsFile` for the
 * parent to score, so the ground truth (100 MB of JSON at ten million records) is never read
 * by the process whose memory is measured.
 */
async function audit(dir: string, threads: Threads, findingsFile: string): Promise<Pick<PhaseResult, 'records'>> {
  const source = new SnapshotSource(dir, loadSnapshotSchema());
  const parallel = threads === 'auto' ? undefined : threads === '2';
  const result = await runAudit(source, { now: source.takenAt, policy: DEFAULT_POLICY, parallel });
  writeFileSync(findingsFile, result.findings.map((f) => `${f.check}\t${f.externalId ?? ''}\n`).join(''));
  return { records: result.summary.records };
}

/** The audit's findings (as the audit phase wrote them) against the snapshot's ground truth. */
function score(dir: string, findingsFile: string): NonNullable<PhaseResult['score']> {
  const groundTruth = JSON.parse(readFileSync(path.join(dir, GROUND_TRUTH_FILE), 'utf8')) as GroundTruth;
  const findings = readFileSync(findingsFile, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [check, externalId] = line.split('\t');
      return { check, externalId: externalId === '' ? null : externalId };
    });
  const { precision, recall } = scoreFindings(groundTruth, findings);
  return { findings: findings.length, precision, recall };
}

function generate(dir: string, records: number): number {
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
  return Object.values(result.counts).reduce((a, b) => a + b, 0);
}

/** Runs one phase in this process and prints its result as JSON (child mode). */
async function phase(
  name: string,
  dir: string,
  records: number,
  threads: Threads,
  findingsFile: string,
): Promise<void> {
  const startRss = process.memoryUsage().rss;
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  let outcome: Pick<PhaseResult, 'records' | 'score'>;
  if (name === 'generate') {
    outcome = { records: generate(dir, records) };
  } else if (name === 'parse') {
    outcome = { records: await plainParse(dir) };
  } else {
    outcome = await audit(dir, threads, findingsFile);
  }
  const used = process.cpuUsage(cpu);
  const result: PhaseResult = {
    ms: Number(process.hrtime.bigint() - started) / 1e6,
    cpuMs: (used.user + used.system) / 1000,
    maxRss: process.resourceUsage().maxRSS * 1024,
    startRss,
    ...outcome,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function runPhase(name: string, dir: string, records: number, threads: Threads = 'auto'): PhaseResult {
  const scratch = mkdtempSync(path.join(tmpdir(), 'prm-bench-findings-'));
  const findingsFile = path.join(scratch, 'findings.tsv');
  try {
    const run = spawnSync(
      process.execPath,
      [
        require.resolve('tsx/cli'),
        __filename,
        ...['--phase', name, '--dir', dir, '--records', String(records), '--threads', threads],
        ...['--findings', findingsFile],
      ],
      { encoding: 'utf8', maxBuffer: 16 << 20 },
    );
    if (run.status !== 0) {
      throw new Error(`phase ${name} failed:\n${run.stderr}`);
    }
    const result = JSON.parse(run.stdout.trim().split('\n').pop() as string) as PhaseResult;
    return name === 'audit' ? { ...result, score: score(dir, findingsFile) } : result;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Alternates parse and audit `runs` times; keeps the fastest of each, and the highest peak memory. */
function measure(dir: string, records: number, runs: number, threads: Threads): Pick<SizeResult, 'parse' | 'audit'> {
  let best: Pick<SizeResult, 'parse' | 'audit'> | undefined;
  for (let run = 0; run < runs; run++) {
    const parsed = runPhase('parse', dir, records);
    const audited = runPhase('audit', dir, records, threads);
    const fastest = (a: PhaseResult | undefined, b: PhaseResult): PhaseResult =>
      a === undefined ? b : { ...(b.ms < a.ms ? b : a), maxRss: Math.max(a.maxRss, b.maxRss) };
    best = { parse: fastest(best?.parse, parsed), audit: fastest(best?.audit, audited) };
  }
  return best as Pick<SizeResult, 'parse' | 'audit'>;
}

function csvFiles(dir: string, threads: Threads): Pick<SizeResult, 'bytes' | 'files' | 'threads'> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.csv'));
  const bytes = files.reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
  const used = runsInParallel(bytes, threads === 'auto' ? undefined : threads === '2') ? 2 : 1;
  return { files: files.length, bytes, threads: used };
}

function bench(records: number, runs: number, threads: Threads, keep: boolean, snapshot?: string): SizeResult {
  if (snapshot !== undefined) {
    return { ...measure(snapshot, records, runs, threads), ...csvFiles(snapshot, threads) };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'prm-bench-'));
  try {
    const generated = runPhase('generate', dir, records);
    const result = { generate: generated, ...measure(dir, records, runs, threads), ...csvFiles(dir, threads) };
    if (keep) {
      process.stdout.write(`kept ${dir}\n`);
    }
    return result;
  } finally {
    if (!keep) {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

const mb = (bytes: number): string => `${Math.round(bytes / 1048576)} MB`;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const rate = (p: PhaseResult): string => `${Math.round(p.records / (p.ms / 1000)).toLocaleString('en-US')}/s`;
const count = (n: number): string => n.toLocaleString('en-US');

function report(size: SizeResult): void {
  const phases: [string, PhaseResult][] = [
    ...(size.generate ? [['generate', size.generate] as [string, PhaseResult]] : []),
    ['csv-parse only', size.parse],
    ['prm audit', size.audit],
  ];
  const table = [
    ['phase', 'records', 'time', 'CPU time', 'records/s', 'peak RSS', 'above start'],
    ...phases.map(([name, p]) => [
      name,
      count(p.records),
      seconds(p.ms),
      seconds(p.cpuMs),
      rate(p),
      mb(p.maxRss),
      mb(p.maxRss - p.startRss),
    ]),
  ];
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  process.stdout.write(
    `Audit benchmark: ${count(size.audit.records)} records, ${mb(size.bytes)} of CSV in ${size.files} files, audit threads: ${size.threads}\n`,
  );
  for (const row of table) {
    process.stdout.write(
      `  ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')}\n`,
    );
  }
  const score = size.audit.score;
  const perRecord = (size.audit.maxRss - size.audit.startRss) / size.audit.records;
  process.stdout.write(
    `  audit ÷ csv-parse: ${(size.audit.ms / size.parse.ms).toFixed(2)} wall-clock, ${(size.audit.cpuMs / size.parse.cpuMs).toFixed(2)} CPU; ` +
      `peak RSS ${mb(size.audit.maxRss)} (${Math.round(perRecord)} bytes a record above start); ` +
      `${count(score?.findings ?? 0)} findings, precision ${score?.precision.toFixed(3)}, recall ${score?.recall.toFixed(3)}\n`,
  );
}

const USAGE = `Usage: npm run bench:audit -- [--records N] [--runs N] [--threads auto|1|2] [--keep] [--snapshot DIR]

  --records N      records to generate across every object (default 1000000)
  --runs N         alternating parse/audit runs; the fastest of each counts (default 2)
  --threads T      threads the audit runs on: auto (as prm audit: two from 64 MB of CSV), 1 or 2 (default auto)
  --keep           keep the temporary snapshot folder
  --snapshot DIR   measure an existing seeded snapshot instead of generating one
`;

/** Reads the options strictly: a typo must not start a many-minute run with defaults. */
function readOptions(): ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'] | undefined {
  try {
    const { values } = parseArgs({ options: OPTIONS, allowPositionals: false });
    if (values.help) {
      process.stdout.write(USAGE);
      return undefined;
    }
    return values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return undefined;
  }
}

const OPTIONS = {
  records: { type: 'string' },
  runs: { type: 'string' },
  threads: { type: 'string' },
  keep: { type: 'boolean' },
  snapshot: { type: 'string' },
  phase: { type: 'string' },
  dir: { type: 'string' },
  findings: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function main(): void {
  const values = readOptions();
  if (!values) {
    return;
  }
  const records = Number(values.records ?? 1000000);
  const threads = (values.threads ?? 'auto') as Threads;
  if (!['auto', '1', '2'].includes(threads)) {
    process.stderr.write(`--threads must be auto, 1 or 2, not ${threads}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const phaseName = values.phase;
  if (phaseName !== undefined) {
    void phase(phaseName, values.dir as string, records, threads, values.findings as string);
    return;
  }
  const runs = Math.max(1, Number(values.runs ?? 2));
  // Each size is reported as soon as it is measured: at ten million records a size takes many minutes.
  const full = bench(records, runs, threads, values.keep === true, values.snapshot);
  report(full);
  const small = bench(Math.round(full.audit.records / 10), runs, threads, false);
  report(small);
  const growth =
    (full.audit.maxRss - full.audit.startRss - (small.audit.maxRss - small.audit.startRss)) /
    (full.audit.records - small.audit.records);
  process.stdout.write(
    `Audit memory above start grew ${Math.round(growth)} bytes for each record added between ${count(small.audit.records)} and ${count(full.audit.records)} records\n`,
  );
  const failed = [full, small].some((s) => s.audit.score?.precision !== 1 || s.audit.score.recall !== 1);
  if (failed) {
    process.stdout.write('The audit missed planted problems or reported others: precision and recall must be 1.0\n');
    process.exitCode = 1;
  }
}

main();
