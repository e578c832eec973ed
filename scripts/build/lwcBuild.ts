/**
 * Compiles each component of `lwc-ts-src/<name>/` into the files the platform expects in
 * `force-app/main/default/lwc/<name>/`: TypeScript is transpiled one file at a time
 * (types are checked separately by `npm run typecheck`), decorators stay native for the
 * LWC compiler, and templates, styles and the bundle's -meta.xml are copied unchanged.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { listFiles } from '../lib/project';

export const LWC_SOURCE_DIR = 'lwc-ts-src';
export const LWC_OUTPUT_DIR = path.join('force-app', 'main', 'default', 'lwc');

const COPIED = ['.html', '.css', '.svg', '.js-meta.xml'];

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
  experimentalDecorators: false,
  useDefineForClassFields: true,
  isolatedModules: true,
  removeComments: false,
};

/** Relative output path → file content, for every component. */
export function compileComponents(root: string): Map<string, string> {
  const sourceDir = path.join(root, LWC_SOURCE_DIR);
  const out = new Map<string, string>();
  const components = readdirSync(sourceDir)
    .filter((name) => statSync(path.join(sourceDir, name)).isDirectory())
    .sort();
  for (const component of components) {
    const dir = path.join(sourceDir, component);
    const files = listFiles(dir, (f) => !f.split(path.sep).includes('__tests__'));
    if (!files.some((f) => f.endsWith('.js-meta.xml'))) {
      throw new Error(`${path.relative(root, dir)} has no ${component}.js-meta.xml: the platform needs one per bundle`);
    }
    for (const file of files) {
      const relative = path.relative(dir, file);
      const target = path.join(component, relative);
      if (file.endsWith('.d.ts')) {
        continue;
      }
      if (file.endsWith('.ts')) {
        const source = readFileSync(file, 'utf8');
        const result = ts.transpileModule(source, {
          compilerOptions: COMPILER_OPTIONS,
          fileName: file,
          reportDiagnostics: true,
        });
        const errors = (result.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
        if (errors.length > 0) {
          throw new Error(
            `${path.relative(root, file)}: ${ts.flattenDiagnosticMessageText(errors[0].messageText, '\n')}`,
          );
        }
        const header = `// Generated from ${LWC_SOURCE_DIR}/${component}/${relative.split(path.sep).join('/')} by \`npm run build\`. Do not edit.\n`;
        out.set(target.replace(/\.ts$/, '.js'), header + result.outputText);
      } else if (COPIED.some((suffix) => file.endsWith(suffix))) {
        out.set(target, readFileSync(file, 'utf8'));
      } else {
        throw new Error(
          `${path.relative(root, file)}: unexpected file in a component (allowed: .ts, ${COPIED.join(', ')})`,
        );
      }
    }
  }
  return out;
}
