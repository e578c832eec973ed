/**
 * The match-key data both runtimes read: the Public Suffix List is the one the tldts library
 * ships (same version in the TypeScript module and the Apex static resource), the registrable
 * domains the rules compute agree with tldts itself, and the legal-form table covers the
 * jurisdictions the vectors show.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { domainToASCII } from 'node:url';
import { getDomain } from 'tldts';
import { domainKeyOf, publicSuffixListVersion } from '../../lwc-ts-src/prmRules/matchKey';
import { MATCH_KEY_DATA_JSON } from '../../lwc-ts-src/prmRules/matchKeyData';
import { registrableDomainOf } from '../../lwc-ts-src/prmRules/matchKeyDomain';
import { punycodeEncode } from '../../lwc-ts-src/prmRules/matchKeyDomain';
import { publicSuffixRules, tldtsVersion } from '../../scripts/build/matchKeyData';
import { PROJECT_ROOT } from '../../scripts/lib/project';

const resource = readFileSync(
  path.join(PROJECT_ROOT, 'force-app/main/default/staticresources/PrmMatchKeyData.json'),
  'utf8',
).trim();

describe('the Public Suffix List', () => {
  it('carries the installed tldts version, the same in both runtimes', () => {
    expect(publicSuffixListVersion()).toBe(`tldts@${tldtsVersion()}`);
    expect(JSON.parse(resource)).toEqual(JSON.parse(MATCH_KEY_DATA_JSON));
    expect(resource).toBe(MATCH_KEY_DATA_JSON);
  });

  it('holds the whole list: ICANN and private rules, wildcards and exceptions', () => {
    const rules = publicSuffixRules();
    expect(rules.length).toBeGreaterThan(10000);
    expect(rules).toEqual(expect.arrayContaining(['co.uk', 'github.io', '*.kawasaki.jp', '!city.kawasaki.jp']));
    expect(rules.filter((rule) => /[^\x21-\x7e]/.test(rule))).toEqual([]);
  });

  it('gives the registrable domain tldts gives, for a host under every rule', () => {
    const disagreements: string[] = [];
    for (const rule of publicSuffixRules()) {
      const suffix = rule.replace(/^!/, '').replace(/^\*\./, 'star.');
      for (const host of [suffix, `acme.${suffix}`, `www.shop.acme.${suffix}`]) {
        const expected = getDomain(host, { allowPrivateDomains: true, validateHostname: false });
        const actual = registrableDomainOf(host.split('.'));
        if (actual !== expected) {
          disagreements.push(`${host}: ${String(actual)} vs tldts ${String(expected)}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('encodes Unicode labels as the URL standard does', () => {
    for (const label of ['müller', 'bücher', 'яндекс', 'αθηνα', '例子', 'ソニー', '삼성', 'ñandú', 'straße']) {
      const expected = domainToASCII(`${label}.com`).replace(/\.com$/, '');
      expect(`xn--${punycodeEncode([...label].map((c) => c.codePointAt(0) as number))}`).toBe(expected);
      expect(domainKeyOf(`${label}.com`)).toBe(`${expected}.com`);
    }
  });
});

describe('the legal-form table', () => {
  const table = JSON.parse(MATCH_KEY_DATA_JSON) as { legalForms: { code: string }[] };
  const vectors = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'spec/vectors/matchKey.json'), 'utf8')) as {
    cases: { rule: string; name: string }[];
  };

  it('covers at least 25 jurisdictions, each with a vector', () => {
    const codes = table.legalForms.map((j) => j.code);
    const withVectors = new Set(
      vectors.cases
        .filter((c) => c.rule === 'companyMatchKey')
        .map((c) => /^([A-Z]{2}): /.exec(c.name)?.[1])
        .filter((code): code is string => code !== undefined),
    );
    expect(withVectors.size).toBeGreaterThanOrEqual(25);
    expect([...withVectors].filter((code) => !codes.includes(code))).toEqual([]);
  });
});
