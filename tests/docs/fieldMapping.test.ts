import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIELD_MAPPING_PATH, checkFieldMapping, main, renderFieldMapping } from '../../scripts/docs/fieldMapping';
import { DEFAULT_SOURCE_DIR } from '../../scripts/lib/metadataModel';
import { PROJECT_ROOT } from '../../scripts/lib/project';

const SOURCE_DIR = path.join(PROJECT_ROOT, DEFAULT_SOURCE_DIR);
const MAP_DIR = 'customMetadata';

let scratch: string;

beforeEach(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'prm-field-mapping-'));
});

afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
  jest.restoreAllMocks();
});

/** A copy of the package metadata with one field map record's sync mode replaced. */
function withMode(record: string, mode: string): string {
  const source = path.join(scratch, DEFAULT_SOURCE_DIR);
  cpSync(SOURCE_DIR, source, { recursive: true });
  const file = path.join(source, MAP_DIR, `Registration_Field_Map.${record}.md-meta.xml`);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/(Sync_Mode__c<\/field>\s*<value[^>]*>)[^<]*/, `$1${mode}`));
  return source;
}

describe('docs/field-mapping.md', () => {
  it('is the rendering of the committed field map records', () => {
    const result = checkFieldMapping(SOURCE_DIR, path.join(PROJECT_ROOT, FIELD_MAPPING_PATH));
    expect(result.message).toContain('up to date');
    expect(result.ok).toBe(true);
  });

  it('states the owner of every packaged mapping', () => {
    const text = renderFieldMapping(SOURCE_DIR);
    expect(text).toMatch(/\| `Close_Date_To_Close_Date` \|[^\n]*\| Opportunity Owns \| Opportunity \| yes \|/);
    expect(text).toMatch(/\| `Partner_To_Sourcing_Partner` \|[^\n]*\| Registration Owns \| registration \| yes \|/);
    expect(text).toMatch(/\| `Amount_To_Amount` \|[^\n]*\| Copy Once \| each side its own \| yes \|/);
  });

  it('goes stale when an admin changes a sync mode, and --check says so', () => {
    const source = withMode('Amount_To_Amount', 'Registration Owns');
    const committed = path.join(PROJECT_ROOT, FIELD_MAPPING_PATH);
    const result = checkFieldMapping(source, committed);
    expect(result.ok).toBe(false);
    expect(result.message).toContain('stale');
    expect(renderFieldMapping(source)).toMatch(/\| `Amount_To_Amount` \|[^\n]*\| Registration Owns \| registration \|/);

    const root = scratch;
    cpSync(committed, path.join(root, FIELD_MAPPING_PATH), { recursive: true });
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(main(['--check', '--root', root])).toBe(1);
  });

  it('refuses a map the sync would refuse: an unknown mode, or two owners of one field', () => {
    expect(() => renderFieldMapping(withMode('Amount_To_Amount', 'Both Win'))).toThrow(/syncMode must be one of/);
    rmSync(scratch, { recursive: true, force: true });
    scratch = mkdtempSync(path.join(os.tmpdir(), 'prm-field-mapping-'));
    const source = withMode('Products_To_Description', 'Registration Owns');
    const extra = path.join(source, MAP_DIR, 'Registration_Field_Map.Notes_To_Description.md-meta.xml');
    writeFileSync(
      extra,
      readFileSync(path.join(source, MAP_DIR, 'Registration_Field_Map.Products_To_Description.md-meta.xml'), 'utf8')
        .replace('Products__c', 'Description__c')
        .replace('<label>Products To Description</label>', '<label>Notes To Description</label>'),
    );
    expect(() => renderFieldMapping(source)).toThrow(/both write Description/);
  });
});
