/**
 * Generates docs/data-dictionary.md, the field mapping and configuration guide admins get at
 * hand-off, from the package metadata: objects, fields, types, help text, validation rules,
 * custom metadata records and which persona permission set can read or edit each field.
 *
 *   npx tsx scripts/docs/dataDictionary.ts            write the document
 *   npx tsx scripts/docs/dataDictionary.ts --check    exit 1 when the committed document is stale
 *
 * The output is deterministic (sorted, no timestamps) so the staleness check can compare text.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_SOURCE_DIR,
  isPermissionable,
  isWritable,
  loadMetadata,
  readXml,
  type FieldMeta,
  type MetadataModel,
  type ObjectMeta,
  type PermissionSetMeta,
} from '../lib/metadataModel';
import { PROJECT_ROOT } from '../lib/project';

/** Where the document lives, relative to the repository root. */
export const DATA_DICTIONARY_PATH = 'docs/data-dictionary.md';

const REGENERATE = 'npx tsx scripts/docs/dataDictionary.ts';

/** Read and edit access of one field, as persona (permission set) names. */
export interface FieldAccess {
  read: string[];
  edit: string[];
}

/** Result of comparing the committed document with a fresh rendering. */
export interface DictionaryCheck {
  ok: boolean;
  message: string;
}

type XmlNode = Record<string, unknown>;

function scalar(node: XmlNode, key: string): string | undefined {
  const value = node[key];
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : undefined;
}

/** Escapes text for a Markdown table cell: pipes, line breaks and surrounding blanks. */
export function cell(value: string | undefined): string {
  if (value === undefined || value.trim() === '') {
    return '';
  }
  return value
    .trim()
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*\r?\n\s*/g, ' ');
}

/** Human-readable type with size, target and values, e.g. `Text(80)`, `Lookup(Account)`, `Picklist: A, B`. */
export function describeType(field: FieldMeta): string {
  const raw = readXml(field.file);
  const length = scalar(raw, 'length');
  const precision = scalar(raw, 'precision');
  const scale = scalar(raw, 'scale') ?? '0';
  const target = field.referenceTo.join(', ');
  switch (field.type) {
    case 'Text':
    case 'TextArea':
    case 'LongTextArea':
    case 'Html':
      return `${field.type === 'LongTextArea' ? 'Long Text Area' : field.type}${length ? `(${length})` : ''}`;
    case 'Number':
    case 'Currency':
    case 'Percent':
      return precision ? `${field.type}(${Number(precision) - Number(scale)},${scale})` : field.type;
    case 'Lookup':
      return `Lookup(${target})`;
    case 'MasterDetail':
      return `Master-Detail(${target})`;
    case 'Picklist':
    case 'MultiselectPicklist': {
      const kind = field.type === 'Picklist' ? 'Picklist' : 'Multi-select Picklist';
      const source = field.valueSetName ? ` [global value set ${field.valueSetName}]` : '';
      return `${kind}${source}: ${(field.picklistValues ?? []).join(', ')}`;
    }
    default:
      return field.type;
  }
}

/** Required, unique, external ID, default value and delete behaviour, as short notes. */
export function describeConstraints(field: FieldMeta): string {
  const raw = readXml(field.file);
  const notes: string[] = [];
  if (field.required) {
    notes.push('required');
  }
  if (field.unique) {
    notes.push('unique');
  }
  if (field.externalId) {
    notes.push('external ID');
  }
  const defaultValue = scalar(raw, 'defaultValue');
  if (defaultValue !== undefined && !(field.type === 'Checkbox' && defaultValue === 'false')) {
    notes.push(`default ${defaultValue}`);
  }
  const picklistDefault = field.picklistValues === undefined ? undefined : picklistDefaultOf(raw);
  if (picklistDefault) {
    notes.push(`default ${picklistDefault}`);
  }
  const deleteConstraint = scalar(raw, 'deleteConstraint');
  if (field.type === 'Lookup' && deleteConstraint === 'Restrict') {
    notes.push('blocks deletion of the parent');
  }
  if (field.type === 'MasterDetail') {
    notes.push('deleted with the parent');
  }
  if (raw.lookupFilter !== undefined) {
    const filter = raw.lookupFilter as XmlNode;
    notes.push(scalar(filter, 'isOptional') === 'true' ? 'lookup filter (optional)' : 'lookup filter');
  }
  return notes.join(', ');
}

