/**
 * Generates one permission set per persona from spec/personas.json and the object
 * metadata, so a new field is granted by policy instead of by hand-editing XML.
 *
 *   npx tsx scripts/metadata/generatePermissionSets.ts          write the permission sets
 *   npx tsx scripts/metadata/generatePermissionSets.ts --check  exit 1 if the committed files differ
 *
 * Platform rules it applies: required and master-detail fields never appear in
 * fieldPermissions (the platform rejects them; their access follows the object), formula,
 * roll-up and auto-number fields are at most readable, fields of an object the persona
 * cannot create or edit are at most readable, and no <license> is written, so a set can be
 * assigned to internal and partner community users alike.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../lib/project';
import {
  DEFAULT_SOURCE_DIR,
  isPermissionable,
  isWritable,
  loadMetadata,
  type FieldMeta,
  type MetadataModel,
} from '../lib/metadataModel';
import type { Finding } from '../lib/findings';
import {
  accessProblems,
  decodeAccess,
  loadPolicy,
  matchesPattern,
  POLICY_FILE,
  type FieldLevel,
  type ObjectAccess,
  type ObjectPolicy,
  type Persona,
  type Policy,
} from './personaPolicy';
import { formatLikeProject, metadataDocument, type XmlElement } from './xmlWriter';

export const GENERATED_COMMENT = `Generated from ${POLICY_FILE} by scripts/metadata/generatePermissionSets.ts: edit the policy, not this file.`;

export interface GeneratedFile {
  /** Path relative to the source folder, e.g. `permissionsets/PRM_Admin.permissionset-meta.xml`. */
  relativePath: string;
  content: string;
}

export interface GenerationResult {
  files: GeneratedFile[];
  /** Policy mistakes: unknown objects, fields, types, permissions. The output is not trustworthy while any exist. */
  problems: string[];
  /** Intentions the platform cannot express as field permissions (e.g. read-only on a required field). */
  notes: string[];
}

