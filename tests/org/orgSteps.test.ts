/**
 * The org scripts' decisions, against a recording stand-in for the sf CLI: deploy order,
 * the coverage threshold, and that a failing test run stops the pipeline with the names.
 */
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deploy, MIN_COVERAGE, OrgStepError, runApexTests } from '../../scripts/org/orgSteps';
import type { SfResult, SfRunner } from '../../scripts/org/sf';

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

  it('deploys the package, then the site, then assigns the admin persona', () => {
    writeFileSync(path.join(root, 'force-app', 'portal', 'site.xml'), '<x/>');
    const { sf, calls } = recorder(() => ({ status: 0, result: {} }));
    expect(deploy(sf, 'scratch', root)).toEqual([
      'force-app/main',
      'force-app/portal',
      'permset PRM_Admin',
      'recurring jobs',
    ]);
    expect(calls.map((c) => c.split(' --target-org')[0])).toEqual([
      'project deploy start --source-dir force-app/main',
      'project deploy start --source-dir force-app/portal',
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
