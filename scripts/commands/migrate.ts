/** `prm migrate`: legacy partner data into the package, in cohorts; `prm migrate rollback`. */
import path from 'node:path';
import { Command } from 'commander';
import { DEFAULT_POLICY, readPolicy } from '../audit/policy';
import {
  EXIT,
  EXIT_CODES_HELP,
  UsageError,
  parseInstant,
  parseInteger,
  processOutput,
  runCommand,
  usageExitCode,
} from '../audit/cliSupport';
import { PROJECT_ROOT } from '../lib/project';
import { SalesforceClient } from '../salesforce/client';
import { cohortFiles, readCohortState, rollbackCohort } from '../migrate/cohortLoad';
import { runMigration } from '../migrate/migrationRun';
import { migrationJson, migrationText } from '../migrate/migrationText';
import { defaultDeps, NAMESPACE_HELP, type CommandDeps } from './audit';
import { namespacedClient } from '../salesforce/namespacedClient';

export interface MigrateCommandOptions {
  from?: string;
  mapping?: string;
  cohort?: string;
  cohortBy?: string;
  targetOrg?: string;
  /** The package's namespace in the org (`none` for none); detected when absent. */
  namespace?: string;
  out?: string;
  existing?: string;
  dryRun?: boolean;
  allOrNothing?: boolean;
  stateDir?: string;
  batchSize?: number;
  asOf?: string;
  policy?: string;
  json?: boolean;
}

export interface RollbackCommandOptions {
  cohort: string;
  targetOrg: string;
  /** The package's namespace in the org (`none` for none); detected when absent. */
  namespace?: string;
  stateDir?: string;
  batchSize?: number;
  json?: boolean;
}

/** Default state folder of a target: out/migrate-state/<org>. */
function stateDirOf(options: { stateDir?: string; targetOrg?: string }): string {
  return path.resolve(
    options.stateDir ??
      path.join(PROJECT_ROOT, 'out', 'migrate-state', (options.targetOrg ?? 'offline').replace(/[^\w.@-]+/g, '_')),
  );
}

/**
 * The client of an org session with the command's client options, logging retries to stderr.
 * @param session the org session
 * @param deps client options
 * @param stderr where retries are told
 */
export function clientFor(
  session: Awaited<ReturnType<CommandDeps['connect']>>,
  deps: CommandDeps,
  stderr: (t: string) => void,
): SalesforceClient {
  return new SalesforceClient(session, {
    ...deps.clientOptions,
    onRetry: ({ attempt, delayMs, reason }) => stderr(`${reason}: retry ${attempt} in ${delayMs} ms`),
  });
}

/**
 * Runs `prm migrate`; returns the exit code.
 * @param options parsed options
 * @param deps org connector and output
 */
export async function runMigrateCommand(
  options: MigrateCommandOptions,
  deps: CommandDeps = defaultDeps,
): Promise<number> {
  const output = deps.output ?? processOutput(options.json === true);
  return runCommand(output, async () => {
    const { from, mapping, cohort } = options;
    if (from === undefined || mapping === undefined || cohort === undefined) {
      throw new UsageError('prm migrate needs --from DIR, --mapping FILE and --cohort NAME.');
    }
    const targets = [options.targetOrg, options.out].filter((t) => t !== undefined).length;
    if (targets > 1 || (targets === 0 && options.dryRun !== true)) {
      throw new UsageError('Give one target, -o/--target-org ORG or --out SNAPSHOT (or --dry-run for a preview).');
    }
    if (options.existing !== undefined && options.targetOrg !== undefined) {
      throw new UsageError("--existing is for runs without an org: with --target-org the org's accounts are matched.");
    }
    const policy = options.policy === undefined ? DEFAULT_POLICY : readPolicy(options.policy);
    const client =
      options.targetOrg === undefined
        ? undefined
        : await namespacedClient(
            clientFor(await deps.connect(options.targetOrg), deps, output.stderr),
            options.namespace,
          );
    const outcome = await runMigration(
      {
        from: path.resolve(from),
        mapping: path.resolve(mapping),
        cohort,
        cohortBy: options.cohortBy,
        existing: options.existing === undefined ? undefined : path.resolve(options.existing),
        out: options.out,
        dryRun: options.dryRun === true,
        allOrNothing: options.allOrNothing === true,
        batchSize: options.batchSize ?? 10000,
        stateDir: stateDirOf(options),
        now: options.asOf ?? new Date().toISOString(),
        policy,
        sleep: deps.clientOptions?.sleep,
      },
      client,
    );
    const status = outcome.load && outcome.load.failed > 0 ? EXIT.ORG : EXIT.OK;
    const mode = options.dryRun === true ? 'dry-run' : options.out !== undefined ? 'snapshot' : 'org';
    output.stdout(output.json ? JSON.stringify(migrationJson(outcome, status), null, 2) : migrationText(outcome, mode));
    return status;
  });
}

/**
 * Runs `prm migrate rollback`; returns the exit code.
 * @param options parsed options
 * @param deps org connector and output
 */
