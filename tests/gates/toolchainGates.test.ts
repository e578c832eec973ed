/**
 * The TypeScript-side gates catch what they promise: tsc rejects an LWC calling Apex with
 * the wrong parameters or importing a field that does not exist, ESLint applies the LWC
 * rules, Prettier flags unformatted Apex and TypeScript, and the build check flags stale or
 * hand-edited output.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { apexDeclarations } from '../../scripts/build/apexTypes';
import { build, checkOutputs } from '../../scripts/build/build';
import { PROJECT_ROOT } from '../../scripts/lib/project';
import { SObjectCatalog } from '../../scripts/lib/sobjectCatalog';
import { schemaDeclarations } from '../../scripts/build/schemaTypes';
import { fixture } from './fixtures';

jest.setTimeout(120_000);

function tsc(dir: string, files: Record<string, string>): { status: number | null; output: string } {
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), content);
  }
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'ESNext',
        module: 'ESNext',
        moduleResolution: 'bundler',
        skipLibCheck: true,
        types: [],
        typeRoots: [],
      },
      include: ['*.ts'],
    }),
  );
  const tscBin = require.resolve('typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tscBin, '-p', dir], {
    encoding: 'utf8',
    env: { ...process.env, NODE_PATH: path.join(PROJECT_ROOT, 'node_modules') },
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('typecheck', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(PROJECT_ROOT, '.generated', 'tsc-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const root = fixture('apex-types');
  const catalog = SObjectCatalog.load(root);
  const typings = {
    'apex.d.ts': apexDeclarations(root, catalog),
    'schema.d.ts': schemaDeclarations(catalog, ['Account']),
  };

  it('accepts an Apex call with the declared parameters and reads the declared fields', () => {
    const result = tsc(dir, {
      ...typings,
      'ok.ts': [
        "import listWidgets from '@salesforce/apex/WidgetController.listWidgets';",
        "import NAME from '@salesforce/schema/Account.Name';",
        'export async function load(): Promise<string | undefined> {',
        "  const rows = await listWidgets({ accountId: '001000000000001', max: 5 });",
        '  return rows[0]?.name ?? NAME.fieldApiName;',
        '}',
      ].join('\n'),
    });
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it('rejects wrong Apex parameters, unknown result fields and unknown schema fields', () => {
    const result = tsc(dir, {
      ...typings,
      'bad.ts': [
        "import listWidgets from '@salesforce/apex/WidgetController.listWidgets';",
        "import NOPE from '@salesforce/schema/Account.Nope__c';",
        'export async function load(): Promise<unknown> {',
        "  const rows = await listWidgets({ accountId: '001000000000001', max: 'five' });",
        '  return [rows[0]?.colour, NOPE];',
        '}',
      ].join('\n'),
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(
      "bad.ts(2,18): error TS2307: Cannot find module '@salesforce/schema/Account.Nope__c'",
    );
    expect(result.output).toMatch(/bad\.ts\(4,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/);
    expect(result.output).toMatch(/bad\.ts\(5,\d+\): error TS2339: Property 'colour' does not exist/);
  });
});

/** Runs a package's CLI the way its npm script does, feeding `input` on stdin (ESM tools cannot load inside jest's VM). */
function cli(pkgBin: string, args: string[], input: string): { status: number | null; stdout: string } {
  const run = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'node_modules', pkgBin), ...args], {
    cwd: PROJECT_ROOT,
    input,
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout };
}

describe('lint', () => {
  function lintRules(virtualPath: string, source: string): (string | null)[] {
    const { stdout } = cli(
      'eslint/bin/eslint.js',
      ['--format', 'json', '--stdin', '--stdin-filename', virtualPath],
      source,
    );
    return (JSON.parse(stdout) as { messages: { ruleId: string | null }[] }[])[0].messages.map((m) => m.ruleId);
  }

  it('applies the Salesforce LWC rules to component sources', () => {
    const source = [
      "import { LightningElement, api } from 'lwc';",
      'export default class Broken extends LightningElement {',
      "  @api label = 'x';",
      '  connectedCallback(): void {',
      "    this.label = 'changed';",
      "    this.template.querySelector('div')!.innerHTML = '<b>x</b>';",
      '  }',
      '}',
    ].join('\n');
    expect(lintRules('lwc-ts-src/broken/broken.ts', source)).toEqual(
      expect.arrayContaining(['@lwc/lwc/no-api-reassignments', '@lwc/lwc/no-inner-html']),
    );
  });

  it('applies typescript-eslint to scripts', () => {
    expect(lintRules('scripts/broken.ts', 'const unused: any = 1;\nexport {};\n')).toEqual(
      expect.arrayContaining(['@typescript-eslint/no-unused-vars', '@typescript-eslint/no-explicit-any']),
    );
  });
});

