/**
 * The audit's fast CSV path: papaparse, which splits a snapshot about four times faster than
 * csv-parse, over text cut at record boundaries. papaparse is lenient where csv-parse is strict
 * (a quote inside an unquoted cell, a blank line, a stray carriage return), so this path vouches
 * only for what both read alike and declines everything else: the caller then reads the rest
 * of the file with csv-parse, which names the line of any real problem.
 */
import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import Papa from 'papaparse';
import { completeLength } from './utf8Guard';

/** The fast path cannot vouch for the rest of the file; csv-parse must read it. */
export class FastPathDeclined extends Error {
  constructor(reason: string) {
    super(`fast CSV path declined: ${reason}`);
    this.name = 'FastPathDeclined';
  }
}

/**
 * End of the last complete record in `text`: the last line feed outside a quoted cell, or -1.
 * Quotes pair up in valid CSV (a quoted cell's own quotes are doubled), so a line feed is
 * outside every quoted cell when an even number of quotes precede it.
 */
export function lastRecordEnd(text: string): number {
  if (text.indexOf('"') < 0) {
    return text.lastIndexOf('\n');
  }
  let inQuotes = false;
  let last = -1;
  let quote = text.indexOf('"');
  for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', newline + 1)) {
    while (quote >= 0 && quote < newline) {
      inQuotes = !inQuotes;
      quote = text.indexOf('"', quote + 1);
    }
    if (!inQuotes) {
      last = newline;
    }
  }
  return last;
}

/**
 * A file's text in pieces of whole characters, read straight from the file: a stream, a
 * transform and a string decoder cost the audit more per piece than the check itself. The next
 * piece is read while the caller handles this one.
 * @param file the file
 * @param pieceBytes bytes read at a time
 * @param onBytes called with the bytes of each piece read, for progress display
 * @throws FastPathDeclined at the first piece that is not UTF-8 (the precise path names the byte)
 */
