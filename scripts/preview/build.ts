/**
 * Builds the browser preview: the same LWC sources the platform gets (compiled by
 * `compileComponents`, as `npm run build` does for force-app) bundled by rollup with the
 * open-source LWC compiler, `lightning-base-components` and synthetic shadow, with the
 * preview's stand-ins bound to every platform module the components import:
 *   - `@salesforce/apex/<Class>.<method>` → the data adapter (a handler per method)
 *   - `@salesforce/schema/*`, `@salesforce/label/*`, `@salesforce/user/*`, … → generated constants
 *   - `lightning/uiRecordApi`, `lightning/navigation`, `lightning/platformShowToastEvent`,
 *     `lightning/refresh` → stand-ins in ./browser/standins
 * A platform module with no stand-in, or an Apex method with no handler, fails the build
 * with its name, so a new component's needs show up at once.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { rollup, type RollupLog } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { compileComponents, LWC_SOURCE_DIR } from '../build/lwcBuild';
import { listFiles, PROJECT_ROOT } from '../lib/project';
import { APEX_HANDLERS } from './browser/apex/handlers';
import type { DemoDataset, PageConfig } from './browser/types';
import { demoDataset, type DemoDatasetOptions } from './dataset';
import { analyticsPageSpecs } from './analyticsPages';
import { componentsWithoutPage, PAGES, resolvePages, type PageSpec } from './pages';

export const DEFAULT_OUT_DIR = path.join('out', 'preview');
const BROWSER_DIR = path.join(__dirname, 'browser');
const LBC = 'lightning-base-components';

/** Platform modules served by a stand-in in ./browser/standins (file name without extension). */
const STANDINS: Readonly<Record<string, string>> = {
  '@salesforce/apex': 'apex',
  'lightning/platformShowToastEvent': 'platformShowToastEvent',
  'lightning/navigation': 'navigation',
  'lightning/uiRecordApi': 'uiRecordApi',
  'lightning/refresh': 'refresh',
};

export interface PreviewBuildOptions {
  root?: string;
  outDir?: string;
  dataset?: DemoDatasetOptions;
  /** Page registry; defaults to PAGES plus a page per packaged dashboard and report. */
  pages?: readonly PageSpec[];
}

export interface PreviewBuild {
  outDir: string;
  pages: PageConfig[];
  dataset: DemoDataset;
  /** Components in lwc-ts-src that went into the bundle. */
  components: string[];
  /** Exposed components that no registered page shows. */
  unplaced: string[];
  /** Components left out because the preview cannot serve what they import. */
  problems: ComponentProblem[];
  warnings: string[];
  seconds: number;
}

export class PreviewBuildError extends Error {}

export interface ComponentProblem {
  component: string;
  message: string;
}

/** Static and dynamic import specifiers of a compiled module. */
export function importsOf(source: string): string[] {
  const info = ts.preProcessFile(source, true, true);
  return [...new Set(info.importedFiles.map((f) => f.fileName))];
}

function isExposed(metaXml: string): boolean {
  return /<isExposed>\s*true\s*<\/isExposed>/.test(metaXml);
}

