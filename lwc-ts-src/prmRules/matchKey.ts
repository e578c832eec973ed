/**
 * Match keys: deterministic, index-friendly keys for company names and web domains, so a
 * deal registration, a lead or an application can be matched against customer accounts
 * with an equality query on `Match_Key__c` (Text 255, indexed).
 *
 * Company key: lower-case letters and digits of the name's words run together, with
 * accents transliterated by the explicit table below, `&` read as "and", a leading "The"
 * and trailing legal forms removed (never down to nothing). "The Acme Widgets, Inc." and
 * "ACME-Widgets" both give `acmewidgets`. Letters of scripts without a Latin
 * transliteration (Greek, Cyrillic, Hebrew, Arabic, Thai, kana, CJK, Hangul) are kept, with
 * Greek and Cyrillic folded to lower case. At most 255 characters; never contains a dot.
 *
 * Domain key: the lower-case host name of a website or e-mail address, without scheme,
 * `www.`, user, port, path, query or trailing dot, or null when the value is not a host
 * name or is a free-mail provider (an address at gmail.com says nothing about a company).
 * Always contains a dot, so a domain key can never equal a company key.
 *
 * The Apex twin `MatchKeyRules` implements the same steps with the same tables; the
 * platform's Unicode normaliser and locale-dependent lower-casing are deliberately not
 * used, because the two runtimes would not agree.
 */
import { RuleError } from './ruleError';
import type { RuleFunction } from './prmRules';
import { type JsonObject, optString, trimControl } from './ruleInput';

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

/** Longest key `Match_Key__c` can hold. */
export const MATCH_KEY_MAX_LENGTH = 255;

/** Characters transliterated to Latin (or, for Greek and Cyrillic, to a base letter). */
/** Each group: the replacement, then the characters it replaces (in one or more strings). */
const TRANSLITERATION_GROUPS: ReadonlyArray<readonly string[]> = [
  ['a', 'ÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎǞǟǠǡǺǻȀȁȂȃȦȧ', 'ḀḁẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặ'],
  ['b', 'ḂḃḄḅḆḇ'],
  ['c', 'ÇçĆćĈĉĊċČč', 'Ḉḉ'],
  ['d', 'Ďď', 'ḊḋḌḍḎḏḐḑḒḓ'],
  ['e', 'ÈÉÊËèéêëĒēĔĕĖėĘęĚěȄȅȆȇȨȩ', 'ḔḕḖḗḘḙḚḛḜḝẸẹẺẻẼẽẾếỀềỂểỄễỆệ'],
  ['f', 'Ḟḟ'],
  ['g', 'ĜĝĞğĠġĢģǦǧǴǵ', 'Ḡḡ'],
  ['h', 'ĤĥȞȟ', 'ḢḣḤḥḦḧḨḩḪḫẖ'],
  ['i', 'ÌÍÎÏìíîïĨĩĪīĬĭĮįİǏǐȈȉȊȋ', 'ḬḭḮḯỈỉỊị'],
  ['j', 'Ĵĵǰ'],
  ['k', 'ĶķǨǩ', 'ḰḱḲḳḴḵ'],
  ['l', 'ĹĺĻļĽľ', 'ḶḷḸḹḺḻḼḽ'],
  ['m', 'ḾḿṀṁṂṃ'],
  ['n', 'ÑñŃńŅņŇňǸǹ', 'ṄṅṆṇṈṉṊṋ'],
  ['o', 'ÒÓÔÕÖòóôõöŌōŎŏŐőƠơǑǒǪǫǬǭȌȍȎȏȪȫȬȭȮȯȰȱ', 'ṌṍṎṏṐṑṒṓỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợ'],
  ['p', 'ṔṕṖṗ'],
  ['r', 'ŔŕŖŗŘřȐȑȒȓ', 'ṘṙṚṛṜṝṞṟ'],
  ['s', 'ŚśŜŝŞşŠšȘș', 'ṠṡṢṣṤṥṦṧṨṩ'],
  ['t', 'ŢţŤťȚț', 'ṪṫṬṭṮṯṰṱẗ'],
  ['u', 'ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųƯưǓǔǕǖǗǘǙǚǛǜȔȕȖȗ', 'ṲṳṴṵṶṷṸṹṺṻỤụỦủỨứỪừỬửỮữỰự'],
  ['v', 'ṼṽṾṿ'],
  ['w', 'Ŵŵ', 'ẀẁẂẃẄẅẆẇẈẉẘ'],
  ['x', 'ẊẋẌẍ'],
  ['y', 'ÝýÿŶŷŸȲȳ', 'ẎẏẙỲỳỴỵỶỷỸỹ'],
  ['z', 'ŹźŻżŽž', 'ẐẑẒẓẔẕ'],
  ['a', 'ª'],
  ['ae', 'ÆæǢǣǼǽ'],
  ['b', 'ƀ'],
  ['d', 'ĐđÐð'],
  ['dz', 'ǄǅǆǱǲǳ'],
  ['e', 'Əə'],
  ['f', 'ƒ'],
  ['ff', 'ﬀ'],
  ['ffi', 'ﬃ'],
  ['ffl', 'ﬄ'],
  ['fi', 'ﬁ'],
  ['fl', 'ﬂ'],
  ['h', 'Ħħ'],
  ['i', 'ı'],
  ['ij', 'Ĳĳ'],
  ['k', 'ĸ'],
  ['l', 'ŁłĿŀ'],
  ['lj', 'Ǉǈǉ'],
  ['n', 'ŉŊŋ'],
  ['nj', 'Ǌǋǌ'],
  ['o', 'ºØøǾǿ'],
  ['oe', 'Œœ'],
  ['s', 'ſ'],
  ['ss', 'ßẞ'],
  ['st', 'ﬅﬆ'],
  ['t', 'Ŧŧ'],
  ['th', 'Þþ'],
  ['α', 'Άά'],
  ['ε', 'Έέ'],
  ['η', 'Ήή'],
  ['ι', 'ΊίϊΐΪ'],
  ['ο', 'Όό'],
  ['υ', 'ΎύϋΰΫ'],
  ['ω', 'Ώώ'],
  ['σ', 'ς'],
  ['е', 'Ёё'],
];

