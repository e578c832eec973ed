/**
 * `prm doctor` against the API stand-in serving a subscriber org with the package under `pspm`:
 * a ready org passes every check; an org with every problem fails each check with its fix; a
 * check that cannot read its setup object fails alone; an expired session stops the run.
 */
import { runDoctorCommand, type DoctorRow } from '../../scripts/commands/doctor';
import { DOCTOR_CHECKS } from '../../scripts/doctor/checks';
import { recurringJobNames } from '../../scripts/doctor/recurringJobs';
import { personaNames } from '../../scripts/doctor/personaAssignments';
import { SalesforceStandIn } from '../salesforce/standIn';
import { standInHarness } from '../salesforce/standInDeps';

/** The setup answers of an org ready for the partner program. */
function ready(standIn: SalesforceStandIn): void {
  standIn.answer(/FROM InstalledSubscriberPackage/, [
    {
      SubscriberPackage: { NamespacePrefix: 'pspm', Name: 'PartnerSuccess' },
      SubscriberPackageVersion: { MajorVersion: 1, MinorVersion: 2, PatchVersion: 0, BuildNumber: 3 },
    },
  ]);
  standIn.answer(/FROM UserLicense/, [{ Name: 'Partner Community', TotalLicenses: 50, UsedLicenses: 12 }]);
  standIn.answer(
    /FROM EntityDefinition/,
    ['Account', 'Lead', 'Opportunity'].map((o) => ({ QualifiedApiName: o, ExternalSharingModel: 'Private' })),
  );
  standIn.answer(/FROM pspm__Lead_Routing_Policy__mdt/, [{ pspm__Business_Hours_Name__c: 'Partner SLA' }]);
  standIn.answer(/FROM BusinessHours/, [
    { Id: '01m1', Name: 'Default', IsDefault: true },
    { Id: '01m2', Name: 'Partner SLA', IsDefault: false },
  ]);
  standIn.answer(/FROM Holiday/, [{ Id: '0C01' }]);
  standIn.answer(
    /FROM PermissionSetAssignment WHERE PermissionSet.NamespacePrefix = 'pspm'/,
    ['PRM_Admin', 'PRM_Partner_Manager', 'PRM_Sales_Ops', 'PRM_Sales_Rep'].map((name) => ({
      PermissionSet: { Name: name },
    })),
  );
  standIn.answer(
    /FROM CronTrigger/,
    recurringJobNames().map((name) => ({ CronJobDetail: { Name: name }, State: 'WAITING' })),
  );
  standIn.answer(/FROM Network/, [{ Name: 'Partner Portal', Status: 'Live', UrlPathPrefix: 'partners' }]);
  standIn.answer(/FROM CurrencyType/, {
    errorCode: 'INVALID_TYPE',
    message: "sObject type 'CurrencyType' is not supported.",
  });
  standIn.answer(/FROM User WHERE/, [{ Id: '005A' }]);
  standIn.answer(/PermissionsForceTwoFactor = true/, [{ AssigneeId: '005A' }]);
}

/** The same org with every problem doctor knows. */
function broken(standIn: SalesforceStandIn): void {
  standIn.answer(/FROM InstalledSubscriberPackage/, []);
  standIn.answer(/FROM UserLicense/, [{ Name: 'Partner Community', TotalLicenses: 10, UsedLicenses: 10 }]);
  standIn.answer(/FROM EntityDefinition/, [
    { QualifiedApiName: 'Account', ExternalSharingModel: 'Read' },
    { QualifiedApiName: 'Lead', ExternalSharingModel: 'Private' },
    { QualifiedApiName: 'Opportunity', ExternalSharingModel: 'Private' },
  ]);
  standIn.answer(/FROM pspm__Lead_Routing_Policy__mdt/, [{ pspm__Business_Hours_Name__c: null }]);
  standIn.answer(/FROM BusinessHours/, [{ Id: '01m1', Name: 'Default', IsDefault: true }]);
  standIn.answer(/FROM Holiday/, []);
  standIn.answer(/FROM PermissionSetAssignment WHERE PermissionSet.NamespacePrefix/, [
    { PermissionSet: { Name: 'PRM_Sales_Rep' } },
  ]);
  standIn.answer(/FROM CronTrigger/, [{ CronJobDetail: { Name: recurringJobNames()[0] }, State: 'ERROR' }]);
  standIn.answer(/FROM Network/, [{ Name: 'Partner Portal', Status: 'UnderConstruction', UrlPathPrefix: 'partners' }]);
  standIn.anonymousApex = () => ({
    compiled: true,
    success: false,
    exceptionMessage: 'System.NoAccessException: The organization is not permitted to send email',
  });
  standIn.answer(/FROM CurrencyType/, [
    { IsoCode: 'EUR', IsCorporate: true, ConversionRate: 1 },
    { IsoCode: 'USD', IsCorporate: false, ConversionRate: null },
  ]);
  standIn.answer(/FROM User WHERE/, [{ Id: '005A' }, { Id: '005B' }]);
  standIn.answer(/PermissionsForceTwoFactor = true/, [{ AssigneeId: '005A' }]);
}