/** Custom label values from the package's labels metadata, by `c.Name`. */
function customLabels(root: string): Map<string, string> {
  const labels = new Map<string, string>();
  for (const file of listFiles(path.join(root, 'force-app'), (f) => f.endsWith('.labels-meta.xml'))) {
    const xml = readFileSync(file, 'utf8');
    for (const block of xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
      const name = /<fullName>([^<]+)<\/fullName>/.exec(block[1])?.[1];
      const value = /<value>([\s\S]*?)<\/value>/.exec(block[1])?.[1];
      if (name && value !== undefined) {
        labels.set(`c.${name}`, value.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
      }
    }
  }
  return labels;
}

/**
 * The module a platform import is served by, as JavaScript source, or a reason it cannot be.
 * Modules that lightning-base-components provides itself return undefined.
 */
function platformModule(
  specifier: string,
  context: {
    labels: Map<string, string>;
    dataset: DemoDataset;
    lbcNames: Set<string>;
    root: string;
    guestPages: string[];
  },
): { source: string } | { error: string } | undefined {
  const literal = (value: unknown) => ({ source: `export default ${JSON.stringify(value)};\n` });
  if (STANDINS[specifier]) {
    return { source: `export * from './preview/standins/${STANDINS[specifier]}.js';\n` };
  }
  if (context.lbcNames.has(specifier)) {
    return undefined;
  }
  const [scope, kind, ...rest] = specifier.split('/');
  const name = rest.join('/');
  if (scope === 'lightning') {
    return existsSync(path.join(context.root, 'node_modules', LBC, 'src', 'lightning', kind))
      ? undefined
      : { error: `${specifier} is not in ${LBC} and the preview has no stand-in for it` };
  }
  if (scope !== '@salesforce') {
    return { error: `${specifier} is neither a component nor a platform module` };
  }
  switch (kind) {
    case 'apex':
      return APEX_HANDLERS[name]
        ? {
            source: `import { apexMethod } from './preview/adapter.js';\nexport default apexMethod(${JSON.stringify(name)});\n`,
          }
        : { error: `Apex method ${name} has no handler in scripts/preview/browser/apex` };
    case 'schema': {
      const [objectApiName, ...field] = name.split('.');
      return literal(field.length ? { objectApiName, fieldApiName: field.join('.') } : { objectApiName });
    }
    case 'label':
      return literal(context.labels.get(name) ?? name);
    case 'user':
      if (name === 'Id') {
        return literal(context.dataset.userId);
      }
      if (name === 'isGuest') {
        // One page per load: the user is the guest on the registry's guest pages only.
        return {
          source: `export default ${JSON.stringify(context.guestPages)}.includes(new URLSearchParams(location.search).get('page'));\n`,
        };
      }
      return { error: `${specifier}: the preview knows @salesforce/user/Id and isGuest only` };
    case 'resourceUrl':
      return literal(`/resources/${name}`);
    case 'customPermission':
    case 'userPermission':
      return literal(true);
    case 'community':
      return literal(name === 'basePath' ? '' : 'preview');
    default:
      return { error: `${specifier} has no stand-in in the preview` };
  }
}

function lbcModuleNames(root: string): Set<string> {
  const pkg = JSON.parse(readFileSync(path.join(root, 'node_modules', LBC, 'package.json'), 'utf8')) as {
    lwc: { modules: { name?: string }[] };
  };
  return new Set(pkg.lwc.modules.flatMap((m) => (m.name ? [m.name] : [])));
}

// Decorators stay native (ESNext) for the LWC compiler, as in lwcBuild.
const TS_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ESNext,
  experimentalDecorators: false,
  module: ts.ModuleKind.ESNext,
  isolatedModules: true,
  useDefineForClassFields: true,
};

/**
 * Transpiles the preview's page code (./browser) to JavaScript modules. Relative imports get
 * their `.js` extension, and the rule module is imported as `c/prmRules`, the same module
 * instance the components use.
 */
