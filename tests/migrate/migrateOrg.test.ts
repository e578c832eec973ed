/**
 * `prm migrate -o ORG` and `prm migrate rollback` against the Salesforce API stand-in, on the
 * bundled sample legacy data and the sample CRM's accounts: a dry run writes nothing, refused
 * rows never stop good rows (unless --all-or-nothing), a second run creates nothing, a run
 * that stopped resumes without repeating finished jobs, and a rollback removes exactly the
 * cohort's records.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { CommandDeps } from '../../scripts/commands/audit';
import { runMigrateCommand, runRollbackCommand, type MigrateCommandOptions } from '../../scripts/commands/migrate';
import { CRM_ACCOUNTS } from '../../scripts/migrate/sample/sampleData';
import { SAMPLE_DIR } from '../../scripts/migrate/sample/generateSample';
import { SalesforceStandIn } from '../salesforce/standIn';
import { standInDeps } from '../salesforce/standInDeps';

// Each test runs whole commands over HTTP against the stand-in: seconds on a loaded machine.
jest.setTimeout(120_000);

interface Harness {
  standIn: SalesforceStandIn;
  deps: CommandDeps;
  out: string[];
}

const standIns: SalesforceStandIn[] = [];

async function harness(namespace = ''): Promise<Harness> {
  const standIn = new SalesforceStandIn();
  standIn.namespace = namespace;
  await standIn.start();
  standIns.push(standIn);
  for (const [Id, Name, Website, isPartner, CreatedDate] of CRM_ACCOUNTS) {
    standIn.put('Account', { Id, Name, Website, Is_Partner__c: isPartner, CreatedDate });
  }
  const out: string[] = [];
  return {
    standIn,
    out,
    deps: standInDeps(standIn, out),
  };
}

interface MigrateJson {
  status: number;
  preview: { counts: Record<string, number> };
  writes: Record<string, number>;
  refused: { source: string; line: number; problems: { column: string; message: string }[] }[];
  load:
    | {
        resumed: boolean;
        failed: number;
        objects: { object: string; created: number; updated: number; failed: number; resumedJobs: number }[];
      }
    | undefined;
  errorFile: string | null;
  audit: { findings: number } | null;
}

const last = (h: Harness): MigrateJson => JSON.parse(h.out[h.out.length - 1]) as MigrateJson;
const created = (json: MigrateJson): number => (json.load?.objects ?? []).reduce((sum, o) => sum + o.created, 0);
const updated = (json: MigrateJson): number => (json.load?.objects ?? []).reduce((sum, o) => sum + o.updated, 0);
const counts = (s: SalesforceStandIn): number[] =>
  ['Account', 'Deal_Registration__c', 'Lead'].map((o) => s.all(o).length);

describe('prm migrate against the Salesforce API stand-in', () => {
  let root: string;
  const options = (stateDir: string, extra: Partial<MigrateCommandOptions> = {}): MigrateCommandOptions => ({
    from: SAMPLE_DIR,
    mapping: path.join(SAMPLE_DIR, 'mapping.yaml'),
    cohort: 'Gold',
    cohortBy: 'tier',
    targetOrg: 'standin',
    stateDir,
    asOf: '2025-06-30T12:00:00Z',
    json: true,
    ...extra,
  });

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'prm-migrate-'));
  });
  afterEach(async () => {
    await Promise.all(standIns.splice(0).map((s) => s.stop()));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('a dry run reads the org accounts, previews the matches and writes nothing', async () => {
    const h = await harness();
    const before = counts(h.standIn);
    const code = await runMigrateCommand(options(path.join(root, 'dry'), { dryRun: true }), h.deps);
    expect(code).toBe(0);
    const json = last(h);
    expect(json.preview.counts).toEqual({ matched: 5, new: 11, ambiguous: 1, duplicate: 3 });
    expect(json.writes).toEqual({ Account: 11, Deal_Registration__c: 25, Lead: 14 });
    expect(h.standIn.requests(/jobs\/ingest/)).toEqual([]);
    expect(counts(h.standIn)).toEqual(before);
    expect(existsSync(path.join(root, 'dry'))).toBe(false);
  });

  it('writes the good rows, lists refused rows with source and line, and a second run creates nothing', async () => {
    const h = await harness();
    const stateDir = path.join(root, 'twice');
    expect(await runMigrateCommand(options(stateDir), h.deps)).toBe(0);
    const first = last(h);
    expect(created(first)).toBe(11 + 25 + 14);
    expect(counts(h.standIn)).toEqual([CRM_ACCOUNTS.length + 11, 25, 14]);
    // Registrations of a partner that was matched point at the existing account.
    const partnerIds = new Set(h.standIn.all('Deal_Registration__c').map((r) => r.Partner_Account__c));
    expect(partnerIds.has('001Sm0000000001AAA')).toBe(true);
    expect(
      [...partnerIds].every((id) => h.standIn.all('Account').some((a) => a.Id === id && a.Is_Partner__c === 'true')),
    ).toBe(true);
    // Refused rows: in the output and in the error file, with table, line and column.
    const errors = parse(readFileSync(first.errorFile as string, 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    expect(errors.map((e) => `${e.source}:${e.line}:${e.column}`)).toEqual(
      first.refused.flatMap((r) => r.problems.map((p) => `${r.source}:${r.line}:${p.column}`)),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ source: 'partner-tracker.xlsx#Deal Regs', line: '12', column: 'Deal Size' }),
    );
    expect(first.audit).not.toBeNull();

    h.out.length = 0;
    expect(await runMigrateCommand(options(stateDir), h.deps)).toBe(0);
    const second = last(h);
    expect(created(second)).toBe(0);
    expect(updated(second)).toBe(11 + 25 + 14);
    expect(counts(h.standIn)).toEqual([CRM_ACCOUNTS.length + 11, 25, 14]);
  });

  it('--all-or-nothing refuses the cohort when a row is refused, before writing anything', async () => {
    const h = await harness();
    const code = await runMigrateCommand(options(path.join(root, 'strict'), { allOrNothing: true }), h.deps);
    expect(code).toBe(2);
    expect(h.standIn.requests(/jobs\/ingest/)).toEqual([]);
  });

  it('resubmits rows locked once; rows the org still refuses go to the error file and the others are written', async () => {
    const h = await harness();
    h.standIn.lockRows('Lead', ['LEG-LEAD-L-5001'], 1);
    h.standIn.lockRows('Lead', ['LEG-LEAD-L-5002'], 10);
    const code = await runMigrateCommand(options(path.join(root, 'locked')), h.deps);
    expect(code).toBe(3);
    const json = last(h);
    expect(json.load?.objects.find((o) => o.object === 'Lead')).toMatchObject({ created: 13, failed: 1 });
    expect(h.standIn.all('Lead').map((l) => l.External_Id__c)).toContain('LEG-LEAD-L-5001');
    const errors = readFileSync(json.errorFile as string, 'utf8');
    expect(errors).toMatch(
      /leads-export\.csv,\d+,L-5002,Lead,LEG-LEAD-L-5002,,UNABLE_TO_LOCK_ROW.*\(after 4 attempts\)/,
    );
    expect(errors).not.toMatch(/L-5001/);
  });

  it('resumes after an org error without repeating finished jobs', async () => {
    const h = await harness();
    const stateDir = path.join(root, 'resume');
    // The third ingest job fails (after retries): accounts and the first registrations are in.
    h.standIn.fail({ method: 'POST', path: /jobs\/ingest$/, status: 400, errorCode: 'INVALID_OPERATION', after: 2 });
    expect(await runMigrateCommand(options(stateDir, { batchSize: 20 }), h.deps)).toBe(3);
    expect(h.standIn.ingestJobObjects).toEqual(['Account', 'Deal_Registration__c']);
    h.out.length = 0;
    expect(await runMigrateCommand(options(stateDir, { batchSize: 20 }), h.deps)).toBe(0);
    const json = last(h);
    expect(json.load?.resumed).toBe(true);
    expect(h.standIn.ingestJobObjects).toEqual(['Account', 'Deal_Registration__c', 'Deal_Registration__c', 'Lead']);
    expect(counts(h.standIn)).toEqual([CRM_ACCOUNTS.length + 11, 25, 14]);
  });

  it('in an org where the package runs under the pspm namespace, loads and rolls back under prefixed names', async () => {
    const h = await harness('pspm');
    const stateDir = path.join(root, 'namespaced');
    expect(await runMigrateCommand(options(stateDir), h.deps)).toBe(0);
    expect(created(last(h))).toBe(11 + 25 + 14);
    expect(counts(h.standIn)).toEqual([CRM_ACCOUNTS.length + 11, 25, 14]);
    expect(h.standIn.ingestJobObjects).toEqual(['Account', 'pspm__Deal_Registration__c', 'Lead']);
    expect(h.standIn.all('Deal_Registration__c').every((r) => r.Match_Key__c)).toBe(true);

    expect(await runRollbackCommand({ cohort: 'Gold', targetOrg: 'standin', stateDir, json: true }, h.deps)).toBe(0);
    expect(counts(h.standIn)).toEqual([CRM_ACCOUNTS.length, 0, 0]);
    expect(h.standIn.ingestJobObjects.slice(3)).toEqual(['Lead', 'pspm__Deal_Registration__c', 'Account']);
  });

  it('rollback deletes exactly the records the cohort created', async () => {
    const h = await harness();
    const stateDir = path.join(root, 'rollback');
    expect(await runMigrateCommand(options(stateDir), h.deps)).toBe(0);
    const afterGold = {
      accounts: new Set(h.standIn.all('Account').map((a) => a.Id)),
      registrations: h.standIn.all('Deal_Registration__c').length,
    };
    expect(await runMigrateCommand(options(stateDir, { cohort: 'Silver' }), h.deps)).toBe(0);
    const silver = last(h);
    // Customers are in every cohort: the Silver run updates them and creates only its own partners.
    expect(silver.load?.objects.find((o) => o.object === 'Account')).toMatchObject({ created: 5, updated: 8 });
    const silverRegistrations = h.standIn.all('Deal_Registration__c').length - afterGold.registrations;

    expect(await runRollbackCommand({ cohort: 'Gold', targetOrg: 'standin', stateDir, json: true }, h.deps)).toBe(0);
    const rollback = JSON.parse(h.out[h.out.length - 1]) as { deleted: Record<string, number> };
    expect(rollback.deleted).toEqual({ Lead: 14, Deal_Registration__c: 25, Account: 11 });
    const remaining = new Set(h.standIn.all('Account').map((a) => a.Id));
    for (const [id] of CRM_ACCOUNTS) {
      expect(remaining.has(id)).toBe(true);
    }
    // What stays: the CRM's accounts and Silver's partners (the customers were Gold's creation).
    expect(remaining.size).toBe(CRM_ACCOUNTS.length + 5);
    expect(h.standIn.all('Deal_Registration__c')).toHaveLength(silverRegistrations);
    expect(h.standIn.all('Deal_Registration__c').every((r) => remaining.has(r.Partner_Account__c))).toBe(true);
    expect([...remaining].filter((id) => !afterGold.accounts.has(id))).toHaveLength(5);

    // Rolling back again deletes nothing more.
    expect(await runRollbackCommand({ cohort: 'Gold', targetOrg: 'standin', stateDir, json: true }, h.deps)).toBe(0);
    expect(JSON.parse(h.out[h.out.length - 1])).toMatchObject({
      deleted: { Lead: 0, Deal_Registration__c: 0, Account: 0 },
    });
  });
});
