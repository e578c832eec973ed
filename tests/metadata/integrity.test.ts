import path from 'node:path';
import { PROJECT_ROOT } from '../../scripts/lib/project';
import { loadMetadata, type MetadataModel } from '../../scripts/lib/metadataModel';
import type { Finding } from '../../scripts/lib/findings';
import {
  CHECKS,
  checkDocumentation,
  checkFieldGrants,
  checkNaming,
  checkPartnerLeastPrivilege,
  checkPermissionSetRules,
  checkPicklistConstants,
  checkReferences,
  codeFiles,
  formulaFieldTokens,
  ispickvalPairs,
  PICKLIST_MARKER,
  resolveFieldPath,
  runIntegrityChecks,
  stringLiterals,
} from '../../scripts/metadata/integrity';

const FIXTURES = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'metadata');
const fixture = (name: string): string => path.join(FIXTURES, name);
const sourceOf = (name: string): string => path.join(fixture(name), 'force-app', 'main', 'default');
const modelOf = (name: string): MetadataModel => loadMetadata(sourceOf(name));
const messages = (findings: Finding[]): string[] => findings.map((f) => f.message).sort();
const describeFindings = (findings: Finding[]): string[] =>
  findings.map((f) => `${path.relative(PROJECT_ROOT, f.file)}${f.line ? `:${f.line}` : ''} ${f.message}`);

describe('the package metadata', () => {
  const results = runIntegrityChecks(PROJECT_ROOT);

  it.each([...CHECKS])('passes %s', (check) => {
    expect(describeFindings(results[check])).toEqual([]);
  });

  it('is a real schema, not an empty tree', () => {
    const model = loadMetadata(path.join(PROJECT_ROOT, 'force-app', 'main', 'default'));
    expect(model.objects.get('Deal_Registration__c')?.fields.size).toBeGreaterThan(20);
    // Five personas plus the guest applicant of the public application page.
    expect(model.permissionSets.size).toBe(6);
    expect(model.layouts.length).toBeGreaterThanOrEqual(13);
  });
});

describe('the clean fixture', () => {
  const results = runIntegrityChecks(fixture('clean'));

  it.each([...CHECKS])('passes %s', (check) => {
    expect(describeFindings(results[check])).toEqual([]);
  });

  it('exercises every reference kind the checks read', () => {
    const model = modelOf('clean');
    expect(model.objects.get('Deal_Registration__c')?.validationRules).toHaveLength(1);
    expect(model.objects.get('Deal_Registration__c')?.listViews).toHaveLength(1);
    expect(model.objects.get('Deal_Registration__c')?.compactLayouts).toHaveLength(1);
    expect(model.layouts).toHaveLength(2);
    expect(model.flexiPages.get('Deal_Registration_Record_Page')?.fieldItems).toEqual(['Record.Status__c']);
    expect(model.customMetadataRecords).toHaveLength(1);
    expect(model.sharingRules[0]?.rules[0]?.sharedTo).toEqual([{ kind: 'group', name: 'PRM_Partner_Managers' }]);
    expect(codeFiles(fixture('clean'), sourceOf('clean')).map((f) => path.basename(f))).toEqual([
      'RegistrationStatus.cls',
      'statuses.ts',
    ]);
  });
});

