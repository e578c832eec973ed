/**
 * Spilling to disk. What a check must hold until the pass ends (the accounts of every company
 * key, the opportunities with their attribution rows) grows with the data: at ten million
 * records it is hundreds of megabytes. Such state is kept as packed strings in partitions by a
 * key; each partition can be judged on its own once the pass ends. Up to a budget the strings
 * stay in memory (a demo-sized audit never touches the disk); past it they are written to
 * temporary files, and at the end the partitions are read back one at a time, so the memory a
 * check needs is about one partition's worth, whatever the size of the data.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Characters kept in memory per spill before it writes to disk, unless the audit sets another budget. */
export const DEFAULT_SPILL_BUDGET = 4 * 1024 * 1024;

/** Partitions of a spill: at ten million records each holds a few megabytes. */
export const SPILL_PARTITIONS = 64;

/**
 * A spill as the audit asks for it: its budget and the folder for temporary files.
 * @param context the audit's context
 * @param partitions how many partitions
 */
export function auditSpill(
  context: { spillBudget?: number; spillDir?: string },
  partitions: number = SPILL_PARTITIONS,
): PartitionedSpill {
  return new PartitionedSpill(partitions, context.spillBudget, context.spillDir);
}

/** FNV-1a over the UTF-16 code units of a key: the same key always lands in the same partition. */
export function partitionOf(key: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitions;
}

/** Strings as length-prefixed UTF-8 (any character may occur in a name, a line feed too). */
function encode(items: readonly string[]): Buffer {
  const size = items.reduce((sum, item) => sum + 4 + Buffer.byteLength(item, 'utf8'), 0);
  const buffer = Buffer.allocUnsafe(size);
  let at = 0;
  for (const item of items) {
    const length = buffer.write(item, at + 4, 'utf8');
    buffer.writeUInt32LE(length, at);
    at += 4 + length;
  }
  return buffer;
}

/** One sequence after the other, read lazily. */
function* concat(first: Iterable<string>, second: Iterable<string>): Generator<string> {
  yield* first;
  yield* second;
}

/** Bytes of a spill file read at a time: a whole file would be as large as everything spilled. */
const READ_BACK_BYTES = 1024 * 1024;

/** The strings of an encoded file, one at a time, read a megabyte at a time (more for a longer string). */
function* decodeFile(file: string): Generator<string> {
  const fd = openSync(file, 'r');
  try {
    let buffer = Buffer.allocUnsafe(READ_BACK_BYTES);
    let start = 0;
    let end = 0;
    let position = 0;
    /** Makes `needed` bytes from `start` available; false at the end of the file. */
    const have = (needed: number): boolean => {
      while (end - start < needed) {
        if (start > 0) {
          buffer.copy(buffer, 0, start, end);
          end -= start;
          start = 0;
        }
        if (needed > buffer.length) {
          const bigger = Buffer.allocUnsafe(needed);
          buffer.copy(bigger, 0, 0, end);
          buffer = bigger;
        }
        const read = readSync(fd, buffer, end, buffer.length - end, position);
        if (read === 0) {
          return false;
        }
        end += read;
        position += read;
      }
      return true;
    };
    while (have(4)) {
      const length = buffer.readUInt32LE(start);
      if (!have(4 + length)) {
        throw new Error(`${file} ends inside a string: the spill file was cut short`);
      }
      yield buffer.toString('utf8', start + 4, start + 4 + length);
      start += 4 + length;
    }
    if (end > start) {
      throw new Error(`${file} ends inside a string: the spill file was cut short`);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Packed strings in partitions, in memory up to a budget and in temporary files past it; read
 * back partition by partition in the order they were added.
 */
export class PartitionedSpill {
  private readonly memory: string[][];
  private held = 0;
  private dir: string | undefined;
  private readonly onDisk: boolean[];
  private drained = false;

  /**
   * @param partitions how many partitions (1: one list in the order added)
   * @param budget characters kept in memory before everything held is written to disk
   */
  constructor(
    readonly partitions: number = SPILL_PARTITIONS,
    private readonly budget: number = DEFAULT_SPILL_BUDGET,
    /** Folder the spill's own temporary folder goes in. */
    private readonly parent: string = tmpdir(),
  ) {
    this.memory = Array.from({ length: partitions }, () => []);
    this.onDisk = new Array<boolean>(partitions).fill(false);
  }

  /** Whether anything was written to disk. */
  get spilled(): boolean {
    return this.dir !== undefined;
  }

  /** Adds a packed string to the partition of `key`. */
  add(key: string, packed: string): void {
    this.addTo(this.partitions === 1 ? 0 : partitionOf(key, this.partitions), packed);
  }

  /** Adds a packed string to a partition. */
  addTo(partition: number, packed: string): void {
    if (this.drained) {
      throw new Error('a drained spill takes no more strings');
    }
    this.memory[partition].push(packed);
    this.held += packed.length;
    if (this.held > this.budget) {
      this.writeOut();
    }
  }

  /**
   * Each partition's strings in the order they were added, one partition at a time; the
   * temporary files are removed once read, or when the caller stops early.
   */
  *drain(): Generator<string[]> {
    for (const items of this.readBack()) {
      yield [...items];
    }
  }

  /**
   * Every string in the order added (partition by partition), one at a time: what the caller
   * has read can be let go while the rest is still on disk. Files removed as by `drain`.
   */
  *drainEach(): Generator<string> {
    for (const items of this.readBack()) {
      yield* items;
    }
  }

  /** Each partition's strings, from disk then memory; removes the files when done or stopped. */
  private *readBack(): Generator<Iterable<string>> {
    this.drained = true;
    try {
      for (let partition = 0; partition < this.partitions; partition++) {
        const held = this.memory[partition];
        this.memory[partition] = [];
        yield this.onDisk[partition] ? concat(decodeFile(this.fileOf(partition)), held) : held;
      }
    } finally {
      this.dispose();
    }
  }

  /** Removes the temporary files (safe to call more than once). */
  dispose(): void {
    if (this.dir !== undefined) {
      rmSync(this.dir, { recursive: true, force: true });
      this.dir = undefined;
      process.off('exit', this.disposeOnExit);
    }
  }

  /** A process that exits mid-pass (process.exit) removes the files too. */
  private readonly disposeOnExit = (): void => this.dispose();

  private fileOf(partition: number): string {
    return path.join(this.dir as string, `${partition}.bin`);
  }

  private writeOut(): void {
    if (this.dir === undefined) {
      this.dir = mkdtempSync(path.join(this.parent, 'prm-audit-spill-'));
      process.once('exit', this.disposeOnExit);
    }
    for (let partition = 0; partition < this.partitions; partition++) {
      const items = this.memory[partition];
      if (items.length === 0) {
        continue;
      }
      const fd = openSync(this.fileOf(partition), 'a');
      try {
        const bytes = encode(items);
        for (let at = 0; at < bytes.length; ) {
          at += writeSync(fd, bytes, at);
        }
      } finally {
        closeSync(fd);
      }
      this.onDisk[partition] = true;
      this.memory[partition] = [];
    }
    this.held = 0;
  }
}
