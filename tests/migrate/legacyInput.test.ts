/**
 * Reading legacy spreadsheets: amounts and dates as people write them, the mapping's
 * validation, headers below line 1, and every refused row named by table, line and column.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SnapshotInputError } from '../../scripts/snapshot/format';
import { readLegacyRecords } from '../../scripts/migrate/legacyRecords';
import { readLegacyFolder, type LegacyTable } from '../../scripts/migrate/legacyTables';
import { parseAmount, parseLegacyDate, parseLegacyDateTime } from '../../scripts/migrate/legacyValues';
import { readMapping, type Mapping } from '../../scripts/migrate/mapping';
import { SAMPLE_DIR } from '../../scripts/migrate/sample/generateSample';

// Reading the package metadata (picklists) and the workbook takes seconds on a loaded machine.
jest.setTimeout(60_000);

describe('legacy values', () => {
  it.each([
    ['$12,500.00', 12500],
    ['12.500,00 €', 12500],
    ['USD 70,250', 70250],
    ['1.250.000', 1250000],
    ['1,250,000.75', 1250000.75],
    ['12,5', 12.5],
    ['(1,200.00)', -1200],
    ['-300', -300],
    ['45000', 45000],
    ['€ 9.999,99', 9999.99],
  ])('reads the amount %s as %d', (text, value) => {
    expect(parseAmount(text)).toBe(value);
  });

  it.each(['TBD', '', '12,50,0', '1.2.3,4,5', '$', 'twelve'])('refuses %p as an amount', (text) => {
    expect(parseAmount(text)).toBeNull();
  });

  const formats = ['MM/DD/YYYY', 'M/D/YYYY', 'DD.MM.YYYY', 'D MMM YYYY'];
  it.each([
    ['2025-03-07', '2025-03-07'],
    ['03/07/2025', '2025-03-07'],
    ['3/7/2025', '2025-03-07'],
    ['07.03.2025', '2025-03-07'],
    ['7 Mar 2025', '2025-03-07'],
  ])('reads the date %s in the declared formats', (text, iso) => {
    expect(parseLegacyDate(text, formats)).toBe(iso);
  });

  it('refuses dates that do not exist or are in no declared format, never rolling them over', () => {
    expect(parseLegacyDate('02/30/2025', formats)).toBeNull();
    expect(parseLegacyDate('2025-02-30', formats)).toBeNull();
    expect(parseLegacyDate('30.02.2025', formats)).toBeNull();
    expect(parseLegacyDate('2025/03/07', formats)).toBeNull();
    expect(parseLegacyDate('03/07/2025', [])).toBeNull();
  });

  it('reads datetimes with a time of day, in UTC', () => {
    expect(parseLegacyDateTime('2025-03-05 14:30', ['YYYY-MM-DD'])).toBe('2025-03-05T14:30:00.000Z');
    expect(parseLegacyDateTime('03/05/2025', ['MM/DD/YYYY'])).toBe('2025-03-05T00:00:00.000Z');
    expect(parseLegacyDateTime('2025-03-05T14:30:00Z', [])).toBe('2025-03-05T14:30:00.000Z');
    expect(parseLegacyDateTime('2025-13-05 14:30', ['YYYY-MM-DD'])).toBeNull();
  });
});

describe('the mapping file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'prm-mapping-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('reads YAML and JSON with the same meaning', () => {
    const yaml = readMapping(path.join(SAMPLE_DIR, 'mapping.yaml'));
    const json = readMapping(write('mapping.json', JSON.stringify(yaml)));
    expect(json).toEqual(yaml);
    expect(yaml.sources.map((s) => s.entity)).toEqual(['partner', 'customer', 'registration', 'lead']);
  });

  it.each([
    ['bad.yaml', 'version: 1\nsources: [\n', /bad\.yaml: not valid YAML/],
    [
      'entity.yaml',
      'version: 1\nsources:\n  - { file: a.csv, entity: vendor, key: ID, fields: {} }\n',
      /sources\.0\.entity/,
    ],
    ['version.yaml', 'version: 2\nsources: []\n', /version/],
    [
      'extra.yaml',
      'version: 1\ncolour: red\nsources:\n  - { file: a.csv, entity: lead, key: ID, fields: {} }\n',
      /colour/,
    ],
    [
      'rule.yaml',
      'version: 1\nsources:\n  - { file: a.csv, entity: lead, key: ID, fields: { LastName: { required: true } } }\n',
      /column or a default/,
    ],
  ])('refuses %s with the place of the problem', (name, text, message) => {
    const file = write(name, text);
    expect(() => readMapping(file)).toThrow(SnapshotInputError);
    expect(() => readMapping(file)).toThrow(message);
  });

  it('refuses fields the migration cannot write, and tables or columns the folder lacks', () => {
    const table: LegacyTable = {
      file: 'p.csv',
      rows: [
        { line: 1, cells: ['ID', 'Name'] },
        { line: 2, cells: ['1', 'A'] },
      ],
    };
    const mapping = (fields: Record<string, string>, file = 'p.csv'): Mapping => ({
      version: 1,
      dateFormats: [],
      externalIdPrefix: 'LEG',
      sources: [{ file, entity: 'partner', key: 'ID', fields }],
    });
    expect(() => readLegacyRecords([table], mapping({ Name: 'Name' }))).not.toThrow();
    expect(() => readLegacyRecords([table], mapping({ CreatedDate: 'Name' }))).toThrow(/Account\.CreatedDate/);
    expect(() => readLegacyRecords([table], mapping({ Primary_Program__c: 'Name' }))).toThrow(/lookup/);
    expect(() => readLegacyRecords([table], mapping({ Colour__c: 'Name' }))).toThrow(/Account\.Colour__c/);
    expect(() => readLegacyRecords([table], mapping({ Website: 'Web' }))).toThrow(
      /no row among the first 30 holds all mapped columns/,
    );
    expect(() => readLegacyRecords([table], mapping({ Name: 'Name' }, 'q.csv'))).toThrow(/tables: p\.csv/);
  });
});

describe('the bundled sample read through its mapping', () => {
  it('finds every table, the headers below line 1 and reports each planted bad cell with its place', async () => {
    const tables = await readLegacyFolder(SAMPLE_DIR);
    expect(tables.map((t) => `${t.file}${t.sheet ? `#${t.sheet}` : ''}`)).toEqual([
      'leads-export.csv',
      'partner-tracker.xlsx#Read me',
      'partner-tracker.xlsx#Partners',
      'partner-tracker.xlsx#End Customers',
      'partner-tracker.xlsx#Deal Regs',
    ]);
    const records = readLegacyRecords(tables, readMapping(path.join(SAMPLE_DIR, 'mapping.yaml')));
    expect(records.filter((r) => r.entity === 'partner')).toHaveLength(20);
    expect(records.filter((r) => r.entity === 'registration')).toHaveLength(60);
    expect(records.filter((r) => r.entity === 'lead')).toHaveLength(30);
    // The header of Deal Regs is on row 4: the first registration is row 5.
    expect(records.find((r) => r.legacyKey === 'DR-1001')?.line).toBe(5);
    // Trailing spaces are gone; the Excel date and the text dates read alike.
    const acme = records.find((r) => r.legacyKey === 'P-004');
    expect(acme?.fields).toMatchObject({ Name: 'ACME WIDGETS INC', Partner_Since__c: '2019-04-12' });
    expect(records.find((r) => r.legacyKey === 'P-001')?.fields.Partner_Since__c).toBe('2019-04-12');
    expect(records.find((r) => r.legacyKey === 'P-005')?.fields.Partner_Status__c).toBe('Suspended');
    const problems = records.flatMap((r) =>
      r.problems.map((p) => `${r.table} line ${r.line}, ${p.column}: ${p.message}`),
    );
    expect(problems).toEqual([
      'partner-tracker.xlsx#Partners line 22, Partner Name: Name is required and the cell is blank',
      expect.stringMatching(
        /^partner-tracker\.xlsx#Partners line 23, Status: "Dormant" is not a value of Partner_Status__c/,
      ),
      'partner-tracker.xlsx#Deal Regs line 12, Deal Size: "TBD" is not a number or an amount',
      expect.stringMatching(/^partner-tracker\.xlsx#Deal Regs line 18, Submitted: "02\/30\/2025" is not a date/),
      expect.stringMatching(
        /^partner-tracker\.xlsx#Deal Regs line 26, Stage: "Pending legal" is not a value of Status__c/,
      ),
    ]);
  });
});
