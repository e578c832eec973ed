/** `prm assess`: the baseline of today's partner operations from legacy spreadsheets; `prm assess init`. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import {
  EXIT,
  EXIT_CODES_HELP,
  UsageError,
  parseInstant,
  processOutput,
  runCommand,
  usageExitCode,
} from '../audit/cliSupport';
import { computeBaseline } from '../assess/baseline';
import { baselineHtml, baselineText } from '../assess/baselineReport';
import { mappingTemplate } from '../assess/mappingTemplate';
import { accountsFromSnapshot } from '../migrate/existingAccounts';
import { readLegacyRecords } from '../migrate/legacyRecords';
import { readLegacyFolder } from '../migrate/legacyTables';
import { readMapping } from '../migrate/mapping';
import { orgKpis } from '../assess/orgBaseline';
import { readOrgOperations } from '../assess/orgOperations';
import { defaultDeps, type CommandDeps } from './audit';
import { clientFor } from './migrate';

export interface AssessCommandOptions {
  targetOrg?: string;
  partnerType?: string;
  partnerSource?: string;
  legacy?: string;
  mapping?: string;
  existing?: string;
  asOf?: string;
  json?: boolean;
  html?: string;
  baseline?: string;
}

export interface AssessInitOptions {
  legacy: string;
  out: string;
  force?: boolean;
}

function writeFile(file: string, text: string): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, text);
}

/**
 * Runs `prm assess`; returns the exit code.
 * @param options parsed options
 * @param deps output
 */
export async function runAssessCommand(
  options: AssessCommandOptions,
  deps: CommandDeps = defaultDeps,
): Promise<number> {
  const output = deps.output ?? processOutput(options.json === true);
  return runCommand(output, async () => {
    if (options.legacy === undefined && options.targetOrg === undefined) {
      throw new UsageError('Give a source: --legacy DIR with --mapping FILE, -o/--target-org ORG, or both.');
    }
    if ((options.legacy === undefined) !== (options.mapping === undefined)) {
      throw new UsageError('--legacy and --mapping go together (prm assess init --legacy DIR writes a mapping).');
    }
    if (options.existing !== undefined && options.targetOrg !== undefined) {
      throw new UsageError("--existing is for runs without an org: with --target-org the org's accounts are used.");
    }
    const asOf = options.asOf ?? new Date().toISOString();
    const org =
      options.targetOrg === undefined
        ? undefined
        : await readOrgOperations(clientFor(await deps.connect(options.targetOrg), deps, output.stderr), {
            partnerType: options.partnerType,
            asOf,
          });
    const existing = org
      ? org.accounts.map((a) => ({
          id: a.id,
          name: a.name,
          website: a.website,
          externalId: null,
          isPartner: a.isPartner,
        }))
      : options.existing === undefined
        ? []
        : (await accountsFromSnapshot(path.resolve(options.existing))).accounts;
    const sources = [
      options.legacy === undefined ? '' : `legacy files in ${options.legacy}`,
      options.targetOrg === undefined ? '' : `org ${options.targetOrg}`,
      options.existing === undefined ? '' : `accounts of ${options.existing}`,
    ].filter(Boolean);
    const records =
      options.legacy === undefined
        ? []
        : readLegacyRecords(
            await readLegacyFolder(path.resolve(options.legacy)),
            readMapping(path.resolve(options.mapping as string)),
          );
    const baseline = computeBaseline(records, existing, asOf, sources.join(' and '), {
      legacy: options.legacy !== undefined,
      org: org && orgKpis(org, asOf, options.partnerSource ?? 'Partner Referral'),
    });
    if (options.baseline !== undefined) {
      writeFile(options.baseline, `${JSON.stringify(baseline, null, 2)}\n`);
    }
    if (options.html !== undefined) {
      writeFile(options.html, baselineHtml(baseline));
    }
    if (output.json) {
      output.stdout(JSON.stringify({ status: EXIT.OK, ...baseline }, null, 2));
    } else {
      output.stdout(baselineText(baseline));
      if (options.baseline !== undefined) {
        output.stdout(`\nBaseline saved: ${options.baseline} (compare later with prm report compare)`);
      }
      if (options.html !== undefined) {
        output.stdout(`HTML report: ${options.html}`);
      }
    }
    return EXIT.OK;
  });
}

