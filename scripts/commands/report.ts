/**
 * `prm report`: reports for leadership — a partner QBR pack (qbr), the monthly executive summary
 * (exec) and before/after KPIs (compare). Each subcommand lives in its own module under
 * scripts/report/ and is added here.
 */
import { Command } from 'commander';
import { usageExitCode } from '../audit/cliSupport';
import { defaultDeps, type CommandDeps } from './audit';
import { qbrCommand } from '../report/qbr';
import { execCommand } from '../report/exec';
import { compareCommand } from '../report/compare';

export { runCompareCommand } from '../report/compare';

export function reportCommand(deps: CommandDeps = defaultDeps): Command {
  const command = new Command('report')
    .description(
      'Reports for leadership: a partner QBR pack (qbr), the monthly executive summary (exec), before/after KPIs (compare).',
    )
    .addCommand(usageExitCode(qbrCommand(deps)))
    .addCommand(usageExitCode(execCommand(deps)))
    .addCommand(compareCommand(deps));
  return usageExitCode(command);
}