function picklistDefaultOf(raw: XmlNode): string | undefined {
  const valueSet = raw.valueSet as XmlNode | undefined;
  const definition = valueSet?.valueSetDefinition as XmlNode | undefined;
  const values = definition?.value;
  const list = Array.isArray(values) ? values : values === undefined ? [] : [values];
  const chosen = list.find((v) => typeof v === 'object' && v !== null && scalar(v as XmlNode, 'default') === 'true');
  return chosen ? scalar(chosen as XmlNode, 'fullName') : undefined;
}

/** Display name of a persona permission set: its label without the `PRM ` prefix. */
function personaName(permissionSet: PermissionSetMeta): string {
  return (permissionSet.label ?? permissionSet.name).replace(/^PRM[ _]/, '').replace(/_/g, ' ');
}

/**
 * Which persona permission sets can read and edit a field. Fields the platform keeps out of
 * field permissions (required and master-detail) follow the object permission; custom
 * metadata fields follow the type access and are edited only in Setup.
 */
export function fieldAccess(model: MetadataModel, field: FieldMeta): FieldAccess {
  const access: FieldAccess = { read: [], edit: [] };
  const sets = [...model.permissionSets.values()].sort((a, b) => a.name.localeCompare(b.name));
  for (const set of sets) {
    const name = personaName(set);
    if (field.object.endsWith('__mdt')) {
      if (set.customMetadataTypeAccesses.some((a) => a.name === field.object && a.enabled)) {
        access.read.push(name);
      }
      continue;
    }
    const objectPermission = set.objectPermissions.find((p) => p.object === field.object);
    const objectRead =
      objectPermission !== undefined && (objectPermission.allowRead || objectPermission.viewAllRecords);
    const objectWrite =
      objectPermission !== undefined &&
      (objectPermission.allowEdit || objectPermission.allowCreate || objectPermission.modifyAllRecords);
    if (!objectRead) {
      continue;
    }
    if (!isPermissionable(field)) {
      access.read.push(name);
      if (objectWrite && isWritable(field)) {
        access.edit.push(name);
      }
      continue;
    }
    const grant = set.fieldPermissions.find((p) => p.field === `${field.object}.${field.name}`);
    if (grant?.readable || grant?.editable) {
      access.read.push(name);
    }
    if (grant?.editable && objectWrite && isWritable(field)) {
      access.edit.push(name);
    }
  }
  return access;
}

function objectTitle(object: ObjectMeta): string {
  return object.label ? `${object.label} (\`${object.name}\`)` : `\`${object.name}\``;
}