/** Legal forms removed from the end of a company name (after dots and apostrophes are dropped). */
const LEGAL_FORMS: ReadonlySet<string> = new Set([
  'ab',
  'ag',
  'aps',
  'as',
  'asa',
  'bhd',
  'bv',
  'co',
  'company',
  'corp',
  'corporation',
  'gmbh',
  'inc',
  'incorporated',
  'kft',
  'kg',
  'kgaa',
  'kk',
  'limited',
  'llc',
  'llp',
  'lp',
  'ltd',
  'ltda',
  'mbh',
  'nv',
  'oy',
  'oyj',
  'plc',
  'pte',
  'pty',
  'pvt',
  'sa',
  'sarl',
  'sas',
  'sdn',
  'se',
  'sl',
  'spa',
  'sro',
  'srl',
]);

/** Mail providers whose domains never identify a company. */
const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  '126.com',
  '163.com',
  'aol.com',
  'comcast.net',
  'fastmail.com',
  'free.fr',
  'gmail.com',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'googlemail.com',
  'hotmail.co.uk',
  'hotmail.com',
  'hotmail.fr',
  'icloud.com',
  'laposte.net',
  'libero.it',
  'live.com',
  'mac.com',
  'mail.com',
  'mail.ru',
  'me.com',
  'msn.com',
  'naver.com',
  'orange.fr',
  'outlook.com',
  'pm.me',
  'proton.me',
  'protonmail.com',
  'qq.com',
  'rediffmail.com',
  't-online.de',
  'tutanota.com',
  'web.de',
  'yahoo.co.uk',
  'yahoo.com',
  'yahoo.de',
  'yahoo.fr',
  'yandex.com',
  'yandex.ru',
  'ymail.com',
  'zoho.com',
]);

const TRANSLITERATION: ReadonlyMap<number, string> = (() => {
  const table = new Map<number, string>();
  for (const [replacement, ...chunks] of TRANSLITERATION_GROUPS) {
    for (const character of chunks.join('')) {
      table.set(character.codePointAt(0) as number, replacement);
    }
  }
  return table;
})();

/**
 * Dropped without splitting a word: "S.A." is one word `sa`, "A/S" is `as`, "O'Neil" is `oneil`.
 * ' . / ` soft hyphen, acute accent, curly apostrophes, word joiner, byte-order mark.
 */
const JOINERS: ReadonlySet<number> = new Set([39, 46, 47, 96, 173, 180, 8216, 8217, 8288, 65279]);

/** Zero-width spaces and joiners, and combining marks (a decomposed "e" + acute reads as "e"). */
function isJoiner(cp: number): boolean {
  return JOINERS.has(cp) || (cp >= 8203 && cp <= 8205) || (cp >= 768 && cp <= 879);
}

/**
 * Scripts kept as they are (no Latin transliteration is attempted), as inclusive code point
 * ranges: Greek and Cyrillic, Hebrew and Arabic, Thai, kana, CJK extension A, CJK, Hangul.
 */
const KEPT_SCRIPT_RANGES: readonly number[] = [
  880, 1279, 1424, 1791, 3584, 3711, 12352, 12543, 13312, 19903, 19968, 40959, 44032, 55203,
];

function isKeptScript(cp: number): boolean {
  for (let i = 0; i < KEPT_SCRIPT_RANGES.length; i += 2) {
    if (cp >= KEPT_SCRIPT_RANGES[i] && cp <= KEPT_SCRIPT_RANGES[i + 1]) {
      return true;
    }
  }
  return false;
}

