/**
 * Compact indexes for the audit's per-record memory. A JavaScript Set or Map of record Ids
 * costs about 80 bytes an entry; at ten million records the checks' indexes alone would need
 * gigabytes. KeyIndex keeps its keys as bytes in one growing buffer and its hash table in a
 * typed array: about 15 + 12 bytes for a 15-character Id. Lookups compare the stored bytes,
 * so two keys that share a hash are still told apart.
 */

const EMPTY = 0;
/** Fill the table to at most half, so probe runs stay short. */
const MAX_LOAD = 0.5;

/** FNV-1a over the first `length` UTF-16 code units of a string. */
function hashOf(key: string, length: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function isLatin1(key: string, length: number): boolean {
  for (let i = 0; i < length; i++) {
    if (key.charCodeAt(i) > 0xff) {
      return false;
    }
  }
  return true;
}

/**
 * An exact map from string keys to dense indexes 0, 1, 2, … in insertion order. Callers keep
 * per-key values in arrays (typed where they can) addressed by that index. A key may be the
 * start of a longer string (`length`): the 15-character form of an 18-character Id is then
 * looked up without cutting a new string for it.
 */
export class KeyIndex {
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  /** Start of each key in `bytes`; key i ends where key i + 1 starts. */
  private starts = new Uint32Array(1 << 12);
  /** Slots hold index + 1 of the key, 0 when empty. */
  private table = new Uint32Array(1 << 12);
  private count = 0;
  /** Keys with characters beyond Latin-1 (rare in Ids and match keys) keep their JavaScript form. */
  private readonly wide = new Map<string, number>();
  private readonly wideAt = new Map<number, string>();

  /** Number of distinct keys. */
  get size(): number {
    return this.count;
  }

  /** The index of the key (the first `length` characters of `key`), or -1 when it was never added. */
  indexOf(key: string, length = key.length): number {
    if (!isLatin1(key, length)) {
      return this.wide.get(key.substring(0, length)) ?? -1;
    }
    const mask = this.table.length - 1;
    for (let slot = hashOf(key, length) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot];
      if (entry === EMPTY) {
        return -1;
      }
      if (this.equals(entry - 1, key, length)) {
        return entry - 1;
      }
    }
  }

  has(key: string, length = key.length): boolean {
    return this.indexOf(key, length) >= 0;
  }

  /** The index of the key (the first `length` characters of `key`), adding it as the next index when it is new. */
  add(key: string, length = key.length): number {
    if (!isLatin1(key, length)) {
      const wideKey = key.substring(0, length);
      const known = this.wide.get(wideKey);
      if (known !== undefined) {
        return known;
      }
      const index = this.append('', 0);
      this.wide.set(wideKey, index);
      this.wideAt.set(index, wideKey);
      return index;
    }
    if ((this.count + 1) / this.table.length > MAX_LOAD) {
      this.rehash(this.table.length * 2);
    }
    const mask = this.table.length - 1;
    let slot = hashOf(key, length) & mask;
    for (; this.table[slot] !== EMPTY; slot = (slot + 1) & mask) {
      if (this.equals(this.table[slot] - 1, key, length)) {
        return this.table[slot] - 1;
      }
    }
    const index = this.append(key, length);
    this.table[slot] = index + 1;
    return index;
  }

  /** The key at an index. */
  keyAt(index: number): string {
    const wide = this.wideAt.get(index);
    if (wide !== undefined) {
      return wide;
    }
    const start = this.starts[index];
    const end = index + 1 < this.count ? this.starts[index + 1] : this.used;
    return String.fromCharCode(...this.bytes.subarray(start, end));
  }

  private append(key: string, length: number): number {
    if (this.used + length > this.bytes.length) {
      this.bytes = grow(this.bytes, this.used + length);
    }
    for (let i = 0; i < length; i++) {
      this.bytes[this.used + i] = key.charCodeAt(i);
    }
    if (this.count === this.starts.length) {
      this.starts = grow(this.starts, this.count + 1);
    }
    this.starts[this.count] = this.used;
    this.used += length;
    return this.count++;
  }

  private equals(index: number, key: string, length: number): boolean {
    const start = this.starts[index];
    const end = index + 1 < this.count ? this.starts[index + 1] : this.used;
    if (end - start !== length) {
      return false;
    }
    for (let i = 0; i < length; i++) {
      if (this.bytes[start + i] !== key.charCodeAt(i)) {
        return false;
      }
    }
    return true;
  }

  private rehash(size: number): void {
    const table = new Uint32Array(size);
    const mask = size - 1;
    for (let index = 0; index < this.count; index++) {
      if (this.wideAt.has(index)) {
        continue;
      }
      const start = this.starts[index];
      const end = index + 1 < this.count ? this.starts[index + 1] : this.used;
      let hash = 0x811c9dc5;
      for (let i = start; i < end; i++) {
        hash ^= this.bytes[i];
        hash = Math.imul(hash, 0x01000193);
      }
      let slot = (hash >>> 0) & mask;
      while (table[slot] !== EMPTY) {
        slot = (slot + 1) & mask;
      }
      table[slot] = index + 1;
    }
    this.table = table;
  }
}

/** Grows by half: at millions of keys a doubled buffer would leave up to half of it unused. */
function grow<T extends Uint8Array | Uint32Array>(array: T, needed: number): T {
  let size = Math.ceil(array.length * 1.5);
  while (size < needed) {
    size = Math.ceil(size * 1.5);
  }
  const bigger = new (array.constructor as new (n: number) => T)(size);
  bigger.set(array);
  return bigger;
}

/** A growable array of small unsigned integers (flags, codes), one byte each. */
export class ByteList {
  private data = new Uint8Array(1024);

  get(index: number): number {
    return index < this.data.length ? this.data[index] : 0;
  }

  set(index: number, value: number): void {
    if (index >= this.data.length) {
      this.data = grow(this.data, index + 1);
    }
    this.data[index] = value;
  }
}
