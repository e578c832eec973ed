/**
 * The shared vectors against the TypeScript rules (the Apex twin runs the same files in an
 * org), and the runner's own behaviour on a planted file.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { RuleError } from '../../lwc-ts-src/prmRules/prmRules';
import { vectorFiles } from '../../scripts/build/vectorsResource';
import { PROJECT_ROOT } from '../../scripts/lib/project';
import { jsonEquals, loadVectorFile, runCase, runFiles } from '../../scripts/rules/vectorRunner';

const files = vectorFiles(PROJECT_ROOT);

describe('shared rule vectors (TypeScript)', () => {
  it('there are vector files to run', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    const vectors = loadVectorFile(file);
    describe(`${vectors.area} (${path.basename(file)})`, () => {
      it.each(vectors.cases.map((c) => [c.name, c] as const))('%s', (_name, vector) => {
        const result = runCase(file, vectors.area, vector);
        expect(result.detail ?? '').toBe('');
        expect(result.passed).toBe(true);
      });
    });
  }
});

describe('vector runner', () => {
  const planted = path.join(__dirname, '..', 'fixtures', 'vectors', 'planted.json');
  const malformed = path.join(__dirname, '..', 'fixtures', 'vectors', 'malformed.json');
  const registry = {
    double: (input: Record<string, unknown>) => {
      if (typeof input.value !== 'number') {
        throw new RuleError('NOT_A_NUMBER');
      }
      return { result: input.value * 2 };
    },
  };

  it('passes right cases and reports each kind of failure with its reason', () => {
    const results = runFiles([planted], registry);
    expect(results.map((r) => [r.name, r.passed])).toEqual([
      ['doubles a number', true],
      ['a planted wrong expectation', false],
      ['refuses text', true],
      ['expects an error that is not thrown', false],
      ['a rule that does not exist', false],
    ]);
    expect(results[1].detail).toContain('-   "result": 7');
    expect(results[1].detail).toContain('+   "result": 6');
    expect(results[3].detail).toBe('expected error NOT_A_NUMBER, got {"result":2}');
    expect(results[4].detail).toContain('no rule "triple"');
  });

  it('rejects a file that does not follow the schema, naming the problem', () => {
    const [result] = runFiles([malformed], registry);
    expect(result.passed).toBe(false);
    expect(result.detail).toContain("must have required property 'name'");
  });

  it('compares numbers by value, ignores key order and treats null as absent', () => {
    expect(jsonEquals({ a: 1, b: null, c: [1, 2] }, { c: [1, 2], a: 1.0 })).toBe(true);
    expect(jsonEquals({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(jsonEquals({ a: 1 }, { a: '1' })).toBe(false);
  });

  it('`prm rules check FILE` prints failures with a diff and ends with the counts, exit 1', () => {
    const run = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'prm.js'), 'rules', 'check', planted], {
      encoding: 'utf8',
      cwd: PROJECT_ROOT,
    });
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split('\n');
    // The real registry has no `double` rule: every case fails, each named with its reason.
    expect(lines[lines.length - 1]).toBe('0 passed, 5 failed');
    expect(run.stdout).toContain('planted.json › double › doubles a number');
  });

  it('`prm rules check --json` reports the same counts as JSON', () => {
    const run = spawnSync(
      process.execPath,
      [path.join(PROJECT_ROOT, 'bin', 'prm.js'), 'rules', 'check', '--json', malformed],
      {
        encoding: 'utf8',
        cwd: PROJECT_ROOT,
      },
    );
    const json = JSON.parse(run.stdout) as { status: number; result: { passed: number; failed: number } };
    expect(json).toMatchObject({ status: 1, result: { passed: 0, failed: 1 } });
  });
});