function anchor(object: ObjectMeta): string {
  return object.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

function sharingText(object: ObjectMeta): string {
  if (!object.sharingModel) {
    return 'organization-wide defaults are org settings (standard object)';
  }
  const readable = (model: string | undefined): string =>
    model === 'ControlledByParent'
      ? 'Controlled by Parent'
      : model === 'ReadWrite'
        ? 'Public Read/Write'
        : model === 'Read'
          ? 'Public Read Only'
          : (model ?? 'not set');
  return `internal ${readable(object.sharingModel)}, external ${readable(object.externalSharingModel)}`;
}

function nameFieldText(object: ObjectMeta): string | undefined {
  if (!object.file || object.metadataType) {
    return undefined;
  }
  const root = readXml(object.file);
  const nameField = root.nameField as XmlNode | undefined;
  if (!nameField) {
    return undefined;
  }
  const label = scalar(nameField, 'label') ?? 'Name';
  return scalar(nameField, 'type') === 'AutoNumber'
    ? `${label} (auto-number ${scalar(nameField, 'displayFormat') ?? ''})`
    : `${label} (text)`;
}

function objectGroups(model: MetadataModel): { title: string; objects: ObjectMeta[] }[] {
  const all = [...model.objects.values()].sort((a, b) => a.name.localeCompare(b.name));
  return [
    { title: 'Standard objects (package fields)', objects: all.filter((o) => !o.custom) },
    { title: 'Custom objects', objects: all.filter((o) => o.custom && !o.metadataType) },
    { title: 'Custom metadata types (configuration)', objects: all.filter((o) => o.metadataType) },
  ].filter((group) => group.objects.length > 0);
}

function renderObject(model: MetadataModel, object: ObjectMeta): string[] {
  const lines: string[] = [`### ${objectTitle(object)}`, ''];
  if (object.description) {
    lines.push(cell(object.description), '');
  }
  if (!object.metadataType) {
    lines.push(`- Sharing: ${sharingText(object)}`);
  }
  const nameField = nameFieldText(object);
  if (nameField) {
    lines.push(`- Record name: ${nameField}`);
  }
  if (!object.metadataType || nameField) {
    lines.push('');
  }
  const fields = [...object.fields.values()].sort((a, b) => a.name.localeCompare(b.name));
  if (fields.length > 0) {
    lines.push(
      '| Field | API name | Type | Constraints | Help text | Description | Read | Edit |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const field of fields) {
      const access = fieldAccess(model, field);
      const edit = object.metadataType ? 'Setup (Customize Application)' : access.edit.join(', ');
      lines.push(
        `| ${cell(field.label)} | \`${field.name}\` | ${cell(describeType(field))} | ${cell(describeConstraints(field))} | ${cell(
          field.inlineHelpText,
        )} | ${cell(field.description)} | ${cell(access.read.join(', ')) || '—'} | ${cell(edit) || '—'} |`,
      );
    }
    lines.push('');
  }
  const rules = [...object.validationRules].sort((a, b) => a.name.localeCompare(b.name));
  if (rules.length > 0) {
    lines.push('Validation rules:', '', '| Rule | Active | Error message | Why |', '|---|---|---|---|');
    for (const rule of rules) {
      lines.push(
        `| \`${rule.name}\` | ${rule.active ? 'yes' : 'no'} | ${cell(rule.errorMessage)} | ${cell(rule.description)} |`,
      );
    }
    lines.push('');
  }
  if (object.metadataType) {
    const records = model.customMetadataRecords
      .filter((r) => r.type === object.name)
      .sort((a, b) => a.name.localeCompare(b.name));
    if (records.length > 0) {
      const columns = fields.map((f) => f.name);
      lines.push(
        'Records shipped with the package:',
        '',
        `| Record | ${columns.map((c) => `\`${c}\``).join(' | ')} |`,
        `|---|${columns.map(() => '---').join('|')}|`,
      );
      for (const record of records) {
        const values = columns.map((column) => cell(record.values.find((v) => v.field === column)?.value) || '—');
        lines.push(`| \`${record.name}\` | ${values.join(' | ')} |`);
      }
      lines.push('');
    }
  }
  return lines;
}

