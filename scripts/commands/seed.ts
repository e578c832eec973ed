/** `prm seed`: deterministic partner-program data with planted problems, to a snapshot or an org. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command, Option } from 'commander';
import { DEFAULT_POLICY, readPolicy } from '../audit/policy';
import {
  EXIT,
  EXIT_CODES_HELP,
  type Output,
  Progress,
  UsageError,
  parseInstant,
  parseInteger,
  parseRate,
  processOutput,
  runCommand,
  usageExitCode,
} from '../audit/cliSupport';
import { readManifest } from '../snapshot/format';
import { EXTERNAL_ID_FIELD, loadSnapshotSchema } from '../snapshot/schema';
import { PROJECT_ROOT } from '../lib/project';
import { SCALES, type SeedOptions } from '../seed/generator';
import { estimateRecords, seedToSnapshot, type SeededSnapshot } from '../seed/seedSnapshot';
import { loadSnapshot, planLoad, STATE_FILE, validateForLoad, type LoadPlan, type LoadResult } from '../seed/orgLoader';
import { prepareSnapshotFolder } from '../snapshot/outputFolder';
import type { GroundTruth } from '../seed/plants';
import { SalesforceClient } from '../salesforce/client';
import { defaultDeps, NAMESPACE_HELP, type CommandDeps } from './audit';
import { namespacedClient } from '../salesforce/namespacedClient';

export interface SeedCommandOptions {
  seed?: number;
  scale?: keyof typeof SCALES;
  partners?: number;
  customers?: number;
  asOf?: string;
  problemRate?: number;
  policy?: string;
  out?: string;
  targetOrg?: string;
  from?: string;
  stateDir?: string;
  batchSize?: number;
  namespace?: string;
  /** Replace the snapshot in a non-empty --out folder. */
  force?: boolean;
  /** Generate and validate, plan the load, write nothing. */
  dryRun?: boolean;
  json?: boolean;
}

export interface SeedCommandResult {
  snapshot?: { dir: string; records: Record<string, number>; groundTruth?: GroundTruth; groundTruthFile?: string };
  load?: LoadResult;
  /** With --dry-run and --target-org: what the load would send. */
  plan?: LoadPlan;
}

function generatorOptions(options: SeedCommandOptions): SeedOptions {
  const scale = SCALES[options.scale ?? 'small'];
  return {
    seed: options.seed ?? 1,
    asOf: options.asOf ?? new Date().toISOString(),
    partners: options.partners ?? scale.partners,
    customers: options.customers ?? scale.customers,
    problemRate: options.problemRate ?? 0.05,
    policy: options.policy === undefined ? DEFAULT_POLICY : readPolicy(options.policy),
  };
}

/** A generated snapshot of an unfinished load with the same generator options is resumed, not regenerated. */
function resumableSnapshot(dir: string, stateDir: string, wanted: SeedOptions, asOfGiven: boolean): boolean {
  const stateFile = path.join(stateDir, STATE_FILE);
  if (!existsSync(stateFile) || !existsSync(path.join(dir, 'snapshot.json'))) {
    return false;
  }
  const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { completed?: boolean };
  const generator = readManifest(dir).generator ?? {};
  return (
    state.completed === false &&
    generator.seed === wanted.seed &&
    generator.partners === wanted.partners &&
    generator.customers === wanted.customers &&
    generator.problemRate === wanted.problemRate &&
    (!asOfGiven || generator.asOf === wanted.asOf)
  );
}

function generate(options: SeedOptions, dir: string, progress: Progress): SeededSnapshot {
  progress.start(estimateRecords(options.partners, options.customers), 'Generating', 'records');
  try {
    return seedToSnapshot(options, dir, () => progress.increment());
  } finally {
    progress.stop();
  }
}

function describeSeed(seeded: SeedCommandResult['snapshot'], lines: string[]): void {
  if (!seeded) {
    return;
  }
  const total = Object.values(seeded.records).reduce((a, b) => a + b, 0);
  lines.push(`Snapshot ${seeded.dir}: ${total.toLocaleString('en-US')} records`);
  for (const [object, count] of Object.entries(seeded.records)) {
    lines.push(`  ${object.padEnd(26)} ${String(count).padStart(8)}`);
  }
  if (seeded.groundTruth) {
    const listed =
      seeded.groundTruthFile === undefined ? 'dry run: not written' : `listed in ${seeded.groundTruthFile}`;
    lines.push(`Planted problems: ${seeded.groundTruth.problems.length} (${listed})`);
    for (const [check, count] of Object.entries(seeded.groundTruth.counts)) {
      if (count > 0) {
        lines.push(`  ${check.padEnd(30)} ${String(count).padStart(6)}`);
      }
    }
  }
}

/** The state folder of an org load: resume state, failed rows and the generated snapshot. */
function stateDirOf(options: SeedCommandOptions, org: string): string {
  return path.resolve(options.stateDir ?? path.join(PROJECT_ROOT, 'out', 'seed-state', org.replace(/[^\w.@-]+/g, '_')));
}

/**
 * Loads generated (or --from) data into an org; with a scratch folder (--dry-run), validates and
 * plans the load without connecting.
 */
