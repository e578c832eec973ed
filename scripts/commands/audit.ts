/** `prm audit`: data quality and program health of an org or a snapshot. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { failsAt, runAudit, type AuditResult } from '../audit/engine';
import { DEFAULT_POLICY, readPolicy } from '../audit/policy';
import { SnapshotSource, type RecordSource } from '../audit/sources';
import { renderHtml } from '../audit/report/html';
import { writeJsonDocument } from '../audit/report/jsonDocument';
import { renderText } from '../audit/report/text';
import type { Severity } from '../audit/checkIds';
import {
  EXIT,
  EXIT_CODES_HELP,
  Progress,
  UsageError,
  parseInstant,
  parseInteger,
  parseTimeZone,
  processOutput,
  runCommand,
  usageExitCode,
  type Output,
} from '../audit/cliSupport';
import { loadSnapshotSchema } from '../snapshot/schema';
import { prepareSnapshotFolder } from '../snapshot/outputFolder';
import { SnapshotWriter } from '../snapshot/writer';
import { API_VERSION } from '../seed/seedSnapshot';
import { SalesforceClient, type ClientOptions } from '../salesforce/client';
import { OrgSource } from '../salesforce/orgSource';
import { namespacedClient } from '../salesforce/namespacedClient';
import { connectWithSfAuth, type OrgConnector } from '../salesforce/session';

export interface AuditCommandOptions {
  snapshot?: string;
  targetOrg?: string;
  saveSnapshot?: string;
  /** Replace the snapshot in a non-empty --save-snapshot folder. */
  force?: boolean;
  asOf?: string;
  timeZone?: string;
  policy?: string;
  json?: boolean;
  html?: string;
  failOn?: Severity;
  examples?: number;
  bulkThreshold?: number;
  namespace?: string;
  /** Threads a snapshot is audited on: `auto` (two from 64 MB of CSV), 1 or 2. */
  threads?: 'auto' | '1' | '2';
}

/** The org boundary and output of the command, replaceable in tests. */
export interface CommandDeps {
  connect: OrgConnector;
  clientOptions?: ClientOptions;
  output?: Output;
}

export const defaultDeps: CommandDeps = { connect: connectWithSfAuth };

/** `--namespace` of the org commands. */
export const NAMESPACE_HELP =
  "with --target-org: the package's namespace in the org, `none` for an org without one (default: detected from the org's objects)";

/**
 * Runs the audit command; returns the exit code (and the result when the audit ran).
 * @param options parsed options
 * @param deps org connector and output
 */
export async function runAuditCommand(
  options: AuditCommandOptions,
  deps: CommandDeps = defaultDeps,
): Promise<{ code: number; result?: AuditResult }> {
  const output = deps.output ?? processOutput(options.json === true);
  let result: AuditResult | undefined;
  const code = await runCommand(output, async () => {
    if ((options.snapshot === undefined) === (options.targetOrg === undefined)) {
      throw new UsageError('Give exactly one source: --snapshot DIR or --target-org ORG.');
    }
    if (options.saveSnapshot !== undefined && options.targetOrg === undefined) {
      throw new UsageError('--save-snapshot needs --target-org.');
    }
    if (options.force === true && options.saveSnapshot === undefined) {
      throw new UsageError('--force replaces the contents of --save-snapshot DIR; give --save-snapshot too.');
    }
    const policy = options.policy === undefined ? DEFAULT_POLICY : readPolicy(options.policy);
    const schema = loadSnapshotSchema();
    if (options.saveSnapshot !== undefined) {
      // Before connecting: a folder that cannot be used must not cost an org read.
      prepareSnapshotFolder(path.resolve(options.saveSnapshot), schema, {
        force: options.force === true,
        option: '--save-snapshot',
      });
    }
    const progress = Progress.for(output.json);
    let source: RecordSource;
    let writer: SnapshotWriter | undefined;
    if (options.snapshot !== undefined) {
      source = new SnapshotSource(path.resolve(options.snapshot), schema);
    } else {
      const session = await deps.connect(options.targetOrg as string);
      const client = new SalesforceClient(session, {
        ...deps.clientOptions,
        onRetry: ({ attempt, delayMs, reason }) => output.stderr(`${reason}: retry ${attempt} in ${delayMs} ms`),
      });
      writer =
        options.saveSnapshot === undefined
          ? undefined
          : new SnapshotWriter(path.resolve(options.saveSnapshot), schema.objects);
      const org = await namespacedClient(client, options.namespace);
      source = await OrgSource.open(org, schema.objects, { saveTo: writer, bulkThreshold: options.bulkThreshold });
    }
    const now = options.asOf ?? source.takenAt ?? new Date().toISOString();
    if (source.size) {
      progress.start(source.size.total, 'Auditing', source.size.unit);
      source.onProgress = (amount) => progress.increment(amount);
    }
    try {
      const parallel =
        options.threads === undefined || options.threads === 'auto' ? undefined : options.threads === '2';
      result = await runAudit(source, { now, timeZone: options.timeZone, policy, parallel });
    } finally {
      progress.stop();
    }
    if (writer) {
      writer.close({
        takenAt: now,
        apiVersion: API_VERSION,
        source: `prm audit --target-org ${String(options.targetOrg)}`,
      });
    }
    if (options.html !== undefined) {
      mkdirSync(path.dirname(path.resolve(options.html)), { recursive: true });
      writeFileSync(options.html, renderHtml(result));
    }
    const exit = failsAt(result.findings, options.failOn) ? EXIT.FINDINGS : EXIT.OK;
    if (output.json) {
      writeJsonDocument(output.stdout, exit, result);
    } else {
      output.stdout(renderText(result, { color: process.stdout.isTTY === true, examples: options.examples }));
      if (options.html !== undefined) {
        output.stdout(`\nHTML report: ${options.html}`);
      }
      if (writer) {
        output.stdout(`Snapshot saved: ${options.saveSnapshot}`);
      }
      if (exit === EXIT.FINDINGS) {
        output.stdout(`\nFailing: findings at or above ${String(options.failOn)}.`);
      }
    }
    return exit;
  });
  return { code, result };
}

