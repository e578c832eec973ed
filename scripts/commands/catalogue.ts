/** `prm catalogue load`: the starter programs and tier ladders into an org, idempotent, never overwriting. */
import path from 'node:path';
import { Command } from 'commander';
import { EXIT, EXIT_CODES_HELP, processOutput, runCommand, usageExitCode } from '../audit/cliSupport';
import { readCatalogue } from '../catalogue/starterCatalogue';
import { loadCatalogue, type CatalogueLoadResult } from '../catalogue/loadCatalogue';
import { SalesforceClient } from '../salesforce/client';
import { defaultDeps, type CommandDeps } from './audit';

export interface CatalogueCommandOptions {
  targetOrg: string;
  /** Another catalogue in the same format; default the packaged starter catalogue. */
  file?: string;
  dryRun?: boolean;
  json?: boolean;
}

/**
 * Runs `prm catalogue load`; returns the exit code and, when it ran, what it did.
 * @param options parsed options
 * @param deps org connector and output
 */
export async function runCatalogueLoad(
  options: CatalogueCommandOptions,
  deps: CommandDeps = defaultDeps,
): Promise<{ code: number; result?: CatalogueLoadResult }> {
  const output = deps.output ?? processOutput(options.json === true);
  let result: CatalogueLoadResult | undefined;
  const code = await runCommand(output, async () => {
    // Validate before connecting: a catalogue the org would refuse never reaches it.
    const catalogue = options.file === undefined ? readCatalogue() : readCatalogue(path.resolve(options.file));
    const session = await deps.connect(options.targetOrg);
    const client = new SalesforceClient(session, {
      ...deps.clientOptions,
      onRetry: ({ attempt, delayMs, reason }) => output.stderr(`${reason}: retry ${attempt} in ${delayMs} ms`),
    });
    result = await loadCatalogue(client, catalogue, options.dryRun === true);
    if (output.json) {
      output.stdout(JSON.stringify({ status: EXIT.OK, ...result }, null, 2));
      return EXIT.OK;
    }
    const verb = result.dryRun ? 'Would create' : 'Created';
    output.stdout(
      [
        `${verb} ${result.createdPrograms.length} program(s) and ${result.createdTiers} tier(s) in ${options.targetOrg}` +
          (result.createdPrograms.length > 0 ? `: ${result.createdPrograms.join(', ')}` : ''),
        `Kept ${result.keptPrograms.length} program(s) the org has already` +
          (result.keptPrograms.length > 0 ? ` (not changed): ${result.keptPrograms.join(', ')}` : ''),
      ].join('\n'),
    );
    return EXIT.OK;
  });
  return { code, result };
}

export function catalogueCommand(deps: CommandDeps = defaultDeps): Command {
  const load = new Command('load')
    .description('Create the starter programs (Referral, Reseller, Technology) and their tier ladders in an org.')
    .requiredOption('-o, --target-org <org>', 'alias or username the sf CLI is logged in to')
    .option('--file <json>', 'another catalogue in the same format (default: the packaged starter catalogue)')
    .option('--dry-run', 'say what would be created; write nothing')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
Programs are matched on External_Id__c: a catalogue program the org has already is kept as it is,
with its tiers, so admins edit the records freely and a second run creates nothing. The data is
force-app/main/default/staticresources/PrmStarterCatalogue.json, the file the install handler loads
(StarterCatalogue.loadIfNoProgram) into an org without programs.

Examples:
  $ prm catalogue load -o my-scratch --dry-run
  $ prm catalogue load -o my-sandbox --json

${EXIT_CODES_HELP}`,
    )
    .action(async (options: CatalogueCommandOptions) => {
      process.exitCode = (await runCatalogueLoad(options, deps)).code;
    });
  return usageExitCode(
    new Command('catalogue').description('The starter program catalogue.').addCommand(usageExitCode(load)),
  );
}
