import path from 'node:path';

/** One problem a gate reports: where, which check, and what to do about it. */
export interface Finding {
  file: string;
  line?: number;
  column?: number;
  check: string;
  message: string;
}

export function formatFinding(finding: Finding, root: string): string {
  const where = [path.relative(root, finding.file) || finding.file, finding.line, finding.column]
    .filter((part) => part !== undefined)
    .join(':');
  return `${where} [${finding.check}] ${finding.message}`;
}

/** Line (1-based) of a character offset in a text. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
    }
  }
  return line;
}
