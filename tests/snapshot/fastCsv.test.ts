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
  'doubled quotes inside quoted cells':
    'Id,Name,Note\n001A,"say ""hi""",""\n001B,"""",x\n001C,"{""tier"":""Gold""}",""""""\n001D,"a,""b""\nc",y\n',
  'doubled quotes in a CR LF file': 'Id,Name\r\n001A,"a ""b"""\r\n001B,"""c"\r\n',
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
    ['a lone quote inside a quoted cell', 'Id,Name\n001A,"say "hi""\n'],
    ['a quote after the first character of a cell', 'Id,Name\n001A,x"y"\n'],
    ['an odd run of quotes closing a cell', 'Id,Name\n001A,"a"""x\n'],
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

  it('never reads random text with quotes differently from csv-parse: it reads it alike or declines', async () => {
    // A small seeded generator: the same 3,000 texts on every run.
    let state = 7;
    const next = (n: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state >>> 8) % n;
    };
    const pick = <T>(items: readonly T[]): T => items[next(items.length)];
    const run = (parts: readonly string[]): string => Array.from({ length: next(5) }, () => pick(parts)).join('');
    // Cells mostly well formed (plain, or quoted with doubled quotes, commas, line feeds), some with a stray quote.
    const cell = (): string =>
      pick([
        () => run(['a', 'b']),
        () => `"${run(['a', ',', '\n', '""'])}"`,
        () => run(['a', '"', ',', '\n', '""']),
        () => `"${run(['a', '"', '""'])}"${run(['', 'a', '"'])}`,
      ])();
    let agreed = 0;
    let declined = 0;
    for (let i = 0; i < 3000; i++) {
      const body = Array.from({ length: 1 + next(4) }, () => `${cell()},${cell()}`).join('\n');
      const text = `x,y\n${body}\n`;
      let fast: string[][] | undefined;
      try {
        fast = await rowsOf([text]);
      } catch (error) {
        expect(error).toBeInstanceOf(FastPathDeclined);
        declined++;
        continue;
      }
      expect(parse(text, { bom: true, skip_empty_lines: true })).toEqual(fast);
      agreed++;
    }
    // Both outcomes are exercised, many times each.
    expect(agreed).toBeGreaterThan(400);
    expect(declined).toBeGreaterThan(400);
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
      // A blank line (csv-parse skips it; papaparse is not trusted to) far beyond the first pieces.
      rows.push('', 'a00999999999999,"The ""Gold"" program"');
      const records = rows.length - 1;
      writeFileSync(objectFile(dir, 'Partner_Program__c'), `Id,Name\n${rows.join('\n')}\n`);
      let bytes = 0;
      const names: string[] = [];
      for await (const record of readObjectRecords(dir, program!, {
        onBytes: (n) => (bytes += n),
        expectedRecords: records,
      })) {
        names.push(String(record.Name));
      }
      expect(names.length).toBe(records);
      expect(new Set(names).size).toBe(records);
      expect(names[names.length - 1]).toBe('The "Gold" program');
      expect(bytes).toBe(statSync(objectFile(dir, 'Partner_Program__c')).size);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