async function seedOrg(
  options: SeedCommandOptions,
  deps: CommandDeps,
  output: Output,
  progress: Progress,
  result: SeedCommandResult,
  lines: string[],
  scratch: string | undefined,
): Promise<void> {
  const org = options.targetOrg as string;
  const stateDir = stateDirOf(options, org);
  let dir = options.from === undefined ? path.join(scratch ?? stateDir, 'snapshot') : path.resolve(options.from);
  if (options.from === undefined) {
    const wanted = generatorOptions(options);
    if (scratch === undefined && resumableSnapshot(dir, stateDir, wanted, options.asOf !== undefined)) {
      lines.push(`Resuming the unfinished load of ${dir}`);
    } else {
      prepareSnapshotFolder(dir, loadSnapshotSchema(), { force: true, option: '--state-dir' });
      const seeded = generate(wanted, dir, progress);
      result.snapshot = {
        dir: scratch === undefined ? dir : '(dry run: not kept)',
        records: seeded.counts,
        groundTruth: seeded.groundTruth,
        groundTruthFile: scratch === undefined ? seeded.groundTruthFile : undefined,
      };
      dir = seeded.dir;
    }
  }
  const schema = loadSnapshotSchema();
  // Validate everything before connecting: bad input never reaches the org.
  const validated = await validateForLoad(dir, schema);
  if (scratch !== undefined) {
    result.plan = await planLoad(dir, validated.objects, options.batchSize);
    return;
  }
  const session = await deps.connect(org);
  const client = new SalesforceClient(session, {
    ...deps.clientOptions,
    onRetry: ({ attempt, delayMs, reason }) => output.stderr(`${reason}: retry ${attempt} in ${delayMs} ms`),
  });
  const namespaced = await namespacedClient(client, options.namespace);
  progress.start(validated.externalIds.size, `Loading into ${org}`, 'rows');
  try {
    result.load = await loadSnapshot(namespaced, dir, schema, {
      stateDir,
      target: `${session.instanceUrl}|${org}`,
      batchSize: options.batchSize,
      validated,
      sleep: deps.clientOptions?.sleep,
      onJob: (job) => progress.increment(job.pass === 'main' ? job.rows : 0),
    });
  } catch (error) {
    progress.stop();
    (error as Error).message +=
      `\nProgress is saved in ${path.join(stateDir, STATE_FILE)}: run the same command again to resume.`;
    throw error;
  }
  progress.stop();
}

/** The --dry-run report: what the load would send, pass by pass. */
function describePlan(plan: LoadPlan, org: string, lines: string[]): void {
  lines.push(
    `Dry run: nothing was written and ${org} was not contacted. The load would upsert ${plan.rows.toLocaleString('en-US')} rows on ${EXTERNAL_ID_FIELD} in ${plan.jobs} Bulk API 2.0 job(s) of up to ${plan.batchSize.toLocaleString('en-US')} rows:`,
  );
  for (const pass of plan.passes.filter((p) => p.rows > 0)) {
    lines.push(
      `  ${`${pass.object}${pass.pass === 'links' ? ' (links)' : ''}`.padEnd(34)} ${String(pass.rows).padStart(8)} rows ${String(pass.jobs).padStart(4)} job(s)`,
    );
  }
}

/**
 * Runs the seed command; returns the exit code and what was written.
 * @param options parsed options
 * @param deps org connector and output
 */
