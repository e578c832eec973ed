/**
 * Refuses CSV bytes that are not UTF-8. Node's decoder would silently turn them into U+FFFD,
 * so a file saved as Windows-1252 or Latin-1 (Excel's default "CSV") would pass with mangled
 * names and keys. The check is `buffer.isUtf8` per chunk, which costs almost nothing; a
 * character split between two chunks is carried over to the next one.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { SnapshotInputError } from './format';

/** Length of the UTF-8 sequence a lead byte starts, or 0 for a byte that cannot start one. */
function sequenceLength(byte: number): number {
  if (byte < 0x80) {
    return 1;
  }
  if (byte >= 0xc2 && byte <= 0xdf) {
    return 2;
  }
  if (byte >= 0xe0 && byte <= 0xef) {
    return 3;
  }
  return byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
}

/** Bytes of `data` that end on a character boundary: a sequence cut by the chunk's end waits. */
export function completeLength(data: Buffer): number {
  for (let i = data.length - 1; i >= Math.max(0, data.length - 4); i--) {
    if ((data[i] & 0xc0) !== 0x80) {
      const length = sequenceLength(data[i]);
      return length > data.length - i ? i : data.length;
    }
  }
  return data.length;
}

/** Offset of the first byte that does not start a valid UTF-8 character. */
export function firstInvalidByte(data: Buffer): number {
  let i = 0;
  while (i < data.length) {
    const length = sequenceLength(data[i]);
    if (length === 0 || i + length > data.length || !isUtf8(data.subarray(i, i + length))) {
      return i;
    }
    i += length;
  }
  return -1;
}

/** The 1-based line of a byte offset, counted by reading the file again (only on the error path). */
function lineOfOffset(file: string, offset: number): number | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined; // the message still names the byte offset
  }
  const buffer = Buffer.alloc(64 * 1024);
  let line = 1;
  let position = 0;
  try {
    while (position < offset) {
      const read = readSync(fd, buffer, 0, Math.min(buffer.length, offset - position), position);
      if (read === 0) {
        break;
      }
      for (let i = 0; i < read; i++) {
        if (buffer[i] === 0x0a) {
          line++;
        }
      }
      position += read;
    }
  } finally {
    closeSync(fd);
  }
  return line;
}

/** Passes a file's bytes through unchanged, or fails naming the line of the first non-UTF-8 byte. */
export class Utf8Guard extends Transform {
  private carry: Buffer = Buffer.alloc(0);
  /** Bytes of the file passed on before `carry`. */
  private passed = 0;

  constructor(private readonly file: string) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const end = completeLength(data);
    const body = data.subarray(0, end);
    if (!isUtf8(body)) {
      done(this.problem(this.passed + firstInvalidByte(body), body[firstInvalidByte(body)]));
      return;
    }
    this.carry = Buffer.from(data.subarray(end));
    this.passed += end;
    done(null, body);
  }

  override _flush(done: TransformCallback): void {
    if (this.carry.length > 0) {
      done(this.problem(this.passed, this.carry[0]));
      return;
    }
    done();
  }

  private problem(offset: number, byte: number): SnapshotInputError {
    const hex = `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    return new SnapshotInputError(
      this.file,
      `byte ${hex} at byte offset ${offset} is not UTF-8: the file was probably saved in a legacy encoding (Windows-1252, Latin-1); save it as UTF-8 ("CSV UTF-8" in Excel)`,
      lineOfOffset(this.file, offset),
    );
  }
}