/** Greek (U+0391..U+03A9) and Cyrillic (U+0410..U+042F, U+0400..U+040F) capitals to small letters. */
function foldScriptCase(cp: number): number {
  if (cp >= 913 && cp <= 937) {
    return cp + 32;
  }
  if (cp >= 1040 && cp <= 1071) {
    return cp + 32;
  }
  if (cp >= 1024 && cp <= 1039) {
    return cp + 80;
  }
  return cp;
}

/** Splits a name into normalised words. */
function words(name: string): string[] {
  const result: string[] = [];
  let current = '';
  const endWord = (): void => {
    if (current !== '') {
      result.push(current);
      current = '';
    }
  };
  for (const character of name) {
    let cp = character.codePointAt(0) as number;
    if (cp >= 65281 && cp <= 65374) {
      cp -= 65248; // full-width forms read as ASCII
    }
    if ((cp >= 97 && cp <= 122) || (cp >= 48 && cp <= 57)) {
      current += String.fromCharCode(cp);
    } else if (cp >= 65 && cp <= 90) {
      current += String.fromCharCode(cp + 32);
    } else if (TRANSLITERATION.has(cp)) {
      current += TRANSLITERATION.get(cp) as string;
    } else if (cp === 38) {
      endWord();
      result.push('and');
    } else if (isJoiner(cp)) {
      // dropped inside the word
    } else if (isKeptScript(cp)) {
      current += String.fromCharCode(foldScriptCase(cp));
    } else {
      endWord();
    }
  }
  endWord();
  return result;
}

/**
 * The company key of a name, or null when the name has no letters or digits.
 * @param name company name as typed
 * @returns the key
 */
export function companyKeyOf(name: string | null | undefined): string | null {
  if (name === null || name === undefined) {
    return null;
  }
  const parts = words(name);
  if (parts.length > 1 && parts[0] === 'the') {
    parts.shift();
  }
  let strippedLegalForm = false;
  while (parts.length > 1) {
    const last = parts[parts.length - 1];
    // "Smith & Co" loses "Co" and then the dangling "and".
    if (LEGAL_FORMS.has(last) || (strippedLegalForm && last === 'and')) {
      parts.pop();
      strippedLegalForm = true;
    } else {
      break;
    }
  }
  const key = parts.join('').substring(0, MATCH_KEY_MAX_LENGTH);
  return key === '' ? null : key;
}

function asciiLowerCase(value: string): string {
  let result = '';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    result += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : value.charAt(i);
  }
  return result;
}

function isHostLabel(label: string): boolean {
  return (
    label.length >= 1 &&
    label.length <= 63 &&
    /^[a-z0-9-]+$/.test(label) &&
    !label.startsWith('-') &&
    !label.endsWith('-')
  );
}

/**
 * The domain key of a website, host name or e-mail address, or null when there is none or
 * it is a free-mail provider.
 * @param value website URL, host name or e-mail address
 * @returns the key
 */
export function domainKeyOf(value: string | null | undefined): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  let host = asciiLowerCase(trimControl(value));
  if (host.startsWith('mailto:')) {
    host = host.substring(7);
  }
  const scheme = host.indexOf('://');
  if (scheme >= 0) {
    host = host.substring(scheme + 3);
  } else if (host.startsWith('//')) {
    host = host.substring(2);
  }
  let end = host.length;
  for (const stop of ['/', '?', '#', '\\']) {
    const index = host.indexOf(stop);
    if (index >= 0 && index < end) {
      end = index;
    }
  }
  host = host.substring(0, end);
  const at = host.lastIndexOf('@');
  if (at >= 0) {
    host = host.substring(at + 1);
  }
  const port = host.indexOf(':');
  if (port >= 0) {
    host = host.substring(0, port);
  }
  while (host.endsWith('.')) {
    host = host.substring(0, host.length - 1);
  }
  while (host.startsWith('.')) {
    host = host.substring(1);
  }
  if (host.length > 253) {
    return null;
  }
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every(isHostLabel)) {
    return null;
  }
  const topLevel = labels[labels.length - 1];
  if (topLevel.length < 2 || /^[0-9]+$/.test(topLevel)) {
    return null; // IP addresses and malformed top-level domains identify nobody
  }
  if (labels.length > 2 && /^www[0-9]*$/.test(labels[0])) {
    labels.shift();
  }
  const key = labels.join('.');
  return FREE_MAIL_DOMAINS.has(key) ? null : key;
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

/** The match-key rules by vector rule name. */
export const matchKeyRules: Record<string, RuleFunction> = {
  companyMatchKey: (input) => companyMatchKey(input as CompanyMatchKeyInput),
  domainKey: (input) => domainKey(input as DomainKeyInput),
  matchKeys: (input) => matchKeys(input as MatchKeysInput),
};
