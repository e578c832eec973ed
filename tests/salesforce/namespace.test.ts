/**
 * `prm seed` and `prm audit` against an org where the managed package is installed under its
 * namespace: names are mapped both ways by one NamespaceMap, the namespace is detected from the
 * org's objects (or given with --namespace), and snapshots stay un-prefixed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runAuditCommand } from '../../scripts/commands/audit';
import { runSeedCommand } from '../../scripts/commands/seed';
import { DEFAULT_POLICY } from '../../scripts/audit/policy';
import type { Finding } from '../../scripts/audit/types';
import { NamespaceMap, namespaceFromObjects } from '../../scripts/salesforce/namespace';
import { seedToSnapshot, type SeededSnapshot } from '../../scripts/seed/seedSnapshot';
import { SalesforceStandIn } from './standIn';
import { standInHarness } from './standInDeps';

const AS_OF = '2025-06-30T12:00:00.000Z';

describe('NamespaceMap', () => {
  const names = new NamespaceMap('pspm');

  it('prefixes custom names, relationship paths and SOQL, and leaves standard and foreign names alone', () => {
    expect(names.toOrg('Deal_Registration__c')).toBe('pspm__Deal_Registration__c');
    expect(names.toOrg('Program__r.External_Id__c')).toBe('pspm__Program__r.pspm__External_Id__c');
    expect(names.toOrg('SELECT Id, Name, Status__c FROM Deal_Registration__c')).toBe(
      'SELECT Id, Name, pspm__Status__c FROM pspm__Deal_Registration__c',
    );
    expect(names.toOrg('other__Field__c')).toBe('other__Field__c');
    expect(names.toOrg('pspm__Status__c')).toBe('pspm__Status__c');
    expect(names.toOrg('Account.Name')).toBe('Account.Name');
  });

  it('maps back exactly what it mapped out, in records and CSV headers', () => {
    const ours = ['Deal_Registration__c', 'Program__r.External_Id__c', 'Name', 'other__Field__c'];
    expect(ours.map((n) => names.fromOrg(names.toOrg(n)))).toEqual(ours);
    expect(names.recordFromOrg({ Id: '1', pspm__Status__c: 'Approved' })).toEqual({ Id: '1', Status__c: 'Approved' });
    const csv = 'Id,pspm__Status__c,"pspm__Program__r.pspm__External_Id__c"\n1,"pspm__x__c",P-1\n';
    expect(names.csvHeader(csv, 'fromOrg')).toBe('Id,Status__c,Program__r.External_Id__c\n1,"pspm__x__c",P-1\n');
    expect(new NamespaceMap('').toOrg('Status__c')).toBe('Status__c');
  });

  it('detects the namespace from the org objects, or none, and says when the package is missing', () => {
    expect(namespaceFromObjects(['Account', 'pspm__Deal_Registration__c'], 'org')).toBe('pspm');
    expect(namespaceFromObjects(['Account', 'Deal_Registration__c'], 'org')).toBe('');
    expect(() => namespaceFromObjects(['Account'], 'customer-prod')).toThrow(
      'The Partner Success package is not installed in customer-prod',
    );
  });
});

describe('seed and audit on an org with the package installed under pspm', () => {
  let root: string;
  let seeded: SeededSnapshot;
  let standIn: SalesforceStandIn;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'prm-ns-'));
    seeded = seedToSnapshot(
      { seed: 9, asOf: AS_OF, partners: 8, customers: 50, problemRate: 0.08, policy: DEFAULT_POLICY },
      path.join(root, 'snapshot'),
    );
    standIn = new SalesforceStandIn();
    standIn.namespace = 'pspm';
    await standIn.start();
  });
  afterAll(async () => {
    await standIn.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('detects pspm, loads under prefixed names, and a second run creates nothing', async () => {
    const { deps } = standInHarness(standIn);
    const first = await runSeedCommand(
      { targetOrg: 'subscriber', from: seeded.dir, stateDir: path.join(root, 's1') },
      deps,
    );
    expect(first.code).toBe(0);
    const total = Object.values(seeded.counts).reduce((a, b) => a + b, 0);
    expect(first.result.load).toMatchObject({ created: total, failed: 0 });
    expect(standIn.ingestJobObjects).toContain('pspm__Deal_Registration__c');
    expect(standIn.ingestJobObjects.filter((o) => /__c$/.test(o)).every((o) => o.startsWith('pspm__'))).toBe(true);
    expect(standIn.all('Deal_Registration__c')).toHaveLength(seeded.counts.Deal_Registration__c);

    const again = await runSeedCommand(
      { targetOrg: 'subscriber', from: seeded.dir, stateDir: path.join(root, 's2') },
      deps,
    );
    expect(again.result.load).toMatchObject({ created: 0, failed: 0 });
  });

  it('audits the namespaced org to exactly the planted problems and saves an un-prefixed snapshot', async () => {
    const { deps, out } = standInHarness(standIn, true);
    const saved = path.join(root, 'saved');
    const audit = await runAuditCommand(
      { targetOrg: 'subscriber', asOf: AS_OF, bulkThreshold: 30, saveSnapshot: saved, json: true },
      deps,
    );
    expect(audit.code).toBe(0);
    const keys = (findings: Finding[]) => findings.map((f) => `${f.check} ${f.externalId ?? ''}`).sort();
    const json = JSON.parse(out.join('\n')) as { findings: Finding[] };
    expect(keys(json.findings)).toEqual(seeded.groundTruth.problems.map((p) => `${p.check} ${p.externalId}`).sort());
    const header = readFileSync(path.join(saved, 'Deal_Registration__c.csv'), 'utf8').split('\n')[0];
    expect(header).toContain('Status__c');
    expect(header).not.toContain('pspm__');
  });

  it('with --namespace none, sends un-prefixed names, which this org does not know', async () => {
    const { deps, err } = standInHarness(standIn);
    const audit = await runAuditCommand({ targetOrg: 'subscriber', namespace: 'none', asOf: AS_OF }, deps);
    expect(audit.code).toBe(3);
    expect(err.join('\n')).toContain('INVALID_TYPE');
  });
});
