/**
 * What a user would call wrong is refused, never passed silently: a manifest that disagrees
 * with its files, bytes that are not UTF-8, numbers beyond range, picklist values the package
 * does not have; a non-empty output folder needs --force; usage errors are JSON with --json;
 * a missing column says which checks it disables; `prm seed --dry-run` writes nothing.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { runAuditCommand } from '../../scripts/commands/audit';
import { runSeedCommand } from '../../scripts/commands/seed';
import type { Output } from '../../scripts/audit/cliSupport';
import { Utf8Guard } from '../../scripts/snapshot/utf8Guard';
import { prm, TINY } from './prmProcess';

function captured(): Output & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { json: false, out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
}

const neverConnect = async (): Promise<never> => {
  throw new Error('the command contacted the org');
};

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'prm-strict-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the tiny fixture with one file changed. */
function tinyWith(name: string, file: string, edit: (bytes: Buffer) => Buffer): string {
  const dir = path.join(work, name);
  cpSync(TINY, dir, { recursive: true });
  const target = path.join(dir, file);
  writeFileSync(target, edit(readFileSync(target)));
  return dir;
}

async function auditError(dir: string): Promise<{ code: number; message: string }> {
  const output = captured();
  const { code } = await runAuditCommand({ snapshot: dir }, { connect: neverConnect, output });
  return { code, message: output.err.join('\n') };
}

const text = (edit: (s: string) => string) => (bytes: Buffer) => Buffer.from(edit(bytes.toString('utf8')));

describe('snapshot.json and the files agree', () => {
  it('a CSV cut short is refused with both counts', async () => {
    const dir = tinyWith(
      'truncated',
      'Account.csv',
      text((s) => s.split('\n').slice(0, 3).join('\n')),
    );
    const { code, message } = await auditError(dir);
    expect(code).toBe(2);
    expect(message).toContain(`${path.join(dir, 'Account.csv')}: holds 2 records but snapshot.json says 3`);
  });

  it('an object CSV that snapshot.json does not list is refused', async () => {
    const dir = tinyWith(
      'unlisted',
      'snapshot.json',
      text((s) => s.replace(/\s*\{ "name": "Contact", "records": 1 \},/, '')),
    );
    const { code, message } = await auditError(dir);
    expect(code).toBe(2);
    expect(message).toContain('does not list Contact, but Contact.csv is in the folder');
  });

  it('an object listed twice is refused', async () => {
    const dir = tinyWith(
      'twice',
      'snapshot.json',
      text((s) =>
        s.replace(
          '{ "name": "Contact", "records": 1 },',
          '{ "name": "Contact", "records": 1 }, { "name": "contact", "records": 1 },',
        ),
      ),
    );
    const { code, message } = await auditError(dir);
    expect(code).toBe(2);
    expect(message).toContain('lists contact twice');
  });

  it('a byte-order mark on snapshot.json is accepted like on the CSVs', async () => {
    const dir = tinyWith('bom', 'snapshot.json', (bytes) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]));
    const plain = await runAuditCommand(
      { snapshot: TINY, asOf: '2025-07-01' },
      { connect: neverConnect, output: captured() },
    );
    const withBom = await runAuditCommand(
      { snapshot: dir, asOf: '2025-07-01' },
      { connect: neverConnect, output: captured() },
    );
    expect(withBom.code).toBe(0);
    expect(withBom.result?.findings).toEqual(plain.result?.findings);
  });
});

