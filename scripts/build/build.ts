/**
 * `npm run build`: turns the TypeScript LWC sources and the shared vectors into what the
 * platform deploys, and generates the typings LWCs compile against.
 *   - lwc-ts-src/<name>/          → force-app/main/default/lwc/<name>/
 *   - spec/vectors/*.json         → force-app/main/default/staticresources/PrmRuleVectors.*
 *   - tldts Public Suffix List + spec/matchKey/legalForms.json
 *                                 → lwc-ts-src/prmRules/matchKeyData.ts and staticresources/PrmMatchKeyData.*
 *   - Apex @AuraEnabled methods   → .generated/types/apex.d.ts
 *   - object metadata             → .generated/types/schema.d.ts
 * `--check` builds in memory and reports output that is stale or was edited by hand.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import type { Finding } from '../lib/findings';
import { formatFinding } from '../lib/findings';
import { listFiles, PROJECT_ROOT } from '../lib/project';
import { SObjectCatalog } from '../lib/sobjectCatalog';
import { apexDeclarations } from './apexTypes';
import { compileComponents, LWC_OUTPUT_DIR } from './lwcBuild';
import { MATCH_KEY_DATA_MODULE, MATCH_KEY_RESOURCE_NAME, matchKeyDataOutputs } from './matchKeyData';
import { importedSchemaObjects, schemaDeclarations } from './schemaTypes';
import { RESOURCE_DIR, RESOURCE_NAME, vectorsResource } from './vectorsResource';

export const TYPES_DIR = path.join('.generated', 'types');

/** Every generated file that is committed, as absolute path → content. */
export function committedOutputs(root: string): Map<string, string> {
  const out = new Map<string, string>();
  // Generated sources first: the LWC compile below reads matchKeyData.ts from disk.
  for (const [rel, content] of matchKeyDataOutputs(root)) {
    out.set(path.join(root, rel), content);
  }
  for (const [rel, content] of compileComponents(root)) {
    out.set(path.join(root, LWC_OUTPUT_DIR, rel), content);
  }
  for (const [rel, content] of vectorsResource(root)) {
    out.set(path.join(root, RESOURCE_DIR, rel), content);
  }
  return out;
}

/** Files that only the build may write: the whole lwc output folder and the vectors resource. */
function ownedFiles(root: string): string[] {
  const resources = listFiles(path.join(root, RESOURCE_DIR), (f) =>
    [RESOURCE_NAME, MATCH_KEY_RESOURCE_NAME].some((name) => path.basename(f).startsWith(`${name}.`)),
  );
  const generatedSources = [path.join(root, MATCH_KEY_DATA_MODULE)].filter((f) => existsSync(f));
  return [...listFiles(path.join(root, LWC_OUTPUT_DIR)), ...resources, ...generatedSources];
}

export function checkOutputs(root: string): Finding[] {
  const expected = committedOutputs(root);
  const findings: Finding[] = [];
  for (const [file, content] of expected) {
    if (!existsSync(file)) {
      findings.push({ file, check: 'build', message: 'missing build output: run npm run build and commit it' });
    } else if (readFileSync(file, 'utf8') !== content) {
      findings.push({
        file,
        check: 'build',
        message: 'differs from what its source builds to (stale, or edited by hand): run npm run build',
      });
    }
  }
  for (const file of ownedFiles(root).filter((f) => !expected.has(f))) {
    findings.push({
      file,
      check: 'build',
      message: 'has no source in lwc-ts-src or spec/vectors: delete it or add its source',
    });
  }
  return findings;
}

export function build(root: string): { written: number; removed: number } {
  for (const [rel, content] of matchKeyDataOutputs(root)) {
    const file = path.join(root, rel);
    if (!existsSync(file) || readFileSync(file, 'utf8') !== content) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
  }
  const outputs = committedOutputs(root);
  let removed = 0;
  for (const file of ownedFiles(root).filter((f) => !outputs.has(f))) {
    rmSync(file);
    removed++;
  }
  const lwcRoot = path.join(root, LWC_OUTPUT_DIR);
  if (existsSync(lwcRoot)) {
    for (const dir of readdirSync(lwcRoot)) {
      if (listFiles(path.join(lwcRoot, dir)).length === 0) {
        rmSync(path.join(lwcRoot, dir), { recursive: true });
      }
    }
  }
  let written = 0;
  for (const [file, content] of outputs) {
    if (!existsSync(file) || readFileSync(file, 'utf8') !== content) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
      written++;
    }
  }
  writeTypings(root);
  return { written, removed };
}

/** Typings are not committed (.generated is ignored): both build modes refresh them for tsc. */
export function writeTypings(root: string): void {
  const catalog = SObjectCatalog.load(root);
  const typesDir = path.join(root, TYPES_DIR);
  mkdirSync(typesDir, { recursive: true });
  writeFileSync(path.join(typesDir, 'apex.d.ts'), apexDeclarations(root, catalog));
  writeFileSync(path.join(typesDir, 'schema.d.ts'), schemaDeclarations(catalog, importedSchemaObjects(root)));
  // `c/<name>` resolves to the component's TypeScript entry; tsc paths allow one `*` only, so list them.
  const components = readdirSync(path.join(root, 'lwc-ts-src')).filter((name) =>
    existsSync(path.join(root, 'lwc-ts-src', name, `${name}.ts`)),
  );
  const paths = Object.fromEntries(
    components.sort().map((name) => [`c/${name}`, [`../lwc-ts-src/${name}/${name}.ts`]]),
  );
  writeFileSync(
    path.join(root, '.generated', 'tsconfig.lwc-paths.json'),
    `${JSON.stringify({ compilerOptions: { paths } }, null, 2)}\n`,
  );
}

if (require.main === module) {
  new Command('build')
    .description('Compile LWC TypeScript into force-app, bundle rule vectors, generate Apex and schema typings.')
    .option('--check', 'report stale or hand-edited build output instead of writing it')
    .option('--root <dir>', 'project root', PROJECT_ROOT)
    .action((options: { check?: boolean; root: string }) => {
      if (options.check) {
        writeTypings(options.root);
        const findings = checkOutputs(options.root);
        findings.forEach((f) => console.log(formatFinding(f, options.root)));
        console.log(`build check: ${findings.length} finding(s)`);
        process.exitCode = findings.length ? 1 : 0;
        return;
      }
      const { written, removed } = build(options.root);
      console.log(`build: ${written} file(s) written, ${removed} removed; typings in ${TYPES_DIR}`);
    })
    .parse();
}