/** The effective grant of one field for one persona. */
export interface FieldGrant {
  field: string;
  readable: boolean;
  editable: boolean;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function fieldLevel(field: FieldMeta, policy: ObjectPolicy): FieldLevel {
  const matches = (patterns: string[]): boolean => patterns.some((p) => matchesPattern(field.name, p));
  if (matches(policy.hidden)) {
    return 'none';
  }
  // A field listed readOnly is readable whatever the object's default: `fields: "none"` with
  // a readOnly list is how a narrow persona (the guest applicant) opts in to single fields.
  if (matches(policy.readOnly)) {
    return 'read';
  }
  if (matches(policy.editable)) {
    return 'edit';
  }
  return policy.fields;
}

/** The objects a persona's policy covers, each with its policy (`*` expanded to unlisted custom objects). */
export function objectPolicies(persona: Persona, model: MetadataModel): Map<string, ObjectPolicy> {
  const out = new Map<string, ObjectPolicy>();
  for (const [name, policy] of Object.entries(persona.objects)) {
    if (name !== '*') {
      out.set(name, policy);
    }
  }
  const wildcard = persona.objects['*'];
  if (wildcard) {
    for (const object of model.objects.values()) {
      if (object.name.endsWith('__c') && !out.has(object.name)) {
        out.set(object.name, wildcard);
      }
    }
  }
  return new Map([...out.entries()].sort(([a], [b]) => byText(a, b)));
}

/** Field grants of one object for one persona, and the notes about intentions that cannot be expressed. */
export function fieldGrants(
  objectName: string,
  access: ObjectAccess,
  policy: ObjectPolicy,
  model: MetadataModel,
): { grants: FieldGrant[]; notes: string[] } {
  const grants: FieldGrant[] = [];
  const notes: string[] = [];
  const object = model.objects.get(objectName);
  if (!object || !access.read) {
    return { grants, notes };
  }
  const canWrite = access.create || access.edit;
  for (const field of [...object.fields.values()].sort((a, b) => byText(a.name, b.name))) {
    const level = fieldLevel(field, policy);
    if (!isPermissionable(field)) {
      if (
        field.name.endsWith('__c') &&
        !field.object.endsWith('__mdt') &&
        level !== policy.fields &&
        level !== 'edit'
      ) {
        notes.push(
          `${objectName}.${field.name} is ${field.type === 'MasterDetail' ? 'a master-detail field' : 'required'}: ` +
            `its access follows the object, so "${level}" cannot be set by field permissions; enforce it in automation.`,
        );
      }
      continue;
    }
    if (level === 'none') {
      continue;
    }
    const editable = level === 'edit' && canWrite && isWritable(field);
    grants.push({ field: `${objectName}.${field.name}`, readable: true, editable });
  }
  return { grants, notes };
}

function unmatchedEntries(objectName: string, policy: ObjectPolicy, model: MetadataModel): string[] {
  const object = model.objects.get(objectName);
  const names = object ? [...object.fields.keys()] : [];
  const problems: string[] = [];
  for (const [kind, patterns] of [
    ['readOnly', policy.readOnly],
    ['editable', policy.editable],
    ['hidden', policy.hidden],
  ] as const) {
    for (const pattern of patterns) {
      if (!names.some((name) => matchesPattern(name, pattern))) {
        problems.push(`${objectName}.${kind} "${pattern}" matches no field of ${objectName}`);
      }
    }
  }
  return problems;
}

function objectPermissionElement(object: string, access: ObjectAccess): XmlElement {
  return [
    'objectPermissions',
    [
      ['allowCreate', access.create],
      ['allowDelete', access.delete],
      ['allowEdit', access.edit],
      ['allowRead', access.read],
      ['modifyAllRecords', access.modifyAll],
      ['object', object],
      ['viewAllRecords', access.viewAll],
    ],
  ];
}

function buildPersona(
  name: string,
  persona: Persona,
  model: MetadataModel,
): { file: GeneratedFile; problems: string[]; notes: string[] } {
  const problems: string[] = [];
  const notes: string[] = [];
  const objectPermissions: XmlElement[] = [];
  const fieldPermissions: XmlElement[] = [];
  const readable = new Set<string>();

  for (const [objectName, policy] of objectPolicies(persona, model)) {
    const isCustom = objectName.endsWith('__c');
    if (objectName.endsWith('__mdt')) {
      problems.push(`${name}: ${objectName} is a custom metadata type; list it under customMetadataTypes`);
      continue;
    }
    if (isCustom && !model.objects.has(objectName)) {
      problems.push(`${name}: object ${objectName} does not exist`);
      continue;
    }
    const access = decodeAccess(policy.access);
    for (const problem of accessProblems(access)) {
      problems.push(`${name}: ${objectName} access "${policy.access}": ${problem}`);
    }
    problems.push(...unmatchedEntries(objectName, policy, model).map((p) => `${name}: ${p}`));
    if (!access.read) {
      continue;
    }
    readable.add(objectName);
    objectPermissions.push(objectPermissionElement(objectName, access));
    const { grants, notes: fieldNotes } = fieldGrants(objectName, access, policy, model);
    notes.push(...fieldNotes.map((n) => `${name}: ${n}`));
    for (const grant of grants) {
      fieldPermissions.push([
        'fieldPermissions',
        [
          ['editable', grant.editable],
          ['field', grant.field],
          ['readable', grant.readable],
        ],
      ]);
    }
  }

  const applicationVisibilities: XmlElement[] = [];
  for (const app of [...persona.applications].sort(byText)) {
    if (!model.applications.has(app)) {
      problems.push(`${name}: application ${app} does not exist`);
    }
    applicationVisibilities.push([
      'applicationVisibilities',
      [
        ['application', app],
        ['visible', true],
      ],
    ]);
  }

  const classes = [...model.apexClasses.values()]
    .filter((c) => !c.isTest && persona.apexClasses.some((p) => matchesPattern(c.name, p)))
    .map((c) => c.name)
    .sort(byText);
  const classAccesses: XmlElement[] = classes.map((apexClass) => [
    'classAccesses',
    [
      ['apexClass', apexClass],
      ['enabled', true],
    ],
  ]);

  const allTypes = [...model.objects.values()].filter((o) => o.metadataType).map((o) => o.name);
  const types = new Set<string>();
  for (const entry of persona.customMetadataTypes) {
    if (entry === '*') {
      allTypes.forEach((t) => types.add(t));
    } else if (!model.objects.has(entry) || !entry.endsWith('__mdt')) {
      problems.push(`${name}: custom metadata type ${entry} does not exist`);
    } else {
      types.add(entry);
    }
  }
  const customMetadataTypeAccesses: XmlElement[] = [...types].sort(byText).map((type) => [
    'customMetadataTypeAccesses',
    [
      ['enabled', true],
      ['name', type],
    ],
  ]);

  const customPermissions: XmlElement[] = [];
  for (const permission of [...persona.customPermissions].sort(byText)) {
    if (!model.customPermissions.has(permission)) {
      problems.push(`${name}: custom permission ${permission} does not exist`);
    }
    customPermissions.push([
      'customPermissions',
      [
        ['enabled', true],
        ['name', permission],
      ],
    ]);
  }

  const tabSettings: XmlElement[] = [];
  if (persona.tabVisibility !== 'None') {
    for (const tab of [...model.tabs.values()].sort((a, b) => byText(a.name, b.name))) {
      if (tab.customObject && readable.has(tab.name)) {
        tabSettings.push([
          'tabSettings',
          [
            ['tab', tab.name],
            ['visibility', persona.tabVisibility],
          ],
        ]);
      }
    }
  }
  for (const name of [...persona.tabs].sort(byText)) {
    if (!model.tabs.has(name)) {
      problems.push(`tab ${name} (spec/personas.json) does not exist in tabs/`);
      continue;
    }
    tabSettings.push([
      'tabSettings',
      [
        ['tab', name],
        ['visibility', 'Visible'],
      ],
    ]);
  }

  const content = metadataDocument(
    'PermissionSet',
    [
      ...applicationVisibilities,
      ...classAccesses,
      ...customMetadataTypeAccesses,
      ...customPermissions,
      ['description', persona.description],
      ...fieldPermissions,
      ['hasActivationRequired', false],
      ['label', persona.label],
      ...objectPermissions,
      ...tabSettings,
    ],
    GENERATED_COMMENT,
  );
  return { file: { relativePath: `permissionsets/${name}.permissionset-meta.xml`, content }, problems, notes };
}

/**
 * Builds every persona's permission set in memory, formatted with the project's prettier
 * configuration (resolved for the files' place under `sourceDir`).
 */
export async function generatePermissionSets(
  model: MetadataModel,
  policy: Policy,
  sourceDir: string = model.sourceDir,
): Promise<GenerationResult> {
  const built = Object.entries(policy.personas)
    .sort(([a], [b]) => byText(a, b))
    .map(([name, persona]) => buildPersona(name, persona, model));
  const formatted = await formatLikeProject(
    built.map((b) => ({ file: path.join(sourceDir, b.file.relativePath), content: b.file.content })),
  );
  return {
    files: built.map((b, i) => ({ ...b.file, content: formatted[i] ?? b.file.content })),
    problems: built.flatMap((b) => b.problems),
    notes: built.flatMap((b) => b.notes),
  };
}

/**
 * Compares the committed permission sets with the generator's output: a finding for each
 * file that differs or is missing, for each permission set the policy does not produce,
 * and for each policy problem.
 */
export async function permissionSetDrift(sourceDir: string, policy: Policy): Promise<Finding[]> {
  const model = loadMetadata(sourceDir);
  const result = await generatePermissionSets(model, policy);
  const findings: Finding[] = result.problems.map((message) => ({
    file: POLICY_FILE,
    check: 'permission-set-policy',
    message,
  }));
  const expected = new Set<string>();
  for (const generated of result.files) {
    const file = path.join(sourceDir, generated.relativePath);
    expected.add(path.basename(file));
    if (!existsSync(file)) {
      findings.push({ file, check: 'permission-set-drift', message: 'missing: run the permission set generator' });
    } else if (readFileSync(file, 'utf8') !== generated.content) {
      findings.push({
        file,
        check: 'permission-set-drift',
        message: `differs from ${POLICY_FILE}: run npx tsx scripts/metadata/generatePermissionSets.ts`,
      });
    }
  }
  const dir = path.join(sourceDir, 'permissionsets');
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.permissionset-meta.xml'))) {
      if (!expected.has(name)) {
        findings.push({
          file: path.join(dir, name),
          check: 'permission-set-drift',
          message: `not produced by ${POLICY_FILE}: add the persona to the policy or remove the file`,
        });
      }
    }
  }
  return findings;
}