export async function runRollbackCommand(
  options: RollbackCommandOptions,
  deps: CommandDeps = defaultDeps,
): Promise<number> {
  const output = deps.output ?? processOutput(options.json === true);
  return runCommand(output, async () => {
    const files = cohortFiles(stateDirOf(options), options.cohort);
    if (!readCohortState(files.state)) {
      throw new UsageError(`No state for cohort ${options.cohort} at ${files.state}: it was not migrated from here.`);
    }
    const client = await namespacedClient(
      clientFor(await deps.connect(options.targetOrg), deps, output.stderr),
      options.namespace,
    );
    const result = await rollbackCohort(client, files, options.batchSize ?? 10000);
    const status = result.failed > 0 ? EXIT.ORG : EXIT.OK;
    if (output.json) {
      output.stdout(JSON.stringify({ status, cohort: options.cohort, ...result }, null, 2));
    } else {
      output.stdout(
        [
          `Rolled back cohort ${options.cohort} in ${options.targetOrg}:`,
          ...Object.entries(result.deleted).map(
            ([object, n]) => `  ${object.padEnd(22)} ${String(n).padStart(5)} deleted`,
          ),
          ...(result.failed > 0
            ? [`${result.failed} record(s) could not be deleted: see ${files.errors}; run again to retry them.`]
            : []),
        ].join('\n'),
      );
    }
    return status;
  });
}

const COMMON_HELP = `
Validates every row (types, required fields, picklist values of the package, dates in the
mapping's formats, amounts such as "$12,500.00" or "12.500,00 €"), maps legacy statuses onto
the package's lifecycles, derives match keys, approval routes and expiry with the shared
rules, and previews how each legacy partner and customer matches the existing accounts
(matched / new / ambiguous / duplicate, with the evidence) before anything is written.
Org loads upsert on External_Id__c by Bulk API 2.0: a second run creates nothing; a run that
stopped resumes; refused rows go to the cohort's errors.csv and never stop the others.`;

export function migrateCommand(deps: CommandDeps = defaultDeps): Command {
  const rollback = new Command('rollback')
    .description('Delete exactly the records a cohort created in an org (children first).')
    .requiredOption('--cohort <name>', 'the cohort to roll back')
    .requiredOption('-o, --target-org <org>', 'the org the cohort was loaded into')
    .option('--namespace <ns>', NAMESPACE_HELP)
    .option('--state-dir <dir>', 'where the cohort state is kept (default out/migrate-state/<org>)')
    .option('--batch-size <n>', 'Ids per Bulk API 2.0 delete job (default 10000)', parseInteger('--batch-size', 1))
    .option('--json', 'print the result as JSON')
    .addHelpText('after', `\nExamples:\n  $ prm migrate rollback --cohort wave-1 -o my-sandbox\n\n${EXIT_CODES_HELP}`)
    .action(async (options: RollbackCommandOptions) => {
      process.exitCode = await runRollbackCommand(options, deps);
    });
  const command = new Command('migrate')
    .description('Move legacy partner data (CSV and XLSX) into the package, one cohort at a time.')
    .enablePositionalOptions()
    .option('--from <dir>', 'folder of legacy CSV and XLSX files (required)')
    .option('--mapping <file>', 'mapping file, JSON or YAML (required; prm assess init writes a template)')
    .option('--cohort <name>', 'name of this cohort (required; state, error file and rollback are per cohort)')
    .option('--cohort-by <how>', 'tier | region (the cohort name is the value) | FILE listing partner keys or names')
    .option('-o, --target-org <org>', 'load into an org: alias or username the sf CLI is logged in to')
    .option('--namespace <ns>', NAMESPACE_HELP)
    .option('--out <dir>', 'write the cohort as a snapshot folder instead (prm audit --snapshot reads it)')
    .option('--existing <dir>', 'without an org: match against the accounts of this snapshot folder')
    .option('--dry-run', 'validate, match and count only: nothing is written')
    .option('--all-or-nothing', 'refuse the whole cohort (exit 2, nothing written) when any row is refused')
    .option('--state-dir <dir>', 'cohort state and error files (default out/migrate-state/<org>)')
    .option('--batch-size <n>', 'rows per Bulk API 2.0 job (default 10000)', parseInteger('--batch-size', 1))
    .option('--as-of <datetime>', 'the audit\'s "now" after the cohort (default: now)', parseInstant)
    .option('--policy <file>', 'program policy JSON (protection days, thresholds; see docs/revops.md)')
    .option('--json', 'print the preview, counts, refused rows, load and audit as JSON')
    .addHelpText(
      'after',
      `${COMMON_HELP}

Examples:
  $ prm migrate --from samples/legacy --mapping samples/legacy/mapping.yaml --existing samples/legacy/crm --cohort Gold --cohort-by tier --dry-run
  $ prm migrate --from legacy/ --mapping mapping.yaml --cohort wave-1 --cohort-by wave-1.txt --out out/wave-1
  $ prm migrate --from legacy/ --mapping mapping.yaml --cohort EMEA --cohort-by region -o my-sandbox
  $ prm migrate rollback --cohort EMEA -o my-sandbox

${EXIT_CODES_HELP}`,
    )
    .action(async (options: MigrateCommandOptions) => {
      process.exitCode = await runMigrateCommand(options, deps);
    })
    .addCommand(usageExitCode(rollback));
  return usageExitCode(command);
}
