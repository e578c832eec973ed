/**
 * `prm audit --json` writes its document a share of the findings at a time (a ten-million-record
 * audit's findings as one string needed 1.6 GB). The text must be exactly what one
 * `JSON.stringify(document, null, 2)` gives, for no findings, a few, and several shares.
 */
import { writeJsonDocument } from '../../scripts/audit/report/jsonDocument';
import type { AuditResult } from '../../scripts/audit/engine';
import type { Finding } from '../../scripts/audit/types';

function finding(i: number): Finding {
  return {
    check: i % 2 === 0 ? 'orphan-reference' : 'missing-field',
    severity: i % 2 === 0 ? 'error' : 'warning',
    object: 'Account',
    recordId: i % 5 === 0 ? null : `001Sd${String(i).padStart(10, '0')}`,
    externalId: `ACC-${i}`,
    message: `Line one\nline "two" for Zürich 😀 [] ${i}`,
    fix: 'Point it at an existing record, or clear it.',
  };
}

function resultWith(count: number): Pick<AuditResult, 'summary' | 'metrics' | 'findings'> {
  return {
    summary: {
      source: 'snapshot out/demo',
      takenAt: '2025-06-30T12:00:00.000Z',
      now: '2025-06-30T12:00:00.000Z',
      today: '2025-06-30',
      timeZone: 'UTC',
      records: count * 3,
      objects: [{ name: 'Account', records: count * 3 }],
      findings: count,
      bySeverity: { error: Math.ceil(count / 2), warning: Math.floor(count / 2), info: 0 },
      checks: [],
      missingColumns: [],
      durationMs: 1234,
    },
    metrics: [{ id: 'win-rate-partner-percent', title: 'Win rate', value: 40, unit: 'percent', detail: 'x []' }],
    findings: Array.from({ length: count }, (_, i) => finding(i)),
  };
}

describe('prm audit --json document', () => {
  it.each([0, 1, 3, 2000, 4500])('writes %i findings exactly as one JSON.stringify would', (count) => {
    const result = resultWith(count);
    const writes: string[] = [];
    writeJsonDocument((text) => writes.push(`${text}\n`), 1, result);
    const expected = `${JSON.stringify({ status: 1, summary: result.summary, metrics: result.metrics, findings: result.findings }, null, 2)}\n`;
    expect(writes.join('')).toBe(expected);
    // Written in shares, not as one string, once there are findings.
    expect(writes.length).toBe(count === 0 ? 1 : 2 + Math.ceil(count / 2000));
  });
});