function transpileBrowserCode(targetDir: string): void {
  // Templates and styles of the stand-in base components are copied as they are.
  for (const file of listFiles(BROWSER_DIR, (f) => f.endsWith('.html') || f.endsWith('.css'))) {
    const target = path.join(targetDir, path.relative(BROWSER_DIR, file));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, readFileSync(file, 'utf8'));
  }
  for (const file of listFiles(BROWSER_DIR, (f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))) {
    const result = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: TS_OPTIONS,
      fileName: file,
      reportDiagnostics: true,
    });
    const errors = (result.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
    if (errors.length > 0) {
      throw new PreviewBuildError(`${file}: ${ts.flattenDiagnosticMessageText(errors[0].messageText, '\n')}`);
    }
    const code = result.outputText
      .replace(/(['"])(?:\.\.\/)+lwc-ts-src\/prmRules\/prmRules\1/g, "'c/prmRules'")
      .replace(/(from\s*|import\s*\(\s*)(['"])(\.{1,2}\/[^'"]+?)\2/g, (_m, lead: string, q: string, spec: string) =>
        spec.endsWith('.js') ? `${lead}${q}${spec}${q}` : `${lead}${q}${spec}.js${q}`,
      );
    const target = path.join(targetDir, path.relative(BROWSER_DIR, file)).replace(/\.ts$/, '.js');
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, code);
  }
}

function entrySource(pages: PageConfig[], dataset: DemoDataset): string {
  const tags = [...new Set(pages.flatMap((p) => p.components.map((c) => c.tag)))];
  const components = new Map(pages.flatMap((p) => p.components.map((c) => [c.tag, c.component] as const)));
  const lines = [
    '// Generated by scripts/preview/build.ts.',
    "import '@lwc/synthetic-shadow';",
    "import { createElement } from 'lwc';",
    "import { installDataset } from './preview/adapter.js';",
    "import { startShell } from './preview/shell.js';",
    "import dataset from './dataset.js';",
    ...tags.map((tag, i) => `import C${i} from 'c/${components.get(tag)}';`),
    '',
    'installDataset(dataset, window.sessionStorage);',
    `const pages = ${JSON.stringify(pages, null, 2)};`,
    `const constructors = { ${tags.map((tag, i) => `${JSON.stringify(tag)}: C${i}`).join(', ')} };`,
    `startShell({ pages, constructors, createElement, asOf: ${JSON.stringify(dataset.asOf)} });`,
    '',
  ];
  return lines.join('\n');
}

const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>PRM preview</title>
    <link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css" />
    <link rel="stylesheet" href="/preview.css" />
  </head>
  <body class="slds-scope">
    <script type="module" src="/app.js"></script>
  </body>
</html>
`;

const PREVIEW_CSS = `/* The preview frame only; components bring their own styles. */
body { background: #f3f3f3; min-height: 100vh; }
.preview-header { position: static; display: block; height: auto; }
.preview-header .slds-global-header { padding: 0.5rem 1rem; align-items: center; }
.preview-brand { font-weight: 700; color: #032d60; }
.preview-asof { color: #3e3e3c; }
.preview-nav { height: auto; min-height: 2.5rem; flex-wrap: wrap; justify-content: flex-start; }
.preview-nav ul { flex-wrap: wrap; }
.preview-nav-label { display: flex; align-items: center; padding: 0 1rem; color: #3e3e3c; }
.preview-main { max-width: 80rem; margin: 0 auto; }
.preview-main:focus { outline: none; }
.preview-toasts { position: fixed; top: 1rem; left: 0; right: 0; pointer-events: none; }
.preview-toasts .slds-notify { pointer-events: auto; }
.preview-skip:focus { position: absolute; top: 0.25rem; left: 0.25rem; z-index: 10; background: #fff; padding: 0.5rem; }
.preview-analytics { background: #fff; padding: 1rem; border-radius: 0.25rem; }
.preview-chart { margin: 0 0 1rem; }
.preview-bar { display: flex; height: 0.875rem; background: #f3f3f3; }
.preview-bar-segment { display: block; height: 100%; }
.preview-swatch { display: inline-block; width: 0.75rem; height: 0.75rem; margin-right: 0.25rem; vertical-align: middle; }
.preview-subgroup { padding-left: 1.5rem !important; font-weight: 400; }
.preview-figures td, .preview-figures th { white-space: normal; }
`;

/** Builds the preview into `outDir` (app.js, index.html, preview.css, pages.json). */
export async function buildPreview(options: PreviewBuildOptions = {}): Promise<PreviewBuild> {
  const started = Date.now();
  const root = options.root ?? PROJECT_ROOT;
  const outDir = path.resolve(root, options.outDir ?? DEFAULT_OUT_DIR);
  const work = path.join(outDir, '.work');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });

  const compiled = compileComponents(root);
  const components = [...new Set([...compiled.keys()].map((rel) => rel.split(path.sep)[0]))].sort();
  const exposed = components.filter((name) => {
    const meta = compiled.get(path.join(name, `${name}.js-meta.xml`));
    return meta !== undefined && isExposed(meta) && compiled.has(path.join(name, `${name}.html`));
  });
  for (const [rel, content] of compiled) {
    const target = path.join(work, 'modules', 'c', rel);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }

  const dataset = demoDataset({ root, ...options.dataset });
  const specs = options.pages ?? [...PAGES, ...analyticsPageSpecs(root, dataset)];

  // Every platform module a component imports must have a stand-in. A component that needs
  // one the preview lacks is left out (with its pages) and reported, so the rest still runs.
  const context = {
    labels: customLabels(root),
    dataset,
    lbcNames: lbcModuleNames(root),
    root,
    guestPages: specs.filter((p) => p.guest).map((p) => p.id),
  };
  const generated = new Map<string, string>();
  const problems: ComponentProblem[] = [];
  for (const [rel, content] of compiled) {
    if (!rel.endsWith('.js')) {
      continue;
    }
    const component = rel.split(path.sep)[0];
    const report = (message: string) => problems.push({ component, message: `${LWC_SOURCE_DIR}/${rel}: ${message}` });
    for (const specifier of importsOf(content)) {
      if (specifier.startsWith('.') || specifier === 'lwc' || generated.has(specifier)) {
        continue;
      }
      if (specifier.startsWith('c/')) {
        if (!components.includes(specifier.slice(2))) {
          report(`imports ${specifier}, which is not a component`);
        }
        continue;
      }
      const served = platformModule(specifier, context);
      if (served && 'error' in served) {
        report(served.error);
      } else if (served) {
        generated.set(specifier, served.source);
      }
    }
  }
  const broken = new Set(problems.map((p) => p.component));
  const pages = resolvePages(specs, new Set(components.filter((c) => !broken.has(c))), dataset);

  transpileBrowserCode(path.join(work, 'preview'));
  const moduleRecords: { name: string; path: string }[] = [];
  [...generated.entries()].forEach(([specifier, source], i) => {
    const file = path.join(work, `platform-${i}.js`);
    writeFileSync(file, `// ${specifier}\n${source}`);
    moduleRecords.push({ name: specifier, path: file });
  });
  writeFileSync(path.join(work, 'dataset.js'), `export default ${JSON.stringify(dataset)};\n`);
  writeFileSync(path.join(work, 'entry.js'), entrySource(pages, dataset));
  // The LWC module resolver looks for its configuration in the nearest package.json.
  writeFileSync(path.join(work, 'package.json'), '{ "name": "prm-preview-build", "private": true }\n');
  const gateClosed = path.join(work, 'gate-closed.js');
  // Comboboxes built on element internals fail under synthetic shadow: keep that gate closed.
  writeFileSync(gateClosed, 'export default { isOpen: () => false };\n');

  const warnings: string[] = [];
  const unresolved: string[] = [];
  const bundle = await rollup({
    input: path.join(work, 'entry.js'),
    onwarn(warning: RollupLog) {
      if (warning.code === 'UNRESOLVED_IMPORT') {
        // Left external, the module would fail in the browser: fail the build instead.
        unresolved.push(`${warning.exporter ?? warning.message} (imported by ${warning.id ?? 'an unknown module'})`);
        return;
      }
      if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.plugin === 'rollup-plugin-lwc-compiler') {
        return;
      }
      warnings.push(warning.message);
    },
    plugins: [
      replace({
        preventAssignment: true,
        values: { 'process.env.NODE_ENV': JSON.stringify('production'), 'import.meta.env.SSR': 'false' },
      }),
      lwc({
        rootDir: work,
        enableDynamicComponents: true,
        modules: [
          { dir: path.join(work, 'modules') },
          // Base components the npm package lacks (lightning-record-picker, …): ./browser/components.
          { dir: path.join(work, 'preview', 'components') },
          ...moduleRecords,
          { name: '@salesforce/gate/bc.260.enableComboboxElementInternals', path: gateClosed },
          { npm: LBC },
        ],
      }),
    ],
  });
  try {
    if (unresolved.length > 0) {
      throw new PreviewBuildError(
        `Modules neither lightning-base-components nor the preview provide (add a stand-in in scripts/preview/browser/components):\n  ${[...new Set(unresolved)].join('\n  ')}`,
      );
    }
    await bundle.write({ dir: outDir, format: 'esm', entryFileNames: 'app.js', sourcemap: false });
  } finally {
    await bundle.close();
  }
  writeFileSync(path.join(outDir, 'index.html'), INDEX_HTML);
  writeFileSync(path.join(outDir, 'preview.css'), PREVIEW_CSS);
  writeFileSync(path.join(outDir, 'pages.json'), `${JSON.stringify(pages, null, 2)}\n`);
  rmSync(work, { recursive: true, force: true });
  return {
    outDir,
    pages,
    dataset,
    components,
    unplaced: componentsWithoutPage(specs, exposed),
    problems,
    warnings,
    seconds: (Date.now() - started) / 1000,
  };
}