export function auditCommand(deps: CommandDeps = defaultDeps): Command {
  const command = new Command('audit')
    .description(
      'Audit data quality and program health of an org or a snapshot: findings per check, program metrics, HTML report.',
    )
    .option('--snapshot <dir>', 'audit a snapshot folder (prm seed --out, prm audit --save-snapshot)')
    .option('-o, --target-org <org>', 'audit an org: alias or username the sf CLI is logged in to')
    .option('--save-snapshot <dir>', 'with --target-org: also write what was read as a snapshot folder')
    .option('--force', 'with --save-snapshot: replace the snapshot in a folder that is not empty')
    .option(
      '--as-of <datetime>',
      'the audit\'s "now" (default: the snapshot\'s taken-at time, or now for an org)',
      parseInstant,
    )
    .option('--time-zone <tz>', 'IANA time zone that decides "today" (default UTC)', parseTimeZone)
    .option('--policy <file>', 'program policy JSON overriding the packaged Default records (see docs/revops.md)')
    .option('--namespace <ns>', NAMESPACE_HELP)
    .option('--json', 'print {status, summary, metrics[], findings[]} as JSON')
    .option('--html <file>', 'write a self-contained HTML report with charts')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices([
        'error',
        'warning',
        'info',
      ]),
    )
    .option('--examples <n>', 'example findings printed per check (default 2)', parseInteger('--examples', 0))
    .addOption(
      new Option(
        '--threads <n>',
        'with --snapshot: threads to audit on; two are faster and need more memory (figures in docs/revops.md) (default auto: two from 64 MB of CSV)',
      ).choices(['auto', '1', '2']),
    )
    .option(
      '--bulk-threshold <n>',
      'with --target-org: objects above this many records are read with Bulk API 2.0 (default 2000)',
      parseInteger('--bulk-threshold', 0),
    )
    .addHelpText(
      'after',
      `
Checks use the shared rules (lwc-ts-src/prmRules): match keys, registration expiry and
routes, lead SLA, attribution, commissions and tiers. Metrics: registration decision time,
attribution coverage, lead acceptance and SLA breaches, partners per tier and tier movement,
sourced vs influenced revenue, partner vs direct win rate and cycle time, ROI by program,
partner feedback (NPS by program, tier and quarter) and pilot adoption per partner.

Examples:
  $ prm audit --snapshot out/demo/snapshot
  $ prm audit --snapshot out/demo/snapshot --html out/demo/report.html --fail-on error
  $ prm audit --target-org my-sandbox --save-snapshot out/sandbox-2025-06 --json > audit.json
  $ prm audit --target-org customer-prod --namespace pspm
  $ prm audit --snapshot out/snap --as-of 2025-07-01 --time-zone Europe/Paris --policy policy.json

${EXIT_CODES_HELP}`,
    )
    .action(async (options: AuditCommandOptions) => {
      process.exitCode = (await runAuditCommand(options, deps)).code;
    });
  return usageExitCode(command);
}