describe('prm doctor', () => {
  let standIn: SalesforceStandIn;
  beforeEach(async () => {
    standIn = new SalesforceStandIn();
    standIn.namespace = 'pspm';
    await standIn.start();
  });
  afterEach(() => standIn.stop());

  const byId = (rows: DoctorRow[] | undefined) => new Map((rows ?? []).map((r) => [r.id, r]));

  it('passes a ready org on every check and prints one table', async () => {
    ready(standIn);
    const { deps, out } = standInHarness(standIn);
    const { code, rows } = await runDoctorCommand({ targetOrg: 'subscriber' }, deps);
    expect(code).toBe(0);
    expect(rows?.map((r) => `${r.id} ${r.status}`)).toEqual(DOCTOR_CHECKS.map((c) => `${c.id} pass`));
    expect(byId(rows).get('package')?.detail).toBe('PartnerSuccess 1.2.0.3');
    expect(byId(rows).get('business-hours')?.detail).toBe('Partner SLA, 1 holiday(s)');
    const table = out.join('\n').split('\n');
    expect(table[0]).toMatch(/^Check +Result +Found +Fix$/);
    expect(table.at(-1)).toBe(`${DOCTOR_CHECKS.length} ok, 0 warning(s), 0 failing`);
  });

  it('fails each problem of a broken org with its fix, and exits 1', async () => {
    broken(standIn);
    const { deps, out } = standInHarness(standIn, true);
    const { code } = await runDoctorCommand({ targetOrg: 'subscriber', json: true }, deps);
    expect(code).toBe(1);
    const json = JSON.parse(out.join('\n')) as { status: number; namespace: string; checks: DoctorRow[] };
    expect(json.status).toBe(1);
    expect(json.namespace).toBe('pspm');
    const rows = byId(json.checks);
    const failing = json.checks.filter((r) => r.status === 'fail').map((r) => r.id);
    expect(failing).toEqual([
      'package',
      'partner-licences',
      'external-sharing',
      'personas',
      'jobs',
      'site',
      'email',
      'currency',
      'mfa',
    ]);
    expect(json.checks.filter((r) => r.status !== 'pass').every((r) => (r.fix ?? '').length > 0)).toBe(true);
    expect(rows.get('external-sharing')?.fix).toContain('set Account to Private');
    expect(rows.get('jobs')?.detail).toContain(`failed: ${recurringJobNames()[0]} (ERROR)`);
    expect(rows.get('jobs')?.detail).toContain(`not scheduled: ${recurringJobNames()[1]}`);
    expect(rows.get('currency')?.detail).toBe('no conversion rate: USD');
    expect(rows.get('mfa')?.detail).toBe('1 active partner user(s) can log in without MFA');
    expect(rows.get('email')?.detail).toContain('not permitted to send email');
    // Holidays missing (the broken org has none) is a warning, not a failure.
    expect(rows.get('business-hours')?.status).toBe('warn');
  });

  it('checks an unpackaged development org with NamespacePrefix null and warns that no package is installed', async () => {
    standIn.namespace = '';
    ready(standIn);
    standIn.answer(/FROM InstalledSubscriberPackage/, []);
    standIn.answer(/FROM Lead_Routing_Policy__mdt/, [{ Business_Hours_Name__c: null }]);
    standIn.answer(/PermissionSet.NamespacePrefix = null/, [{ PermissionSet: { Name: 'PRM_Admin' } }]);
    const { deps } = standInHarness(standIn);
    const { code, rows } = await runDoctorCommand({ targetOrg: 'dev', currency: 'single' }, deps);
    expect(code).toBe(0);
    expect(byId(rows).get('package')?.status).toBe('warn');
    expect(byId(rows).get('namespace')?.status).toBe('warn');
    expect(byId(rows).get('business-hours')?.detail).toBe('Default, 1 holiday(s)');
    expect(byId(rows).get('personas')?.status).toBe('warn');
  });

  it('fails a check that cannot read its setup object and runs the others; an expired session stops the run', async () => {
    ready(standIn);
    standIn.answer(/FROM EntityDefinition/, { errorCode: 'INSUFFICIENT_ACCESS', message: 'View Setup required' });
    const { deps } = standInHarness(standIn);
    const { code, rows } = await runDoctorCommand({ targetOrg: 'subscriber' }, deps);
    expect(code).toBe(1);
    expect(byId(rows).get('external-sharing')?.detail).toContain('could not check');
    expect(rows?.filter((r) => r.status === 'fail')).toHaveLength(1);

    standIn.expireSession();
    const { deps: expired, err } = standInHarness(standIn);
    expect((await runDoctorCommand({ targetOrg: 'subscriber' }, expired)).code).toBe(3);
    expect(err.join('\n')).toContain('INVALID_SESSION_ID');
  });

  it('knows the recurring jobs and personas from the Apex scheduler and the persona policy', () => {
    expect(recurringJobNames()).toEqual([
      'PRM registration expiry',
      'PRM lead SLA monitor',
      'PRM tier evaluation',
      'PRM certification reminders',
      'PRM portal access sweep',
      'PRM program metrics snapshot',
      'PRM partner login capture',
      'PRM partner digest',
      'PRM partner adoption',
      'PRM executive summary',
    ]);
    expect(personaNames()).toContain('PRM_Admin');
  });
});
