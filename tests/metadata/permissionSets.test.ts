import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../scripts/lib/project';
import { DEFAULT_SOURCE_DIR, isPermissionable, loadMetadata, readXml } from '../../scripts/lib/metadataModel';
import {
  generatePermissionSets,
  permissionSetDrift,
  type GenerationResult,
} from '../../scripts/metadata/generatePermissionSets';
import {
  accessProblems,
  decodeAccess,
  loadPolicy,
  matchesPattern,
  parsePolicy,
  type Persona,
} from '../../scripts/metadata/personaPolicy';
import { XMLParser } from 'fast-xml-parser';

const FIXTURES = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'metadata');
const parser = new XMLParser({
  parseTagValue: false,
  isArray: (name) => name.endsWith('Permissions') || name.endsWith('Accesses') || name === 'tabSettings',
});

interface ParsedSet {
  license?: string;
  fieldPermissions?: { field: string; readable: string; editable: string }[];
  objectPermissions?: {
    object: string;
    allowCreate: string;
    allowEdit: string;
    viewAllRecords: string;
    modifyAllRecords: string;
  }[];
  classAccesses?: { apexClass: string }[];
  customMetadataTypeAccesses?: { name: string }[];
  customPermissions?: { name: string }[];
  tabSettings?: { tab: string; visibility: string }[];
}

function parsed(result: GenerationResult, persona: string): ParsedSet {
  const file = result.files.find((f) => f.relativePath === `permissionsets/${persona}.permissionset-meta.xml`);
  if (!file) {
    throw new Error(`${persona} was not generated`);
  }
  return (parser.parse(file.content) as { PermissionSet: ParsedSet }).PermissionSet;
}

const grant = (set: ParsedSet, field: string) => set.fieldPermissions?.find((f) => f.field === field);

/** Generates the fixture's permission sets after `edit` changes its partner persona's policy. */
async function generateWithPartner(edit: (partner: Persona) => void): Promise<GenerationResult> {
  const root = path.join(FIXTURES, 'generator');
  const policy = loadPolicy(root);
  const partner = policy.personas['PRM_Partner_User'];
  if (!partner) {
    throw new Error('fixture policy lost its partner persona');
  }
  edit(partner);
  return generatePermissionSets(loadMetadata(path.join(root, DEFAULT_SOURCE_DIR)), policy);
}

describe('the committed permission sets', () => {
  it('are exactly what spec/personas.json generates', async () => {
    const findings = await permissionSetDrift(path.join(PROJECT_ROOT, DEFAULT_SOURCE_DIR), loadPolicy(PROJECT_ROOT));
    expect(findings.map((f) => `${path.relative(PROJECT_ROOT, f.file)} ${f.message}`)).toEqual([]);
  });

  it('give the partner persona no licence and no View All or Modify All', () => {
    const file = path.join(
      PROJECT_ROOT,
      DEFAULT_SOURCE_DIR,
      'permissionsets',
      'PRM_Partner_User.permissionset-meta.xml',
    );
    const root = readXml(file);
    expect(root['license']).toBeUndefined();
    const policy = loadPolicy(PROJECT_ROOT);
    const grants = Object.values(policy.personas['PRM_Partner_User']?.objects ?? {}).map((o) => o.access);
    expect(grants.length).toBeGreaterThan(10);
    expect(grants.filter((letters) => /[VM]/.test(letters))).toEqual([]);
  });
});

describe('drift detection', () => {
  const source = (name: string): string => path.join(FIXTURES, name, DEFAULT_SOURCE_DIR);

  it('passes when the files match the policy', async () => {
    expect(await permissionSetDrift(source('generator'), loadPolicy(path.join(FIXTURES, 'generator')))).toEqual([]);
  });

  it('fails on a hand edit of a generated permission set', async () => {
    const findings = await permissionSetDrift(
      source('generator-drift'),
      loadPolicy(path.join(FIXTURES, 'generator-drift')),
    );
    expect(findings.map((f) => `${path.basename(f.file)} [${f.check}]`)).toEqual([
      'PRM_Partner_User.permissionset-meta.xml [permission-set-drift]',
    ]);
  });

  it('fails on a permission set the policy does not produce', async () => {
    const policy = loadPolicy(path.join(FIXTURES, 'generator'));
    delete policy.personas['PRM_Partner_User'];
    const findings = await permissionSetDrift(source('generator'), policy);
    expect(findings.map((f) => f.message)).toEqual([
      'not produced by spec/personas.json: add the persona to the policy or remove the file',
    ]);
  });
});

