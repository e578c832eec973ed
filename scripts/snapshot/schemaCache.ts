/**
 * The snapshot schema is derived from the package metadata with source-deploy-retrieve, which
 * takes about 0.8 s and 90 MB to load: more than a small audit itself, and memory a large one
 * needs. The derived objects are kept on disk, keyed by a fingerprint of everything they are
 * derived from (the metadata files that define objects, fields and value sets, the code that
 * derives them, the platform's standard schema), so any change makes a fresh derivation.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles, packageDirectories } from '../lib/project';
import type { SnapshotField, SnapshotObject } from './schema';
import { snapshotObject } from './schemaIndex';

/** Metadata files the derivation reads: object and field definitions and the value sets of picklists. */
const SCHEMA_SOURCES = /\.(object|field|globalValueSet|standardValueSet)-meta\.xml$/;

/** The code that derives the schema: a change to it must not be served an older result. */
const DERIVING_CODE = [
  'scripts/snapshot/schema.ts',
  'scripts/lib/sobjectCatalog.ts',
  'scripts/lib/metadataModel.ts',
  'scripts/lib/platformSchema.ts',
];

/** A field as JSON (the picklist values as a list). */
type StoredField = Omit<SnapshotField, 'picklistValues'> & { picklistValues?: string[] };
interface StoredObject {
  name: string;
  keyPrefix: string;
  fields: StoredField[];
}

/**
 * A fingerprint of what the schema of a project is derived from.
 * @param root project root
 * @param codeRoot where the deriving code lives (this project)
 * @param platformSource the file the platform's standard schema comes from
 */
export function schemaFingerprint(root: string, codeRoot: string, platformSource: string): string {
  const hash = createHash('sha256');
  const add = (label: string, file: string): void => {
    hash.update(`${label}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  };
  for (const dir of packageDirectories(root)) {
    for (const file of listFiles(dir, (f) => SCHEMA_SOURCES.test(f))) {
      add(path.relative(root, file), file);
    }
  }
  for (const file of DERIVING_CODE) {
    add(file, path.join(codeRoot, file));
  }
  const platform = statSync(platformSource);
  hash.update(`${platformSource}\0${platform.size}\0${platform.mtimeMs}`);
  return hash.digest('hex').slice(0, 32);
}

function store(objects: SnapshotObject[]): StoredObject[] {
  return objects.map((o) => ({
    name: o.name,
    keyPrefix: o.keyPrefix,
    fields: o.fields.map(({ picklistValues, ...field }) =>
      picklistValues === undefined ? field : { ...field, picklistValues: [...picklistValues] },
    ),
  }));
}

function restore(stored: StoredObject[]): SnapshotObject[] {
  return stored.map((o) => {
    const fields: SnapshotField[] = o.fields.map(({ picklistValues, ...field }) =>
      picklistValues === undefined ? field : { ...field, picklistValues: new Set(picklistValues) },
    );
    return snapshotObject(o.name, o.keyPrefix, fields);
  });
}

/**
 * The schema's objects from the cache when it holds them for this fingerprint, else derived
 * and stored. A cache that cannot be read or written is only slower: the derivation runs.
 * @param cacheDir folder of cached schemas
 * @param fingerprint `schemaFingerprint` of the project
 * @param derive derives the objects from the metadata
 */
export function cachedSchemaObjects(
  cacheDir: string,
  fingerprint: string,
  derive: () => SnapshotObject[],
): SnapshotObject[] {
  const file = path.join(cacheDir, `snapshot-schema-${fingerprint}.json`);
  try {
    return restore(JSON.parse(readFileSync(file, 'utf8')) as StoredObject[]);
  } catch {
    // not cached yet, or unreadable: derive it
  }
  const objects = derive();
  try {
    mkdirSync(cacheDir, { recursive: true });
    // Written aside and renamed, so a reader never sees half a file.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, JSON.stringify(store(objects)));
    renameSync(partial, file);
  } catch {
    // a read-only install still works, only without the cache
  }
  return objects;
}
