// Generated from lwc-ts-src/prmRules/matchKey.ts by `npm run build`. Do not edit.
import { optNumber, optString } from './ruleInput';
import { RuleError } from './ruleError';
import { blockKeyOf, companyKeyOf } from './matchKeyNames';
import { domainKeyOf } from './matchKeyDomain';
import { DEFAULT_POSSIBLE_DUPLICATE_THRESHOLD, explainSimilarity, nameSimilarity } from './matchKeySimilarity';
export { blockKeyOf, companyKeyOf, companyTokensOf, MATCH_KEY_MAX_LENGTH } from './matchKeyNames';
export { domainKeyOf, publicSuffixListVersion } from './matchKeyDomain';
export { DEFAULT_POSSIBLE_DUPLICATE_THRESHOLD, explainSimilarity, nameSimilarity, NameComparer, tokenSimilarityOf, } from './matchKeySimilarity';
/**
 * Rule `companyMatchKey`: the company key of a name.
 * @param input `{ name }`
 * @returns the key, or null when the name has no letters or digits
 */
export function companyMatchKey(input) {
    return companyKeyOf(optString(input.name, 'name'));
}
/**
 * Rule `matchBlockKey`: the blocking key of a name (its first token).
 * @param input `{ name }`
 * @returns the key, or null when the name has no letters or digits
 */
export function matchBlockKey(input) {
    return blockKeyOf(optString(input.name, 'name'));
}
/**
 * Rule `domainKey`: the domain key of a website, host name or e-mail address.
 * @param input `{ value }`
 * @returns the key, or null
 */
export function domainKey(input) {
    return domainKeyOf(optString(input.value, 'value'));
}
/**
 * Rule `matchKeys`: both keys of a company; the domain comes from the website when it
 * yields one, else from the e-mail address.
 * @param input `{ name?, website?, email? }`
 * @returns `{ companyKey, domainKey }`
 */
export function matchKeys(input) {
    const raw = input;
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
export function companySimilarity(input) {
    const raw = input;
    const threshold = optNumber(raw.threshold, 'threshold', DEFAULT_POSSIBLE_DUPLICATE_THRESHOLD);
    if (threshold < 0 || threshold > 1) {
        throw new RuleError('INVALID_POLICY', 'threshold must be between 0 and 1');
    }
    const similarity = nameSimilarity(optString(raw.left, 'left'), optString(raw.right, 'right'), threshold);
    return { ...similarity, explanation: explainSimilarity(similarity) };
}
/** The match-key rules by vector rule name. */
export const matchKeyRules = {
    companyMatchKey: (input) => companyMatchKey(input),
    matchBlockKey: (input) => matchBlockKey(input),
    domainKey: (input) => domainKey(input),
    matchKeys: (input) => matchKeys(input),
    companySimilarity: (input) => companySimilarity(input),
};
