/**
 * Company names as words, tokens and keys. A name is split into normalised words (lower-case
 * letters and digits, accents transliterated by the explicit table below, `&` read as "and",
 * `.` `'` `/` dropped inside a word, full-width forms read as ASCII; Greek and Cyrillic kept and
 * folded to lower case; Hebrew, Arabic, Thai, kana, CJK and Hangul kept as they are). Then legal
 * forms are removed, in this order, never removing the last remaining word:
 *  1. a leading "the" when more words follow;
 *  2. repeated until nothing changes:
 *     a. the longest leading legal form (whole words), else a leading legal form written in a
 *        script without spaces (Thai, kana, CJK, Hangul; two characters or more) at the start of
 *        the first word, when characters remain;
 *     b. the longest trailing legal form (whole words) and then a dangling "and" (`& Co.`), else
 *        a trailing legal form of such a script at the end of the last word.
 * The legal forms are the union of every jurisdiction's in `spec/matchKey/legalForms.json`
 * (a name rarely says its country), normalised like names. What remains are the tokens; run
 * together they are the company key, the first is the blocking key.
 *
 * The Apex twin `MatchKeyRules` implements the same steps with the same tables; the platform's
 * Unicode normaliser and locale-dependent lower-casing are deliberately not used, because the
 * two runtimes would not agree.
 */
import { MATCH_KEY_DATA_JSON } from './matchKeyData';

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
export function foldScriptCase(cp: number): number {
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

interface LegalFormTable {
  /** Whole-word forms, words joined by one space. */
  leading: ReadonlySet<string>;
  trailing: ReadonlySet<string>;
  /** Most words in a form. */
  longest: number;
  /** Single-word forms of scripts written without spaces, longest first. */
  leadingAffixes: readonly string[];
  trailingAffixes: readonly string[];
}

interface LegalFormData {
  legalForms: { code: string; leading: string[]; trailing: string[] }[];
}

let legalFormTable: LegalFormTable | null = null;

/** Thai, kana, CJK and Hangul: scripts written without spaces between words. */
function isUnspacedScript(word: string): boolean {
  for (const character of word) {
    if ((character.codePointAt(0) as number) < 3584) {
      return false;
    }
  }
  return true;
}

function byLengthThenText(left: string, right: string): number {
  if (left.length !== right.length) {
    return right.length - left.length;
  }
  return left < right ? -1 : left > right ? 1 : 0;
}

function buildLegalFormTable(): LegalFormTable {
  const data = JSON.parse(MATCH_KEY_DATA_JSON) as LegalFormData;
  const leading = new Set<string>();
  const trailing = new Set<string>();
  const leadingAffixes = new Set<string>();
  const trailingAffixes = new Set<string>();
  let longest = 0;
  for (const jurisdiction of data.legalForms) {
    for (const [forms, whole, affixes] of [
      [jurisdiction.leading, leading, leadingAffixes],
      [jurisdiction.trailing, trailing, trailingAffixes],
    ] as const) {
      for (const form of forms) {
        const parts = words(form);
        if (parts.length === 0) {
          continue;
        }
        whole.add(parts.join(' '));
        longest = Math.max(longest, parts.length);
        if (parts.length === 1 && parts[0].length >= 2 && isUnspacedScript(parts[0])) {
          affixes.add(parts[0]);
        }
      }
    }
  }
  return {
    leading,
    trailing,
    longest,
    leadingAffixes: [...leadingAffixes].sort(byLengthThenText),
    trailingAffixes: [...trailingAffixes].sort(byLengthThenText),
  };
}

function legalForms(): LegalFormTable {
  if (legalFormTable === null) {
    legalFormTable = buildLegalFormTable();
  }
  return legalFormTable;
}

/** Removes the longest leading legal form; true when one was removed. */
function removeLeadingForm(parts: string[], table: LegalFormTable): boolean {
  for (let count = Math.min(table.longest, parts.length - 1); count >= 1; count--) {
    if (table.leading.has(parts.slice(0, count).join(' '))) {
      parts.splice(0, count);
      return true;
    }
  }
  const first = parts[0];
  if (table.leading.has(first)) {
    return false; // a form standing alone is the name: "有限公司" keeps its "公司"
  }
  for (const affix of table.leadingAffixes) {
    if (first.length > affix.length && first.startsWith(affix)) {
      parts[0] = first.substring(affix.length);
      return true;
    }
  }
  return false;
}

/** Removes the longest trailing legal form (and a dangling "and"); true when one was removed. */
function removeTrailingForm(parts: string[], table: LegalFormTable): boolean {
  for (let count = Math.min(table.longest, parts.length - 1); count >= 1; count--) {
    if (table.trailing.has(parts.slice(parts.length - count).join(' '))) {
      parts.splice(parts.length - count, count);
      // "Smith & Co" loses "Co" and then the dangling "and".
      if (parts.length > 1 && parts[parts.length - 1] === 'and') {
        parts.pop();
      }
      return true;
    }
  }
  const last = parts[parts.length - 1];
  if (table.trailing.has(last)) {
    return false;
  }
  for (const affix of table.trailingAffixes) {
    if (last.length > affix.length && last.endsWith(affix)) {
      parts[parts.length - 1] = last.substring(0, last.length - affix.length);
      return true;
    }
  }
  return false;
}

/**
 * The tokens of a company name: its normalised words without "the" and legal forms.
 * @param name company name as typed
 * @returns the tokens, empty when the name has no letters or digits
 */
export function companyTokensOf(name: string | null | undefined): string[] {
  if (name === null || name === undefined) {
    return [];
  }
  const parts = words(name);
  if (parts.length > 1 && parts[0] === 'the') {
    parts.shift();
  }
  if (parts.length === 0) {
    return parts;
  }
  const table = legalForms();
  let changed = true;
  while (changed) {
    const leading = parts.length > 0 && removeLeadingForm(parts, table);
    const trailing = parts.length > 0 && removeTrailingForm(parts, table);
    changed = leading || trailing;
  }
  return parts;
}

/**
 * The company key of a name, or null when the name has no letters or digits.
 * @param name company name as typed
 * @returns the key
 */
export function companyKeyOf(name: string | null | undefined): string | null {
  const key = companyTokensOf(name).join('').substring(0, MATCH_KEY_MAX_LENGTH);
  return key === '' ? null : key;
}

/**
 * The blocking key of a name: its first token, the indexed value candidate duplicates are
 * fetched by before their names are scored (`Account.Match_Block_Key__c`).
 * @param name company name as typed
 * @returns the key, or null when the name has no letters or digits
 */
export function blockKeyOf(name: string | null | undefined): string | null {
  const tokens = companyTokensOf(name);
  return tokens.length === 0 ? null : tokens[0].substring(0, MATCH_KEY_MAX_LENGTH);
}
