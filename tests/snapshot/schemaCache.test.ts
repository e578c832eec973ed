/**
 * The snapshot schema's disk cache (scripts/snapshot/schemaCache.ts): what it gives back is
 * what the metadata gives, and any change to the metadata the schema is read from makes a new
 * fingerprint, while other files of the package do not.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../scripts/lib/project';
import { cachedSchemaObjects, schemaFingerprint } from '../../scripts/snapshot/schemaCache';
import { loadSnapshotSchema } from '../../scripts/snapshot/schema';

describe('snapshot schema cache', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'prm-schema-cache-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives back exactly the derived objects, picklist values and field lookups included', () => {
    const derived = loadSnapshotSchema().objects;
    let derivations = 0;
    const derive = () => {
      derivations++;
      return derived;
    };
    expect(cachedSchemaObjects(dir, 'abc', derive)).toBe(derived);
    const restored = cachedSchemaObjects(dir, 'abc', derive);
    expect(derivations).toBe(1);
    expect(restored).toEqual(derived);
    const status = restored.find((o) => o.name === 'Deal_Registration__c')?.fieldMap.get('status__c');
    expect(status?.picklistValues?.has('Approved')).toBe(true);
  });

  it('derives again when the cached file cannot be read', () => {
    const derived = loadSnapshotSchema().objects;
    writeFileSync(path.join(dir, 'snapshot-schema-abc.json'), '{"half":');
    let derivations = 0;
    expect(
      cachedSchemaObjects(dir, 'abc', () => {
        derivations++;
        return derived;
      }),
    ).toBe(derived);
    expect(derivations).toBe(1);
    expect(JSON.parse(readFileSync(path.join(dir, 'snapshot-schema-abc.json'), 'utf8'))).toHaveLength(derived.length);
  });

  it('fingerprints the object and field definitions, not the rest of the package', () => {
    const root = path.join(dir, 'project');
    const objects = path.join(root, 'force-app', 'main', 'default', 'objects', 'Thing__c');
    mkdirSync(path.join(objects, 'fields'), { recursive: true });
    mkdirSync(path.join(root, 'force-app', 'main', 'default', 'classes'), { recursive: true });
    writeFileSync(
      path.join(root, 'sfdx-project.json'),
      JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] }),
    );
    const field = path.join(objects, 'fields', 'Size__c.field-meta.xml');
    writeFileSync(field, '<CustomField><fullName>Size__c</fullName><type>Number</type></CustomField>');
    const platform = path.join(dir, 'platform.jar');
    writeFileSync(platform, 'jar');
    const before = schemaFingerprint(root, PROJECT_ROOT, platform);
    writeFileSync(path.join(root, 'force-app', 'main', 'default', 'classes', 'Any.cls'), 'public class Any {}');
    expect(schemaFingerprint(root, PROJECT_ROOT, platform)).toBe(before);
    writeFileSync(field, '<CustomField><fullName>Size__c</fullName><type>Text</type></CustomField>');
    expect(schemaFingerprint(root, PROJECT_ROOT, platform)).not.toBe(before);
  });
});
