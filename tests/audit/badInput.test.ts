/**
 * Bad input ends with exit 2 and a message naming the option, or the file, line and column:
 * never a silent roll-over, never exit 4.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseInstant } from '../../scripts/audit/cliSupport';

const ROOT = path.join(__dirname, '..', '..');
const TINY = path.join(ROOT, 'tests', 'fixtures', 'snapshots', 'tiny');

function prm(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'prm.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('impossible dates', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'prm-bad-input-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--as-of refuses dates and times that do not exist instead of rolling them over', () => {
    for (const value of ['2025-02-30', '2025-04-31', '2023-02-29', '2025-02-29T10:00:00Z', '2025-06-30T24:00:00Z']) {
      expect(() => parseInstant(value)).toThrow(`${value} is not a real date or time of day.`);
    }
    expect(parseInstant('2024-02-29')).toBe('2024-02-29T00:00:00.000Z');
    expect(parseInstant('2025-06-30T23:59:59+02:00')).toBe('2025-06-30T21:59:59.000Z');
  });

  it('prm audit and prm seed exit 2 naming --as-of', () => {
    const audit = prm('audit', '--snapshot', TINY, '--as-of', '2025-02-30');
    expect(audit.code).toBe(2);
    expect(audit.stderr).toContain("option '--as-of <datetime>' argument '2025-02-30' is invalid");
    const seed = prm('seed', '--out', path.join(dir, 'never'), '--as-of', '2025-02-30');
    expect(seed.code).toBe(2);
    expect(seed.stderr).toContain('--as-of');
  });

  it('an impossible date in a CSV cell names file, line and column', () => {
    const snap = path.join(dir, 'feb30');
    cpSync(TINY, snap, { recursive: true });
    const csv = path.join(snap, 'Deal_Registration__c.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('2025-09-30', '2025-02-30'));
    const run = prm('audit', '--snapshot', snap);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'Deal_Registration__c.csv, line 2, column Expected_Close_Date__c: "2025-02-30" is not a date (YYYY-MM-DD)',
    );
  });
});

describe('duplicate record Ids', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'prm-duplicate-id-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the audit refuses a CSV whose Id repeats, naming both lines', () => {
    const run = prm('audit', '--snapshot', path.join(ROOT, 'tests', 'fixtures', 'snapshots', 'duplicate-id'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'Account.csv, line 3, column Id: record Id 0010Sd000000001QAA appears twice: first on line 2',
    );
  });

  it('an 18-character Id and its 15-character form are the same record', () => {
    const snap = path.join(dir, 'mixed-length');
    cpSync(TINY, snap, { recursive: true });
    const csv = path.join(snap, 'Account.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('0010Sd000000002QAA', '0010Sd000000001'));
    const run = prm('audit', '--snapshot', snap);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'Account.csv, line 3, column Id: record Id 0010Sd000000001 appears twice: first on line 2',
    );
  });
});
