/**
 * Domain keys: the registrable domain of a website, host name or e-mail address by the Public
 * Suffix List (`shop.example.co.uk` and `example.co.uk` give `example.co.uk`; `a.co.uk` and
 * `b.co.uk` stay apart). The list is the one the `tldts` library ships, ICANN and private
 * sections both honoured (two shops on `myshopify.com` are two companies), generated into
 * `matchKeyData.ts` by `npm run build`; the Apex twin reads the same list.
 *
 * Steps: full-width forms read as ASCII (`。` `．` `｡` as dots); ASCII lower case; without
 * `mailto:`, scheme, user, port, path, query, fragment and leading/trailing dots. Labels are
 * `[a-z0-9-]` (no leading/trailing hyphen) or Unicode labels, which are lower-cased (Latin-1,
 * Greek, Cyrillic capitals) and punycode-encoded (`müller.de` → `xn--mller-kva.de`). Null for IP
 * addresses (numeric top label), hosts that are a public suffix themselves (`co.uk`) and
 * free-mail providers (an address at gmail.com says nothing about a company).
 */
import { trimControl } from './ruleInput';
import { MATCH_KEY_DATA_JSON } from './matchKeyData';
import { foldScriptCase } from './matchKeyNames';

/** Mail providers whose domains never identify a company (registrable domains). */
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

interface PublicSuffixData {
  publicSuffixListVersion: string;
  publicSuffixRules: string;
}

let rules: ReadonlySet<string> | null = null;

function publicSuffixRules(): ReadonlySet<string> {
  if (rules === null) {
    rules = new Set((JSON.parse(MATCH_KEY_DATA_JSON) as PublicSuffixData).publicSuffixRules.split(','));
  }
  return rules;
}

/** The version of the Public Suffix List in use: `tldts@<version>`. */
export function publicSuffixListVersion(): string {
  return (JSON.parse(MATCH_KEY_DATA_JSON) as PublicSuffixData).publicSuffixListVersion;
}

/**
 * How many labels of a host form its public suffix: the longest matching rule, an exception
 * (`!city.kawasaki.jp`) giving back its left-most label, a wildcard (`*.kawasaki.jp`) standing
 * for any one label, and one label when no rule matches.
 */
function publicSuffixLength(labels: readonly string[]): number {
  const list = publicSuffixRules();
  for (let i = 0; i < labels.length; i++) {
    const candidate = labels.slice(i).join('.');
    if (list.has(`!${candidate}`)) {
      return labels.length - i - 1;
    }
    if (list.has(candidate) || (i + 1 < labels.length && list.has(`*.${labels.slice(i + 1).join('.')}`))) {
      return labels.length - i;
    }
  }
  return 1;
}

/**
 * The registrable domain of lower-case ASCII labels, or null when the host is a public suffix.
 * @param labels host labels, left to right
 * @returns the domain
 */
export function registrableDomainOf(labels: readonly string[]): string | null {
  const suffix = publicSuffixLength(labels);
  return labels.length > suffix ? labels.slice(labels.length - suffix - 1).join('.') : null;
}

// ---------------------------------------------------------------- punycode (RFC 3492)

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : Math.floor(delta / 2);
  d += Math.floor(d / points);
  let k = 0;
  while (d > Math.floor(((BASE - T_MIN) * T_MAX) / 2)) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digit(value: number): string {
  return String.fromCharCode(value < 26 ? value + 97 : value + 22);
}

/**
 * The punycode form of a label's code points (without the `xn--` prefix).
 * @param codePoints the label's code points
 * @returns the encoded label
 */
export function punycodeEncode(codePoints: readonly number[]): string {
  let output = '';
  for (const cp of codePoints) {
    if (cp < 128) {
      output += String.fromCharCode(cp);
    }
  }
  const basic = output.length;
  let handled = basic;
  if (basic > 0) {
    output += '-';
  }
  let n = INITIAL_N;
  let delta = 0;
  let bias = INITIAL_BIAS;
  while (handled < codePoints.length) {
    let next = Number.MAX_SAFE_INTEGER;
    for (const cp of codePoints) {
      if (cp >= n && cp < next) {
        next = cp;
      }
    }
    delta += (next - n) * (handled + 1);
    n = next;
    for (const cp of codePoints) {
      if (cp < n) {
        delta++;
      }
      if (cp === n) {
        let q = delta;
        for (let k = BASE; ; k += BASE) {
          const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
          if (q < t) {
            break;
          }
          output += digit(t + ((q - t) % (BASE - t)));
          q = Math.floor((q - t) / (BASE - t));
        }
        output += digit(q);
        bias = adapt(delta, handled + 1, handled === basic);
        delta = 0;
        handled++;
      }
    }
    delta++;
    n++;
  }
  return output;
}