describe('planted errors', () => {
  it('field-grants: reports unreadable fields, writable fields nobody edits, and objects nobody reads', () => {
    expect(messages(checkFieldGrants(modelOf('field-grants')))).toEqual([
      'Widget__c.Note__c is not readable in any permission set',
      'Widget__c.Owner_Account__c is required: no permission set can create or edit Widget__c',
      'Widget__c.Size__c is writable but not editable in any permission set',
      'no permission set grants read on Gadget__c',
    ]);
  });

  it('permission-set-rules: reports what the platform rejects on deploy', () => {
    expect(messages(checkPermissionSetRules(modelOf('permission-set-rules')))).toEqual([
      'PRM_Admin: Account: modify all (M) needs view all (V), edit (U) and delete (D)',
      'PRM_Admin: Setting__mdt.On__c is a custom metadata type field (use customMetadataTypeAccesses); the platform rejects field permissions on it',
      'PRM_Admin: Widget__c.Doubled__c is computed (formula) and cannot be editable',
      'PRM_Admin: Widget__c.Note__c is editable but not readable',
      'PRM_Admin: Widget__c.Owner_Account__c is a required field; the platform rejects field permissions on it',
      'PRM_Admin: Widget__c.Parent__c is a master-detail field; the platform rejects field permissions on it',
      'PRM_Admin: Widget__c: create, edit, delete and view all need read (R)',
    ]);
  });

  it('partner-least-privilege: reports every breach of the partner guardrails', () => {
    expect(messages(checkPartnerLeastPrivilege(modelOf('partner-least-privilege')))).toEqual([
      'PRM_Partner_User: grants Program_Cost__c.Cost__c, a field of Program_Cost__c, which partner users must not see',
      'PRM_Partner_User: grants View All on Deal_Registration__c; partner visibility must come from sharing',
      'PRM_Partner_User: has access to Program_Cost__c, which partner users must not see',
      'PRM_Partner_User: has license Partner Community; it must stay license-agnostic to be assignable to partner community users',
      'PRM_Partner_User: may create Partner_Commission__c; it is read-only for partners',
      'PRM_Partner_User: may edit Deal_Registration__c.Status__c, an approval or system field',
      'PRM_Partner_User: may edit Partner_Commission__c.Amount__c; Partner_Commission__c is read-only for partners',
      'PRM_Partner_User: may read Deal_Registration__c.Conflict_Summary__c, evidence about customers or other partners',
      'PRM_Sales_Rep grants PRM_Bypass_Validation; only PRM_Admin may bypass validation',
    ]);
  });

  it('partner-least-privilege: a missing partner permission set is itself a finding', () => {
    expect(messages(checkPartnerLeastPrivilege(modelOf('field-grants')))).toEqual(['PRM_Partner_User does not exist']);
  });

  it('references: reports every dangling name, by the component that holds it', () => {
    expect(messages(checkReferences(modelOf('references')))).toEqual([
      'Deal_Registration__c assigns compact layout Missing_Compact, which does not exist',
      'FlexiPage Deal_Registration_Record_Page: Record.Gone__c: Deal_Registration__c.Gone__c does not exist',
      'FlexiPage Deal_Registration_Record_Page: component c:missingPanel has no LWC bundle missingPanel',
      'app Partner_Success: FlexiPage Missing_Page does not exist',
      'app Partner_Success: tab Ghost__c does not exist',
      'compact layout Deal_Registration__c.PRM_Highlights: field Deal_Registration__c.Expires_On__c does not exist',
      'custom metadata record Trigger_Setting__mdt.Default: field Trigger_Setting__mdt.Retired__c does not exist',
      'layout Deal_Registration__c-Deal Registration Layout related list: object Program_Cost__c does not exist',
      'layout Deal_Registration__c-Deal Registration Layout: field Deal_Registration__c.Old_Field__c does not exist',
      'list view Deal_Registration__c.Pending: "Pending" is not a value of Deal_Registration__c.Status__c',
      'list view Deal_Registration__c.Pending: field Deal_Registration__c.Prospect__c does not exist',
      'permission set PRM_Admin: Apex class MissingController does not exist',
      'permission set PRM_Admin: app Missing_App does not exist',
      'permission set PRM_Admin: field Deal_Registration__c.Deleted__c does not exist',
      'permission set PRM_Admin: object Phantom__c does not exist',
      'permission set PRM_Admin: tab Phantom__c does not exist',
      'sharing rule Deal_Registration__c.To_Managers: "Approved" is not a value of Deal_Registration__c.Status__c',
      'sharing rule Deal_Registration__c.To_Managers: group PRM_Missing_Group does not exist',
      'validation rule Deal_Registration__c.Broken_Rule: "Aproved" is not a value of Deal_Registration__c.Status__c',
      'validation rule Deal_Registration__c.Broken_Rule: Amount__c: Deal_Registration__c.Amount__c does not exist',
      'validation rule Deal_Registration__c.Broken_Rule: Missing_Parent__r.Name: Deal_Registration__c.Missing_Parent__r is not a relationship of Deal_Registration__c',
      'validation rule Deal_Registration__c.Broken_Rule: Partner_Account__r.Tier_Rank__c: Account.Tier_Rank__c does not exist',
      'validation rule Deal_Registration__c.Broken_Rule: custom permission PRM_Missing_Permission does not exist',
    ]);
  });

  it('documentation: reports objects without description and fields without description or help', () => {
    expect(messages(checkDocumentation(modelOf('documentation')))).toEqual([
      'Account.Tier__c has no description',
      'Account.Tier__c has no inline help text',
      'Widget__c has no description',
      'Widget__c.Note__c has no inline help text',
      'Widget__c.Size__c has no description',
    ]);
  });

  it('naming: reports names that are not Title_Case words joined by single underscores', () => {
    expect(messages(checkNaming(modelOf('naming')))).toEqual([
      'field widget_order__c.Net__Amount__c: use Title_Case words joined by underscores, ending in __c',
      'field widget_order__c.dealAmount__c: use Title_Case words joined by underscores, ending in __c',
      'list view pending_approvals: use Title_Case words joined by single underscores',
      'object widget_order__c: use Title_Case words joined by underscores, ending in __c or __mdt',
      'permission set prm_admin: use Title_Case words joined by single underscores',
    ]);
  });

  it('picklist-constants: reports unknown values, unknown or non-picklist fields and empty markers, with lines', () => {
    const findings = checkPicklistConstants(
      modelOf('picklist-constants'),
      codeFiles(fixture('picklist-constants'), sourceOf('picklist-constants')),
    );
    expect(findings.map((f) => `${path.basename(f.file)}:${f.line} ${f.message}`).sort()).toEqual([
      'RegistrationStatus.cls:7 "Aproved" is not a value of Deal_Registration__c.Status__c (values: Draft, Submitted, Approved)',
      'RegistrationStatus.cls:9 picklist marker names Deal_Registration__c.Amount__c, which is not a picklist',
      'statuses.ts:1 picklist marker names Deal_Registration__c.Stage__c, which does not exist',
      'statuses.ts:4 picklist marker for Deal_Registration__c.Status__c has no string constants below it',
    ]);
  });
});

