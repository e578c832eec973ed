/**
 * check:package reports every planted namespace hazard of its fixture, with file and line, and
 * nothing on the fixture's namespace-safe code (typed DTOs, schema imports, NamespacePrefix
 * filters, own names in strings, comments, test classes, the unpackaged directory).
 */
import * as packageGate from '../../scripts/gates/package';
import { fixture, summarise } from './fixtures';

jest.setTimeout(120_000);

const CLS = 'force-app/main/default/classes';

describe('check:package', () => {
  const root = fixture('package');
  let findings: Awaited<ReturnType<typeof packageGate.run>> = [];
  beforeAll(async () => {
    findings = await packageGate.run(root);
  });

  it('reports each planted hazard once, and only those', () => {
    expect(summarise(findings, root)).toEqual([
      `${CLS}/Orphan.cls:- package:project`,
      `${CLS}/WidgetController.cls:14 package:aura-dto`,
      `${CLS}/WidgetController.cls:18 package:aura-dto`,
      `${CLS}/WidgetController.cls:7 package:aura-dto`,
      `${CLS}/WidgetLookup.cls:17 package:hard-coded-namespace`,
      `${CLS}/WidgetLookup.cls:18 package:unknown-reference`,
      `${CLS}/WidgetLookup.cls:22 package:unknown-reference`,
      `${CLS}/WidgetLookup.cls:4 package:namespace-query`,
      'force-app/main/default/groups/Widget_Team.group-meta.xml:- package:unpackageable',
      'lwc-ts-src/widgetCard/widgetCard.ts:9 package:lwc-field-string',
      'sfdx-project.packaging.json:- package:project',
      'sfdx-project.packaging.json:- package:project',
      'sfdx-project.packaging.json:- package:project',
    ]);
  });

  it('names what each @AuraEnabled member leaks', () => {
    const dto = findings.filter((f) => f.check === 'package:aura-dto').map((f) => f.message.split(':')[0]);
    expect(dto.sort()).toEqual([
      '@AuraEnabled method WidgetController.getWidgets returns uses the SObject type Widget__c',
      '@AuraEnabled parameter fields of WidgetController.save uses a map keyed by strings',
      '@AuraEnabled property WidgetController.Leaky.account uses the SObject type Account',
    ]);
  });

  it('names install and uninstall scripts that are missing or implement the wrong interface', () => {
    const scripts = findings.filter((f) => f.message.includes('is named as the package'));
    expect(scripts.map((f) => f.message.split(' but ')[0])).toEqual([
      "WidgetInstaller is named as the package's InstallHandler",
      "WidgetLookup is named as the package's UninstallHandler",
    ]);
  });

  it('resolves a custom permission named by a constant and reports the one the package lacks', () => {
    const permissions = findings.filter((f) => f.message.startsWith('custom permission'));
    expect(permissions.map((f) => f.message.split(' is ')[0])).toEqual(["custom permission 'Widget_Breaker'"]);
  });

  it('uses the packaging namespace and names the directory mismatch', () => {
    expect(packageGate.releaseNamespace(root)).toBe('acme');
    expect(findings.find((f) => f.check === 'package:hard-coded-namespace')?.message).toContain('acme__Colour__c');
    expect(findings.find((f) => f.file.endsWith('sfdx-project.packaging.json'))?.message).toContain(
      'packages force-app/widgets, the project force-app/main',
    );
  });
});