describe('the generator', () => {
  let result: GenerationResult;
  beforeAll(async () => {
    const root = path.join(FIXTURES, 'generator');
    result = await generatePermissionSets(loadMetadata(path.join(root, DEFAULT_SOURCE_DIR)), loadPolicy(root));
  });

  it('reports no policy problems on a consistent policy', () => {
    expect(result.problems).toEqual([]);
  });

  it('never writes required or master-detail fields, and says when a policy wish cannot be honoured', () => {
    for (const persona of ['PRM_Admin', 'PRM_Partner_User']) {
      expect(grant(parsed(result, persona), 'Deal_Registration__c.Partner_Account__c')).toBeUndefined();
    }
    expect(result.notes).toEqual([
      'PRM_Partner_User: Deal_Registration__c.Partner_Account__c is required: its access follows the object, so "read" cannot be set by field permissions; enforce it in automation.',
    ]);
  });

  it('caps formula fields at read even where the policy says edit', () => {
    expect(grant(parsed(result, 'PRM_Admin'), 'Deal_Registration__c.Score__c')).toEqual({
      editable: 'false',
      field: 'Deal_Registration__c.Score__c',
      readable: 'true',
    });
    expect(grant(parsed(result, 'PRM_Admin'), 'Deal_Registration__c.Amount__c')?.editable).toBe('true');
  });

  it('applies readOnly and hidden patterns', () => {
    const partner = parsed(result, 'PRM_Partner_User');
    expect(grant(partner, 'Deal_Registration__c.Status__c')).toMatchObject({ readable: 'true', editable: 'false' });
    expect(grant(partner, 'Deal_Registration__c.Amount__c')).toMatchObject({ readable: 'true', editable: 'true' });
    expect(grant(partner, 'Deal_Registration__c.Conflict_Summary__c')).toBeUndefined();
  });

  it('expands wildcards over objects, metadata types and non-test Apex classes', () => {
    const admin = parsed(result, 'PRM_Admin');
    expect(admin.objectPermissions?.map((o) => [o.object, o.viewAllRecords, o.modifyAllRecords])).toEqual([
      ['Deal_Registration__c', 'true', 'true'],
    ]);
    expect(admin.customMetadataTypeAccesses?.map((c) => c.name)).toEqual(['Trigger_Setting__mdt']);
    expect(admin.customPermissions?.map((c) => c.name)).toEqual(['PRM_Bypass_Validation']);
    expect(admin.classAccesses?.map((c) => c.apexClass)).toEqual(['PortalRegistrationController']);
    expect(parsed(result, 'PRM_Partner_User').classAccesses?.map((c) => c.apexClass)).toEqual([
      'PortalRegistrationController',
    ]);
  });

  it('sets tab visibility per persona and writes no licence', () => {
    const partner = parsed(result, 'PRM_Partner_User');
    expect(partner.tabSettings).toEqual([{ tab: 'Deal_Registration__c', visibility: 'Available' }]);
    expect(partner.license).toBeUndefined();
    expect(partner.customPermissions).toBeUndefined();
  });

  it('reports policy entries that match nothing, unknown objects and impossible access letters', async () => {
    const broken = await generateWithPartner((partner) => {
      partner.objects['Deal_Registration__c'] = {
        access: 'RD',
        fields: 'read',
        readOnly: ['Stauts__c'],
        editable: [],
        hidden: [],
      };
      partner.objects['Phantom__c'] = { access: 'R', fields: 'read', readOnly: [], editable: [], hidden: [] };
      partner.customMetadataTypes = ['Missing_Policy__mdt'];
    });
    expect(broken.problems.sort()).toEqual([
      'PRM_Partner_User: Deal_Registration__c access "RD": delete (D) needs edit (U)',
      'PRM_Partner_User: Deal_Registration__c.readOnly "Stauts__c" matches no field of Deal_Registration__c',
      'PRM_Partner_User: custom metadata type Missing_Policy__mdt does not exist',
      'PRM_Partner_User: object Phantom__c does not exist',
    ]);
  });
});

