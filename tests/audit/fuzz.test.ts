/**
 * Random mutations of a small valid snapshot (cells, bytes, rows, columns, manifest) must end
 * with exit 0, 1 or 2 and a message, never exit 4 or a stack trace; mutations any user would
 * call wrong (a row lost or repeated, a file missing, a manifest that disagrees) must exit 2. The seed is fixed, so a
 * failure is reproducible: the message names the case and its mutations.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { runAuditCommand } from '../../scripts/commands/audit';
import { Random } from '../../scripts/seed/random';

const TINY = path.join(__dirname, '..', 'fixtures', 'snapshots', 'tiny');
const SEED = 20251204;
const CASES = 1000;

/** Cell values chosen to hit each decoder's edges. */
const ODD_CELLS = [
  '',
  '1e400',
  '-1e400',
  'NaN',
  '0x10',
  '2025-02-30',
  '2025-13-01',
  '0099-01-01',
  '2025-06-30T24:00:00Z',
  '2025-06-30T12:00:00+25:00',
  'TRUE',
  'yes',
  '0010Sd000000001QAA',
  '0010Sd000000001',
  '0010Sd000000001qaa',
  '001',
  'x'.repeat(5000),
  '"',
  ',',
  '\n',
  '\u0000',
  '\uFEFF',
  '\uD83D',
  '😀',
  ' padded ',
  '-0',
  '.5',
  '9'.repeat(400),
];

type Files = Map<string, Buffer>;

/** Marks a mutation any user would call wrong: the audit must refuse it (exit 2), not pass it. */
const REFUSE = 'refused: ';

/** Stands for a folder where a file should be (compared by identity). */
const FOLDER = Buffer.alloc(0);

function readTiny(): Files {
  return new Map(readdirSync(TINY).map((name) => [name, readFileSync(path.join(TINY, name))]));
}

const csvNames = (files: Files): string[] => [...files.keys()].filter((name) => name.endsWith('.csv')).sort();

function editRows(files: Files, random: Random, edit: (rows: string[][]) => string): string {
  const name = random.pick(csvNames(files));
  const rows = parse(files.get(name) as Buffer, { bom: true, relax_column_count: true }) as string[][];
  const what = edit(rows);
  files.set(name, Buffer.from(stringify(rows)));
  return `${name}: ${what}`;
}

