/**
 * Known size and complexity debt for `check:pmd`: `config/pmd-baseline.json` in the project
 * lists findings that are accepted for now, each with the reason and the work that removes it.
 * A listed finding is not reported; a listed entry that no longer matches anything is, so the
 * list only shrinks. A project without the file has no accepted debt.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Finding } from '../lib/findings';

export const BASELINE_FILE = path.join('config', 'pmd-baseline.json');

const Entry = z.object({
  rule: z.string().min(1),
  file: z.string().min(1),
  subject: z.string().min(1),
  why: z.string().min(1),
});
const Baseline = z.object({ entries: z.array(Entry) });
type Entry = z.infer<typeof Entry>;

/** The class or method a PMD message names: the text in its first quotes, without parameters. */
export function subjectOf(message: string): string | undefined {
  return /'([^'(]+)/.exec(message)?.[1]?.trim();
}

const keyOf = (rule: string, file: string, subject: string): string => `${rule}|${file}|${subject}`;

function readBaseline(root: string): Entry[] {
  const file = path.join(root, BASELINE_FILE);
  return existsSync(file) ? Baseline.parse(JSON.parse(readFileSync(file, 'utf8'))).entries : [];
}

/** Drops the accepted findings and reports every entry that matched none. */
export function applyBaseline(findings: Finding[], root: string): Finding[] {
  const entries = readBaseline(root);
  const accepted = new Set(entries.map((entry) => keyOf(`pmd:${entry.rule}`, entry.file, entry.subject)));
  const used = new Set<string>();
  const kept = findings.filter((finding) => {
    const subject = subjectOf(finding.message);
    const relative = path.relative(root, finding.file).split(path.sep).join('/');
    const key = subject === undefined ? undefined : keyOf(finding.check, relative, subject);
    if (key !== undefined && accepted.has(key)) {
      used.add(key);
      return false;
    }
    return true;
  });
  const stale = entries
    .filter((entry) => !used.has(keyOf(`pmd:${entry.rule}`, entry.file, entry.subject)))
    .map((entry) => ({
      file: path.join(root, BASELINE_FILE),
      check: 'pmd-baseline',
      message: `${entry.rule} no longer reports ${entry.subject} in ${entry.file}: remove the entry`,
    }));
  return [...kept, ...stale];
}