export async function* utf8Pieces(
  file: string,
  pieceBytes: number,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<string> {
  const handle = await open(file, 'r');
  const buffers = [Buffer.allocUnsafe(pieceBytes), Buffer.allocUnsafe(pieceBytes)];
  let reading = handle.read(buffers[0], 0, pieceBytes, null);
  let carry = Buffer.alloc(0);
  try {
    for (let turn = 0; ; turn = 1 - turn) {
      const { bytesRead } = await reading;
      if (bytesRead === 0) {
        break;
      }
      // Start on the next piece before decoding this one; it goes to the other buffer.
      reading = handle.read(buffers[1 - turn], 0, pieceBytes, null);
      onBytes?.(bytesRead);
      const read = buffers[turn].subarray(0, bytesRead);
      const data = carry.length > 0 ? Buffer.concat([carry, read]) : read;
      const end = completeLength(data);
      if (!isUtf8(data.subarray(0, end))) {
        throw new FastPathDeclined('bytes that are not UTF-8');
      }
      carry = Buffer.from(data.subarray(end));
      yield data.toString('utf8', 0, end);
    }
    if (carry.length > 0) {
      throw new FastPathDeclined('bytes that are not UTF-8');
    }
  } finally {
    // A read still under way when the caller stops (or fails) is waited for, not left to reject unseen.
    await reading.catch(() => undefined);
    await handle.close();
  }
}

/** Whether the character at `at` ends a cell: a comma, a line end, or the end of the text. */
function endsCell(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return at >= text.length || code === 44 /* , */ || code === 10 /* LF */ || code === 13 /* CR */;
}

/**
 * Whether every quote in `text` is one csv-parse accepts, so that papaparse (which lets a stray
 * quote pass) reads the cells alike: a quote opens a cell only at its start, a quoted cell's
 * own quotes are doubled, and a closing quote ends the cell. Exports quote JSON and text with
 * quotes in them this way; anything else is declined for csv-parse to name.
 */
export function quotesAsCsvParseReadsThem(text: string): boolean {
  for (let open = text.indexOf('"'); open >= 0; ) {
    const previous = open === 0 ? 10 : text.charCodeAt(open - 1);
    if (previous !== 44 && previous !== 10) {
      return false; // a quote inside an unquoted cell
    }
    let close = text.indexOf('"', open + 1);
    while (close >= 0 && text.charCodeAt(close + 1) === 34 /* " */) {
      close = text.indexOf('"', close + 2); // a doubled quote inside the cell
    }
    if (close < 0 || !endsCell(text, close + 1)) {
      return false; // never closed, or text after the closing quote
    }
    open = text.indexOf('"', close + 1);
  }
  return true;
}

/** Rows of complete records; declines what csv-parse might read differently. */
function parseRecords(text: string, newline: '\n' | '\r\n', width: { cells?: number }): string[][] {
  const result = Papa.parse<string[]>(text, { delimiter: ',', newline, quoteChar: '"', escapeChar: '"' });
  if (result.errors.length > 0) {
    const [first] = result.errors;
    throw new FastPathDeclined(`${first.code} in row ${first.row}`);
  }
  if (text.indexOf('"') >= 0 && !quotesAsCsvParseReadsThem(text)) {
    throw new FastPathDeclined('a quote csv-parse would refuse');
  }
  for (const row of result.data) {
    width.cells ??= row.length;
    if (row.length !== width.cells || (row.length === 1 && row[0] === '')) {
      throw new FastPathDeclined('a row whose cells do not match the header, or a blank line');
    }
  }
  if (text.includes('\r') && result.data.some((row) => row.some((cell) => cell.includes('\r')))) {
    throw new FastPathDeclined('a carriage return that does not end a line');
  }
  return result.data;
}

/** V8 keeps a substring of 13 or more characters as a view of the string it was cut from. */
const SHORTEST_VIEW = 13;

/**
 * The cell as a string of its own. papaparse cuts cells out of the piece of the file it parsed;
 * a check that keeps one cell (an Id, a name) would otherwise keep that whole piece alive.
 * Joining forces a flat copy, and the slice is a view of that copy only. Only cells a record
 * keeps as text need it: copying every cell was the largest share of the reader's allocation.
 */
export function detached(cell: string): string {
  return cell.length < SHORTEST_VIEW ? cell : ` ${cell}`.slice(1);
}

/**
 * Splits CSV text into batches of rows, the header row first. The cells are views of the text
 * they were cut from: a caller that keeps one keeps `detached(cell)`.
 * @param chunks the file's text (whole characters per chunk)
 * @throws FastPathDeclined when csv-parse must read the file instead
 */
export async function* fastCsvRows(chunks: AsyncIterable<string>): AsyncGenerator<string[][]> {
  let carry = '';
  let newline: '\n' | '\r\n' | undefined;
  const width: { cells?: number } = {};
  for await (const chunk of chunks) {
    let text = carry + chunk;
    if (newline === undefined) {
      if (text.charCodeAt(0) === 0xfeff) {
        text = text.slice(1);
      }
      const first = text.indexOf('\n');
      if (first < 0) {
        carry = text;
        continue;
      }
      newline = text[first - 1] === '\r' ? '\r\n' : '\n';
    }
    const end = lastRecordEnd(text);
    if (end < 0) {
      carry = text;
      continue;
    }
    carry = text.slice(end + 1);
    if (newline === '\r\n' && text[end - 1] !== '\r') {
      throw new FastPathDeclined('a line ends with a bare line feed in a file whose lines end with CR LF');
    }
    yield parseRecords(text.slice(0, newline === '\r\n' ? end - 1 : end), newline, width);
  }
  if (carry.length > 0) {
    if (newline === undefined && carry.charCodeAt(0) === 0xfeff) {
      carry = carry.slice(1);
    }
    yield parseRecords(carry, newline ?? '\n', width);
  }
}
