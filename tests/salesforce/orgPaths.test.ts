/**
 * `prm seed --target-org` and `prm audit --target-org` against the local Salesforce API
 * stand-in: upsert on external IDs (parents first, references by external ID, links pass),
 * nothing duplicated on a second run, UNABLE_TO_LOCK_ROW resubmitted, failed rows written
 * with their error, resume after an org error, INVALID_SESSION_ID failing fast, bad input
 * never reaching the org, and the org audit finding exactly the planted problems.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Connection } from 'jsforce';
import { runAuditCommand, type CommandDeps } from '../../scripts/commands/audit';
import { runSeedCommand } from '../../scripts/commands/seed';
import { DEFAULT_POLICY } from '../../scripts/audit/policy';
import { readManifest } from '../../scripts/snapshot/format';
import { sessionFromConnection } from '../../scripts/salesforce/session';
import { seedToSnapshot, type SeededSnapshot } from '../../scripts/seed/seedSnapshot';
import type { Finding } from '../../scripts/audit/types';
import { SalesforceStandIn } from './standIn';

const AS_OF = '2025-06-30T12:00:00.000Z';
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'snapshots');

interface Harness {
  standIn: SalesforceStandIn;
  deps: CommandDeps;
  out: string[];
  err: string[];
  connects: string[];
}

async function harness(json = false): Promise<Harness> {
  const standIn = new SalesforceStandIn();
  await standIn.start();
  const out: string[] = [];
  const err: string[] = [];
  const connects: string[] = [];
  return {
    standIn,
    out,
    err,
    connects,
    deps: {
      connect: async (org) => {
        connects.push(org);
        return sessionFromConnection(
          new Connection({ instanceUrl: standIn.url, accessToken: standIn.token, version: standIn.version }),
          org,
        );
      },
      clientOptions: { maxAttempts: 3, baseDelayMs: 1, pollIntervalMs: 1, sleep: async () => undefined },
      output: { json, stdout: (text) => out.push(text), stderr: (text) => err.push(text) },
    },
  };
}

describe('org paths against the Salesforce API stand-in', () => {
  let root: string;
  let seeded: SeededSnapshot;
  let total: number;
  const harnesses: Harness[] = [];
  const open = async (json = false): Promise<Harness> => {
    const h = await harness(json);
    harnesses.push(h);
    return h;
  };

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'prm-org-'));
    seeded = seedToSnapshot(
      { seed: 5, asOf: AS_OF, partners: 12, customers: 90, problemRate: 0.06, policy: DEFAULT_POLICY },
      path.join(root, 'snapshot'),
    );
    total = Object.values(seeded.counts).reduce((a, b) => a + b, 0);
  });
  afterEach(async () => {
    await Promise.all(harnesses.splice(0).map((h) => h.standIn.stop()));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('generates and upserts parents first with references by external ID; a second run creates nothing', async () => {
    const h = await open();
    const stateDir = path.join(root, 'state-generate');
    const options = {
      targetOrg: 'standin',
      seed: 5,
      partners: 12,
      customers: 90,
      problemRate: 0.06,
      asOf: AS_OF,
      stateDir,
      batchSize: 400,
    };
    const first = await runSeedCommand(options, h.deps);
    expect(first.code).toBe(0);
    expect(first.result.load).toMatchObject({ created: total, failed: 0, resumed: false });
    // Only the links pass updates records the run itself created.
    const links = first.result.load?.passes.filter((p) => p.pass === 'links') ?? [];
    expect(links.map((p) => p.object)).toEqual(['Partner_Program__c', 'Deal_Registration__c']);
    expect(first.result.load?.updated).toBe(links.reduce((sum, p) => sum + p.records, 0));
    for (const [objectName, count] of Object.entries(seeded.counts)) {
      expect([objectName, h.standIn.all(objectName).length]).toEqual([objectName, count]);
    }
    // The generated snapshot and its ground truth stay in the state folder.
    expect(existsSync(path.join(stateDir, 'snapshot', 'ground-truth.json'))).toBe(true);

    // Contacts point at the accounts with the external IDs the snapshot named.
    const accountExt = new Map(h.standIn.all('Account').map((a) => [a.Id, a.External_Id__c]));
    const snapshotAccounts = new Map(
      readFileSync(path.join(seeded.dir, 'Account.csv'), 'utf8')
        .split('\n')
        .slice(1)
        .filter(Boolean)
        .map((line) => [line.split(',')[0], line.match(/PSP-ACC-\d+/)?.[0]]),
    );
    const snapshotContacts = readFileSync(path.join(seeded.dir, 'Contact.csv'), 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean);
    for (const contact of h.standIn.all('Contact')) {
      const line = snapshotContacts.find((l) => l.includes(`,${contact.External_Id__c},`)) ?? '';
      const snapshotAccountId = line.match(/0010Sd[0-9A-Za-z]{12}/)?.[0] ?? '';
      expect(accountExt.get(contact.AccountId)).toBe(snapshotAccounts.get(snapshotAccountId));
    }
    // Lookups to objects that load later are set by the links pass.
    const registrations = h.standIn.all('Deal_Registration__c').filter((r) => r.Converted_Opportunity__c);
    expect(registrations.length).toBeGreaterThan(5);
    const opportunities = new Map(h.standIn.all('Opportunity').map((o) => [o.Id, o]));
    for (const registration of registrations) {
      expect(opportunities.get(registration.Converted_Opportunity__c)?.Source_Registration__c).toBe(registration.Id);
    }
    expect(h.standIn.all('Partner_Program__c').every((p) => p.Entry_Tier__c)).toBe(true);

    const second = await runSeedCommand(options, h.deps);
    expect(second.code).toBe(0);
    expect(second.result.load).toMatchObject({
      created: 0,
      updated: total + (first.result.load?.updated ?? 0),
      failed: 0,
      resumed: false,
    });
    for (const [objectName, count] of Object.entries(seeded.counts)) {
      expect([objectName, h.standIn.all(objectName).length]).toEqual([objectName, count]);
    }
  });

  it('resubmits rows that hit UNABLE_TO_LOCK_ROW and writes the ones that keep failing, with the error', async () => {
    const h = await open();
    const stateDir = path.join(root, 'state-locks');
    const accounts = h.standIn;
    accounts.lockRows('Account', ['PSP-ACC-0000001', 'PSP-ACC-0000002'], 1);
    accounts.lockRows('Partner_Activity__c', ['PSP-ACT-0000003'], 10);
    const run = await runSeedCommand({ targetOrg: 'standin', from: seeded.dir, stateDir, batchSize: 1000 }, h.deps);
    expect(run.code).toBe(3);
    expect(run.result.load).toMatchObject({ created: total - 1, failed: 1 });
    expect(h.standIn.all('Account')).toHaveLength(seeded.counts.Account);
    // One resubmission for the two locked accounts; four attempts for the activity that stays locked.
    expect(h.standIn.ingestJobObjects.filter((o) => o === 'Account')).toHaveLength(2);
    expect(h.standIn.ingestJobObjects.filter((o) => o === 'Partner_Activity__c')).toHaveLength(4);
    const failedRows = readFileSync(path.join(stateDir, 'failed-rows', 'Partner_Activity__c.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(failedRows).toHaveLength(2);
    expect(failedRows[0]).toMatch(/^sf__Error,/);
    expect(failedRows[1]).toContain(
      'UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record:-- (after 4 attempts)',
    );
    expect(failedRows[1]).toContain('PSP-ACT-0000003');
    expect(h.out.join('\n')).toContain(`Failed rows and their errors: ${path.join(stateDir, 'failed-rows')}`);
  });

  it('resumes after an org error without repeating finished jobs, and duplicates nothing', async () => {
    const h = await open();
    const stateDir = path.join(root, 'state-resume');
    // The fifth job fails with REQUEST_LIMIT_EXCEEDED more often than the client retries.
    h.standIn.fail({
      method: 'POST',
      path: /\/jobs\/ingest$/,
      status: 403,
      errorCode: 'REQUEST_LIMIT_EXCEEDED',
      message: 'TotalRequests Limit exceeded.',
      after: 4,
      times: 3,
    });
    const first = await runSeedCommand({ targetOrg: 'standin', from: seeded.dir, stateDir, batchSize: 1000 }, h.deps);
    expect(first.code).toBe(3);
    expect(h.err.join('\n')).toContain(
      'REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded. (gave up after 3 attempts)',
    );
    expect(h.err.join('\n')).toContain(
      `Progress is saved in ${path.join(stateDir, 'seed-state.json')}: run the same command again to resume.`,
    );
    const done = [...h.standIn.ingestJobObjects];
    expect(done).toHaveLength(4);

    const second = await runSeedCommand({ targetOrg: 'standin', from: seeded.dir, stateDir, batchSize: 1000 }, h.deps);
    expect(second.code).toBe(0);
    expect(second.result.load?.resumed).toBe(true);
    const resumedJobs = h.standIn.ingestJobObjects.slice(done.length);
    // Finished jobs are not sent again: the resumed run starts with the object that failed.
    expect(resumedJobs[0]).toBe(seeded.manifest.objects.filter((o) => o.records > 0)[4].name);
    // Only Partner_Program__c's links pass (Entry_Tier__c), which runs after every object, comes back.
    expect(resumedJobs.filter((o) => done.includes(o))).toEqual(['Partner_Program__c']);
    for (const [objectName, count] of Object.entries(seeded.counts)) {
      expect([objectName, h.standIn.all(objectName).length]).toEqual([objectName, count]);
    }
    expect(second.result.load?.created).toBe(total);
  });

  it('fails fast on INVALID_SESSION_ID with the command to log in again', async () => {
    const h = await open();
    h.standIn.fail({
      method: 'POST',
      path: /\/jobs\/ingest$/,
      status: 401,
      errorCode: 'INVALID_SESSION_ID',
      message: 'Session expired or invalid',
      after: 2,
      times: 1,
    });
    const run = await runSeedCommand(
      { targetOrg: 'standin', from: seeded.dir, stateDir: path.join(root, 'state-session'), batchSize: 1000 },
      h.deps,
    );
    expect(run.code).toBe(3);
    expect(h.err.join('\n')).toContain(
      'The session for standin is invalid or has expired (INVALID_SESSION_ID). Log in again with `sf org login web --alias standin`',
    );
    expect(h.standIn.requests(/POST .*\/jobs\/ingest$/)).toHaveLength(3);
  });

  it.each([
    ['malformed', 'Account.csv, line 3: malformed CSV'],
    ['unknown-column', 'Account.csv, line 1, column Nmae: unknown column "Nmae"'],
    ['wrong-type', 'Deal_Registration__c.csv, line 2, column Amount__c: "120k" is not a number'],
    ['missing-file', 'Contact.csv: not found'],
    ['blank-external-id', 'Contact.csv, line 2, column External_Id__c: External_Id__c is blank'],
    ['duplicate-id', 'Account.csv, line 3, column Id: record Id 0010Sd000000001QAA appears twice: first on line 2'],
    [
      'dangling-reference',
      'Contact.csv, line 2, column AccountId: AccountId points to Account 0010Sd000000009QAA, which is not in the snapshot',
    ],
  ])('writes nothing to the org when the snapshot is bad (%s)', async (fixture, message) => {
    const h = await open();
    const run = await runSeedCommand(
      { targetOrg: 'standin', from: path.join(FIXTURES, fixture), stateDir: path.join(root, `state-${fixture}`) },
      h.deps,
    );
    expect(run.code).toBe(2);
    expect(h.err.join('\n')).toContain(message);
    expect(h.connects).toEqual([]);
    expect(h.standIn.log).toEqual([]);
  });

  it('audits the org with REST and Bulk queries, finds exactly the planted problems, and saves a snapshot that audits the same', async () => {
    const h = await open(true);
    const load = await runSeedCommand(
      { targetOrg: 'standin', from: seeded.dir, stateDir: path.join(root, 'state-audit') },
      h.deps,
    );
    expect(load.code).toBe(0);
    h.out.length = 0;
    const saved = path.join(root, 'saved');
    const audit = await runAuditCommand(
      { targetOrg: 'standin', asOf: AS_OF, bulkThreshold: 40, saveSnapshot: saved, json: true },
      h.deps,
    );
    expect(audit.code).toBe(0);
    expect(h.standIn.requests(/GET .*\/query\/.+/).length).toBeGreaterThan(0);
    expect(h.standIn.requests(/POST .*\/jobs\/query$/).length).toBeGreaterThan(0);
    const json = JSON.parse(h.out.join('\n')) as { status: number; findings: Finding[]; summary: { records: number } };
    expect(json.summary.records).toBe(total);
    const keys = (findings: Finding[]) => findings.map((f) => `${f.check} ${f.externalId ?? ''}`).sort();
    const planted = seeded.groundTruth.problems.map((p) => `${p.check} ${p.externalId}`).sort();
    expect(keys(json.findings)).toEqual(planted);

    expect(readManifest(saved).objects.reduce((sum, o) => sum + o.records, 0)).toBe(total);
    h.out.length = 0;
    const offline = await runAuditCommand({ snapshot: saved, asOf: AS_OF, json: true }, h.deps);
    expect(offline.code).toBe(0);
    expect(keys((JSON.parse(h.out.join('\n')) as { findings: Finding[] }).findings)).toEqual(planted);
  });
});