/** Renders the whole document from a metadata source folder (e.g. `force-app/main/default`). */
export function renderDataDictionary(sourceDir: string): string {
  const model = loadMetadata(sourceDir);
  const personas = [...model.permissionSets.values()].sort((a, b) => a.name.localeCompare(b.name));
  const groups = objectGroups(model);
  const lines: string[] = [
    '# Data dictionary',
    '',
    `Generated from the package metadata by \`${REGENERATE}\` (\`npm run docs:data-dictionary\`).`,
    'Do not edit by hand: change the metadata and regenerate; a test fails when this file is stale.',
    '',
    'Read and Edit name the persona permission sets that grant the access. Required and',
    'master-detail fields follow the object permission; custom metadata records are edited in',
    'Setup by users with Customize Application. The relationships and sharing decisions are',
    'explained in [data-model.md](data-model.md).',
    '',
  ];
  if (personas.length > 0) {
    lines.push('## Personas', '', '| Persona | Permission set | Purpose |', '|---|---|---|');
    for (const set of personas) {
      lines.push(`| ${cell(personaName(set))} | \`${set.name}\` | ${cell(set.description)} |`);
    }
    lines.push('');
  }
  lines.push('## Objects', '', '| Object | API name | Kind | Custom fields | Sharing |', '|---|---|---|---|---|');
  for (const group of groups) {
    for (const object of group.objects) {
      const kind = object.metadataType ? 'custom metadata type' : object.custom ? 'custom object' : 'standard object';
      lines.push(
        `| [${cell(object.label ?? object.name)}](#${anchor(object)}) | \`${object.name}\` | ${kind} | ${object.fields.size} | ${
          object.metadataType ? '—' : sharingText(object)
        } |`,
      );
    }
  }
  lines.push('');
  for (const group of groups) {
    lines.push(`## ${group.title}`, '');
    for (const object of group.objects) {
      lines.push(`<a id="${anchor(object)}"></a>`, '');
      lines.push(...renderObject(model, object));
    }
  }
  if (model.globalValueSets.size > 0) {
    lines.push('## Global value sets', '', '| Value set | Values |', '|---|---|');
    for (const [name, values] of [...model.globalValueSets.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`| \`${name}\` | ${cell(values.join(', '))} |`);
    }
    lines.push('');
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

/** Compares the document on disk with a fresh rendering and says where they first differ. */
export function checkDataDictionary(sourceDir: string, documentFile: string): DictionaryCheck {
  const expected = renderDataDictionary(sourceDir);
  if (!existsSync(documentFile)) {
    return { ok: false, message: `${documentFile} is missing: run ${REGENERATE}` };
  }
  const actual = readFileSync(documentFile, 'utf8');
  if (actual === expected) {
    return { ok: true, message: `${documentFile} is up to date` };
  }
  const expectedLines = expected.split('\n');
  const actualLines = actual.split('\n');
  let line = 0;
  while (line < expectedLines.length && expectedLines[line] === actualLines[line]) {
    line++;
  }
  return {
    ok: false,
    message:
      `${documentFile} is stale (first difference at line ${line + 1}): run ${REGENERATE}\n` +
      `  committed: ${actualLines[line] ?? '(end of file)'}\n` +
      `  expected:  ${expectedLines[line] ?? '(end of file)'}`,
  };
}

/** Writes the document; returns the path written. */
export function writeDataDictionary(sourceDir: string, documentFile: string): string {
  mkdirSync(path.dirname(documentFile), { recursive: true });
  writeFileSync(documentFile, renderDataDictionary(sourceDir));
  return documentFile;
}

/** Command line entry: `--check` compares instead of writing; `--root <dir>` picks another project. */
export function main(argv: string[]): number {
  const rootIndex = argv.indexOf('--root');
  const root = rootIndex >= 0 ? path.resolve(argv[rootIndex + 1] ?? '.') : PROJECT_ROOT;
  const sourceDir = path.join(root, DEFAULT_SOURCE_DIR);
  const documentFile = path.join(root, DATA_DICTIONARY_PATH);
  if (argv.includes('--check')) {
    const result = checkDataDictionary(sourceDir, documentFile);
    (result.ok ? console.log : console.error)(result.message);
    return result.ok ? 0 : 1;
  }
  writeDataDictionary(sourceDir, documentFile);
  console.log(`wrote ${DATA_DICTIONARY_PATH}`);
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error: unknown) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  }
}
