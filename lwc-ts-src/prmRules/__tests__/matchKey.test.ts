/**
 * Properties of the match keys beyond the shared vectors: the explicit transliteration table
 * agrees with Unicode decomposition, keys are stable and bounded, and company keys can never
 * collide with domain keys.
 */
import {
  blockKeyOf,
  companyKeyOf,
  companyTokensOf,
  domainKeyOf,
  MATCH_KEY_MAX_LENGTH,
  nameSimilarity,
  NameComparer,
  tokenSimilarityOf,
} from '../matchKey';
import { tokenSimilarity } from '../matchKeySimilarity';

/** Awkward names: legal forms, punctuation, scripts, ligatures, decomposed accents. */
const NAMES: readonly string[] = [
  'The Acme Widgets Company',
  'Acme Pty. Ltd.',
  'Porsche GmbH & Co. KG',
  'AT&T Inc.',
  'O\u2019Reilly Media, Inc.',
  'Œuvre Æsthetic Ltd',
  'Straße Bau GmbH',
  'İstanbul Holding A.Ş.',
  'Cafe\u0301 Ltd',
  'ＡＣＭＥ Ｉｎｃ',
  'ЯНДЕКС',
  'Ελληνικά Πετρέλαια',
  '株式会社 トヨタ',
  'The Company Ltd',
  'AG',
  'The',
  'Inc. Ltd.',
  '3M Company',
  'Acme \u{1F680} Labs',
  'ООО «Яндекс»',
  'トヨタ自動車株式会社',
  '（株）日立製作所',
  'PT Telkom Indonesia Tbk',
  'Acme S. de R.L. de C.V.',
  '有限公司',
  'A'.repeat(300),
];

/** Latin letters that decompose to one ASCII letter plus combining marks. */
function decomposingLatinLetters(): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [from, to] of [
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ]) {
    for (let cp = from; cp <= to; cp++) {
      const character = String.fromCodePoint(cp);
      const base = character.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      if (base !== character && /^[A-Za-z]$/.test(base)) {
        pairs.push([character, base.toLowerCase()]);
      }
    }
  }
  return pairs;
}

describe('company key', () => {
  it('transliterates every decomposable Latin letter to its base letter, as Unicode does', () => {
    const pairs = decomposingLatinLetters();
    expect(pairs.length).toBeGreaterThan(400);
    const wrong = pairs.filter(([character, base]) => companyKeyOf(`x${character}x`) !== `x${base}x`);
    expect(wrong).toEqual([]);
  });

  it('reads decomposed and precomposed spellings alike', () => {
    const wrong = decomposingLatinLetters().filter(
      ([character]) => companyKeyOf(`Caf${character}`) !== companyKeyOf(`Caf${character.normalize('NFD')}`),
    );
    expect(wrong).toEqual([]);
  });

  it('is stable: the key of a key is the key itself', () => {
    const keys = NAMES.map(companyKeyOf).filter((key): key is string => key !== null);
    expect(keys).toHaveLength(NAMES.length);
    expect(keys.map(companyKeyOf)).toEqual(keys);
  });

  it('never exceeds the field length, even when letters expand', () => {
    const key = companyKeyOf('ß'.repeat(200));
    expect(key).toHaveLength(MATCH_KEY_MAX_LENGTH);
    expect(key).toBe('s'.repeat(MATCH_KEY_MAX_LENGTH));
  });

  it('never contains a dot or a space, so it cannot equal a domain key', () => {
    expect(NAMES.map(companyKeyOf).filter((key) => key === null || /[.\s]/.test(key))).toEqual([]);
    expect(domainKeyOf('acme.com')).toContain('.');
  });
});

describe('domain key', () => {
  it('gives the same key for every spelling of one host', () => {
    const spellings = [
      'acme.com',
      'ACME.COM',
      'www.acme.com',
      'https://www.acme.com',
      'http://acme.com:8080/a/b?c=d#e',
      'jane@acme.com',
      'mailto:Jane@ACME.com',
      ' acme.com. ',
    ];
    expect(new Set(spellings.map(domainKeyOf))).toEqual(new Set(['acme.com']));
  });

  it('is stable: the key of a key is the key itself', () => {
    for (const value of ['eu.acme.com', 'acme.co.uk', 'xn--mller-kva.de', 'www.com', 'müller.de', 'acme.github.io']) {
      const key = domainKeyOf(value);
      expect(key).not.toBeNull();
      expect(domainKeyOf(key)).toBe(key);
    }
  });
});

describe('tokens, blocking key and similarity', () => {
  it('the company key is the tokens run together, the blocking key its first token', () => {
    const wrong = NAMES.filter((name) => {
      const tokens = companyTokensOf(name);
      return (
        companyKeyOf(name) !== tokens.join('').substring(0, MATCH_KEY_MAX_LENGTH) ||
        blockKeyOf(name) !== tokens[0].substring(0, MATCH_KEY_MAX_LENGTH) ||
        !(companyKeyOf(name) as string).startsWith(blockKeyOf(name) as string)
      );
    });
    expect(wrong).toEqual([]);
  });

  it('a name scores 1 against itself and is never its own possible duplicate', () => {
    for (const name of NAMES) {
      const self = nameSimilarity(name, name);
      expect(self.score).toBe(1);
      expect(self.possibleDuplicate).toBe(false);
    }
  });

  it('scores stay within 0 and 1 with three decimals, for every pair of names', () => {
    for (const left of NAMES) {
      for (const right of NAMES) {
        const score = nameSimilarity(left, right).score as number;
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(Math.round(score * 1000)).toBeCloseTo(score * 1000, 6);
      }
    }
  });
});

