/**
 * Offline guard against the two runtimes drifting apart: every area with vectors has an
 * Apex vector adapter registered in RuleVectorDispatcher and a test method in its tests,
 * and every rule a vector names is dispatched by the adapter (`when '<rule>'`) and exported
 * by the TypeScript registry. The adapters, the dispatcher and the JSON reader are test
 * classes: the package ships only the typed `*Rules` API. Whether the Apex *results* match
 * is proven in an org by RuleVectorDispatcher_Tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ruleRegistry } from '../../lwc-ts-src/prmRules/prmRules';
import { vectorFiles } from '../../scripts/build/vectorsResource';
import { listFiles, PROJECT_ROOT } from '../../scripts/lib/project';
import { loadVectorFile } from '../../scripts/rules/vectorRunner';

const CLASSES = path.join(PROJECT_ROOT, 'force-app', 'main', 'default', 'classes');
const classFiles = new Map(
  listFiles(CLASSES, (f) => f.endsWith('.cls')).map((f) => [path.basename(f, '.cls'), f] as const),
);
const classFile = (name: string): string => classFiles.get(name) ?? path.join(CLASSES, `${name}.cls`);
const read = (name: string): string => readFileSync(classFile(name), 'utf8');

export function registeredAreas(dispatcherSource: string): Map<string, string> {
  return new Map([...dispatcherSource.matchAll(/'(\w+)'\s*=>\s*(\w+)\.class/g)].map((m) => [m[1], m[2]]));
}

/** Whether an Apex class source is a test class (`@IsTest` before `class`). */
export function isTestClass(source: string): boolean {
  return /^\s*(?:\/\*\*[\s\S]*?\*\/\s*)?@IsTest\b[^{]*\bclass\b/i.test(source);
}

export function testedAreas(testSource: string): Set<string> {
  const block = /AREAS_TESTED\s*=\s*new Set<String>\s*\{([^}]*)\}/.exec(testSource)?.[1] ?? '';
  return new Set([...block.matchAll(/'(\w+)'/g)].map((m) => m[1]));
}

const areas = vectorFiles(PROJECT_ROOT).map((file) => loadVectorFile(file));
const registered = registeredAreas(read('RuleVectorDispatcher'));
const tested = testedAreas(read('RuleVectorDispatcher_Tests'));

describe.each(areas.map((a) => [a.area, a] as const))('area %s', (area, vectors) => {
  const twin = registered.get(area);

  it('has an Apex vector adapter registered in RuleVectorDispatcher and a test method', () => {
    expect(twin).toBeDefined();
    expect(existsSync(classFile(twin ?? ''))).toBe(true);
    expect(tested.has(area)).toBe(true);
  });

  it('keeps its vector adapter out of the package (a test class)', () => {
    expect(isTestClass(read(twin ?? ''))).toBe(true);
  });

  it('every rule its vectors name is exported in TypeScript and dispatched in Apex', () => {
    const source = twin ? read(twin) : '';
    const rules = [...new Set(vectors.cases.map((c) => c.rule))];
    expect(rules.filter((rule) => !(rule in ruleRegistry))).toEqual([]);
    expect(rules.filter((rule) => !source.includes(`when '${rule}'`))).toEqual([]);
  });
});

describe('vector plumbing stays out of the package', () => {
  it('the dispatcher and the rule-input reader are test classes', () => {
    expect(isTestClass(read('RuleVectorDispatcher'))).toBe(true);
    expect(isTestClass(read('RuleInput'))).toBe(true);
  });

  it('no packaged class reads vector JSON or implements a vector area', () => {
    const packaged = [...classFiles.keys()].filter((name) => !isTestClass(read(name)));
    const offenders = packaged.filter((name) =>
      /\b(RuleInput|RuleVectorDispatcher|\w+RuleVectors)\s*[.(]|implements\s+RuleVectorDispatcher\.Area/.test(
        read(name).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''),
      ),
    );
    expect(offenders).toEqual([]);
  });
});

describe('twin contract parsing', () => {
  it('reads the dispatcher map and the tested-areas set', () => {
    expect(registeredAreas("AREAS = new Map<String, Type>{ 'a' => A.class, 'bB' => BRules.class };")).toEqual(
      new Map([
        ['a', 'A'],
        ['bB', 'BRules'],
      ]),
    );
    expect(testedAreas("AREAS_TESTED = new Set<String>{ 'a', 'bB' };")).toEqual(new Set(['a', 'bB']));
  });

  it('tells test classes from packaged ones', () => {
    expect(isTestClass('/**\n * @description x\n */\n@IsTest\npublic class AVectors {}')).toBe(true);
    expect(isTestClass('@isTest(SeeAllData=false)\nprivate class A_Tests {}')).toBe(true);
    expect(isTestClass('/** @IsTest is not here */\npublic with sharing class ARules {}')).toBe(false);
    expect(isTestClass('public with sharing class ARules {\n  @IsTest\n  static void x() {}\n}')).toBe(false);
  });
});
