/**
 * `prm catalogue load` against the local Salesforce API stand-in (not an org): the starter
 * programs, ladders and entry tiers are created by upsert on External_Id__c; a second run creates
 * nothing; a program the org has already is kept as the admin left it; a dry run writes nothing;
 * and a catalogue the org would refuse never reaches it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Connection } from 'jsforce';
import type { CommandDeps } from '../../scripts/commands/audit';
import { runCatalogueLoad } from '../../scripts/commands/catalogue';
import { CATALOGUE_FILE, CatalogueError, readCatalogue } from '../../scripts/catalogue/starterCatalogue';
import { PROJECT_ROOT } from '../../scripts/lib/project';
import { SalesforceClient } from '../../scripts/salesforce/client';
import { sessionFromConnection } from '../../scripts/salesforce/session';
import { SalesforceStandIn } from './standIn';

interface Harness {
  standIn: SalesforceStandIn;
  deps: CommandDeps;
  out: string[];
  connects: string[];
}

const open: SalesforceStandIn[] = [];

async function harness(json = false): Promise<Harness> {
  const standIn = new SalesforceStandIn();
  await standIn.start();
  open.push(standIn);
  const out: string[] = [];
  const connects: string[] = [];
  return {
    standIn,
    out,
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
      output: { json, stdout: (text) => out.push(text), stderr: (text) => out.push(text) },
    },
  };
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((standIn) => standIn.stop()));
});

describe('the starter catalogue file', () => {
  it('is valid against the package metadata: three programs, each with its ladder', () => {
    const catalogue = readCatalogue();
    expect(catalogue.map((p) => p.fields.Program_Type__c)).toEqual(['Referral', 'Reseller', 'Technology']);
    expect(catalogue.map((p) => p.tiers.length)).toEqual([4, 4, 3]);
    expect(catalogue.every((p) => typeof p.fields.Base_Commission_Percent__c === 'number')).toBe(true);
  });

  it('reports every field, picklist value and duplicate the org would refuse', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'prm-catalogue-'));
    try {
      const document = JSON.parse(readFileSync(path.join(PROJECT_ROOT, CATALOGUE_FILE), 'utf8'));
      document.programs[0].Colour__c = 'red';
      document.programs[1].Program_Type__c = 'Distributor';
      document.programs[2].tiers[1].External_Id__c = document.programs[2].tiers[0].External_Id__c;
      const file = path.join(root, 'catalogue.json');
      writeFileSync(file, JSON.stringify(document));
      let error: unknown;
      try {
        readCatalogue(file);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(CatalogueError);
      const problems = (error as CatalogueError).problems.join('\n');
      expect(problems).toContain('Partner_Program__c has no field Colour__c');
      expect(problems).toContain('Distributor is not a value of Partner_Program__c.Program_Type__c');
      expect(problems).toMatch(/External_Id__c STARTER-TECHNOLOGY-1 is used twice/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('prm catalogue load against the Salesforce API stand-in', () => {
  it('creates the programs, ladders and entry tiers, and a second run creates nothing', async () => {
    const h = await harness();
    const first = await runCatalogueLoad({ targetOrg: 'stand-in' }, h.deps);
    expect(first.code).toBe(0);
    expect(first.result?.createdPrograms).toEqual(['STARTER-REFERRAL', 'STARTER-RESELLER', 'STARTER-TECHNOLOGY']);
    expect(h.standIn.all('Partner_Program__c')).toHaveLength(3);
    expect(h.standIn.all('Partner_Tier__c')).toHaveLength(11);
    const tiersById = new Map(h.standIn.all('Partner_Tier__c').map((tier) => [tier.Id, tier]));
    for (const program of h.standIn.all('Partner_Program__c')) {
      const entry = tiersById.get(program.Entry_Tier__c);
      expect(entry?.Rank__c).toBe('1');
      expect(entry?.Program__c).toBe(program.Id);
    }

    const jobs = h.standIn.ingestJobObjects.length;
    const second = await runCatalogueLoad({ targetOrg: 'stand-in' }, h.deps);
    expect(second.code).toBe(0);
    expect(second.result?.createdPrograms).toEqual([]);
    expect(second.result?.keptPrograms).toHaveLength(3);
    expect(h.standIn.ingestJobObjects.length).toBe(jobs);
    expect(h.standIn.all('Partner_Tier__c')).toHaveLength(11);
    expect(h.out.join('\n')).toContain('Created 0 program(s)');
  });

  it('keeps a program the org has already as the admin left it, and creates only the missing ones', async () => {
    const h = await harness(true);
    // The org already holds the Reseller program, renamed and re-priced by an admin, without tiers.
    const admin = new SalesforceClient(await h.deps.connect('stand-in'), h.deps.clientOptions);
    await admin.bulkUpsert(
      'Partner_Program__c',
      'External_Id__c',
      'External_Id__c,Name,Program_Type__c,Base_Commission_Percent__c\nstarter-reseller,Our Reseller Program,Reseller,25\n',
    );

    const result = await runCatalogueLoad({ targetOrg: 'stand-in' }, h.deps);
    const json = JSON.parse(h.out.join('\n'));
    expect(result.code).toBe(0);
    expect(json.keptPrograms).toEqual(['STARTER-RESELLER']);
    expect(json.createdPrograms).toEqual(['STARTER-REFERRAL', 'STARTER-TECHNOLOGY']);
    const kept = h.standIn.all('Partner_Program__c').find((p) => p.External_Id__c === 'starter-reseller');
    expect(kept?.Name).toBe('Our Reseller Program');
    expect(kept?.Base_Commission_Percent__c).toBe('25');
    // Its ladder is the admin's too: the catalogue adds no tier to a program it did not create.
    expect(h.standIn.all('Partner_Tier__c').filter((t) => t.Program__c === kept?.Id)).toEqual([]);
    expect(h.standIn.all('Partner_Tier__c')).toHaveLength(7);
  });

  it('with --dry-run says what it would create and writes nothing', async () => {
    const h = await harness();
    const result = await runCatalogueLoad({ targetOrg: 'stand-in', dryRun: true }, h.deps);
    expect(result.code).toBe(0);
    expect(result.result?.createdTiers).toBe(11);
    expect(h.standIn.ingestJobObjects).toEqual([]);
    expect(h.out.join('\n')).toContain('Would create 3 program(s) and 11 tier(s)');
  });

  it('fails fast on an expired session, with the org exit code', async () => {
    const h = await harness();
    h.standIn.expireSession();
    const result = await runCatalogueLoad({ targetOrg: 'stand-in' }, h.deps);
    expect(result.code).toBe(3);
    expect(h.standIn.ingestJobObjects).toEqual([]);
  });
});

describe('a catalogue the org would refuse', () => {
  it('never reaches the org: exit 2 before connecting', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'prm-catalogue-src-'));
    try {
      const document = JSON.parse(readFileSync(path.join(PROJECT_ROOT, CATALOGUE_FILE), 'utf8'));
      document.programs[0].tiers[0].Rank__c = 'first';
      const file = path.join(root, 'catalogue.json');
      writeFileSync(file, JSON.stringify(document));
      const h = await harness();
      const result = await runCatalogueLoad({ targetOrg: 'stand-in', file }, h.deps);
      expect(result.code).toBe(2);
      expect(h.connects).toEqual([]);
      expect(h.out.join('\n')).toContain('Rank__c must be a number unique within the ladder');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
