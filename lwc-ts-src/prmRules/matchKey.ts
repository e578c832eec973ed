/**
 * Match keys: deterministic, index-friendly keys for company names and web domains, so a
 * deal registration, a lead or an application can be matched against customer accounts
 * with an equality query on `Match_Key__c` / `Domain_Key__c` (Text 255, indexed), plus the
 * "possible duplicate" score for names that are alike but not equal, whose candidates are
 * fetched by the indexed blocking key `Match_Block_Key__c`.
 *
 * - Company key and tokens (`matchKeyNames.ts`): "The Acme Widgets, Inc." and "ACME-Widgets"
 *   both give `acmewidgets`; legal forms of every jurisdiction in
 *   `spec/matchKey/legalForms.json` are removed, leading and trailing, in any script. At most
 *   255 characters; never contains a dot.
 * - Domain key (`matchKeyDomain.ts`): the registrable domain by the Public Suffix List, or null
 *   (IP addresses, public suffixes, free mail). Always contains a dot, so a domain key can never
 *   equal a company key.
 * - Similarity (`matchKeySimilarity.ts`): token-based score with its explanation.
 *
 * The Apex twin `MatchKeyRules` implements the same steps with the same tables.
 */
import type { RuleFunction } from './prmRules';
import { type JsonObject, optNumber, optString } from './ruleInput';
import { RuleError } from './ruleError';
import { blockKeyOf, companyKeyOf } from './matchKeyNames';
import { domainKeyOf } from './matchKeyDomain';
import { DEFAULT_POSSIBLE_DUPLICATE_THRESHOLD, explainSimilarity, nameSimilarity } from './matchKeySimilarity';

export { blockKeyOf, companyKeyOf, companyTokensOf, MATCH_KEY_MAX_LENGTH } from './matchKeyNames';
export { domainKeyOf, publicSuffixListVersion } from './matchKeyDomain';
export {
  DEFAULT_POSSIBLE_DUPLICATE_THRESHOLD,
  explainSimilarity,
  nameSimilarity,
  NameComparer,
  tokenSimilarityOf,
  type NameSimilarity,
  type TokenIds,
  type TokenMatch,
} from './matchKeySimilarity';

/** Input of `companyMatchKey`. */
export interface CompanyMatchKeyInput {
  name?: string | null;
}

/** Input of `domainKey`: a website, host name or e-mail address. */
export interface DomainKeyInput {
  value?: string | null;
}

/** Input of `matchKeys`: the domain comes from the website, else from the e-mail address. */
export interface MatchKeysInput {
  name?: string | null;
  website?: string | null;
  email?: string | null;
}

/** Both keys of a company. */
export interface MatchKeys {
  companyKey: string | null;
  domainKey: string | null;
}

/** Input of `companySimilarity`. */
export interface CompanySimilarityInput {
  left?: string | null;
  right?: string | null;
  /** 0 to 1; default 0.8. */
  threshold?: number | null;
}

/** Output of `companySimilarity`: the score, the verdict and the explanation. */
export interface CompanySimilarity {
  score: number | null;
  possibleDuplicate: boolean;
  matched: { left: string; right: string; similarity: number }[];
  unmatchedLeft: string[];
  unmatchedRight: string[];
  explanation: string;
}

/**
 * Rule `companyMatchKey`: the company key of a name.
 * @param input `{ name }`
 * @returns the key, or null when the name has no letters or digits
 */
export function companyMatchKey(input: CompanyMatchKeyInput): string | null {
  return companyKeyOf(optString((input as JsonObject).name, 'name'));
}

/**
 * Rule `matchBlockKey`: the blocking key of a name (its first token).
 * @param input `{ name }`
 * @returns the key, or null when the name has no letters or digits
 */
export function matchBlockKey(input: CompanyMatchKeyInput): string | null {
  return blockKeyOf(optString((input as JsonObject).name, 'name'));
}

/**
 * Rule `domainKey`: the domain key of a website, host name or e-mail address.
 * @param input `{ value }`
 * @returns the key, or null
 */
export function domainKey(input: DomainKeyInput): string | null {
  return domainKeyOf(optString((input as JsonObject).value, 'value'));
}

/**
 * Rule `matchKeys`: both keys of a company; the domain comes from the website when it
 * yields one, else from the e-mail address.
 * @param input `{ name?, website?, email? }`
 * @returns `{ companyKey, domainKey }`
 */
export function matchKeys(input: MatchKeysInput): MatchKeys {
  const raw = input as JsonObject;
  const name = optString(raw.name, 'name');
  const website = optString(raw.website, 'website');
  const email = optString(raw.email, 'email');
  return {
    companyKey: companyKeyOf(name),
    domainKey: domainKeyOf(website) ?? domainKeyOf(email),
  };
}

/**
 * Rule `companySimilarity`: how alike two company names are, and why.
 * @param input `{ left, right, threshold? }`
 * @returns score, verdict, matched and unmatched tokens, explanation
 */
export function companySimilarity(input: CompanySimilarityInput): CompanySimilarity {
  const raw = input as JsonObject;
  const threshold = optNumber(raw.threshold, 'threshold', DEFAULT_POSSIBLE_DUPLICATE_THRESHOLD);
  if (threshold < 0 || threshold > 1) {
    throw new RuleError('INVALID_POLICY', 'threshold must be between 0 and 1');
  }
  const similarity = nameSimilarity(optString(raw.left, 'left'), optString(raw.right, 'right'), threshold);
  return { ...similarity, explanation: explainSimilarity(similarity) };
}

/** The match-key rules by vector rule name. */
export const matchKeyRules: Record<string, RuleFunction> = {
  companyMatchKey: (input) => companyMatchKey(input as CompanyMatchKeyInput),
  matchBlockKey: (input) => matchBlockKey(input as CompanyMatchKeyInput),
  domainKey: (input) => domainKey(input as DomainKeyInput),
  matchKeys: (input) => matchKeys(input as MatchKeysInput),
  companySimilarity: (input) => companySimilarity(input as CompanySimilarityInput),
};
