/**
 * Generates the data both match-key runtimes read, from one source each:
 *   - the Public Suffix List, as the `tldts` library ships it (ICANN and private rules,
 *     wildcards and exceptions; Unicode rules in their punycode form, as domain keys are ASCII);
 *   - the legal forms per jurisdiction in `spec/matchKey/legalForms.json`.
 * Output: `lwc-ts-src/prmRules/matchKeyData.ts` (the TypeScript rules, and through them the
 * LWCs, cannot import npm packages on the platform) and the `PrmMatchKeyData` static resource
 * (read by the Apex twin `MatchKeyData`). Both carry the same JSON text, so the same version.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { domainToASCII } from 'node:url';
import * as trie from 'tldts/dist/cjs/src/data/trie';
import { RESOURCE_DIR } from './vectorsResource';

export const LEGAL_FORMS_SOURCE = path.join('spec', 'matchKey', 'legalForms.json');
export const MATCH_KEY_DATA_MODULE = path.join('lwc-ts-src', 'prmRules', 'matchKeyData.ts');
export const MATCH_KEY_RESOURCE_NAME = 'PrmMatchKeyData';

/** One jurisdiction's legal forms, as written there. */
export interface LegalFormJurisdiction {
  code: string;
  name: string;
  trailing: string[];
  leading: string[];
}

/** What both runtimes read. */
export interface MatchKeyDataFile {
  /** `tldts@<version>`: the library whose list this is. */
  publicSuffixListVersion: string;
  /** Rules, comma-separated: `co.uk`, `*.kawasaki.jp`, `!city.kawasaki.jp`. */
  publicSuffixRules: string;
  legalForms: LegalFormJurisdiction[];
}

interface FlatTrie {
  nodeFlags: Uint8Array;
  edgeStart: Uint32Array;
  edgeLength: Uint8Array;
  edgeChild: Uint32Array;
  labelText: string;
  rulesRoot: number;
  exceptionsRoot: number;
}

/** The installed tldts version, read from its package.json. */
export function tldtsVersion(): string {
  const file = require.resolve('tldts/package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** Every rule below `root` of tldts's flat trie (a node with a flag ends a rule). */
function rulesBelow(data: FlatTrie, root: number): string[] {
  const offsets: number[] = [];
  let offset = 0;
  for (const length of data.edgeLength) {
    offsets.push(offset);
    offset += length;
  }
  const rules: string[] = [];
  const walk = (node: number, suffix: string[]): void => {
    for (let edge = data.edgeStart[node]; edge < data.edgeStart[node + 1]; edge++) {
      const labels = [data.labelText.substring(offsets[edge], offsets[edge] + data.edgeLength[edge]), ...suffix];
      const child = data.edgeChild[edge];
      if (data.nodeFlags[child] !== 0) {
        rules.push(labels.join('.'));
      }
      walk(child, labels);
    }
  };
  walk(root, []);
  return rules;
}

/** A rule in ASCII: Unicode labels become punycode, `*` stays. */
function asciiRule(rule: string): string {
  if (/^[\x21-\x7e]*$/.test(rule)) {
    return rule;
  }
  const labels = rule.split('.').map((label) => (label === '*' ? label : domainToASCII(label)));
  if (labels.some((label) => label === '')) {
    throw new Error(`tldts rule ${rule} has no ASCII form`);
  }
  return labels.join('.');
}

/** The Public Suffix List rules of the installed tldts, ASCII, sorted, exceptions marked `!`. */
export function publicSuffixRules(): string[] {
  const data = trie as unknown as FlatTrie;
  const rules = rulesBelow(data, data.rulesRoot).map(asciiRule);
  const exceptions = rulesBelow(data, data.exceptionsRoot).map((rule) => `!${asciiRule(rule)}`);
  return [...new Set([...rules, ...exceptions])].sort();
}

function readLegalForms(root: string): LegalFormJurisdiction[] {
  const file = path.join(root, LEGAL_FORMS_SOURCE);
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { jurisdictions?: unknown };
  if (!Array.isArray(parsed.jurisdictions)) {
    throw new Error(`${LEGAL_FORMS_SOURCE}: no jurisdictions list`);
  }
  const codes = new Set<string>();
  return parsed.jurisdictions.map((entry: unknown, index: number) => {
    const j = entry as Partial<LegalFormJurisdiction>;
    const where = `${LEGAL_FORMS_SOURCE} jurisdictions[${index}]`;
    const isList = (v: unknown): v is string[] =>
      Array.isArray(v) && v.every((s) => typeof s === 'string' && s.trim() !== '');
    if (typeof j.code !== 'string' || !/^[A-Z]{2}$/.test(j.code) || codes.has(j.code)) {
      throw new Error(`${where}: code must be a new ISO 3166 alpha-2 code`);
    }
    if (typeof j.name !== 'string' || !isList(j.trailing) || !isList(j.leading)) {
      throw new Error(`${where}: needs name, trailing and leading (lists of forms)`);
    }
    codes.add(j.code);
    return { code: j.code, name: j.name, trailing: j.trailing, leading: j.leading };
  });
}

/** The data file both runtimes read. */
export function matchKeyDataFile(root: string): MatchKeyDataFile {
  return {
    publicSuffixListVersion: `tldts@${tldtsVersion()}`,
    publicSuffixRules: publicSuffixRules().join(','),
    legalForms: readLegalForms(root),
  };
}

/** Relative output path (from the project root) → content. */
export function matchKeyDataOutputs(root: string): Map<string, string> {
  const json = JSON.stringify(matchKeyDataFile(root));
  const literal = json.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
  const module = [
    '// Generated by `npm run build` from the tldts Public Suffix List and spec/matchKey/legalForms.json. Do not edit.',
    '// The Apex twin reads the same JSON from the PrmMatchKeyData static resource.',
    `export const MATCH_KEY_DATA_JSON = '${literal}';`,
    '',
  ].join('\n');
  const meta = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<StaticResource xmlns="http://soap.sforce.com/2006/04/metadata">',
    '    <cacheControl>Private</cacheControl>',
    '    <contentType>application/json</contentType>',
    '    <description>Match-key data: Public Suffix List (from tldts) and legal forms per jurisdiction (spec/matchKey/legalForms.json), generated by npm run build; read by MatchKeyData.</description>',
    '</StaticResource>',
    '',
  ].join('\n');
  return new Map([
    [MATCH_KEY_DATA_MODULE, module],
    [path.join(RESOURCE_DIR, `${MATCH_KEY_RESOURCE_NAME}.json`), `${json}\n`],
    [path.join(RESOURCE_DIR, `${MATCH_KEY_RESOURCE_NAME}.resource-meta.xml`), meta],
  ]);
}
