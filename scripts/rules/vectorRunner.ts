/**
 * Runs shared rule vectors (`spec/vectors/*.json`, format in spec/README.md) against the
 * TypeScript rule module. The Apex twin runs the same files from a static resource.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { diffJson } from 'diff';
import { RuleError, ruleRegistry, type RuleFunction } from '../../lwc-ts-src/prmRules/prmRules';
import { PROJECT_ROOT } from '../lib/project';

export interface VectorCase {
  rule: string;
  name: string;
  input: Record<string, unknown>;
  expected?: unknown;
  error?: string;
  note?: string;
}

export interface VectorFile {
  area: string;
  description?: string;
  cases: VectorCase[];
}

export interface CaseResult {
  file: string;
  area: string;
  rule: string;
  name: string;
  passed: boolean;
  /** Why it failed: a diff of expected vs actual, an unexpected error, or a format problem. */
  detail?: string;
}

const SCHEMA_FILE = path.join(PROJECT_ROOT, 'spec', 'vectors.schema.json');
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);

/** JSON normal form used for comparison: key order ignored, null values dropped (null equals absent). */
export function normalise(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(normalise);
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, normalise(v)]);
    return Object.fromEntries(entries);
  }
  return value;
}

export function jsonEquals(expected: unknown, actual: unknown): boolean {
  return JSON.stringify(normalise(expected)) === JSON.stringify(normalise(JSON.parse(JSON.stringify(actual ?? null))));
}

function describeDiff(expected: unknown, actual: unknown): string {
  return diffJson(normalise(expected) as object, normalise(JSON.parse(JSON.stringify(actual ?? null))) as object)
    .map((part) => {
      const prefix = part.added ? '+ ' : part.removed ? '- ' : '  ';
      return part.value
        .replace(/\n$/, '')
        .split('\n')
        .map((line) => prefix + line)
        .join('\n');
    })
    .join('\n');
}

/** Parses and validates one vector file; throws with the file and the first problems. */
export function loadVectorFile(file: string): VectorFile {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (!validate(data)) {
    const problems = (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${e.instancePath || '/'} ${e.message}`)
      .join('; ');
    throw new Error(`${file}: does not follow spec/vectors.schema.json: ${problems}`);
  }
  const vectors = data as VectorFile;
  const seen = new Set<string>();
  for (const c of vectors.cases) {
    if (seen.has(c.name)) {
      throw new Error(`${file}: two cases are named "${c.name}"; names must be unique within a file`);
    }
    seen.add(c.name);
  }
  return vectors;
}

export function runCase(
  file: string,
  area: string,
  vector: VectorCase,
  registry: Readonly<Record<string, RuleFunction>> = ruleRegistry,
): CaseResult {
  const base = { file, area, rule: vector.rule, name: vector.name };
  const rule = registry[vector.rule];
  if (!rule) {
    return {
      ...base,
      passed: false,
      detail: `no rule "${vector.rule}" in prmRules (known: ${Object.keys(registry).length} rules)`,
    };
  }
  let actual: unknown;
  try {
    actual = rule(structuredClone(vector.input));
  } catch (error) {
    const code = error instanceof RuleError ? error.code : undefined;
    if (vector.error !== undefined && code === vector.error) {
      return { ...base, passed: true };
    }
    const got = code ? `error ${code}` : `exception ${(error as Error).message}`;
    const wanted = vector.error !== undefined ? `error ${vector.error}` : 'a result';
    return { ...base, passed: false, detail: `expected ${wanted}, got ${got}` };
  }
  if (vector.error !== undefined) {
    return { ...base, passed: false, detail: `expected error ${vector.error}, got ${JSON.stringify(actual)}` };
  }
  if (jsonEquals(vector.expected, actual)) {
    return { ...base, passed: true };
  }
  return { ...base, passed: false, detail: describeDiff(vector.expected, actual) };
}

export function runFiles(files: string[], registry?: Readonly<Record<string, RuleFunction>>): CaseResult[] {
  return files.flatMap((file) => {
    let vectors: VectorFile;
    try {
      vectors = loadVectorFile(file);
    } catch (error) {
      return [{ file, area: '?', rule: '?', name: '(file)', passed: false, detail: (error as Error).message }];
    }
    return vectors.cases.map((c) => runCase(file, vectors.area, c, registry));
  });
}
