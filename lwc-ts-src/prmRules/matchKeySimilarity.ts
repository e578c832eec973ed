/**
 * "Possible duplicate": how alike two company names are, with the explanation a reviewer
 * needs. Token-based and deterministic, in integer thousandths so both runtimes agree exactly:
 *  - tokens are the names' tokens (`companyTokensOf`: normalised words without "the" and legal
 *    forms);
 *  - two tokens score 1000 when equal, else their bigram Dice coefficient (UTF-16 code unit
 *    pairs, counted with repeats: 2 × shared / (pairs of one + pairs of the other)) in
 *    thousandths, rounded half up; a token of one character has no pairs and scores 0 unless
 *    equal;
 *  - pairs are matched greedily: highest score first, then left token order, then right token
 *    order; each token once; pairs under 600 are not matches;
 *  - the name score is 2 × Σ matched scores / (tokens of one + tokens of the other), in
 *    thousandths rounded half up, returned as a decimal with three places (`0.889`).
 * `possibleDuplicate` when the score is at or above the threshold (policy, default 0.8) and
 * the company keys differ (equal keys are an exact match, reported as such elsewhere).
 */
import { companyTokensOf, MATCH_KEY_MAX_LENGTH } from './matchKeyNames';

/** Pairs of tokens scoring under this many thousandths are not matched. */
export const TOKEN_MATCH_FLOOR = 600;

/** Default threshold of `Deal_Registration_Policy__mdt.Possible_Duplicate_Threshold__c`. */
export const DEFAULT_POSSIBLE_DUPLICATE_THRESHOLD = 0.8;

/** Two matched tokens. */
export interface TokenMatch {
  left: string;
  right: string;
  /** Thousandths as a decimal, e.g. 0.778. */
  similarity: number;
}

/** The score of two names and why. */
export interface NameSimilarity {
  score: number | null;
  possibleDuplicate: boolean;
  matched: TokenMatch[];
  unmatchedLeft: string[];
  unmatchedRight: string[];
}

