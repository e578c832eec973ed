/**
 * The gates on a project shaped like real ones: several package directories listed in
 * dependency order, metadata outside `<dir>/default/`, classes in sub-folders. Only the
 * planted SOQL errors may be reported; standard fields and objects the old hand-kept
 * catalogue lacked, and objects from other package directories, must resolve.
 */
import * as apex from '../../scripts/gates/apex';
import * as convert from '../../scripts/gates/convert';
import * as flows from '../../scripts/gates/flows';
import * as metadata from '../../scripts/gates/metadata';
import * as packageGate from '../../scripts/gates/package';
import * as pmd from '../../scripts/gates/pmd';
import * as selectivity from '../../scripts/gates/selectivity';
import * as soql from '../../scripts/gates/soql';
import { SObjectCatalog } from '../../scripts/lib/sobjectCatalog';
import { fixture, summarise } from './fixtures';

jest.setTimeout(120_000);

const root = fixture('nested-project');
const QUERIES = 'apps/sales/main/services/classes/catalog/CatalogQueries.cls';

describe('gates on a nested multi-package project', () => {
  it('check:soql reports only the planted errors', async () => {
    const findings = await soql.run(root);
    expect(findings.map((f) => `${f.line} ${f.message}`)).toEqual([
      '58 Account has no field ShippingStreeet',
      '59 Product__c has no field Colour__c',
      '60 Product_Family__c has no child relationship Gadgets__r',
    ]);
    expect(summarise(findings, root).every((s) => s.startsWith(QUERIES))).toBe(true);
  });

  it.each([
    ['check:apex', apex.run],
    ['check:selectivity', selectivity.run],
    ['check:pmd', pmd.run],
    ['check:flows', flows.run],
    ['check:metadata', metadata.run],
    ['check:convert', convert.run],
    ['check:package', packageGate.run],
  ])('%s finds nothing on its correct code', async (_name, run) => {
    expect(summarise(await run(root), root)).toEqual([]);
  });
});

describe('SObjectCatalog', () => {
  const catalog = SObjectCatalog.load(root);

  it('knows platform objects, fields and relationships from the SObject type library', () => {
    expect(catalog.resolvePath('Account', 'ShippingStreet')).toBeUndefined();
    expect(catalog.resolvePath('Account', 'Owner.Profile.Name')).toBeUndefined();
    expect(catalog.resolvePath('Task', 'What.Name')).toBeUndefined();
    expect(catalog.resolvePath('ApexClass', 'Name')).toBeUndefined();
    expect(catalog.getObject('account')?.children.get('contacts')).toBe('Contact');
    expect(catalog.resolvePath('Account', 'Owner.Nope')).toBe('User has no field Nope');
    expect(catalog.resolvePath('Account', 'Nope.Name')).toBe('Account has no relationship Nope');
  });

  it('merges the project metadata of every package directory into it', () => {
    expect(catalog.projectObjectNames()).toEqual(['Account', 'Product_Family__c', 'Product__c']);
    expect(catalog.resolvePath('Account', 'Region__c')).toBeUndefined();
    expect(catalog.resolvePath('Product__c', 'Product_Family__r.Owner.Name')).toBeUndefined();
    expect(catalog.getObject('Product_Family__c')?.children.get('products__r')).toBe('Product__c');
  });
});