describe('the guest applicant persona', () => {
  it('grants read on readOnly fields even when the object default is none', async () => {
    const result = await generateWithPartner((partner) => {
      partner.objects['Deal_Registration__c'] = {
        access: 'R',
        fields: 'none',
        readOnly: ['Status__c'],
        editable: [],
        hidden: [],
      };
    });
    const narrow = parsed(result, 'PRM_Partner_User');
    expect(narrow.fieldPermissions?.map((f) => [f.field, f.readable, f.editable])).toEqual([
      ['Deal_Registration__c.Status__c', 'true', 'false'],
    ]);
  });

  it('can read every program field the public application controller queries', () => {
    const sourceDir = path.join(PROJECT_ROOT, DEFAULT_SOURCE_DIR);
    const controller = readFileSync(
      path.join(sourceDir, 'classes', 'portal', 'PortalPartnerApplicationController.cls'),
      'utf8',
    );
    const queried = new Set<string>();
    for (const match of controller.matchAll(/SELECT\s+([\s\S]+?)\s+FROM\s+Partner_Program__c\b([\s\S]*?)\]/gi)) {
      const [, selected = '', rest = ''] = match;
      selected.split(',').forEach((f) => queried.add(f.trim()));
      const where = /WHERE\s+([\s\S]*?)(?:\s+WITH|\s+ORDER|\s+LIMIT|$)/i.exec(rest)?.[1] ?? '';
      for (const field of where.matchAll(/\b(\w+__c)\b/g)) {
        queried.add(field[1] ?? '');
      }
    }
    expect([...queried]).toEqual(expect.arrayContaining(['Name', 'Program_Type__c', 'Description__c', 'Active__c']));

    const program = loadMetadata(sourceDir).objects.get('Partner_Program__c');
    const set = (
      parser.parse(
        readFileSync(path.join(sourceDir, 'permissionsets', 'PRM_Partner_Applicant.permissionset-meta.xml'), 'utf8'),
      ) as { PermissionSet: ParsedSet }
    ).PermissionSet;
    expect(set.objectPermissions?.find((o) => o.object === 'Partner_Program__c')).toBeDefined();
    const readable = new Set(
      (set.fieldPermissions ?? []).filter((f) => f.readable === 'true').map((f) => f.field.split('.')[1]),
    );
    // Standard fields and required fields follow object read; every other queried field needs a grant.
    const needsGrant = [...queried].filter((name) => {
      const field = program?.fields.get(name);
      return name.endsWith('__c') && field !== undefined && isPermissionable(field);
    });
    expect(needsGrant.sort()).toEqual(['Active__c', 'Description__c']);
    expect(needsGrant.filter((name) => !readable.has(name))).toEqual([]);
    expect([...readable].filter((name) => name && !queried.has(name) && name.startsWith('Partner_Program'))).toEqual(
      [],
    );
    const programGrants = (set.fieldPermissions ?? []).filter((f) => f.field.startsWith('Partner_Program__c.'));
    expect(programGrants.map((f) => [f.field, f.editable]).sort()).toEqual([
      ['Partner_Program__c.Active__c', 'false'],
      ['Partner_Program__c.Description__c', 'false'],
    ]);
  });
});

describe('the guest applicant', () => {
  const sourceDir = path.join(PROJECT_ROOT, DEFAULT_SOURCE_DIR);
  const applicant = (): ParsedSet =>
    (
      parser.parse(
        readFileSync(path.join(sourceDir, 'permissionsets', 'PRM_Partner_Applicant.permissionset-meta.xml'), 'utf8'),
      ) as { PermissionSet: ParsedSet }
    ).PermissionSet;

  it('cannot create, edit or even read an application: the controller is the only way in', () => {
    const set = applicant();
    // Programs and their tiers (master-detail: the programs' guest sharing covers them), read only.
    expect(set.objectPermissions?.map((o) => o.object)).toEqual(['Partner_Program__c', 'Partner_Tier__c']);
    expect(set.objectPermissions?.filter((o) => o.allowCreate === 'true' || o.allowEdit === 'true')).toEqual([]);
    expect((set.fieldPermissions ?? []).filter((f) => f.field.startsWith('Partner_Application__c.'))).toEqual([]);
    expect(set.classAccesses?.map((c) => c.apexClass)).toEqual(['PortalPartnerApplicationController']);
  });
});

describe('the persona policy', () => {
  it('rejects unknown keys and access letters', () => {
    expect(() => parsePolicy({ personas: { X: { label: 'X', description: 'X', objects: {}, extra: 1 } } })).toThrow(
      /Unrecognized key/,
    );
    expect(() =>
      parsePolicy({ personas: { X: { label: 'X', description: 'X', objects: { Lead: { access: 'RW' } } } } }),
    ).toThrow(/access takes the letters/);
  });

  it('knows the platform dependencies between object permissions', () => {
    expect(accessProblems(decodeAccess('CRUDVM'))).toEqual([]);
    expect(accessProblems(decodeAccess('R'))).toEqual([]);
    expect(accessProblems(decodeAccess('C'))).toEqual(['create, edit, delete and view all need read (R)']);
    expect(accessProblems(decodeAccess('RVM'))).toEqual(['modify all (M) needs view all (V), edit (U) and delete (D)']);
  });

  it('matches patterns on whole names', () => {
    expect(matchesPattern('Conflict_Status__c', 'Conflict_*')).toBe(true);
    expect(matchesPattern('Has_Conflict_Status__c', 'Conflict_*')).toBe(false);
    expect(matchesPattern('Status__c', 'Status__c')).toBe(true);
    expect(matchesPattern('Status__cx', 'Status__c')).toBe(false);
  });
});
