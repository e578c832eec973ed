/**
 * Gate `check:apex`: the Apex semantic check (apex-ls, the JVM build shipped inside the
 * Code Analyzer PMD engine) against our own object metadata, plus the rule that every
 * Apex class `X` has a test class `X_Tests`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pmdJavaLib } from '../lib/platformSchema';
import { apexSources } from '../lib/project';
import type { Finding } from '../lib/findings';

interface ApexLsMessage {
  start: { line: number; offset: number };
  category: string;
  message: string;
}

interface ApexLsReport {
  files: { path: string; messages: ApexLsMessage[] }[];
}

/** Categories that are defects; apex-ls also reports unused code as warnings, which we leave to PMD. */
const ERROR_CATEGORIES = new Set(['Syntax', 'Error', 'Missing']);

function apexLsClasspath(): string {
  return `${pmdJavaLib()}/*`;
}

export function semanticCheck(root: string): Finding[] {
  const result = spawnSync(
    'java',
    [
      '-Xmx1g',
      '-cp',
      apexLsClasspath(),
      'io.github.apexdevtools.apexls.CheckForIssues',
      '--nocache',
      '--format',
      'json',
      '--detail',
      'warnings',
      '--workspace',
      root,
    ],
    { encoding: 'utf8', maxBuffer: 256 << 20 },
  );
  if (result.error) {
    throw new Error(`Could not start java for apex-ls: ${result.error.message}. Install a JDK (17+).`);
  }
  // apex-ls exits 4 when it found errors; anything else non-zero with no JSON is a crash.
  const stdout = result.stdout.trim();
  if (!stdout.startsWith('{')) {
    throw new Error(`apex-ls failed (exit ${result.status}): ${result.stderr || stdout}`);
  }
  const report = JSON.parse(stdout) as ApexLsReport;
  return report.files.flatMap((file) =>
    file.messages
      .filter((m) => ERROR_CATEGORIES.has(m.category))
      .map((m) => ({
        file: file.path,
        line: m.start.line,
        column: m.start.offset + 1,
        check: 'apex-ls',
        message: `${m.category}: ${m.message}`,
      })),
  );
}

const IS_TEST = /@IsTest\b/i;

/** Every non-test class `X` needs `X_Tests.cls` in the same project. */
export function testClassCheck(root: string): Finding[] {
  const classes = apexSources(root).filter((f) => f.endsWith('.cls'));
  const names = new Set(classes.map((f) => path.basename(f, '.cls').toLowerCase()));
  return classes
    .filter((file) => !IS_TEST.test(readFileSync(file, 'utf8')))
    .filter((file) => !names.has(`${path.basename(file, '.cls')}_Tests`.toLowerCase()))
    .map((file) => ({
      file,
      check: 'test-class',
      message: `${path.basename(file, '.cls')} has no test class: add ${path.basename(file, '.cls')}_Tests.cls`,
    }));
}

export async function run(root: string): Promise<Finding[]> {
  return [...semanticCheck(root), ...testClassCheck(root)];
}