// ---------------------------------------------------------------- host names

/** Full-width ASCII to ASCII, ideographic and full-width full stops to dots, A-Z to a-z. */
function foldHost(value: string): string {
  let ascii = true;
  for (let i = 0; i < value.length && ascii; i++) {
    ascii = value.charCodeAt(i) < 128;
  }
  if (ascii) {
    return value.toLowerCase(); // ASCII only: the same as the code-point fold below, faster
  }
  let result = '';
  for (const character of value) {
    let cp = character.codePointAt(0) as number;
    if (cp === 12290 || cp === 65294 || cp === 65377) {
      cp = 46;
    } else if (cp >= 65281 && cp <= 65374) {
      cp -= 65248;
    }
    result += String.fromCodePoint(cp >= 65 && cp <= 90 ? cp + 32 : cp);
  }
  return result;
}

/** Latin-1 (except ×), Greek and Cyrillic capitals to small letters; other code points kept. */
function foldUnicodeCase(cp: number): number {
  if (cp >= 192 && cp <= 222 && cp !== 215) {
    return cp + 32;
  }
  return foldScriptCase(cp);
}

/** Code points a Unicode label may hold: a-z, 0-9, hyphen, and letters from U+00C0 up. */
function isLabelCodePoint(cp: number): boolean {
  if ((cp >= 97 && cp <= 122) || (cp >= 48 && cp <= 57) || cp === 45) {
    return true;
  }
  // Not: ASCII punctuation, Latin-1 symbols, × ÷, general punctuation and symbols, CJK
  // punctuation, variation selectors, half- and full-width forms.
  return (
    cp >= 192 &&
    cp !== 215 &&
    cp !== 247 &&
    !(cp >= 8192 && cp <= 11263) &&
    !(cp >= 12288 && cp <= 12351) &&
    !(cp >= 65024 && cp <= 65039) &&
    !(cp >= 65280 && cp <= 65519)
  );
}

/** An ASCII label for a host label as typed, or null when it cannot be one. */
function asciiLabel(label: string): string | null {
  let ascii = true;
  for (let i = 0; i < label.length; i++) {
    if (label.charCodeAt(i) > 127) {
      ascii = false;
    }
  }
  let result = label;
  if (!ascii) {
    const codePoints: number[] = [];
    for (const character of label) {
      const cp = foldUnicodeCase(character.codePointAt(0) as number);
      if (!isLabelCodePoint(cp)) {
        return null;
      }
      codePoints.push(cp);
    }
    result = `xn--${punycodeEncode(codePoints)}`;
  }
  const valid =
    result.length >= 1 &&
    result.length <= 63 &&
    /^[a-z0-9-]+$/.test(result) &&
    !result.startsWith('-') &&
    !result.endsWith('-');
  return valid ? result : null;
}

/** The host part of a website, host name or e-mail address, folded, or '' when there is none. */
function hostOf(value: string): string {
  let host = foldHost(trimControl(value));
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
  return host;
}

/**
 * The domain key of a website, host name or e-mail address, or null when there is none, it is
 * a public suffix or an IP address, or it is a free-mail provider.
 * @param value website URL, host name or e-mail address
 * @returns the key
 */
export function domainKeyOf(value: string | null | undefined): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  const labels: string[] = [];
  for (const label of hostOf(value).split('.')) {
    const ascii = asciiLabel(label);
    if (ascii === null) {
      return null;
    }
    labels.push(ascii);
  }
  const topLevel = labels[labels.length - 1];
  if (labels.length < 2 || labels.join('.').length > 253 || topLevel.length < 2 || /^[0-9]+$/.test(topLevel)) {
    return null; // single labels, IP addresses and malformed top-level domains identify nobody
  }
  const domain = registrableDomainOf(labels);
  return domain === null || FREE_MAIL_DOMAINS.has(domain) ? null : domain;
}