export async function runSeedCommand(
  options: SeedCommandOptions,
  deps: CommandDeps = defaultDeps,
): Promise<{ code: number; result: SeedCommandResult }> {
  const output = deps.output ?? processOutput(options.json === true);
  const result: SeedCommandResult = {};
  const code = await runCommand(output, async () => {
    if ((options.out === undefined) === (options.targetOrg === undefined)) {
      throw new UsageError('Give exactly one target: --out DIR (a snapshot) or --target-org ORG.');
    }
    if (options.from !== undefined && options.targetOrg === undefined) {
      throw new UsageError('--from needs --target-org (it loads an existing snapshot into an org).');
    }
    if (options.force === true && options.out === undefined) {
      throw new UsageError('--force replaces the contents of --out DIR; give --out too.');
    }
    const progress = Progress.for(output.json);
    const lines: string[] = [];
    // A dry run generates into a temporary folder that is removed afterwards: nothing is left behind.
    const scratch = options.dryRun === true ? mkdtempSync(path.join(tmpdir(), 'prm-seed-dry-run-')) : undefined;
    try {
      if (options.out !== undefined) {
        const out = path.resolve(options.out);
        prepareSnapshotFolder(out, loadSnapshotSchema(), {
          force: options.force === true,
          option: '--out',
          checkOnly: scratch !== undefined,
        });
        const seeded = generate(generatorOptions(options), scratch ?? out, progress);
        result.snapshot = {
          dir: out,
          records: seeded.counts,
          groundTruth: seeded.groundTruth,
          groundTruthFile: scratch === undefined ? seeded.groundTruthFile : undefined,
        };
      } else {
        await seedOrg(options, deps, output, progress, result, lines, scratch);
      }
    } finally {
      if (scratch !== undefined) {
        rmSync(scratch, { recursive: true, force: true });
      }
    }
    const status = result.load && result.load.failed > 0 ? EXIT.ORG : EXIT.OK;
    if (output.json) {
      output.stdout(
        JSON.stringify(
          {
            status,
            snapshot: result.snapshot && {
              dir: result.snapshot.dir,
              records: result.snapshot.records,
              groundTruthFile: result.snapshot.groundTruthFile,
              planted: result.snapshot.groundTruth?.counts,
            },
            load: result.load,
            ...(options.dryRun === true ? { dryRun: true, plan: result.plan } : {}),
          },
          null,
          2,
        ),
      );
      return status;
    }
    describeSeed(result.snapshot, lines);
    if (options.dryRun === true && options.out !== undefined) {
      lines.push(`Dry run: nothing was written to ${result.snapshot?.dir ?? options.out}.`);
    }
    if (result.plan) {
      describePlan(result.plan, options.targetOrg as string, lines);
    }
    if (result.load) {
      const load = result.load;
      lines.push(
        `Loaded into ${String(options.targetOrg)}${load.resumed ? ' (resumed)' : ''}: ${load.created} created, ${load.updated} updated, ${load.failed} failed`,
      );
      for (const pass of load.passes.filter((p) => p.records > 0)) {
        lines.push(
          `  ${`${pass.object}${pass.pass === 'links' ? ' (links)' : ''}`.padEnd(34)} ${String(pass.created).padStart(7)} created ${String(pass.updated).padStart(7)} updated ${String(pass.failed).padStart(5)} failed${pass.resumedJobs > 0 ? `  (${pass.resumedJobs} job(s) done before)` : ''}`,
        );
      }
      if (load.failed > 0) {
        lines.push(`Failed rows and their errors: ${load.failedRowsDir}`);
      }
    }
    output.stdout(lines.join('\n'));
    return status;
  });
  return { code, result };
}

export function seedCommand(deps: CommandDeps = defaultDeps): Command {
  const command = new Command('seed')
    .description(
      'Generate a partner program (deterministic, with planted data-quality problems) into a snapshot or an org.',
    )
    .option(
      '--seed <n>',
      'random seed: the same seed and options give the same data (default 1)',
      parseInteger('--seed', 0),
    )
    .addOption(new Option('--scale <scale>', 'data volume (default small)').choices(Object.keys(SCALES)))
    .option('--partners <n>', 'partner accounts (overrides --scale)', parseInteger('--partners', 1))
    .option('--customers <n>', 'customer accounts (overrides --scale)', parseInteger('--customers', 1))
    .option('--as-of <datetime>', 'the data\'s "now"; dates are relative to it (default: now)', parseInstant)
    .option(
      '--problem-rate <rate>',
      'share of eligible records given each kind of problem, 0 to 1 (default 0.05; 0 for clean data)',
      parseRate,
    )
    .option('--policy <file>', 'program policy JSON (default: the packaged Default records)')
    .option('--out <dir>', 'write a snapshot folder (CSV per object, snapshot.json, ground-truth.json)')
    .option('-o, --target-org <org>', 'load into an org: alias or username the sf CLI is logged in to')
    .option('--from <dir>', 'with --target-org: load this snapshot instead of generating one')
    .option(
      '--state-dir <dir>',
      'with --target-org: resume state, failed rows and the generated snapshot (default out/seed-state/<org>)',
    )
    .option(
      '--batch-size <n>',
      'with --target-org: rows per Bulk API 2.0 job (default 10000)',
      parseInteger('--batch-size', 1),
    )
    .option('--force', 'with --out: replace the snapshot in a folder that is not empty')
    .option(
      '--dry-run',
      'generate and validate everything, print what would be written or loaded (rows and Bulk jobs per object), write nothing and do not contact the org',
    )
    .option('--namespace <ns>', NAMESPACE_HELP)
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
Scales: small ${SCALES.small.partners} partners / ${SCALES.small.customers} customers (~2k records),
medium ${SCALES.medium.partners} / ${SCALES.medium.customers} (~20k), large ${SCALES.large.partners} / ${SCALES.large.customers} (~200k).
ground-truth.json lists every planted problem as {check, object, externalId}: prm audit on the
same data reports exactly these.

Org loads upsert on External_Id__c, parents first, references by external ID: a second run
creates nothing new. Run as a user with PRM_Admin (bypasses validation rules for the load);
switch package automation off (Trigger_Setting__mdt Default) to keep the planted problems.

Examples:
  $ prm seed --out out/snap
  $ prm seed --seed 7 --scale medium --as-of 2025-06-30 --out out/snap-medium
  $ prm seed --partners 50 --customers 400 --problem-rate 0 --out out/clean
  $ prm seed --target-org my-scratch --scale small
  $ prm seed --target-org my-sandbox --from out/snap --batch-size 5000
  $ prm seed --target-org my-sandbox --scale medium --dry-run

${EXIT_CODES_HELP}`,
    )
    .action(async (options: SeedCommandOptions) => {
      process.exitCode = (await runSeedCommand(options, deps)).code;
    });
  return usageExitCode(command);
}