describe('format:check', () => {
  const isFormatted = (virtualPath: string, text: string): boolean => {
    const { status, stdout } = cli('prettier/bin/prettier.cjs', ['--stdin-filepath', virtualPath], text);
    expect(status).toBe(0);
    return stdout === text;
  };

  it('flags unformatted Apex, TypeScript and metadata XML and accepts formatted ones', () => {
    const apex = 'public with sharing class A {\n  public static Integer one() {\n    return 1;\n  }\n}\n';
    expect(isFormatted('force-app/main/default/classes/A.cls', apex)).toBe(true);
    expect(isFormatted('force-app/main/default/classes/A.cls', apex.replace('  public static', 'public static'))).toBe(
      false,
    );
    expect(isFormatted('scripts/a.ts', 'export const a = { b: 1 };\n')).toBe(true);
    expect(isFormatted('scripts/a.ts', 'export const a = {b:1}\n')).toBe(false);
    const xml =
      '<?xml version="1.0" encoding="UTF-8" ?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>65.0</apiVersion>\n</ApexClass>\n';
    expect(isFormatted('force-app/main/default/classes/A.cls-meta.xml', xml)).toBe(true);
    expect(isFormatted('force-app/main/default/classes/A.cls-meta.xml', xml.replace('    <api', '<api'))).toBe(false);
  });
});

describe('build', () => {
  let copy: string;
  beforeAll(() => {
    copy = mkdtempSync(path.join(tmpdir(), 'prm-build-'));
    for (const part of [
      'sfdx-project.json',
      'lwc-ts-src',
      'spec',
      'force-app/main/default/lwc',
      'force-app/main/default/staticresources',
    ]) {
      cpSync(path.join(PROJECT_ROOT, part), path.join(copy, part), { recursive: true });
    }
    build(copy);
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('a fresh build of a copy has nothing to report', () => {
    expect(checkOutputs(copy)).toEqual([]);
  });

  it('flags a hand-edited compiled component, stale generated resources and a stray file', () => {
    const compiled = path.join(copy, 'force-app/main/default/lwc/prmRules/prmRules.js');
    writeFileSync(compiled, readFileSync(compiled, 'utf8').replace('Object.freeze', 'Object.seal'));
    appendFileSync(path.join(copy, 'force-app/main/default/staticresources/PrmRuleVectors.json'), ' ');
    // A match-key table edited by hand instead of in spec/matchKey/legalForms.json.
    appendFileSync(path.join(copy, 'force-app/main/default/staticresources/PrmMatchKeyData.json'), ' ');
    const legalForms = path.join(copy, 'spec/matchKey/legalForms.json');
    writeFileSync(legalForms, readFileSync(legalForms, 'utf8').replace('"GmbH",', '"GmbH", "Gruppe",'));
    writeFileSync(path.join(copy, 'force-app/main/default/lwc/prmRules/extra.js'), 'export {};\n');
    const messages = checkOutputs(copy).map((f) => `${path.relative(copy, f.file)}: ${f.message.split(':')[0]}`);
    expect(messages.sort()).toEqual([
      'force-app/main/default/lwc/prmRules/extra.js: has no source in lwc-ts-src or spec/vectors',
      'force-app/main/default/lwc/prmRules/prmRules.js: differs from what its source builds to (stale, or edited by hand)',
      'force-app/main/default/staticresources/PrmMatchKeyData.json: differs from what its source builds to (stale, or edited by hand)',
      'force-app/main/default/staticresources/PrmRuleVectors.json: differs from what its source builds to (stale, or edited by hand)',
      'lwc-ts-src/prmRules/matchKeyData.ts: differs from what its source builds to (stale, or edited by hand)',
    ]);
  });
});
