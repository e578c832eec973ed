/**
 * The snapshot format: cell conventions (Bulk API 2.0 CSV), the writer/reader round trip,
 * and messages that name file, line and column for bad input.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeCell, encodeCell, readManifest, SnapshotInputError } from '../../scripts/snapshot/format';
import { openSnapshot, readObjectRecords } from '../../scripts/snapshot/reader';
import { caseSafeId, loadSnapshotSchema, SNAPSHOT_OBJECTS, syntheticId } from '../../scripts/snapshot/schema';
import { SnapshotWriter } from '../../scripts/snapshot/writer';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'snapshots');
const schema = loadSnapshotSchema();

async function readAll(dir: string, objectName: string): Promise<Record<string, unknown>[]> {
  const object = schema.get(objectName);
  if (!object) {
    throw new Error(objectName);
  }
  const records: Record<string, unknown>[] = [];
  for await (const record of readObjectRecords(dir, object)) {
    records.push(record);
  }
  return records;
}

async function inputError(run: () => Promise<unknown>): Promise<SnapshotInputError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof SnapshotInputError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a SnapshotInputError');
}

describe('cells', () => {
  it('reads empty as null, checkboxes, numbers, dates and datetimes normalised to UTC', () => {
    expect(decodeCell('string', '')).toBeNull();
    expect(decodeCell('number', '')).toBeNull();
    expect(decodeCell('boolean', 'true')).toBe(true);
    expect(decodeCell('boolean', 'false')).toBe(false);
    expect(decodeCell('number', '-12.50')).toBe(-12.5);
    expect(decodeCell('number', '1e3')).toBe(1000);
    expect(decodeCell('date', '2024-02-29')).toBe('2024-02-29');
    expect(decodeCell('datetime', '2025-06-30T12:00:00Z')).toBe('2025-06-30T12:00:00.000Z');
    expect(decodeCell('datetime', '2025-06-30T14:00:00.000+0200')).toBe('2025-06-30T12:00:00.000Z');
    expect(decodeCell('datetime', '2025-06-30T12:00:00.000+0000')).toBe('2025-06-30T12:00:00.000Z');
    expect(decodeCell('reference', '0010Sd000000001')).toBe('0010Sd000000001');
  });

  it('reads a datetime already in the canonical form exactly as the same instant written with an offset', () => {
    // The canonical form takes a shortcut; the offset form takes the general path. Digits are
    // drawn so that some dates, hours and minutes do not exist (month 13, 02-30, hour 24).
    let seed = 7;
    const digits = (max: number): string => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return String(Math.floor(seed / 65536) % (max + 1)).padStart(2, '0');
    };
    let valid = 0;
    for (let i = 0; i < 3000; i++) {
      const date = `20${digits(40)}-${digits(13)}-${digits(31)}`;
      const time = `${digits(24)}:${digits(60)}:${digits(59)}.${digits(99)}${digits(9)[1]}`;
      const canonical = `${date}T${time}Z`;
      const general = () => decodeCell('datetime', `${date}T${time}+00:00`);
      let expected: unknown;
      try {
        expected = general();
      } catch (error) {
        expect(() => decodeCell('datetime', canonical)).toThrow((error as Error).message.replace('+00:00', 'Z'));
        continue;
      }
      expect(decodeCell('datetime', canonical)).toBe(expected);
      valid++;
    }
    expect(valid).toBeGreaterThan(1000);
    expect(valid).toBeLessThan(3000);
  });

  it('refuses values of the wrong type with a message saying what was expected', () => {
    expect(() => decodeCell('number', '12,5')).toThrow('"12,5" is not a number');
    expect(() => decodeCell('boolean', 'yes')).toThrow('is not a checkbox value (true or false)');
    expect(() => decodeCell('date', '2023-02-29')).toThrow('is not a date (YYYY-MM-DD)');
    expect(() => decodeCell('date', '30/06/2025')).toThrow('is not a date');
    expect(() => decodeCell('datetime', '2025-06-30 12:00')).toThrow('is not an ISO-8601 datetime');
    expect(() => decodeCell('reference', 'not-an-id')).toThrow('is not a record Id');
  });

  it('writes null as empty and booleans as true/false', () => {
    expect(encodeCell(null)).toBe('');
    expect(encodeCell(undefined)).toBe('');
    expect(encodeCell(false)).toBe('false');
    expect(encodeCell(12.5)).toBe('12.5');
  });
});

describe('schema', () => {
  it('lists every package object parents first, with the package fields', () => {
    expect(schema.objects.map((o) => o.name)).toEqual([...SNAPSHOT_OBJECTS]);
    const registration = schema.get('Deal_Registration__c');
    expect(registration?.fieldMap.get('amount__c')?.type).toBe('number');
    expect(registration?.fieldMap.get('partner_account__c')).toMatchObject({
      type: 'reference',
      referenceTo: 'Account',
      relationshipName: 'Partner_Account__r',
    });
    // The registration number is an auto-number: read, never written.
    expect(registration?.fieldMap.get('name')?.writable).toBe(false);
    expect(schema.get('Partner_Program__c')?.fieldMap.get('name')?.writable).toBe(true);
    expect(schema.get('Partner_Attribution__c')?.fieldMap.get('opportunity__c')?.masterDetail).toBe(true);
  });

  it('makes well-formed 18-character Ids whose order follows the sequence', () => {
    expect(caseSafeId('001000000000001')).toBe('001000000000001AAA');
    expect(caseSafeId('0015000000Tz9Qw')).toMatch(/^0015000000Tz9Qw[A-Z0-5]{3}$/);
    const ids = [1, 61, 62, 3844, 100000].map((n) => syntheticId('001', n));
    expect(ids.every((id) => /^[a-zA-Z0-9]{18}$/.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
  });
});

describe('writer and reader', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'prm-snapshot-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips typed records, quoting commas, quotes and line breaks', async () => {
    const account = schema.get('Account');
    if (!account) {
      throw new Error('Account');
    }
    const writer = new SnapshotWriter(dir, [account]);
    writer.write('Account', {
      Id: '0010Sd000000001QAA',
      Name: 'Smith, "Jones" & Co',
      Is_Partner__c: true,
      NumberOfEmployees: 12,
      Partner_Territories__c: 'US\nUS-CA',
      Partner_Since__c: '2024-01-31',
      Last_Lead_Offered_At__c: '2025-06-30T12:00:00.000Z',
    });
    const manifest = writer.close({ takenAt: '2025-06-30T12:00:00.000Z', apiVersion: '65.0', source: 'test' });
    expect(manifest.objects).toEqual([{ name: 'Account', records: 1 }]);
    expect(readManifest(dir).takenAt).toBe('2025-06-30T12:00:00.000Z');
    const [record] = await readAll(dir, 'Account');
    expect(record).toMatchObject({
      Name: 'Smith, "Jones" & Co',
      Is_Partner__c: true,
      NumberOfEmployees: 12,
      Partner_Territories__c: 'US\nUS-CA',
      Partner_Since__c: '2024-01-31',
      Website: null,
    });
  });

  it('reads the hand-written fixture, where absent columns are simply not there', async () => {
    const snapshot = openSnapshot(path.join(FIXTURES, 'tiny'), schema);
    expect(snapshot.objects.map((o) => o.name)).toEqual(['Account', 'Contact', 'Deal_Registration__c']);
    const registrations = await readAll(path.join(FIXTURES, 'tiny'), 'Deal_Registration__c');
    expect(registrations[0]).toMatchObject({ Amount__c: 120000, Status__c: 'Pending Approval' });
    expect('Approved_On__c' in registrations[0]).toBe(false);
  });
});

describe('bad input names file, line and column', () => {
  it('malformed CSV', async () => {
    const error = await inputError(() => readAll(path.join(FIXTURES, 'malformed'), 'Account'));
    expect(error.file).toBe(path.join(FIXTURES, 'malformed', 'Account.csv'));
    expect(error.line).toBe(3);
    expect(error.message).toContain(
      'Account.csv, line 3: malformed CSV: a quoted cell that starts on this line is never closed',
    );
  });

  it('a row with more cells than the header', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'prm-snapshot-'));
    try {
      writeFileSync(
        path.join(dir, 'Account.csv'),
        'Id,Name\n0010Sd000000001QAA,Acme\n0010Sd000000002QAA,Globex,extra\n',
      );
      const error = await inputError(() => readAll(dir, 'Account'));
      expect(error.message).toBe(
        `${path.join(dir, 'Account.csv')}, line 3: malformed CSV: the row has 3 cells, the header has 2`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('yields each record before a bad one once, then names the bad one by its line (after a quoted line break)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'prm-snapshot-'));
    try {
      writeFileSync(
        path.join(dir, 'Account.csv'),
        'Id,Name,NumberOfEmployees\n0010Sd000000001QAA,"Acme\nEast",10\n0010Sd000000002QAA,Globex,20\n0010Sd000000003QAA,Initech,many\n',
      );
      const object = schema.get('Account');
      if (!object) {
        throw new Error('Account');
      }
      const seen: unknown[] = [];
      const error = await inputError(async () => {
        for await (const record of readObjectRecords(dir, object)) {
          seen.push(record.Name);
        }
      });
      expect(seen).toEqual(['Acme\nEast', 'Globex']);
      expect(error).toMatchObject({ line: 5, column: 'NumberOfEmployees' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('unknown column', async () => {
    const error = await inputError(() => readAll(path.join(FIXTURES, 'unknown-column'), 'Account'));
    expect(error).toMatchObject({ line: 1, column: 'Nmae' });
    expect(error.message).toContain('unknown column "Nmae" (column 2): Account has no such field');
  });

  it('wrong type', async () => {
    const error = await inputError(() => readAll(path.join(FIXTURES, 'wrong-type'), 'Deal_Registration__c'));
    expect(error).toMatchObject({ line: 2, column: 'Amount__c' });
    expect(error.message).toBe(
      `${path.join(FIXTURES, 'wrong-type', 'Deal_Registration__c.csv')}, line 2, column Amount__c: "120k" is not a number`,
    );
  });

  it('missing files', () => {
    expect(() => openSnapshot(path.join(FIXTURES, 'missing-file'), schema)).toThrow(
      `${path.join(FIXTURES, 'missing-file', 'Contact.csv')}: not found: snapshot.json lists this object but its CSV file is missing`,
    );
    expect(() => openSnapshot(path.join(FIXTURES, 'no-such-folder'), schema)).toThrow('snapshot folder not found');
    expect(() => openSnapshot(FIXTURES, schema)).toThrow(`${path.join(FIXTURES, 'snapshot.json')}: not found`);
  });

  it('an invalid manifest', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'prm-snapshot-'));
    try {
      writeFileSync(
        path.join(dir, 'snapshot.json'),
        JSON.stringify({ formatVersion: 1, takenAt: 'yesterday', apiVersion: '65.0', source: 'x', objects: [] }),
      );
      expect(() => readManifest(dir)).toThrow('snapshot.json: takenAt: an ISO-8601 UTC datetime');
      writeFileSync(path.join(dir, 'snapshot.json'), '{');
      expect(() => readManifest(dir)).toThrow('not valid JSON');
      const manifest = JSON.parse(readFileSync(path.join(FIXTURES, 'tiny', 'snapshot.json'), 'utf8')) as object;
      writeFileSync(
        path.join(dir, 'snapshot.json'),
        JSON.stringify({ ...manifest, objects: [{ name: 'Widget__c', records: 0 }] }),
      );
      expect(() => openSnapshot(dir, schema)).toThrow('lists unknown object Widget__c');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
