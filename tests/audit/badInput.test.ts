/**
 * Bad input ends with exit 2 and a message naming the option, or the file, line and column:
 * never a silent roll-over, never exit 4 or a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseInstant, runCommand } from '../../scripts/audit/cliSupport';
import { fileSystemProblem } from '../../scripts/audit/fileSystemProblem';
import { prm, ROOT, TINY } from './prmProcess';

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

describe('file-system errors', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'prm-fs-'));
    file = path.join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['a CSV that is a folder', 'folder-csv', 'Contact.csv: is a folder, not a CSV file'],
    ['a CSV that is a FIFO', 'fifo-csv', 'Contact.csv: is not a regular file'],
  ])('refuses %s with exit 2 and its path', (_name, folder, message) => {
    const snap = path.join(dir, folder);
    cpSync(TINY, snap, { recursive: true });
    const csv = path.join(snap, 'Contact.csv');
    rmSync(csv);
    if (folder === 'folder-csv') {
      mkdirSync(csv);
    } else {
      expect(spawnSync('mkfifo', [csv]).status).toBe(0);
    }
    const run = prm('audit', '--snapshot', snap);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`Error: ${path.join(snap, message)}\n`);
  });

  it('--html and --out that cannot be written exit 2 with the path and the reason, no stack trace', () => {
    const cases: [string[], string][] = [
      [
        ['audit', '--snapshot', TINY, '--html', path.join(file, 'report.html')],
        `${file}: already exists and is not a folder`,
      ],
      [['audit', '--snapshot', TINY, '--html', dir], `${dir}: is a folder, not a file`],
      [['seed', '--out', file], `${file}: is a file, not a folder: --out needs a folder for the snapshot`],
      [
        ['seed', '--out', path.join(file, 'snap')],
        `${path.join(file, 'snap')}: a part of the path is a file, not a folder`,
      ],
      [['demo', '--out', file], 'a part of the path is a file, not a folder'],
    ];
    for (const [args, message] of cases) {
      const run = prm(...args);
      expect({ args, code: run.code }).toEqual({ args, code: 2 });
      expect(run.stderr).toContain(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    const json = prm('audit', '--snapshot', TINY, '--json', '--html', dir);
    expect(JSON.parse(json.stdout)).toEqual({
      status: 2,
      error: { name: 'InputError', message: `${dir}: is a folder, not a file` },
    });
  });

  it('maps unreadable and unwritable paths to input errors, and leaves other errors alone', async () => {
    const denied = Object.assign(new Error('EACCES: permission denied, open'), {
      code: 'EACCES',
      syscall: 'open',
      path: '/data/Account.csv',
    });
    expect(fileSystemProblem(denied)).toBe('/data/Account.csv: permission denied');
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', syscall: 'connect' });
    expect(fileSystemProblem(refused)).toBeUndefined();
    expect(fileSystemProblem(new TypeError('x is undefined'))).toBeUndefined();
    const err: string[] = [];
    const output = { json: false, stdout: () => undefined, stderr: (text: string) => err.push(text) };
    expect(await runCommand(output, () => Promise.reject(denied))).toBe(2);
    expect(err).toEqual(['Error: /data/Account.csv: permission denied']);
    expect(await runCommand(output, () => Promise.reject(new TypeError('x is undefined')))).toBe(4);
  });
});