/**
 * Runs `prm assess init`; returns the exit code.
 * @param options parsed options
 * @param deps output
 */
export async function runAssessInit(options: AssessInitOptions, deps: CommandDeps = defaultDeps): Promise<number> {
  const output = deps.output ?? processOutput(false);
  return runCommand(output, async () => {
    if (existsSync(options.out) && options.force !== true) {
      throw new UsageError(`${options.out} exists: give another --out, or --force to replace it.`);
    }
    const tables = await readLegacyFolder(path.resolve(options.legacy));
    writeFile(options.out, mappingTemplate(tables));
    output.stdout(`Mapping template for ${tables.length} tables written to ${options.out}: check each guessed line.`);
    return EXIT.OK;
  });
}

export function assessCommand(deps: CommandDeps = defaultDeps): Command {
  const init = new Command('init')
    .description('Write a commented mapping template from the columns the legacy files hold.')
    .requiredOption('--legacy <dir>', 'folder of legacy CSV and XLSX files')
    .option('--out <file>', 'where to write the template', 'mapping.yaml')
    .option('--force', 'replace an existing file')
    .addHelpText(
      'after',
      `\nExamples:\n  $ prm assess init --legacy legacy/ --out legacy/mapping.yaml\n\n${EXIT_CODES_HELP}`,
    )
    .action(async (options: AssessInitOptions) => {
      process.exitCode = await runAssessInit(options, deps);
    });
  const command = new Command('assess')
    .description("Baseline today's partner operations from legacy spreadsheets, before the package holds data.")
    .enablePositionalOptions()
    .option(
      '-o, --target-org <org>',
      "read the org's standard objects (accounts, opportunities, OpportunityPartner, leads)",
    )
    .option('--partner-type <value>', 'with -o: partner accounts are those with this Account Type (default: IsPartner)')
    .option(
      '--partner-source <value>',
      'with -o: the LeadSource of partner deals and leads (default "Partner Referral")',
    )
    .option('--legacy <dir>', 'folder of legacy CSV and XLSX files, any number of sheets')
    .option('--mapping <file>', 'with --legacy: mapping file, JSON or YAML (prm assess init writes a template)')
    .option('--existing <dir>', 'accounts the CRM holds today, as a snapshot folder (prm audit --save-snapshot)')
    .option('--as-of <datetime>', 'the baseline\'s "now": the last 12 months end here (default: now)', parseInstant)
    .option('--json', 'print the baseline as JSON')
    .option('--html <file>', 'write a self-contained HTML report')
    .option('--baseline <file>', 'save the baseline for prm report compare')
    .addHelpText(
      'after',
      `
Legacy KPIs: registration decision time (median, 90th percentile), partner deals with no
attribution, duplicate partners and customers (shared match keys), rows with missing or
unreadable fields, lead follow-up time, revenue share of the top 20 % of partners, stale
open records. From an org's standard objects: partner deals with no attribution, duplicate
partner and other accounts, partner accounts missing fields, partner concentration, stale
opportunities and partner leads (ids shared with legacy KPIs get "crm-" when both are read).
Time-based KPIs cover the 12 months up to --as-of.

Examples:
  $ prm assess init --legacy samples/legacy --out out/mapping.yaml
  $ prm assess --legacy samples/legacy --mapping samples/legacy/mapping.yaml --as-of 2025-06-30 --baseline out/baseline.json --html out/baseline.html
  $ prm assess -o my-prod --partner-type Partner --baseline out/crm-baseline.json

${EXIT_CODES_HELP}`,
    )
    .action(async (options: AssessCommandOptions) => {
      process.exitCode = await runAssessCommand(options, deps);
    })
    .addCommand(usageExitCode(init));
  return usageExitCode(command);
}
