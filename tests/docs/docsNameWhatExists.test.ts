/**
 * The README and the guides promise only what exists: every `npm run X` is a script in
 * package.json, every `prm` command, subcommand and option is one the CLI defines, every
 * repository path and relative link resolves, and every Apex class or `PRM_` permission,
 * value set or report type they name is in the package.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { createProgram } from '../../scripts/cli';
import { listFiles, PROJECT_ROOT } from '../../scripts/lib/project';

const DOCS = [
  'README.md',
  'CONTRIBUTING.md',
  'spec/README.md',
  ...readdirSync(path.join(PROJECT_ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** Inline code spans and the lines of fenced code blocks: where commands, paths and names are written. */
function codeSnippets(markdown: string): string[] {
  const snippets: string[] = [];
  const fences = markdown.split(/^```.*$/m);
  fences.forEach((part, i) => {
    if (i % 2 === 1) {
      snippets.push(...part.split('\n').filter((line) => line.trim()));
    } else {
      snippets.push(...[...part.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]));
    }
  });
  return snippets;
}

const docs = DOCS.map((file) => ({ file, text: readFileSync(path.join(PROJECT_ROOT, file), 'utf8') }));
const snippets = docs.flatMap(({ file, text }) => codeSnippets(text).map((snippet) => ({ file, snippet })));

function optionsOf(command: Command): Set<string> {
  return new Set(['--help', '-h', ...command.options.flatMap((o) => [o.long, o.short].filter((f) => f !== undefined))]);
}

/** What a `prm ...` snippet names that the CLI does not define; empty when it all exists. */
function unknownPrmParts(invocation: string, program: Command): string[] {
  const words = invocation.split(/\s+/);
  let command = program;
  for (const word of words) {
    const sub = command.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!sub) {
      if (command.commands.length > 0 && command === program) {
        return [`command ${word}`];
      }
      if (command.commands.length > 0 && /^[a-z][\w-]*$/.test(word)) {
        return [`${command.name()} ${word}`];
      }
      break;
    }
    command = sub;
  }
  const known = optionsOf(command);
  const flags = [...invocation.matchAll(/(?:^|[\s(,])(--?[a-zA-Z][\w-]*)/g)].map((m) => m[1]);
  return flags.filter((flag) => !known.has(flag)).map((flag) => `${command.name()} ${flag}`);
}

describe('docs name only what exists', () => {
  it('every `npm run X` is a package.json script', () => {
    const scripts = (
      JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    const named = docs.flatMap(({ file, text }) =>
      [...text.matchAll(/npm run ([\w:-]+)/g)].map((m) => `${file}: ${m[1]}`),
    );
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((entry) => !(entry.split(': ')[1] in scripts))).toEqual([]);
  });

  it('every `prm` command, subcommand and option exists', () => {
    const program = createProgram();
    const invocations = snippets.flatMap(({ file, snippet }) =>
      [...snippet.matchAll(/(?:^|\s)prm ([a-z-][^&;#`]*)/g)].map((m) => ({ file, invocation: m[1].trim() })),
    );
    expect(invocations.length).toBeGreaterThan(10);
    const unknown = invocations.flatMap(({ file, invocation }) =>
      unknownPrmParts(invocation, program).map((part) => `${file}: prm ${invocation} → ${part}`),
    );
    expect(unknown).toEqual([]);
  });

  it('every repository path and relative link resolves', () => {
    const repoPath = /^(?:\.ci|\.github|bin|config|docs|force-app|lwc-ts-src|scripts|spec|tests|types)\/[\w./-]*$/;
    const paths = snippets
      .filter(({ snippet }) => repoPath.test(snippet))
      .map(({ file, snippet }) => ({ file, target: path.join(PROJECT_ROOT, snippet) }));
    const links = docs.flatMap(({ file, text }) =>
      [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
        .map((m) => m[1])
        .filter((href) => !/^[a-z]+:/.test(href))
        .map((href) => ({ file, target: path.join(PROJECT_ROOT, path.dirname(file), href) })),
    );
    expect(paths.length + links.length).toBeGreaterThan(10);
    expect(
      [...paths, ...links]
        .filter(({ target }) => !existsSync(target))
        .map(({ file, target }) => `${file}: ${path.relative(PROJECT_ROOT, target)}`),
    ).toEqual([]);
  });

  it('every Apex class and PRM_ permission, value set or report type named exists in the package', () => {
    const source = path.join(PROJECT_ROOT, 'force-app', 'main', 'default');
    const classes = new Set(
      listFiles(path.join(source, 'classes'), (f) => f.endsWith('.cls')).map((f) => path.basename(f, '.cls')),
    );
    const permissions = new Set(
      ['permissionsets', 'customPermissions', 'globalValueSets', 'reportTypes'].flatMap((dir) =>
        readdirSync(path.join(source, dir)).map((f) => f.replace(/\..*$/, '')),
      ),
    );
    const apexName =
      /^([A-Z][A-Za-z]+(?:Job|Scheduler|Service|Controller|Rules|Handler|Selector|Config|Dispatcher|Factory|_Tests))(?:\.\w+\(\))?$/;
    const missing = snippets.flatMap(({ file, snippet }) => {
      const apex = apexName.exec(snippet);
      if (apex && !classes.has(apex[1])) {
        return [`${file}: class ${apex[1]}`];
      }
      if (/^PRM_\w+$/.test(snippet) && !permissions.has(snippet)) {
        return [`${file}: ${snippet}`];
      }
      return [];
    });
    expect(missing).toEqual([]);
  });
});
