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

function bigrams(token: string): string[] {
  const pairs: string[] = [];
  for (let i = 0; i + 1 < token.length; i++) {
    pairs.push(token.substring(i, i + 2));
  }
  return pairs;
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
  const leftPairs = bigrams(left);
  const rightPairs = bigrams(right);
  if (leftPairs.length === 0 || rightPairs.length === 0) {
    return 0;
  }
  const remaining = new Map<string, number>();
  for (const pair of rightPairs) {
    remaining.set(pair, (remaining.get(pair) ?? 0) + 1);
  }
  let shared = 0;
  for (const pair of leftPairs) {
    const count = remaining.get(pair) ?? 0;
    if (count > 0) {
      shared++;
      remaining.set(pair, count - 1);
    }
  }
  return roundedRatio(2000 * shared, leftPairs.length + rightPairs.length);
}

interface Candidate {
  i: number;
  j: number;
  score: number;
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
 * `nameSimilarity` of names already split into tokens (`companyTokensOf`), for callers that
 * compare one name with many.
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
  if (leftTokens.length === 0 || rightTokens.length === 0) {
    return {
      score: null,
      possibleDuplicate: false,
      matched: [],
      unmatchedLeft: [...leftTokens],
      unmatchedRight: [...rightTokens],
    };
  }
  const candidates: Candidate[] = [];
  for (let i = 0; i < leftTokens.length; i++) {
    for (let j = 0; j < rightTokens.length; j++) {
      const score = tokenSimilarity(leftTokens[i], rightTokens[j]);
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
  pairs.sort((a, b) => a.i - b.i);
  const score = roundedRatio(2 * total, leftTokens.length + rightTokens.length) / 1000;
  const keyOf = (tokens: readonly string[]): string => tokens.join('').substring(0, MATCH_KEY_MAX_LENGTH);
  return {
    score,
    possibleDuplicate: score >= threshold && keyOf(leftTokens) !== keyOf(rightTokens),
    matched: pairs.map((p) => ({ left: leftTokens[p.i], right: rightTokens[p.j], similarity: p.score / 1000 })),
    unmatchedLeft: leftTokens.filter((_t, i) => !usedLeft.has(i)),
    unmatchedRight: rightTokens.filter((_t, j) => !usedRight.has(j)),
  };
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
