/**
 * `prm report`: printable reports built from the audit's metrics. Each subcommand lives in
 * its own module under scripts/report/ and is added here.
 */
import { Command } from 'commander';
import { usageExitCode } from '../audit/cliSupport';
import { defaultDeps, type CommandDeps } from './audit';
import { qbrCommand } from '../report/qbr';
import { execCommand } from '../report/exec';

export function reportCommand(deps: CommandDeps = defaultDeps): Command {
  const command = new Command('report')
    .description('Printable reports: a partner QBR pack (qbr), the monthly executive summary (exec).')
    .addCommand(usageExitCode(qbrCommand(deps)))
    .addCommand(usageExitCode(execCommand(deps)));
  return usageExitCode(command);
}
