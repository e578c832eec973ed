/**
 * The prm binary as a user runs it: help with examples and exit codes, --json, --html,
 * --fail-on, usage and input errors with exit code 2, and the demo end to end.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runDemo } from '../../scripts/commands/demo';
import { prm, ROOT, TINY } from './prmProcess';

describe('prm audit and prm seed from the command line', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'prm-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('audits a snapshot: JSON with summary, metrics and findings; HTML report; exit 1 at --fail-on', () => {
    const html = path.join(dir, 'report', 'tiny.html');
    const run = prm('audit', '--snapshot', TINY, '--json', '--html', html, '--fail-on', 'warning');
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as {
      status: number;
      summary: { records: number };
      metrics: unknown[];
      findings: Record<string, unknown>[];
    };
    expect(json.status).toBe(1);
    expect(json.summary.records).toBe(6);
    expect(json.metrics.length).toBeGreaterThan(10);
    expect(json.findings).toEqual([
      {
        check: 'duplicate-account',
        severity: 'warning',
        object: 'Account',
        recordId: '0010Sd000000002QAA',
        externalId: 'FX-ACC-2',
        message: '"ACME WIDGETS, LLC" duplicates "Acme Widgets Inc." (FX-ACC-1): same company match key',
        fix: 'Merge it into FX-ACC-1 (0010Sd000000001QAA), the older account.',
      },
    ]);
    expect(readFileSync(html, 'utf8')).toContain('Duplicate accounts');
    expect(prm('audit', '--snapshot', TINY, '--fail-on', 'error').code).toBe(0);
    const onTwoThreads = prm('audit', '--snapshot', TINY, '--json', '--threads', '2');
    const onOne = prm('audit', '--snapshot', TINY, '--json', '--threads', '1');
    const withoutDuration = (stdout: string): unknown => {
      const parsed = JSON.parse(stdout) as { summary: { durationMs?: number } };
      delete parsed.summary.durationMs;
      return parsed;
    };
    expect(withoutDuration(onTwoThreads.stdout)).toEqual(withoutDuration(onOne.stdout));
    expect(prm('audit', '--snapshot', TINY, '--threads', '4').code).toBe(2);
  });

  it('exits 2 with a message naming file, line and column on bad input, and on usage errors', () => {
    const bad = prm('audit', '--snapshot', path.join(ROOT, 'tests', 'fixtures', 'snapshots', 'wrong-type'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Deal_Registration__c.csv, line 2, column Amount__c: "120k" is not a number');
    const json = prm('audit', '--snapshot', path.join(dir, 'nowhere'), '--json');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({
      status: 2,
      error: { name: 'SnapshotInputError', message: `${path.join(dir, 'nowhere')}: snapshot folder not found` },
    });
    expect(prm('audit').code).toBe(2);
    expect(prm('audit', '--snapshot', TINY, '--fail-on', 'sometimes').code).toBe(2);
    expect(prm('seed', '--out', dir, '--problem-rate', '2').code).toBe(2);
    const policy = path.join(dir, 'policy.json');
    writeFileSync(policy, JSON.stringify({ dealRegistration: { protectionDays: -1 } }));
    const badPolicy = prm('audit', '--snapshot', TINY, '--policy', policy);
    expect(badPolicy.code).toBe(2);
    expect(badPolicy.stderr).toContain('policy.json: dealRegistration.protectionDays');
  });

  it('exits 2 on an unknown command or option at any level, 0 on help and version', () => {
    const unknown = prm('nope');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'nope'");
    expect(prm('rules', 'nope').code).toBe(2);
    expect(prm('--bogus').code).toBe(2);
    expect(prm().code).toBe(2);
    expect(prm('--help').code).toBe(0);
    expect(prm('--version').code).toBe(0);
  });

  it('documents options, examples and exit codes in --help', () => {
    for (const command of ['audit', 'seed', 'demo']) {
      const help = prm(command, '--help');
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('Examples:');
      expect(help.stdout).toContain('Exit codes:');
    }
    expect(prm('audit', '--help').stdout).toContain('--target-org');
  });

  it('seeds a snapshot the audit then reads', () => {
    const out = path.join(dir, 'seeded');
    const seed = prm(
      'seed',
      '--out',
      out,
      '--seed',
      '9',
      '--partners',
      '8',
      '--customers',
      '60',
      '--as-of',
      '2025-06-30',
    );
    expect(seed.code).toBe(0);
    expect(seed.stdout).toContain('Planted problems:');
    const audit = prm('audit', '--snapshot', out, '--json');
    const json = JSON.parse(audit.stdout) as {
      summary: { now: string };
      findings: { check: string; externalId: string }[];
    };
    expect(json.summary.now).toBe('2025-06-30T00:00:00.000Z');
    const truth = JSON.parse(readFileSync(path.join(out, 'ground-truth.json'), 'utf8')) as {
      problems: { check: string; externalId: string }[];
    };
    expect(json.findings.map((f) => `${f.check} ${f.externalId}`).sort()).toEqual(
      truth.problems.map((p) => `${p.check} ${p.externalId}`).sort(),
    );
  });
});

describe('prm demo', () => {
  it('seeds, audits and writes the report offline, with precision and recall 1.0', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'prm-demo-'));
    const lines: string[] = [];
    try {
      const { code, result } = await runDemo(
        { out, scale: 'small', seed: 3 },
        { json: false, stdout: (t) => lines.push(t), stderr: (t) => lines.push(t) },
      );
      expect(code).toBe(0);
      expect(result).toMatchObject({ precision: 1, recall: 1, reportFile: path.join(out, 'report.html') });
      expect(existsSync(path.join(out, 'snapshot', 'ground-truth.json'))).toBe(true);
      expect(readFileSync(path.join(out, 'report.html'), 'utf8')).toContain('<svg');
      expect(lines.join('\n')).toMatch(/precision 1\.000, recall 1\.000/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120000);
});