/** Half-up rounding of numerator / denominator (both non-negative integers). */
function roundedRatio(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** Code of the bigram at `i`: two UTF-16 code units in one number. */
function bigramCode(token: string, i: number): number {
  return token.charCodeAt(i) * 65536 + token.charCodeAt(i + 1);
}

/**
 * Dice coefficient in thousandths of two tokens given their sorted bigram codes (repeats kept,
 * so a shared-pair count is one merge), as ranges of code pools.
 */
function bigramScore(
  left: Uint32Array,
  leftStart: number,
  leftEnd: number,
  right: Uint32Array,
  rightStart: number,
  rightEnd: number,
): number {
  const pairs = leftEnd - leftStart + (rightEnd - rightStart);
  if (leftEnd === leftStart || rightEnd === rightStart) {
    return 0;
  }
  let shared = 0;
  let i = leftStart;
  let j = rightStart;
  while (i < leftEnd && j < rightEnd) {
    if (left[i] === right[j]) {
      shared++;
      i++;
      j++;
    } else if (left[i] < right[j]) {
      i++;
    } else {
      j++;
    }
  }
  return roundedRatio(2000 * shared, pairs);
}

function sortedBigrams(token: string): Uint32Array {
  const codes = new Uint32Array(Math.max(0, token.length - 1));
  for (let i = 0; i < codes.length; i++) {
    codes[i] = bigramCode(token, i);
  }
  return codes.sort();
}

/**
 * The similarity of two tokens in thousandths.
 * @param left a token
 * @param right a token
 * @returns 0 to 1000
 */
export function tokenSimilarity(left: string, right: string): number {
  if (left === right) {
    return 1000;
  }
  const leftCodes = sortedBigrams(left);
  const rightCodes = sortedBigrams(right);
  return bigramScore(leftCodes, 0, leftCodes.length, rightCodes, 0, rightCodes.length);
}

interface Candidate {
  i: number;
  j: number;
  score: number;
}

/**
 * Greedy pairing of the tokens of two names: highest score first, then left token order, then
 * right; each token once; pairs under the floor are not matches.
 */
function matchTokens(
  leftCount: number,
  rightCount: number,
  pairScore: (i: number, j: number) => number,
): { pairs: Candidate[]; total: number } {
  const candidates: Candidate[] = [];
  for (let i = 0; i < leftCount; i++) {
    for (let j = 0; j < rightCount; j++) {
      const score = pairScore(i, j);
      if (score >= TOKEN_MATCH_FLOOR) {
        candidates.push({ i, j, score });
      }
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.i - b.i || a.j - b.j);
  const usedLeft = new Set<number>();
  const usedRight = new Set<number>();
  const pairs: Candidate[] = [];
  let total = 0;
  for (const candidate of candidates) {
    if (!usedLeft.has(candidate.i) && !usedRight.has(candidate.j)) {
      usedLeft.add(candidate.i);
      usedRight.add(candidate.j);
      pairs.push(candidate);
      total += candidate.score;
    }
  }
  return { pairs, total };
}

const keyOf = (tokens: readonly string[]): string => tokens.join('').substring(0, MATCH_KEY_MAX_LENGTH);

/** The name score of a paired total: 2 × total ÷ (tokens of one + tokens of the other), in thousandths, as a decimal. */
function nameScore(total: number, leftCount: number, rightCount: number): number {
  return roundedRatio(2 * total, leftCount + rightCount) / 1000;
}

/** A possible duplicate: a score at or above the threshold, and company keys that differ. */
function isPossibleDuplicate(
  score: number,
  threshold: number,
  leftTokens: readonly string[],
  rightTokens: readonly string[],
): boolean {
  return score >= threshold && keyOf(leftTokens) !== keyOf(rightTokens);
}

/** The similarity and explanation of two names from their tokens and a token scorer. */
function similarityOf(
  leftTokens: readonly string[],
  rightTokens: readonly string[],
  threshold: number,
  pairScore: (i: number, j: number) => number,
): NameSimilarity {
  if (leftTokens.length === 0 || rightTokens.length === 0) {
    return {
      score: null,
      possibleDuplicate: false,
      matched: [],
      unmatchedLeft: [...leftTokens],
      unmatchedRight: [...rightTokens],
    };
  }
  const { pairs, total } = matchTokens(leftTokens.length, rightTokens.length, pairScore);
  const usedLeft = new Set(pairs.map((p) => p.i));
  const usedRight = new Set(pairs.map((p) => p.j));
  pairs.sort((a, b) => a.i - b.i);
  const score = nameScore(total, leftTokens.length, rightTokens.length);
  return {
    score,
    possibleDuplicate: isPossibleDuplicate(score, threshold, leftTokens, rightTokens),
    matched: pairs.map((p) => ({ left: leftTokens[p.i], right: rightTokens[p.j], similarity: p.score / 1000 })),
    unmatchedLeft: leftTokens.filter((_t, i) => !usedLeft.has(i)),
    unmatchedRight: rightTokens.filter((_t, j) => !usedRight.has(j)),
  };
}

/**
 * The similarity of two company names with its explanation.
 * @param left a company name
 * @param right another company name
 * @param threshold score from which the names are a possible duplicate (0 to 1)
 * @returns score (null when either name has no tokens), verdict, matched and unmatched tokens
 */
export function nameSimilarity(
  left: string | null | undefined,
  right: string | null | undefined,
  threshold: number = DEFAULT_POSSIBLE_DUPLICATE_THRESHOLD,
): NameSimilarity {
  return tokenSimilarityOf(companyTokensOf(left), companyTokensOf(right), threshold);
}

/**
 * `nameSimilarity` of names already split into tokens (`companyTokensOf`).
 * @param leftTokens tokens of a company name
 * @param rightTokens tokens of another company name
 * @param threshold score from which the names are a possible duplicate (0 to 1)
 * @returns as `nameSimilarity`
 */
export function tokenSimilarityOf(
  leftTokens: readonly string[],
  rightTokens: readonly string[],
  threshold: number = DEFAULT_POSSIBLE_DUPLICATE_THRESHOLD,
): NameSimilarity {
  return similarityOf(leftTokens, rightTokens, threshold, (i, j) => tokenSimilarity(leftTokens[i], rightTokens[j]));
}

/** Token pair scores are cached while both Ids fit in 16 bits, so a pair is one 32-bit key. */
const CACHED_IDS = 0xffff;
/** The pair cache has room for twice the possible pairs of the tokens seen, from 2^12 up to 2^22 slots (24 MB). */
const MIN_CACHE_BITS = 12;
const MAX_CACHE_BITS = 22;

/** A name as the token Ids of a `NameComparer`. */
export type TokenIds = readonly number[];

/**
 * Compares one name with many, by the same rule as `nameSimilarity`: every distinct token is
 * kept once with its sorted bigrams in one shared pool, and a name is a short list of token
 * Ids, so a caller holding thousands of names keeps numbers, not strings and arrays.
 */
export class NameComparer {
  private readonly idOfToken = new Map<string, number>();
  private readonly tokens: string[] = [];
  /** Start of each token's bigram codes in `codes`; its end is the next token's start. */
  private readonly starts: number[] = [0];
  private codes = new Uint32Array(4096);

  /** @param threshold score from which names are a possible duplicate (0 to 1) */
  constructor(private readonly threshold: number = DEFAULT_POSSIBLE_DUPLICATE_THRESHOLD) {
    this.sizeCache(0);
  }

  /**
   * The Ids of a name's tokens (`companyTokensOf`), adding tokens not seen before.
   * @param tokens tokens of a company name
   */
  idsOf(tokens: readonly string[]): TokenIds {
    return tokens.map((token) => this.idOf(token));
  }

  /** The tokens of a name given as Ids. */
  tokensOf(ids: TokenIds): string[] {
    return ids.map((id) => this.tokens[id]);
  }

  private idOf(token: string): number {
    const known = this.idOfToken.get(token);
    if (known !== undefined) {
      return known;
    }
    const id = this.tokens.length;
    const start = this.starts[id];
    const end = start + Math.max(0, token.length - 1);
    if (end > this.codes.length) {
      const grown = new Uint32Array(Math.max(end, this.codes.length * 2));
      grown.set(this.codes);
      this.codes = grown;
    }
    this.codes.set(sortedBigrams(token), start);
    this.tokens.push(token);
    this.starts.push(end);
    this.idOfToken.set(token, id);
    this.sizeCache(this.tokens.length);
    return id;
  }

  /**
   * Scores of token pairs already compared (common words meet again and again): a direct-mapped
   * cache in typed arrays, where a pair that meets another's slot takes it over. Keys are
   * pair + 1, so an empty slot (0) matches no pair.
   */
  private cacheBits = 0;
  private cacheKeys = new Uint32Array(0);
  private cacheScores = new Uint16Array(0);
  /** Pair scores of the name being compared, reused from one comparison to the next. */
  private scratch = new Uint16Array(64);

  /** Makes room for the possible pairs of `tokenCount` tokens; a resized cache starts empty. */
  private sizeCache(tokenCount: number): void {
    let bits = Math.max(this.cacheBits, MIN_CACHE_BITS);
    while (bits < MAX_CACHE_BITS && 2 ** bits < 2 * tokenCount * tokenCount) {
      bits++;
    }
    if (bits !== this.cacheBits) {
      this.cacheBits = bits;
      this.cacheKeys = new Uint32Array(2 ** bits);
      this.cacheScores = new Uint16Array(2 ** bits);
    }
  }

  private pairScore(left: number, right: number): number {
    if (left === right) {
      return 1000;
    }
    const cached = left < CACHED_IDS && right < CACHED_IDS;
    const key = cached ? left * 0x10000 + right + 1 : 0;
    const slot = cached ? Math.imul(key, 0x9e3779b1) >>> (32 - this.cacheBits) : 0;
    if (cached && this.cacheKeys[slot] === key) {
      return this.cacheScores[slot];
    }
    const score = bigramScore(
      this.codes,
      this.starts[left],
      this.starts[left + 1],
      this.codes,
      this.starts[right],
      this.starts[right + 1],
    );
    if (cached) {
      this.cacheKeys[slot] = key;
      this.cacheScores[slot] = score;
    }
    return score;
  }

  /**
   * The similarity of two names with its explanation, as `tokenSimilarityOf`.
   * @param left token Ids of a name
   * @param right token Ids of another name
   */
  similarity(left: TokenIds, right: TokenIds): NameSimilarity {
    return similarityOf(this.tokensOf(left), this.tokensOf(right), this.threshold, (i, j) =>
      this.pairScore(left[i], right[j]),
    );
  }

  /**
   * The score of two names when they are a possible duplicate, else null: equal to
   * `similarity(...).score` whenever that is a possible duplicate. Most pairs are refused on an
   * upper bound of the score (each token's best pair, on either side) before any pairing.
   * @param left token Ids of a name
   * @param right token Ids of another name
   */
  possibleDuplicateScore(left: TokenIds, right: TokenIds): number | null {
    const leftCount = left.length;
    const rightCount = right.length;
    // Even with every token of the shorter name paired perfectly the score is 2 × shorter ÷ both.
    if (
      leftCount === 0 ||
      rightCount === 0 ||
      nameScore(1000 * Math.min(leftCount, rightCount), leftCount, rightCount) < this.threshold
    ) {
      return null;
    }
    // The paired total is at most the sum of each token's best pair, on the left and on the right.
    let leftBest = 0;
    let rightBestTotal = 0;
    if (this.scratch.length < leftCount * rightCount) {
      this.scratch = new Uint16Array(2 * leftCount * rightCount);
    }
    const scores = this.scratch;
    for (let i = 0; i < leftCount; i++) {
      let best = 0;
      for (let j = 0; j < rightCount; j++) {
        const score = this.pairScore(left[i], right[j]);
        scores[i * rightCount + j] = score;
        if (score >= TOKEN_MATCH_FLOOR && score > best) {
          best = score;
        }
      }
      leftBest += best;
      // Even if every token still to come paired perfectly, the bound below would refuse the pair.
      if (nameScore(leftBest + 1000 * (leftCount - i - 1), leftCount, rightCount) < this.threshold) {
        return null;
      }
    }
    for (let j = 0; j < rightCount; j++) {
      let best = 0;
      for (let i = 0; i < leftCount; i++) {
        const score = scores[i * rightCount + j];
        if (score >= TOKEN_MATCH_FLOOR && score > best) {
          best = score;
        }
      }
      rightBestTotal += best;
    }
    const bound = Math.min(leftBest, rightBestTotal);
    if (nameScore(bound, leftCount, rightCount) < this.threshold) {
      return null;
    }
    const { total } = matchTokens(leftCount, rightCount, (i, j) => scores[i * rightCount + j]);
    const score = nameScore(total, leftCount, rightCount);
    return isPossibleDuplicate(score, this.threshold, this.tokensOf(left), this.tokensOf(right)) ? score : null;
  }
}

/**
 * One line a reviewer reads: the score and which words matched.
 * @param similarity a name similarity
 * @returns e.g. `similar names (0.889): globex = globex, industries ~ industrial (0.778)`
 */
export function explainSimilarity(similarity: NameSimilarity): string {
  if (similarity.score === null) {
    return 'no comparable words';
  }
  const parts = similarity.matched.map((m) => {
    return m.similarity === 1 ? `${m.left} = ${m.right}` : `${m.left} ~ ${m.right} (${m.similarity.toFixed(3)})`;
  });
  for (const token of similarity.unmatchedLeft) {
    parts.push(`${token} unmatched`);
  }
  for (const token of similarity.unmatchedRight) {
    parts.push(`unmatched ${token}`);
  }
  return `similar names (${similarity.score.toFixed(3)}): ${parts.join(', ')}`;
}