describe('cells', () => {
  it('bytes that are not UTF-8 are refused with their line, not turned into U+FFFD', async () => {
    // "Café" saved as Windows-1252: é is the single byte 0xE9.
    const dir = tinyWith('latin1', 'Account.csv', (bytes) => {
      const lines = bytes.toString('utf8').split('\n');
      lines[2] = lines[2].replace('ACME WIDGETS', 'CAFE WIDGETS');
      return Buffer.concat([
        Buffer.from(`${lines.slice(0, 2).join('\n')}\n`),
        Buffer.from(lines[2].replace('CAFE', 'CAF\u00e9'), 'latin1'),
        Buffer.from(`\n${lines.slice(3).join('\n')}`),
      ]);
    });
    const { code, message } = await auditError(dir);
    expect(code).toBe(2);
    expect(message).toContain(`${path.join(dir, 'Account.csv')}, line 3: byte 0xE9`);
    expect(message).toContain('save it as UTF-8');
  });

  it('the UTF-8 check passes characters split between chunks and refuses a sequence cut at the end', async () => {
    const bytes = Buffer.from('Zoë,東京,😀\n', 'utf8');
    const chunks = [...bytes].map((b) => Buffer.from([b]));
    const passed: Buffer[] = [];
    await new Promise<void>((resolve, reject) => {
      Readable.from(chunks)
        .pipe(new Utf8Guard('split.csv'))
        .on('data', (chunk: Buffer) => passed.push(chunk))
        .on('end', resolve)
        .on('error', reject);
    });
    expect(Buffer.concat(passed).toString('utf8')).toBe('Zoë,東京,😀\n');
    const cut = Readable.from([bytes.subarray(0, bytes.length - 3)]).pipe(new Utf8Guard(path.join(work, 'none')));
    await expect(
      new Promise((resolve, reject) =>
        cut
          .on('data', () => undefined)
          .on('end', resolve)
          .on('error', reject),
      ),
    ).rejects.toThrow('is not UTF-8');
  });

  it.each([
    ['1e400', 'is too large for a number field'],
    ['-1e400', 'is too large for a number field'],
    ['1e-400', 'is too small to be told apart from 0'],
  ])('the number %s is refused: %s', async (value, problem) => {
    const dir = tinyWith(
      `number${value}`,
      'Deal_Registration__c.csv',
      text((s) => s.replace('120000', value)),
    );
    const { code, message } = await auditError(dir);
    expect(code).toBe(2);
    expect(message).toContain(`Deal_Registration__c.csv, line 2, column Amount__c: "${value}" ${problem}`);
  });

  it('a value a restricted picklist does not have is refused, and a wrong case is named', async () => {
    const unknown = tinyWith(
      'picklist',
      'Deal_Registration__c.csv',
      text((s) => s.replace(',Pending Approval,', ',Sent,')),
    );
    const first = await auditError(unknown);
    expect(first.code).toBe(2);
    expect(first.message).toMatch(
      /column Status__c: "Sent" is not a value of Status__c; it accepts Draft, Submitted, /,
    );
    const lower = tinyWith(
      'picklist-case',
      'Deal_Registration__c.csv',
      text((s) => s.replace(',Pending Approval,', ',pending approval,')),
    );
    const second = await auditError(lower);
    expect(second.message).toContain(
      '"pending approval" is not a value of Status__c: write it "Pending Approval" (picklist values are case-sensitive)',
    );
  });
});