describe('comparing one name with many', () => {
  /** Deterministic names from a small vocabulary with near misses, so many pairs are alike. */
  function alikeNames(count: number): string[] {
    const words = [
      'globex',
      'industries',
      'industrial',
      'systems',
      'system',
      'acme',
      'acne',
      'vector',
      'vectra',
      'moon',
      'mo',
      'a',
      'grid',
      'bioscience',
      'biosciences',
      'logic',
      'logistics',
    ];
    let state = 20251204;
    const next = (n: number): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    return Array.from({ length: count }, () =>
      Array.from({ length: 1 + next(4) }, () => words[next(words.length)]).join(' '),
    );
  }

  /** The Dice coefficient as the rule defines it, counted with a map of remaining pairs. */
  function referenceTokenSimilarity(left: string, right: string): number {
    if (left === right) {
      return 1000;
    }
    const pairsOf = (token: string): string[] =>
      Array.from({ length: Math.max(0, token.length - 1) }, (_v, i) => token.substring(i, i + 2));
    const leftPairs = pairsOf(left);
    const rightPairs = pairsOf(right);
    if (leftPairs.length === 0 || rightPairs.length === 0) {
      return 0;
    }
    const remaining = new Map<string, number>();
    rightPairs.forEach((pair) => remaining.set(pair, (remaining.get(pair) ?? 0) + 1));
    let shared = 0;
    for (const pair of leftPairs) {
      if ((remaining.get(pair) ?? 0) > 0) {
        shared++;
        remaining.set(pair, (remaining.get(pair) as number) - 1);
      }
    }
    const denominator = leftPairs.length + rightPairs.length;
    return Math.floor((2 * 2000 * shared + denominator) / (2 * denominator));
  }

  it('counts shared bigrams with repeats, as the rule defines', () => {
    const tokens = [
      'aaaa',
      'aa',
      'abab',
      'baba',
      'industries',
      'industrial',
      'x',
      'straße',
      'strasse',
      'ЯНДЕКС',
      'яндекс',
    ];
    for (const left of tokens) {
      for (const right of tokens) {
        expect([left, right, tokenSimilarity(left, right)]).toEqual([
          left,
          right,
          referenceTokenSimilarity(left, right),
        ]);
      }
    }
    expect(tokenSimilarity('aaaa', 'aa')).toBe(500);
  });

  it('NameComparer scores and explains as tokenSimilarityOf does, and possibleDuplicateScore is the score exactly when the names are a possible duplicate', () => {
    const names = alikeNames(200).map((name) => companyTokensOf(name));
    let duplicates = 0;
    const disagreements: string[] = [];
    for (const threshold of [0.6, 0.8, 0.9]) {
      const comparer = new NameComparer(threshold);
      const ids = names.map((tokens) => comparer.idsOf(tokens));
      for (let l = 0; l < names.length; l++) {
        for (let r = 0; r < names.length; r++) {
          const [left, right] = [names[l], names[r]];
          const full = tokenSimilarityOf(left, right, threshold);
          const fast = comparer.possibleDuplicateScore(ids[l], ids[r]);
          if (fast !== (full.possibleDuplicate ? full.score : null)) {
            disagreements.push(`${left.join(' ')} / ${right.join(' ')} at ${threshold}: ${fast}`);
          }
          if (JSON.stringify(comparer.similarity(ids[l], ids[r])) !== JSON.stringify(full)) {
            disagreements.push(`${left.join(' ')} / ${right.join(' ')} at ${threshold}: explanation differs`);
          }
          duplicates += fast === null ? 0 : 1;
        }
      }
    }
    expect(disagreements).toEqual([]);
    // The vocabulary makes many alike pairs, so both verdicts are exercised.
    expect(duplicates).toBeGreaterThan(500);
  });

  it('NameComparer scores tokens past its cache (more than 65,535 distinct tokens) as tokenSimilarityOf does', () => {
    const comparer = new NameComparer(0.6);
    for (let i = 0; i < 70000; i++) {
      comparer.idsOf([`filler${i.toString(36)}`]);
    }
    const names = alikeNames(40).map((name) => companyTokensOf(name));
    const ids = names.map((tokens) => comparer.idsOf(tokens));
    expect(Math.min(...ids.flat())).toBeGreaterThan(0xffff);
    for (let l = 0; l < names.length; l++) {
      for (let r = 0; r < names.length; r++) {
        const full = tokenSimilarityOf(names[l], names[r], 0.6);
        expect(comparer.possibleDuplicateScore(ids[l], ids[r])).toBe(full.possibleDuplicate ? full.score : null);
        expect(comparer.similarity(ids[l], ids[r])).toEqual(full);
      }
    }
  });
});