async function main(argv: string[]): Promise<number> {
  const check = argv.includes('--check');
  const rootIndex = argv.indexOf('--root');
  const root = rootIndex >= 0 ? path.resolve(argv[rootIndex + 1] ?? '.') : PROJECT_ROOT;
  const sourceDir = path.join(root, DEFAULT_SOURCE_DIR);
  const policy = loadPolicy(root);
  if (check) {
    const findings = await permissionSetDrift(sourceDir, policy);
    for (const finding of findings) {
      console.error(`${path.relative(root, finding.file) || finding.file} [${finding.check}] ${finding.message}`);
    }
    if (findings.length === 0) {
      console.log(`permission sets match ${POLICY_FILE}`);
    }
    return findings.length === 0 ? 0 : 1;
  }
  const result = await generatePermissionSets(loadMetadata(sourceDir), policy);
  for (const note of result.notes) {
    console.log(`note: ${note}`);
  }
  if (result.problems.length > 0) {
    result.problems.forEach((p) => console.error(`error: ${p}`));
    return 1;
  }
  mkdirSync(path.join(sourceDir, 'permissionsets'), { recursive: true });
  for (const file of result.files) {
    writeFileSync(path.join(sourceDir, file.relativePath), file.content);
    console.log(`wrote ${path.join(DEFAULT_SOURCE_DIR, file.relativePath)}`);
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 2;
    },
  );
}
