/**
 * Each Apex/metadata gate reports exactly the planted errors of its fixture, with file and
 * line, and nothing on the fixture's correct code.
 */
import path from 'node:path';
import * as apex from '../../scripts/gates/apex';
import * as convert from '../../scripts/gates/convert';
import * as flows from '../../scripts/gates/flows';
import * as metadata from '../../scripts/gates/metadata';
import * as pmd from '../../scripts/gates/pmd';
import * as selectivity from '../../scripts/gates/selectivity';
import * as soql from '../../scripts/gates/soql';
import { fixture, summarise } from './fixtures';

jest.setTimeout(120_000);

const CLS = 'force-app/main/default/classes';

describe('check:soql', () => {
  it('reports misspelt fields, unknown objects and child relationships, and accepts valid SOQL', async () => {
    const root = fixture('soql');
    const findings = await soql.run(root);
    expect(findings.map((f) => f.message).sort()).toEqual([
      'Account has no child relationship Gadgets__r',
      'Account has no field Nmae',
      'Account has no field Nope__c',
      'Widget__c has no field Colour__c',
      'unknown object Gizmo__c in FROM',
    ]);
    // The first method (lines 2-6) is valid: relationship paths, subqueries, COUNT(), ORDER BY.
    expect(findings.every((f) => (f.line ?? 0) >= 8)).toBe(true);
  });
});

describe('check:selectivity', () => {
  it('reports queries on high-volume objects without an indexed filter, and allowances without a reason', async () => {
    const findings = await selectivity.run(fixture('selectivity'));
    expect(findings.map((f) => `${f.line} ${f.message.split(' (')[0]}`)).toEqual([
      '15 query on Account filters on no indexed field', // no WHERE
      '16 query on Widget__c filters on no indexed field', // plain text field
      '17 query on Widget__c filters on no indexed field', // != cannot use the lookup's index
      '18 query on Widget__c filters on no indexed field', // OR with one unindexed branch
      '19 query on Widget__c filters on no indexed field', // a parent's field
      '20 query on Widget__c filters on no indexed field', // leading wildcard
      '21 query on Widget__c filters on no indexed field', // = NULL
      '23 a "// selectivity:" allowance needs a reason',
    ]);
    // Lines 3-11: id with alias, external id, lookup AND text, OR of indexed branches, listed custom
    // index, CreatedDate, an allowance with a reason, an unguarded object; the test class is exempt.
    expect(findings.every((f) => path.basename(f.file) === 'WidgetQueries.cls')).toBe(true);
  });

  it('guards Account, Contact, Lead and Opportunity when a project has no policy', () => {
    expect(Object.keys(selectivity.loadPolicy(fixture('soql')).objects)).toEqual([
      'Account',
      'Contact',
      'Lead',
      'Opportunity',
    ]);
  });
});

describe('check:apex', () => {
  it('reports unknown fields and types from apex-ls and classes without a test class', async () => {
    const root = fixture('apex');
    const findings = await apex.run(root);
    expect(summarise(findings, root)).toEqual([
      `${CLS}/Untested.cls:- test-class`,
      `${CLS}/WidgetService.cls:12 apex-ls`,
      `${CLS}/WidgetService.cls:8 apex-ls`,
    ]);
    expect(findings.find((f) => f.line === 8)?.message).toContain("Unknown field 'Colour__c'");
  });
});

