/**
 * What every `prm report` subcommand does around its own figures: check its required options,
 * open the source, build the report, write the HTML (and PDF), print where it went (or the
 * report as JSON), and turn errors into the documented exit codes.
 */
import { EXIT, UsageError, processOutput, runCommand } from '../audit/cliSupport';
import type { RecordSource } from '../audit/sources';
import type { CommandDeps } from '../commands/audit';
import { deliver, type DeliveryOptions } from './deliver';
import { openReportSource, type SourceOptions } from './source';

export interface ReportSpec<R> {
  /** `prm report <name>`, for messages. */
  name: string;
  /** Names of the options the subcommand needs, when one is missing. */
  missing: string[];
  build(source: RecordSource, takenAt: string): Promise<R>;
  render(report: R): string;
  /** One line for the terminal: what was written. */
  describe(report: R): string;
}

/**
 * Runs a report subcommand; returns the exit code and the report when it was built.
 * @param options source and delivery options
 * @param deps org connector and output
 * @param spec the subcommand's own part
 */
export async function runReport<R>(
  options: SourceOptions & DeliveryOptions,
  deps: CommandDeps,
  spec: ReportSpec<R>,
): Promise<{ code: number; report?: R }> {
  const output = deps.output ?? processOutput(options.json === true);
  let report: R | undefined;
  const code = await runCommand(output, async () => {
    if (spec.missing.length > 0) {
      throw new UsageError(`prm report ${spec.name} needs ${spec.missing.join(', ')}.`);
    }
    const opened = await openReportSource(options, deps, output);
    let built: R;
    try {
      built = await spec.build(opened.source, opened.takenAt);
    } finally {
      opened.close();
    }
    report = built;
    const written = await deliver(spec.render(built), options);
    output.stdout(
      output.json
        ? JSON.stringify({ status: EXIT.OK, files: written, report: built }, null, 2)
        : `${spec.describe(built)}: ${written.join(', ')}`,
    );
    return EXIT.OK;
  });
  return { code, report };
}
