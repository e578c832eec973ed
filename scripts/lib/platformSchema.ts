/**
 * The platform's standard SObjects, fields and relationships, read from the SObject type
 * library that ships with the PMD engine (`sobject-types-<api>.jar`, maintained with
 * apex-ls: one class per SObject, one Java field per SObject field or relationship).
 * Parsing 4,500 classes takes about a second, so the result is cached as JSON under
 * `.generated/`, keyed by the jar's name and size.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { readClassFields } from './classFile';
import { PROJECT_ROOT } from './project';

/** One standard object: field → value type, parent relationship → its lookup field and target, child relationship → child. */
export interface PlatformObject {
  fields: Record<string, string>;
  parents: Record<string, { field?: string; referenceTo: string }>;
  children: Record<string, string>;
}

export interface PlatformSchema {
  source: string;
  objects: Record<string, PlatformObject>;
}

const SOBJECTS = 'com/nawforce/runforce/SObjects/';
/** Compound fields are typed as SObjects in the library but are values, not relationships. */
const COMPOUND_TYPES = new Set(['Address', 'Location']);

/** The folder of Java libraries the PMD engine ships (apex-ls, PMD, the SObject types). */
export function pmdJavaLib(): string {
  const engine = path.dirname(require.resolve('@salesforce/code-analyzer-pmd-engine/package.json'));
  return path.join(engine, 'dist', 'java-lib');
}

/** The newest `sobject-types-*.jar` the PMD engine ships. */
export function sobjectTypesJar(): string {
  const dir = pmdJavaLib();
  const jars = readdirSync(dir)
    .filter((name) => /^sobject-types-.*\.jar$/.test(name))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const jar = jars.at(-1);
  if (!jar) {
    throw new Error(`No sobject-types-*.jar in ${dir}: is @salesforce/code-analyzer-pmd-engine installed?`);
  }
  return path.join(dir, jar);
}

/** Turns one SObject class's Java fields into fields, parent and child relationships. */
export function platformObjectOf(
  javaFields: { name: string; descriptor: string; isStatic: boolean }[],
): PlatformObject {
  const object: PlatformObject = { fields: {}, parents: {}, children: {} };
  const sobjectType = (descriptor: string): string | undefined =>
    descriptor.startsWith(`L${SOBJECTS}`) ? descriptor.slice(SOBJECTS.length + 1, -1) : undefined;
  for (const field of javaFields.filter((f) => !f.isStatic)) {
    if (field.descriptor.startsWith(`[L${SOBJECTS}`)) {
      object.children[field.name] = field.descriptor.slice(SOBJECTS.length + 2, -1);
      continue;
    }
    const target = sobjectType(field.descriptor);
    if (target && !COMPOUND_TYPES.has(target)) {
      object.parents[field.name] = { referenceTo: target };
      continue;
    }
    object.fields[field.name] = target ?? field.descriptor.slice(field.descriptor.lastIndexOf('/') + 1, -1);
  }
  for (const [relationship, parent] of Object.entries(object.parents)) {
    const idField = `${relationship}Id`;
    if (idField in object.fields) {
      parent.field = idField;
    }
  }
  return object;
}

function parseJar(jar: string): PlatformSchema {
  const objects: Record<string, PlatformObject> = {};
  for (const entry of new AdmZip(jar).getEntries()) {
    const name = entry.entryName;
    if (name.startsWith(SOBJECTS) && name.endsWith('.class') && !name.includes('$')) {
      objects[path.basename(name, '.class')] = platformObjectOf(readClassFields(entry.getData()));
    }
  }
  return { source: path.basename(jar), objects };
}

/**
 * Relationships the library leaves out although the platform has them, each with where it
 * is documented. Keep this short: it is for the library's gaps, not for our own objects.
 */
const LIBRARY_GAPS: { object: string; children: Record<string, string>; reference: string }[] = [
  {
    object: 'EntityDefinition',
    children: { Fields: 'FieldDefinition' },
    reference:
      'Tooling API / Object Reference, FieldDefinition.EntityDefinition: `(SELECT ... FROM Fields) FROM EntityDefinition`',
  },
];

function withGaps(schema: PlatformSchema): PlatformSchema {
  for (const gap of LIBRARY_GAPS) {
    const object = schema.objects[gap.object];
    if (object) {
      Object.assign(object.children, gap.children);
    }
  }
  return schema;
}

let loaded: PlatformSchema | undefined;

/** The standard schema, from the cache when it matches the installed jar. */
export function loadPlatformSchema(cacheDir: string = path.join(PROJECT_ROOT, '.generated')): PlatformSchema {
  if (loaded) {
    return loaded;
  }
  const jar = sobjectTypesJar();
  const cacheFile = path.join(cacheDir, `platform-schema-${path.basename(jar, '.jar')}-${statSync(jar).size}.json`);
  if (existsSync(cacheFile)) {
    loaded = withGaps(JSON.parse(readFileSync(cacheFile, 'utf8')) as PlatformSchema);
    return loaded;
  }
  const parsed = parseJar(jar);
  mkdirSync(cacheDir, { recursive: true });
  // Write then rename, so a parallel reader never sees half a file.
  const partial = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify(parsed));
  renameSync(partial, cacheFile);
  loaded = withGaps(parsed);
  return loaded;
}
