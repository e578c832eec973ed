import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DATA_DICTIONARY_PATH,
  checkDataDictionary,
  fieldAccess,
  main,
  renderDataDictionary,
} from '../../scripts/docs/dataDictionary';
import { DEFAULT_SOURCE_DIR, loadMetadata } from '../../scripts/lib/metadataModel';
import { PROJECT_ROOT } from '../../scripts/lib/project';

const SOURCE_DIR = path.join(PROJECT_ROOT, DEFAULT_SOURCE_DIR);
const DOCUMENT = path.join(PROJECT_ROOT, DATA_DICTIONARY_PATH);
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

let scratch: string;

beforeEach(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'prm-data-dictionary-'));
});

afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
  jest.restoreAllMocks();
});

function write(root: string, relative: string, content: string): void {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

/** A one-object project: a Widget__c object, three fields and three persona permission sets. */
function fixtureProject(root: string): string {
  const src = path.join(root, DEFAULT_SOURCE_DIR);
  write(
    src,
    'objects/Widget__c/Widget__c.object-meta.xml',
    `<?xml version="1.0" encoding="UTF-8"?><CustomObject ${NS}><description>Things.</description><label>Widget</label><pluralLabel>Widgets</pluralLabel><sharingModel>Private</sharingModel><externalSharingModel>Private</externalSharingModel><nameField><label>Widget Name</label><type>Text</type></nameField></CustomObject>`,
  );
  write(
    src,
    'objects/Widget__c/fields/Colour__c.field-meta.xml',
    `<?xml version="1.0" encoding="UTF-8"?><CustomField ${NS}><fullName>Colour__c</fullName><description>Paint | finish.</description><inlineHelpText>Colour of the widget.</inlineHelpText><label>Colour</label><length>40</length><required>false</required><type>Text</type></CustomField>`,
  );
  write(
    src,
    'objects/Widget__c/fields/Size__c.field-meta.xml',
    `<?xml version="1.0" encoding="UTF-8"?><CustomField ${NS}><fullName>Size__c</fullName><description>Size.</description><inlineHelpText>Size in cm.</inlineHelpText><label>Size</label><precision>5</precision><scale>1</scale><required>true</required><type>Number</type></CustomField>`,
  );
  write(
    src,
    'objects/Widget__c/fields/Kind__c.field-meta.xml',
    `<?xml version="1.0" encoding="UTF-8"?><CustomField ${NS}><fullName>Kind__c</fullName><description>Kind.</description><inlineHelpText>Kind of widget.</inlineHelpText><label>Kind</label><required>false</required><type>Picklist</type><valueSet><restricted>true</restricted><valueSetDefinition><sorted>false</sorted><value><fullName>Small</fullName><default>true</default><label>Small</label></value><value><fullName>Large</fullName><default>false</default><label>Large</label></value></valueSetDefinition></valueSet></CustomField>`,
  );
  const permissionSet = (name: string, object: string, fields: string): string =>
    `<?xml version="1.0" encoding="UTF-8"?><PermissionSet ${NS}><description>${name} persona.</description><label>PRM ${name}</label>${object}${fields}</PermissionSet>`;
  const objectPermission = (create: boolean, read: boolean, edit: boolean): string =>
    `<objectPermissions><allowCreate>${create}</allowCreate><allowDelete>false</allowDelete><allowEdit>${edit}</allowEdit><allowRead>${read}</allowRead><modifyAllRecords>false</modifyAllRecords><object>Widget__c</object><viewAllRecords>false</viewAllRecords></objectPermissions>`;
  const fieldPermission = (field: string, editable: boolean, readable: boolean): string =>
    `<fieldPermissions><editable>${editable}</editable><field>Widget__c.${field}</field><readable>${readable}</readable></fieldPermissions>`;
  // Reader: object read only, Colour readable.
  write(
    src,
    'permissionsets/PRM_Reader.permissionset-meta.xml',
    permissionSet(
      'Reader',
      objectPermission(false, true, false),
      fieldPermission('Colour__c', false, true) + fieldPermission('Kind__c', false, true),
    ),
  );
  // Editor: full object access, Colour editable, Kind not granted.
  write(
    src,
    'permissionsets/PRM_Editor.permissionset-meta.xml',
    permissionSet('Editor', objectPermission(true, true, true), fieldPermission('Colour__c', true, true)),
  );
  // Orphan: field grant without object access gives nothing.
  write(
    src,
    'permissionsets/PRM_Orphan.permissionset-meta.xml',
    permissionSet('Orphan', '', fieldPermission('Colour__c', true, true)),
  );
  return src;
}

describe('data dictionary', () => {
  it('committed docs/data-dictionary.md matches the metadata', () => {
    const result = checkDataDictionary(SOURCE_DIR, DOCUMENT);
    expect(result.message).toBe(`${DOCUMENT} is up to date`);
    expect(result.ok).toBe(true);
  });

  it('detects a planted edit in the document and names the line', () => {
    const committed = readFileSync(DOCUMENT, 'utf8').split('\n');
    const row = committed.findIndex((line) => line.includes('`Partner_Status__c`'));
    expect(row).toBeGreaterThan(0);
    committed[row] = committed[row].replace('Partner lifecycle stage', 'Hand-edited stage');
    const planted = path.join(scratch, 'data-dictionary.md');
    writeFileSync(planted, committed.join('\n'));

    const result = checkDataDictionary(SOURCE_DIR, planted);

    expect(result.ok).toBe(false);
    expect(result.message).toContain(`first difference at line ${row + 1}`);
    expect(result.message).toContain('Hand-edited stage');
  });

  it('detects metadata changed without regenerating the document', () => {
    const source = path.join(scratch, 'default');
    cpSync(SOURCE_DIR, source, { recursive: true });
    const document = path.join(scratch, 'data-dictionary.md');
    writeFileSync(document, renderDataDictionary(source));
    expect(checkDataDictionary(source, document).ok).toBe(true);
    const field = path.join(source, 'objects/Account/fields/Partner_Status__c.field-meta.xml');
    const original = readFileSync(field, 'utf8');
    const planted = original.replace(
      /<inlineHelpText\s*>[\s\S]*?<\/inlineHelpText>/,
      '<inlineHelpText>Planted help.</inlineHelpText>',
    );
    expect(planted).not.toBe(original);
    writeFileSync(field, planted);

    const result = checkDataDictionary(source, document);

    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/expected: .*Planted help\./);
  });

  it('reports a missing document', () => {
    const result = checkDataDictionary(SOURCE_DIR, path.join(scratch, 'absent.md'));
    expect(result.ok).toBe(false);
    expect(result.message).toContain('is missing');
  });

  it('derives read and edit access per persona from the permission sets', () => {
    const model = loadMetadata(fixtureProject(scratch));
    const widget = model.objects.get('Widget__c');
    expect(widget).toBeDefined();
    const access = (field: string) => fieldAccess(model, widget!.fields.get(field)!);

    // Field permission plus object permission; a grant without object access counts for nothing.
    expect(access('Colour__c')).toEqual({ read: ['Editor', 'Reader'], edit: ['Editor'] });
    // Required fields follow the object permission.
    expect(access('Size__c')).toEqual({ read: ['Editor', 'Reader'], edit: ['Editor'] });
    // Not granted to Editor, read-only for Reader.
    expect(access('Kind__c')).toEqual({ read: ['Reader'], edit: [] });
  });

  it('renders types, constraints, escaped cells and access columns', () => {
    const text = renderDataDictionary(fixtureProject(scratch));
    expect(text).toContain('- Sharing: internal Private, external Private');
    expect(text).toContain('- Record name: Widget Name (text)');
    expect(text).toContain(
      '| Colour | `Colour__c` | Text(40) |  | Colour of the widget. | Paint \\| finish. | Editor, Reader | Editor |',
    );
    expect(text).toContain(
      '| Size | `Size__c` | Number(4,1) | required | Size in cm. | Size. | Editor, Reader | Editor |',
    );
    expect(text).toContain(
      '| Kind | `Kind__c` | Picklist: Small, Large | default Small | Kind of widget. | Kind. | Reader | — |',
    );
    expect(text).toContain('| Orphan | `PRM_Orphan` | Orphan persona. |');
  });

  it('command line writes the document and --check exits 1 once it is stale', () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const source = fixtureProject(scratch);

    expect(main(['--check', '--root', scratch])).toBe(1);
    expect(main(['--root', scratch])).toBe(0);
    expect(main(['--check', '--root', scratch])).toBe(0);

    const field = path.join(source, 'objects/Widget__c/fields/Colour__c.field-meta.xml');
    writeFileSync(field, readFileSync(field, 'utf8').replace('Colour of the widget.', 'Shade of the widget.'));
    expect(main(['--check', '--root', scratch])).toBe(1);
  });
});
