/**
 * The audit's compact key index: exact membership and stable insertion-order indexes, also
 * for keys that share a hash, through table growth, for the empty key and for keys beyond
 * Latin-1.
 */
import { ByteList, KeyIndex } from '../../scripts/audit/keyIndex';

describe('KeyIndex', () => {
  it('gives each distinct key the next index and finds it again after the table grows', () => {
    const index = new KeyIndex();
    const keys = Array.from({ length: 50000 }, (_, i) => `001${String(i).padStart(12, '0')}`);
    keys.forEach((key, i) => expect(index.add(key)).toBe(i));
    expect(index.size).toBe(keys.length);
    expect(index.add(keys[1234])).toBe(1234);
    expect(index.size).toBe(keys.length);
    expect(index.indexOf(keys[49999])).toBe(49999);
    expect(index.keyAt(777)).toBe(keys[777]);
    expect(index.has('001000000050000')).toBe(false);
    expect(index.indexOf('001')).toBe(-1);
  });

  it('tells apart keys that collide in the hash', () => {
    // FNV-1a: these two strings have the same 32-bit hash.
    const a = 'costarring';
    const b = 'liquid';
    const index = new KeyIndex();
    index.add(a);
    expect(index.has(b)).toBe(false);
    expect(index.add(b)).toBe(1);
    expect([index.indexOf(a), index.indexOf(b)]).toEqual([0, 1]);
  });

  it('keeps the empty key and keys beyond Latin-1 through growth', () => {
    const index = new KeyIndex();
    expect(index.add('')).toBe(0);
    expect(index.add('café société')).toBe(1);
    expect(index.add('東京商事')).toBe(2);
    for (let i = 0; i < 10000; i++) {
      index.add(`k${i}`);
    }
    expect([index.indexOf(''), index.indexOf('café société'), index.indexOf('東京商事')]).toEqual([0, 1, 2]);
    expect([index.keyAt(0), index.keyAt(1), index.keyAt(2)]).toEqual(['', 'café société', '東京商事']);
    expect(index.has('東京')).toBe(false);
  });

  it('keys a string by its start when given a length: an 18-character Id finds its 15-character form', () => {
    const index = new KeyIndex();
    const id18 = '001Sd000000001QAA';
    const id15 = id18.substring(0, 15);
    expect(index.add(id18, 15)).toBe(0);
    expect(index.keyAt(0)).toBe(id15);
    expect([index.has(id15), index.has(id18), index.has(id18, 15), index.has('001Sd000000002QAA', 15)]).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect(index.add(id15)).toBe(0);
    expect(index.add('東京商事株式会社', 2)).toBe(1);
    expect([index.indexOf('東京'), index.indexOf('東京商事', 2), index.keyAt(1)]).toEqual([1, 1, '東京']);
  });
});

describe('ByteList', () => {
  it('reads 0 where nothing was set and grows to any index', () => {
    const list = new ByteList();
    list.set(5000, 7);
    expect([list.get(5000), list.get(4999), list.get(1e6)]).toEqual([7, 0, 0]);
  });
});
