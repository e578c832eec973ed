import path from 'node:path';
import type { Finding } from '../../scripts/lib/findings';

/** A planted-error fixture project under tests/fixtures/gates/<name>. */
export const fixture = (name: string): string => path.join(__dirname, '..', 'fixtures', 'gates', name);

/** `file:line check` for each finding, relative to the fixture, sorted: compact and exact to assert on. */
export function summarise(findings: Finding[], root: string): string[] {
  return findings
    .map((f) => `${path.relative(root, f.file).split(path.sep).join('/')}:${f.line ?? '-'} ${f.check}`)
    .sort();
}
