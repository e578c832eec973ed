/**
 * The bundled sample is what its generator writes (so its content is reviewable in the
 * generator), and the offline match preview on it finds the planted cases with their evidence.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_POLICY } from '../../scripts/audit/policy';
import { accountsFromSnapshot } from '../../scripts/migrate/existingAccounts';
import { readLegacyRecords } from '../../scripts/migrate/legacyRecords';
import { readLegacyFolder } from '../../scripts/migrate/legacyTables';
import { readMapping } from '../../scripts/migrate/mapping';
import { planCohort } from '../../scripts/migrate/plan';
import {
  CRM_DIR,
  LEADS_FILE,
  SAMPLE_DIR,
  TRACKER_FILE,
  writeSample,
} from '../../scripts/migrate/sample/generateSample';
import { ROOT } from '../audit/prmProcess';

describe('the bundled sample legacy data', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'prm-sample-'));
    await writeSample(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([TRACKER_FILE, LEADS_FILE, path.join(CRM_DIR, 'Account.csv'), path.join(CRM_DIR, 'snapshot.json')])(
    'the committed %s is byte for byte what the generator writes (npm run sample:legacy)',
    (file) => {
      expect(readFileSync(path.join(dir, file)).equals(readFileSync(path.join(SAMPLE_DIR, file)))).toBe(true);
    },
  );

  it('previews each legacy partner and customer against the CRM accounts with evidence', async () => {
    const records = readLegacyRecords(
      await readLegacyFolder(SAMPLE_DIR),
      readMapping(path.join(SAMPLE_DIR, 'mapping.yaml')),
    );
    const existing = await accountsFromSnapshot(path.join(SAMPLE_DIR, CRM_DIR));
    const plan = planCohort(records, existing.accounts, 'all', { kind: 'all' }, DEFAULT_POLICY);
    const outcome = (key: string) => plan.matches.find((m) => m.record.legacyKey === key);
    // A name variant of a CRM partner, on both keys.
    expect(outcome('P-001')).toMatchObject({ outcome: 'matched', account: { id: '001Sm0000000001AAA' } });
    expect(outcome('P-001')?.evidence[0]).toMatch(/company key acmewidgets and domain acmewidgets\.com/);
    // The same company on its web domain only.
    expect(outcome('P-012')).toMatchObject({ outcome: 'matched', account: { name: 'Hooli' } });
    expect(outcome('P-012')?.evidence[0]).toMatch(/^domain hooli\.xyz/);
    // Two CRM accounts share the key: a person decides.
    expect(outcome('P-006')?.outcome).toBe('ambiguous');
    expect(
      outcome('P-006')
        ?.candidates.map((a) => a.name)
        .sort(),
    ).toEqual(['Globex', 'Globex Corporation']);
    // Name variants inside the legacy sheet, trailing spaces included.
    expect(outcome('P-004')).toMatchObject({ outcome: 'duplicate', duplicateOf: { legacyKey: 'P-001' } });
    expect(outcome('P-016')).toMatchObject({ outcome: 'duplicate', duplicateOf: { legacyKey: 'P-002' } });
    expect(outcome('C-012')).toMatchObject({ outcome: 'duplicate', duplicateOf: { legacyKey: 'C-003' } });
    expect(outcome('P-003')?.outcome).toBe('new');
    // Refused: the planted bad cells, the ambiguous partner and its registration, a blank and an unknown partner.
    expect(plan.rejected.map((r) => r.legacyKey).sort()).toEqual(
      ['P-006', 'P-019', 'P-020', 'DR-1008', 'DR-1014', 'DR-1022', 'DR-1030', 'DR-1038', 'DR-1045'].sort(),
    );
    // Derived values come from the shared rules.
    const registration = plan.writes.Deal_Registration__c.find((r) => r.legacyKey === 'DR-1001');
    expect(registration?.fields).toMatchObject({
      External_Id__c: 'LEG-REGISTRATION-DR-1001',
      Match_Key__c: 'pinnaclehealth',
      Domain_Key__c: 'pinnaclehealth.com',
      Approval_Route__c: 'Manager',
    });
  });

  it('npm run demo:migrate runs on a clean clone: the baseline, then the dry-run preview, with no org', () => {
    const run = spawnSync('npm', ['run', '--silent', 'demo:migrate'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Duplicate partners +2/);
    expect(run.stdout).toMatch(/5 matched, 11 new, 1 ambiguous, 3 duplicates/);
    expect(run.stdout).toMatch(/To write: 11 accounts, 25 deal registrations, 14 leads/);
    expect(run.stdout).toMatch(/Dry run: nothing was written\./);
    const baseline = JSON.parse(readFileSync(path.join(ROOT, 'out', 'demo-migrate', 'baseline.json'), 'utf8')) as {
      kind: string;
    };
    expect(baseline.kind).toBe('prm-baseline');
  });
});
