/** `prm rules check [FILES...]`: run shared rule vectors against the TypeScript rules. */
import path from 'node:path';
import { Command } from 'commander';
import pc from 'picocolors';
import { PROJECT_ROOT } from '../lib/project';
import { vectorFiles } from '../build/vectorsResource';
import { runFiles } from '../rules/vectorRunner';

export function rulesCommand(): Command {
  const rules = new Command('rules').description('Business rules shared by Apex, the LWCs and these scripts.');
  rules
    .command('check')
    .description('Run rule vector files against the TypeScript rule module (lwc-ts-src/prmRules).')
    .argument('[files...]', 'vector files (default: every spec/vectors/*.json)')
    .option('--json', 'print the results as JSON')
    .addHelpText(
      'after',
      `
Each file follows spec/vectors.schema.json (see spec/README.md). Every case runs the
named rule on its input; it passes when the output equals "expected" (as JSON: numbers by
value, a null value equals an absent key, lists in order) or the rule throws the "error" code.

Examples:
  $ prm rules check
  $ prm rules check spec/vectors/matchKey.json
  $ prm rules check my-vectors.json --json

Exit codes: 0 all passed, 1 a case failed or a file is malformed.`,
    )
    .action((files: string[], options: { json?: boolean }) => {
      const targets = files.length ? files.map((f) => path.resolve(f)) : vectorFiles(PROJECT_ROOT);
      const results = runFiles(targets);
      const failed = results.filter((r) => !r.passed);
      const passed = results.length - failed.length;
      if (options.json) {
        console.log(
          JSON.stringify(
            { status: failed.length ? 1 : 0, result: { passed, failed: failed.length, failures: failed } },
            null,
            2,
          ),
        );
      } else {
        for (const f of failed) {
          console.log(pc.red(`✖ ${path.relative(process.cwd(), f.file)} › ${f.rule} › ${f.name}`));
          console.log(
            (f.detail ?? '')
              .split('\n')
              .map(
                (line) => `    ${line.startsWith('+ ') ? pc.green(line) : line.startsWith('- ') ? pc.red(line) : line}`,
              )
              .join('\n'),
          );
        }
        console.log(`${passed} passed, ${failed.length} failed`);
      }
      process.exitCode = failed.length ? 1 : 0;
    });
  return rules;
}
