/** `prm doctor`: is this org ready for the partner program? One table, a fix for each problem. */
import { Command, Option } from 'commander';
import { EXIT, processOutput, runCommand, usageExitCode } from '../audit/cliSupport';
import { SalesforceClient } from '../salesforce/client';
import { OrgApiError, SessionError } from '../salesforce/errors';
import { NamespaceMap } from '../salesforce/namespace';
import { namespacedClient } from '../salesforce/namespacedClient';
import { DOCTOR_CHECKS } from '../doctor/checks';
import type { CheckResult, DoctorCheck, DoctorContext } from '../doctor/check';
import { defaultDeps, NAMESPACE_HELP, type CommandDeps } from './audit';

export interface DoctorOptions {
  targetOrg: string;
  namespace?: string;
  currency?: 'single' | 'multi';
  json?: boolean;
}

export interface DoctorRow extends CheckResult {
  id: string;
  title: string;
}

const MARK = { pass: 'ok', warn: 'warn', fail: 'FAIL' } as const;

/** A check that cannot read what it needs fails with the reason, the others still run. */
async function runCheck(check: DoctorCheck, context: DoctorContext): Promise<DoctorRow> {
  try {
    return { id: check.id, title: check.title, ...(await check.run(context)) };
  } catch (error) {
    if (error instanceof SessionError || !(error instanceof OrgApiError)) {
      throw error;
    }
    return {
      id: check.id,
      title: check.title,
      status: 'fail',
      detail: `could not check: ${error.message}`,
      fix: 'Run doctor as an administrator (View Setup and Configuration, Modify All Data).',
    };
  }
}

export function renderTable(rows: DoctorRow[]): string {
  const width = (pick: (r: DoctorRow) => string): number => Math.max(...rows.map((r) => pick(r).length));
  const titleWidth = width((r) => r.title);
  const detailWidth = Math.min(
    70,
    width((r) => r.detail),
  );
  const lines = [`${'Check'.padEnd(titleWidth)}  Result  ${'Found'.padEnd(detailWidth)}  Fix`];
  for (const row of rows) {
    lines.push(
      `${row.title.padEnd(titleWidth)}  ${MARK[row.status].padEnd(6)}  ${row.detail.padEnd(detailWidth)}  ${row.fix ?? ''}`.trimEnd(),
    );
  }
  const count = (status: CheckResult['status']): number => rows.filter((r) => r.status === status).length;
  lines.push('', `${count('pass')} ok, ${count('warn')} warning(s), ${count('fail')} failing`);
  return lines.join('\n');
}

export async function runDoctorCommand(
  options: DoctorOptions,
  deps: CommandDeps = defaultDeps,
): Promise<{ code: number; rows?: DoctorRow[] }> {
  const output = deps.output ?? processOutput(options.json === true);
  let rows: DoctorRow[] | undefined;
  const code = await runCommand(output, async () => {
    const session = await deps.connect(options.targetOrg);
    const client = new SalesforceClient(session, deps.clientOptions);
    let names: NamespaceMap;
    try {
      names = (await namespacedClient(client, options.namespace)).names;
    } catch (error) {
      if (!(error instanceof OrgApiError) || error.errorCode !== 'PACKAGE_NOT_INSTALLED') {
        throw error;
      }
      names = new NamespaceMap(undefined);
    }
    const context: DoctorContext = { client, names, expectedCurrency: options.currency };
    rows = [];
    for (const check of DOCTOR_CHECKS) {
      rows.push(await runCheck(check, context));
    }
    const status = rows.some((r) => r.status === 'fail') ? EXIT.FINDINGS : EXIT.OK;
    output.stdout(
      output.json
        ? JSON.stringify({ status, org: options.targetOrg, namespace: names.namespace ?? null, checks: rows }, null, 2)
        : renderTable(rows),
    );
    return status;
  });
  return { code, rows };
}

export function doctorCommand(deps: CommandDeps = defaultDeps): Command {
  const checks = DOCTOR_CHECKS.map((c) => `  ${c.id.padEnd(17)} ${c.title}: ${c.describe}`).join('\n');
  const command = new Command('doctor')
    .description('Check that an org is ready for the partner program: one table, with the fix for each problem.')
    .requiredOption('-o, --target-org <org>', 'the org: alias or username the sf CLI is logged in to')
    .option('--namespace <ns>', NAMESPACE_HELP)
    .addOption(
      new Option('--currency <mode>', 'the currency set-up the org should have (default: either)').choices([
        'single',
        'multi',
      ]),
    )
    .option('--json', 'print {status, org, namespace, checks[{id, title, status, detail, fix}]} as JSON')
    .addHelpText(
      'after',
      `
Checks (ok, warn or FAIL; a warning does not fail the run):
${checks}

Examples:
  $ prm doctor -o customer-prod
  $ prm doctor -o my-sandbox --currency multi --json

Exit codes: 0 ready (warnings allowed), 1 a check fails, 2 usage error, 3 org or API error
(login), 4 unexpected error.`,
    )
    .action(async (options: DoctorOptions) => {
      process.exitCode = (await runDoctorCommand(options, deps)).code;
    });
  return usageExitCode(command);
}