/** Each mutation changes `files` in place and says what it did. */
const MUTATIONS: ReadonlyArray<(files: Files, random: Random) => string> = [
  (files, random) =>
    editRows(files, random, (rows) => {
      const row = random.int(1, Math.max(1, rows.length - 1));
      const column = random.int(0, rows[0].length - 1);
      const value = random.pick(ODD_CELLS);
      if (rows[row]) {
        rows[row][column] = value;
      }
      return `cell ${row}:${column} = ${JSON.stringify(value.slice(0, 20))}`;
    }),
  (files, random) =>
    editRows(files, random, (rows) => {
      const row = random.int(1, Math.max(1, rows.length - 1));
      if (rows[row]) {
        rows.splice(random.int(1, rows.length), 0, [...rows[row]]);
      }
      return `${REFUSE}row ${row} repeated`;
    }),
  (files, random) =>
    editRows(files, random, (rows) => {
      const row = random.int(0, rows.length - 1);
      rows.splice(row, 1);
      return `${REFUSE}row ${row} removed`;
    }),
  (files, random) =>
    editRows(files, random, (rows) => {
      const column = random.int(0, rows[0]?.length ?? 0);
      rows.forEach((row) => row.splice(column, 1));
      return `column ${column} removed`;
    }),
  (files, random) =>
    editRows(files, random, (rows) => {
      const column = random.int(0, (rows[0]?.length ?? 1) - 1);
      rows.forEach((row) => row.push(row[column] ?? ''));
      return `column ${column} repeated`;
    }),
  (files, random) =>
    editRows(files, random, (rows) => {
      const row = rows[random.int(1, Math.max(1, rows.length - 1))];
      row?.push('extra');
      return 'a cell added to a row';
    }),
  (files, random) => {
    const name = random.pick([...files.keys()].sort());
    const bytes = Buffer.from(files.get(name) as Buffer);
    const at = random.int(0, Math.max(0, bytes.length - 1));
    bytes[at] = random.int(0, 255);
    files.set(name, bytes);
    return `${name}: byte ${at} replaced`;
  },
  (files, random) => {
    const name = random.pick([...files.keys()].sort());
    const bytes = files.get(name) as Buffer;
    const at = random.int(0, bytes.length);
    files.set(name, bytes.subarray(0, at));
    return `${name}: truncated at ${at}`;
  },
  (files, random) => {
    const name = random.pick([...files.keys()].sort());
    const bytes = files.get(name) as Buffer;
    const insert = random.pick([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('\r'),
      Buffer.from('"'),
    ]);
    const at = random.int(0, bytes.length);
    files.set(name, Buffer.concat([bytes.subarray(0, at), insert, bytes.subarray(at)]));
    return `${name}: ${insert.toString('hex')} inserted at ${at}`;
  },
  (files, random) => {
    const name = random.pick(csvNames(files));
    files.delete(name);
    return `${REFUSE}${name} removed`;
  },
  (files, random) => {
    const name = random.pick([...files.keys()].sort());
    files.set(name, FOLDER);
    return `${REFUSE}${name} is a folder`;
  },
  (files, random) => {
    const manifest = JSON.parse((files.get('snapshot.json') as Buffer).toString('utf8')) as Record<string, unknown>;
    const objects = manifest.objects as { name: unknown; records: unknown }[];
    const edits: [string, () => void][] = [
      ['count changed', () => (objects[0].records = random.pick([0, -1, 1.5, 1e400, '3', null]))],
      ['object dropped', () => objects.splice(random.int(0, objects.length - 1), 1)],
      [
        'unknown object',
        () => objects.push({ name: random.pick(['Nope__c', '', 'account', '../Account']), records: 1 }),
      ],
      ['object repeated', () => objects.push({ ...objects[0] })],
      ['takenAt changed', () => (manifest.takenAt = random.pick(['2025-02-30T00:00:00Z', '', 'now', 0]))],
      ['formatVersion changed', () => (manifest.formatVersion = random.pick([0, 2, '1', null]))],
      ['objects not a list', () => (manifest.objects = random.pick([{}, 'Account', null]))],
      ['key removed', () => delete manifest[random.pick(['takenAt', 'apiVersion', 'source', 'objects'])]],
    ];
    const [what, apply] = random.pick(edits);
    apply();
    files.set('snapshot.json', Buffer.from(JSON.stringify(manifest)));
    // Every manifest edit leaves it disagreeing with the files or invalid.
    return `${REFUSE}snapshot.json: ${what}`;
  },
];

describe('prm audit --snapshot under random mutations', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'prm-fuzz-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it(`never exits 4 or prints a stack trace (${CASES} mutated snapshots, seed ${SEED})`, async () => {
    const random = new Random(SEED);
    const tiny = readTiny();
    const failures: string[] = [];
    const codes = new Map<number, number>();
    for (let n = 0; n < CASES; n++) {
      const files = new Map(tiny);
      const applied: string[] = [];
      for (let m = random.int(1, 3); m > 0; m--) {
        try {
          applied.push(random.pick(MUTATIONS)(files, random));
        } catch {
          // The mutation could not parse what an earlier one broke; the snapshot is mutated enough.
        }
      }
      const dir = path.join(root, `case-${n}`);
      mkdirSync(dir);
      files.forEach((bytes, name) =>
        bytes === FOLDER ? mkdirSync(path.join(dir, name)) : writeFileSync(path.join(dir, name), bytes),
      );
      const out: string[] = [];
      const { code } = await runAuditCommand(
        { snapshot: dir, asOf: '2025-06-30T12:00:00.000Z' },
        {
          connect: () => Promise.reject(new Error('a snapshot audit never connects')),
          output: { json: false, stdout: (text) => out.push(text), stderr: (text) => out.push(text) },
        },
      );
      codes.set(code, (codes.get(code) ?? 0) + 1);
      const text = out.join('\n');
      if (![0, 1, 2].includes(code) || /\n\s+at /.test(text)) {
        failures.push(`case ${n} (${applied.join('; ')}): exit ${code}\n${text.slice(0, 600)}`);
      } else if (code !== 2 && applied.some((what) => what.startsWith(REFUSE))) {
        failures.push(`case ${n} (${applied.join('; ')}): accepted silently with exit ${code}`);
      }
      rmSync(dir, { recursive: true, force: true });
    }
    expect(failures).toEqual([]);
    // The mutations must reach the refusals, not only pass through harmlessly.
    expect(codes.get(2) ?? 0).toBeGreaterThan(CASES / 4);
  }, 60_000);
});
