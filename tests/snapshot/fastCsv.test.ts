/**
 * The fast CSV path reads what csv-parse reads, cell for cell, whatever the chunk boundaries,
 * and declines (for csv-parse to read instead) whatever the two might read differently.
 */
import { parse } from 'csv-parse/sync';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FastPathDeclined, fastCsvRows, lastRecordEnd } from '../../scripts/snapshot/fastCsv';
import { objectFile, readObjectRecords } from '../../scripts/snapshot/reader';
import { loadSnapshotSchema } from '../../scripts/snapshot/schema';

async function rowsOf(chunks: string[]): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const batch of fastCsvRows(
    (async function* () {
      yield* chunks;
    })(),
  )) {
    rows.push(...batch);
  }
  return rows;
}

/** Every way of cutting `text` in two, plus the text whole and one character at a time. */
function cuts(text: string): string[][] {
  return [
    [text],
    [...text],
    ...Array.from({ length: text.length - 1 }, (_v, i) => [text.slice(0, i + 1), text.slice(i + 1)]),
  ];
}

const GOOD: Record<string, string> = {
  plain: 'Id,Name,Amount__c\n001A,Acme,10\n001B,Globex,\n',
  'quoted cells with commas and line breaks': 'Id,Name\n001A,"Acme, Inc."\n001B,"Two\nlines"\n001C,"x"\n',
  'no final line break': 'Id,Name\n001A,Acme',
  'a byte order mark': '\ufeffId,Name\n001A,Ünïcödé 株式会社\n',
  'CR LF line ends': 'Id,Name\r\n001A,Acme\r\n001B,"a\nb"\r\n',
};

describe('fast CSV path', () => {
  it.each(Object.entries(GOOD))('reads %s as csv-parse does, at every chunk boundary', async (_name, text) => {
    const expected = parse(text, { bom: true, skip_empty_lines: true }) as string[][];
    for (const chunks of cuts(text)) {
      expect(await rowsOf(chunks)).toEqual(expected);
    }
  });

  it.each([
    ['a quote inside an unquoted cell', 'Id,Name\n001A,Ac"me\n'],
    ['an escaped quote (csv-parse judges every quote)', 'Id,Name\n001A,"say ""hi"""\n'],
    ['a quoted cell never closed', 'Id,Name\n001A,"Acme\n'],
    ['text after a closing quote', 'Id,Name\n001A,"Acme"x\n'],
    ['a row with a cell too many', 'Id,Name\n001A,Acme,extra\n'],
    ['a blank line', 'Id,Name\n\n001A,Acme\n'],
    ['a carriage return inside a cell', 'Id,Name\n001A,Ac\rme\n'],
    ['a carriage return inside a quoted cell', 'Id,Name\r\n001A,"a\r\nb"\r\n'],
    ['a bare line feed in a CR LF file', 'Id,Name\r\n001A,Acme\n001B,Globex\r\n'],
  ])('declines %s', async (_name, text) => {
    await expect(rowsOf([text])).rejects.toBeInstanceOf(FastPathDeclined);
  });

  it('cuts only at line feeds outside quoted cells', () => {
    expect(lastRecordEnd('a,b\nc,"d\ne"\nf')).toBe(11);
    expect(lastRecordEnd('a,"b\nc')).toBe(-1);
    expect(lastRecordEnd('a,b')).toBe(-1);
    expect(lastRecordEnd('a\n"x""\ny"\n')).toBe(9);
  });

  it('hands a declined file to csv-parse mid-way: every record once, every byte counted once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'prm-fast-csv-'));
    try {
      const program = loadSnapshotSchema().get('Partner_Program__c');
      const rows = Array.from({ length: 50000 }, (_v, i) => `a00${String(i).padStart(12, '0')},Program ${i}`);
      rows.push('a00999999999999,"The ""Gold"" program"'); // beyond the first megabyte: csv-parse reads the rest
      writeFileSync(objectFile(dir, 'Partner_Program__c'), `Id,Name\n${rows.join('\n')}\n`);
      let bytes = 0;
      const names: string[] = [];
      for await (const record of readObjectRecords(dir, program!, {
        onBytes: (n) => (bytes += n),
        expectedRecords: rows.length,
      })) {
        names.push(String(record.Name));
      }
      expect(names.length).toBe(rows.length);
      expect(new Set(names).size).toBe(rows.length);
      expect(names[names.length - 1]).toBe('The "Gold" program');
      expect(bytes).toBe(statSync(objectFile(dir, 'Partner_Program__c')).size);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
