/**
 * `prm`: the Partner Success Platform command line for RevOps and developers.
 * Follows the sf CLI's conventions: `-o/--target-org` for org commands (auth is the sf
 * CLI's own), `--json` for machine-readable output, exit code 0 on success.
 */
import { Command } from 'commander';
import { rulesCommand } from './commands/rules';
import { seedCommand } from './commands/seed';
import { auditCommand } from './commands/audit';
import { demoCommand } from './commands/demo';
import { migrateCommand } from './commands/migrate';
import { assessCommand } from './commands/assess';
import { reportCommand } from './commands/report';
import { catalogueCommand } from './commands/catalogue';
import { doctorCommand } from './commands/doctor';
import { usageExitCode } from './audit/cliSupport';

/** Usage errors (unknown command or option, missing argument) exit 2 at every level, as documented. */
function withUsageExitCodes(command: Command): Command {
  usageExitCode(command);
  command.commands.forEach(withUsageExitCodes);
  return command;
}

export function createProgram(): Command {
  const program = new Command('prm')
    .description('Partner Success Platform: rule checks, seed data, audits and reports for a partner program.')
    .version(require('../package.json').version as string)
    // Options belong to the command they follow (`prm migrate rollback --cohort` is rollback's).
    .enablePositionalOptions()
    .addCommand(rulesCommand())
    .addCommand(seedCommand())
    .addCommand(auditCommand())
    .addCommand(demoCommand())
    .addCommand(assessCommand())
    .addCommand(migrateCommand())
    .addCommand(reportCommand())
    .addCommand(catalogueCommand())
    .addCommand(doctorCommand())
    .showHelpAfterError();
  return withUsageExitCodes(program);
}

if (require.main === module) {
  createProgram()
    .parseAsync()
    .catch((error: Error) => {
      console.error(error.message);
      process.exitCode = 2;
    });
}