describe('missing columns', () => {
  it('a check that reads a missing column is skipped and the output says which column', async () => {
    const output = captured();
    const { code, result } = await runAuditCommand({ snapshot: TINY }, { connect: neverConnect, output });
    expect(code).toBe(0);
    const summary = result?.summary;
    const expiry = summary?.checks.find((c) => c.check === 'registration-expiry-mismatch');
    expect(expiry?.skipped).toContain('Deal_Registration__c.Expires_On__c');
    expect(summary?.missingColumns).toContainEqual({
      column: 'Deal_Registration__c.Competing_Registration__c',
      skips: [],
      narrows: ['orphan-reference'],
      metrics: false,
    });
    expect(result?.findings.some((f) => f.check === 'registration-expiry-mismatch')).toBe(false);
    expect(output.out.join('\n')).toContain(
      'Deal_Registration__c.Expires_On__c: skips missing-field, registration-expired-open, registration-expiry-mismatch',
    );
  });

  it('removing a column another check does not read leaves that check and its findings alone', async () => {
    const dir = tinyWith('no-website', 'Account.csv', (bytes) => {
      const rows = bytes.toString('utf8').split('\n');
      return Buffer.from(rows.map((row) => row.replace(/^([^,]*,(?:"[^"]*"|[^,]*)),[^,]*,/, '$1,')).join('\n'));
    });
    const full = await runAuditCommand({ snapshot: TINY }, { connect: neverConnect, output: captured() });
    const lacking = await runAuditCommand({ snapshot: dir }, { connect: neverConnect, output: captured() });
    expect(lacking.code).toBe(0);
    expect(lacking.result?.summary.missingColumns.map((m) => m.column)).toContain('Account.Website');
    expect(lacking.result?.summary.checks.find((c) => c.check === 'match-key-stale')?.skipped).toContain(
      'Account.Website',
    );
    const duplicates = (r: typeof full) => r.result?.findings.filter((f) => f.check === 'duplicate-account');
    expect(duplicates(lacking)).toEqual(duplicates(full));
  });
});

describe('output folders', () => {
  it('prm seed --out into a non-empty folder needs --force and then replaces only the snapshot', async () => {
    const out = path.join(work, 'seed-out');
    mkdirSync(out);
    writeFileSync(path.join(out, 'notes.txt'), 'keep me');
    writeFileSync(path.join(out, 'Widget.csv'), 'not ours');
    writeFileSync(path.join(out, 'Lead.csv'), 'Id\n00Q0Sd000000001AAA\n');
    const options = { out, partners: 2, customers: 5, asOf: '2025-06-30' };
    const refused = captured();
    expect((await runSeedCommand(options, { connect: neverConnect, output: refused })).code).toBe(2);
    expect(refused.err.join('\n')).toContain(`${out} is not empty (3 entries: Lead.csv, Widget.csv, notes.txt)`);
    expect(readFileSync(path.join(out, 'Lead.csv'), 'utf8')).toBe('Id\n00Q0Sd000000001AAA\n');

    const forced = await runSeedCommand({ ...options, force: true }, { connect: neverConnect, output: captured() });
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe('keep me');
    expect(existsSync(path.join(out, 'Widget.csv'))).toBe(true);
    expect(readFileSync(path.join(out, 'Lead.csv'), 'utf8')).not.toContain('00Q0Sd000000001AAA');
    expect((await auditError(out)).code).toBe(0);
  });

  it('prm audit --save-snapshot into a non-empty folder is refused before the org is contacted', async () => {
    const out = path.join(work, 'save-out');
    mkdirSync(out);
    writeFileSync(path.join(out, 'snapshot.json'), '{}');
    const output = captured();
    const { code } = await runAuditCommand(
      { targetOrg: 'my-org', saveSnapshot: out },
      { connect: neverConnect, output },
    );
    expect(code).toBe(2);
    expect(output.err.join('\n')).toContain('add --force to replace the snapshot in it');
  });
});

describe('prm seed --dry-run', () => {
  it('with --target-org: validates and plans the load, writes nothing, does not contact the org', async () => {
    const stateDir = path.join(work, 'dry-state');
    const output = captured();
    const { code, result } = await runSeedCommand(
      { targetOrg: 'my-org', stateDir, partners: 3, customers: 10, asOf: '2025-06-30', batchSize: 50, dryRun: true },
      { connect: neverConnect, output },
    );
    expect(code).toBe(0);
    expect(existsSync(stateDir)).toBe(false);
    const plan = result.plan;
    const generated = Object.values(result.snapshot?.records ?? {}).reduce((a, b) => a + b, 0);
    const mainRows = plan?.passes.filter((p) => p.pass === 'main').reduce((sum, p) => sum + p.rows, 0);
    expect(mainRows).toBe(generated);
    expect(plan?.jobs).toBe(plan?.passes.reduce((sum, p) => sum + Math.ceil(p.rows / 50), 0));
    expect(output.out.join('\n')).toContain('Dry run: nothing was written and my-org was not contacted.');
  });

  it('with --out: nothing is written, and a non-empty folder is refused as the real run would', async () => {
    const out = path.join(work, 'dry-out');
    const options = { out, partners: 2, customers: 5, asOf: '2025-06-30', dryRun: true };
    expect((await runSeedCommand(options, { connect: neverConnect, output: captured() })).code).toBe(0);
    expect(existsSync(out)).toBe(false);
    mkdirSync(out);
    writeFileSync(path.join(out, 'Account.csv'), 'Id\n');
    expect((await runSeedCommand(options, { connect: neverConnect, output: captured() })).code).toBe(2);
    expect(readdirSync(out)).toEqual(['Account.csv']);
  });
});

describe('usage errors with --json', () => {
  it.each([
    [['audit', '--snapshot', TINY, '--json', '--bogus'], "unknown option '--bogus'"],
    [
      ['seed', '--json', '--out', 'x', '--as-of', '2025-02-30'],
      "option '--as-of <datetime>' argument '2025-02-30' is invalid",
    ],
    [['frobnicate', '--json'], "unknown command 'frobnicate'"],
  ])('prm %j prints the error as JSON on stdout and exits 2', (args, message) => {
    const run = prm(...args);
    expect(run.code).toBe(2);
    const parsed = JSON.parse(run.stdout) as { status: number; error: { name: string; message: string } };
    expect(parsed.status).toBe(2);
    expect(parsed.error.name).toBe('UsageError');
    expect(parsed.error.message).toContain(message);
    expect(run.stderr).toBe('');
  });

  it('without --json the same error stays on stderr', () => {
    const run = prm('audit', '--snapshot', TINY, '--bogus');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("error: unknown option '--bogus'");
  });
});