describe('formula parsing', () => {
  it('takes field tokens from code, not from strings or comments', () => {
    const formula = `AND(/* Old_Field__c */ ISPICKVAL(Status__c, 'Fake__c'), Partner_Account__r.Is_Partner__c, $Permission.PRM_Bypass_Validation, TEXT(Amount__c) = "x__c")`;
    expect(formulaFieldTokens(formula).sort()).toEqual([
      '$Permission.PRM_Bypass_Validation',
      'Amount__c',
      'Partner_Account__r.Is_Partner__c',
      'Status__c',
    ]);
  });

  it('reads ISPICKVAL pairs, also over PRIORVALUE', () => {
    expect(
      ispickvalPairs(`OR(ISPICKVAL(PRIORVALUE(Status__c), 'Draft'), ISPICKVAL( Segment__c , "Mid-Market"))`),
    ).toEqual([
      { field: 'Status__c', value: 'Draft' },
      { field: 'Segment__c', value: 'Mid-Market' },
    ]);
  });

  it('resolves relationship paths and stops at standard relationships it cannot know', () => {
    const model = modelOf('clean');
    const ok = resolveFieldPath(model, 'Deal_Registration__c', 'Partner_Account__r.Is_Partner__c');
    expect(ok.ok && ok.field?.name).toBe('Is_Partner__c');
    expect(resolveFieldPath(model, 'Deal_Registration__c', 'Owner.Name').ok).toBe(true);
    expect(resolveFieldPath(model, 'Deal_Registration__c', 'Partner_Account__r.Missing__c')).toEqual({
      ok: false,
      reason: 'Account.Missing__c does not exist',
    });
  });
});

describe('picklist constant scanning', () => {
  it('recognises the marker in line and block comments only', () => {
    expect(PICKLIST_MARKER.exec('  // picklist: Lead.Segment__c')?.slice(1)).toEqual(['Lead', 'Segment__c']);
    expect(PICKLIST_MARKER.exec('/* picklist: Lead.Segment__c */')?.slice(1)).toEqual(['Lead', 'Segment__c']);
    expect(PICKLIST_MARKER.test("const s = 'picklist: Lead.Segment__c';")).toBe(false);
  });

  it('collects string literals with escapes and skips comments and template substitutions', () => {
    const code = "const a = 'It\\'s'; // 'comment'\n/* 'block' */ const b = \"B\"; const c = `C`; const d = `x${a}`;";
    expect(stringLiterals(code, `'"\``).map((l) => l.value)).toEqual(["It's", 'B', 'C']);
    expect(stringLiterals(code, `'`).map((l) => l.value)).toEqual(["It's"]);
  });
});