describe('check:pmd', () => {
  const root = fixture('pmd');
  let checks: string[] = [];
  let findings: Awaited<ReturnType<typeof pmd.run>> = [];
  beforeAll(async () => {
    findings = await pmd.run(root);
    checks = summarise(findings, root);
  });
  const about = (file: string): string[] => checks.filter((check) => check.startsWith(`${CLS}/${file}:`));

  it('reports SOQL/DML in loops, CRUD, sharing, debug statements and a NOPMD without a reason', () => {
    expect(about('LoopyService.cls')).toEqual(
      expect.arrayContaining([
        `${CLS}/LoopyService.cls:11 pmd:OperationWithLimitsInLoop`,
        `${CLS}/LoopyService.cls:13 pmd:OperationWithLimitsInLoop`,
        `${CLS}/LoopyService.cls:11 pmd:ApexCRUDViolation`,
        `${CLS}/LoopyService.cls:14 pmd:AvoidDebugStatements`,
        `${CLS}/LoopyService.cls:16 pmd-suppression`,
        `${CLS}/LoopyService.cls:4 pmd:ApexSharingViolations`,
      ]),
    );
  });

  it('reports every assertion without a message, and only those', () => {
    expect(about('SilentAssertions_Tests.cls')).toEqual([
      `${CLS}/SilentAssertions_Tests.cls:6 pmd:ApexAssertionsShouldIncludeMessage`,
      `${CLS}/SilentAssertions_Tests.cls:7 pmd:ApexAssertionsShouldIncludeMessage`,
      `${CLS}/SilentAssertions_Tests.cls:8 pmd:ApexAssertionsShouldIncludeMessage`,
    ]);
  });

  it('reports a class over 350 statements (about 700 lines)', () => {
    expect(about('OversizedService.cls')).toEqual([`${CLS}/OversizedService.cls:4 pmd:NcssCount`]);
    expect(findings.find((f) => f.check === 'pmd:NcssCount')?.message).toContain('limit: 350');
  });

  it('reports a method at cognitive complexity 15 unless the baseline accepts it, and a stale baseline entry', () => {
    expect(about('TangledRules.cls')).toEqual([`${CLS}/TangledRules.cls:12 pmd:CognitiveComplexity`]);
    expect(findings.find((f) => f.check === 'pmd:CognitiveComplexity')?.message).toContain("'tangle(");
    expect(findings.filter((f) => f.check === 'pmd-baseline').map((f) => f.message)).toEqual([
      'NcssCount no longer reports LoopyService in force-app/main/default/classes/LoopyService.cls: remove the entry',
    ]);
  });
});

describe('check:flows', () => {
  it('reports DML in a loop, a hard-coded id and missing fault paths', async () => {
    const checks = (await flows.run(fixture('flows'))).map((f) => f.check);
    expect(checks).toEqual(
      expect.arrayContaining(['flow:DMLStatementInLoop', 'flow:HardcodedId', 'flow:MissingFaultPath']),
    );
  });
});

describe('check:metadata', () => {
  it('reports malformed XML, unknown types and misspelt or misplaced elements', async () => {
    const root = fixture('metadata');
    const findings = await metadata.run(root);
    expect(summarise(findings, root)).toEqual([
      `${CLS}/Broken.cls-meta.xml:5 xml`,
      `${CLS}/Other.cls-meta.xml:2 metadata-schema`,
      'force-app/main/default/objects/Widget__c/fields/Colour__c.field-meta.xml:14 metadata-schema',
      'force-app/main/default/objects/Widget__c/fields/Size__c.field-meta.xml:6 metadata-schema',
    ]);
    expect(findings.map((f) => f.message)).toEqual(
      expect.arrayContaining([
        '<precison> is not an element of CustomField (in CustomField)',
        'unknown Metadata API type <ApexKlass>',
      ]),
    );
  });

  it('accepts a well-formed custom object', () => {
    const ok = metadata.checkXml(
      'Widget__c.object-meta.xml',
      '<?xml version="1.0"?><CustomObject xmlns="http://soap.sforce.com/2006/04/metadata"><label>W</label><sharingModel>Private</sharingModel></CustomObject>',
    );
    expect(ok).toEqual([]);
  });
});

describe('check:convert', () => {
  it('reports files that source conversion would silently leave out', async () => {
    const root = fixture('convert');
    expect(summarise(await convert.run(root), root)).toEqual([
      `${CLS}/Orphan.cls:- convert`,
      'force-app/main/default/objects/Widget__c/readme.txt:- convert',
    ]);
  });

  it('reports a -meta.xml whose source file is missing instead of crashing', async () => {
    const root = fixture('convert-orphan-meta');
    const findings = await convert.run(root);
    expect(summarise(findings, root)).toEqual([`${CLS}/Ghost.cls-meta.xml:- convert`]);
    expect(findings[0].message).toContain("Expected source files for type 'ApexClass'");
  });
});
