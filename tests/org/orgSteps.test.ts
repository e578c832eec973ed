/**
 * The org scripts' decisions, against a recording stand-in for the sf CLI: deploy order,
 * the coverage threshold, and that a failing test run stops the pipeline with the names.
 */
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deploy, MIN_COVERAGE, OrgStepError, runApexTests } from '../../scripts/org/orgSteps';
import type { SfResult, SfRunner } from '../../scripts/org/sf';
import { siteBaseUrl, verifySite, type HttpGet } from '../../scripts/org/siteSteps';

function recorder(answer: (args: string[]) => SfResult<unknown>): { sf: SfRunner; calls: string[] } {
  const calls: string[] = [];
  return { calls, sf: (args) => (calls.push(args.join(' ')), answer(args)) };
}

describe('org:deploy', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'prm-org-'));
    mkdirSync(path.join(root, 'force-app', 'portal'), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('deploys the package, its unpackaged org configuration, then the site with its guest persona and publication, then assigns the admin persona', () => {
    writeFileSync(path.join(root, 'force-app', 'portal', 'site.xml'), '<x/>');
    mkdirSync(path.join(root, 'force-app', 'unpackaged', 'default', 'groups'), { recursive: true });
    writeFileSync(path.join(root, 'force-app', 'unpackaged', 'default', 'groups', 'G.group-meta.xml'), '<x/>');
    const { sf, calls } = recorder(() => ({ status: 0, result: {} }));
    expect(deploy(sf, 'scratch', root)).toEqual([
      'force-app/main',
      'force-app/unpackaged',
      'force-app/portal',
      'guest persona',
      'site published',
      'permset PRM_Admin',
      'recurring jobs',
    ]);
    expect(calls.map((c) => c.split(' --target-org')[0])).toEqual([
      'project deploy start --source-dir force-app/main',
      'project deploy start --source-dir force-app/unpackaged',
      'project deploy start --source-dir force-app/portal',
      'apex run --file scripts/org/assign-guest-persona.apex',
      'community publish --name Partner Portal',
      'org assign permset --name PRM_Admin',
      'apex run --file scripts/org/schedule-jobs.apex',
    ]);
  });

  it('skips an empty site directory and stops at the first failed deploy', () => {
    const { sf, calls } = recorder(() => ({ status: 1, message: 'Field Foo__c does not exist' }));
    expect(() => deploy(sf, 'scratch', root)).toThrow('package deploy failed: Field Foo__c does not exist');
    expect(calls).toHaveLength(1);
  });
});

describe('org:test', () => {
  const run = (summary: object, tests: object[] = []) => recorder(() => ({ status: 0, result: { summary, tests } })).sf;

  it(`passes at ${MIN_COVERAGE}% coverage and reports the count`, () => {
    const sf = run({ outcome: 'Passed', testsRan: 42, failing: 0, orgWideCoverage: '90%' });
    expect(runApexTests(sf, 'scratch')).toEqual({ testsRan: 42, coverage: 90 });
  });

  it('fails under the threshold', () => {
    const sf = run({ outcome: 'Passed', testsRan: 42, failing: 0, orgWideCoverage: '89%' });
    expect(() => runApexTests(sf, 'scratch')).toThrow('Apex coverage 89% is under the required 90%');
  });

  it('fails with the names of failing tests', () => {
    const sf = run({ outcome: 'Failed', testsRan: 2, failing: 1, orgWideCoverage: '95%' }, [
      { FullName: 'A_Tests.ok', Outcome: 'Pass' },
      { FullName: 'B_Tests.bad', Outcome: 'Fail', Message: 'Assertion Failed' },
    ]);
    expect(() => runApexTests(sf, 'scratch')).toThrow(OrgStepError);
    expect(() => runApexTests(sf, 'scratch')).toThrow('B_Tests.bad: Assertion Failed');
  });
});

describe('the published site (org:verify)', () => {
  const domains =
    (records: object[]): SfRunner =>
    () => ({ status: 0, result: { records } });

  it("builds the portal's address from the site's domain, not the Visualforce prefix", () => {
    const sf = domains([{ Domain: { Domain: 'acme.scratch.my.site.com' }, PathPrefix: '/partnersvforcesite' }]);
    expect(siteBaseUrl(sf, 'scratch')).toBe('https://acme.scratch.my.site.com/partners');
    expect(() => siteBaseUrl(domains([]), 'scratch')).toThrow('site Partner_Portal has no domain');
  });

  it('passes once guest pages answer and a member page sends guests to login', async () => {
    let calls = 0;
    const get: HttpGet = async (url) => {
      calls++;
      // The first round: publishing is not done yet.
      if (calls <= 3) {
        return { status: 503 };
      }
      return url.endsWith('/register-deal')
        ? { status: 302, location: '/partners/login?startURL=%2Fregister-deal' }
        : { status: 200 };
    };
    await expect(verifySite('https://x/partners', get, { attempts: 3, waitMs: 0 })).resolves.toEqual([
      'https://x/partners/login',
      'https://x/partners/apply',
      'https://x/partners/register-deal',
    ]);
  });

  it('fails with each page that does not answer as expected', async () => {
    const get: HttpGet = async (url) =>
      url.endsWith('/apply') ? { status: 404 } : url.endsWith('/register-deal') ? { status: 200 } : { status: 200 };
    await expect(verifySite('https://x/partners', get, { attempts: 2, waitMs: 0 })).rejects.toThrow(
      '/apply: expected 200, got 404\n  /register-deal: expected a redirect to login, got 200',
    );
  });
});
