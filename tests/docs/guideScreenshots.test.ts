/**
 * The guides show the portal with pictures `npm run test:e2e` takes (`out/e2e/screenshots/`):
 * every picture a guide names must be one the suite takes, so a guide cannot keep a picture of
 * a page or a step that no longer exists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PAGES } from '../../scripts/preview/pages';
import { PROJECT_ROOT } from '../../scripts/lib/project';

const E2E = path.join(PROJECT_ROOT, 'tests', 'e2e');
const DOCS = path.join(PROJECT_ROOT, 'docs');

/** Names of the screenshots the suite takes: one per page, the index, and each named flow step. */
function suiteScreenshots(): Set<string> {
  const names = new Set<string>(['page-index', ...PAGES.map((page) => `page-${page.id}`)]);
  const sources = readdirSync(E2E, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  for (const file of sources) {
    const text = readFileSync(path.join(E2E, file), 'utf8');
    for (const match of text.matchAll(/\.screenshot\(\s*'([\w-]+)'\s*\)/g)) {
      names.add(match[1]);
    }
  }
  return names;
}

/** `docs/file.md: name` for every screenshot a guide shows. */
function guidePictures(): { file: string; name: string }[] {
  return readdirSync(DOCS, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .flatMap((file) =>
      [...readFileSync(path.join(DOCS, file), 'utf8').matchAll(/\]\([^)]*out\/e2e\/screenshots\/([^)]+)\.png\)/g)].map(
        (m) => ({ file: `docs/${file}`, name: m[1] }),
      ),
    );
}

describe('guide pictures come from the e2e suite', () => {
  const taken = suiteScreenshots();

  it('knows the pictures the suite takes (pages and flow steps)', () => {
    expect(taken.has('page-lead-inbox')).toBe(true);
    expect(taken.has('flow-register-needs-review')).toBe(true);
    expect(taken.has('page-no-such-page')).toBe(false);
  });

  it('every picture a guide shows is one the suite takes', () => {
    const pictures = guidePictures();
    expect(pictures.length).toBeGreaterThanOrEqual(10);
    expect(pictures.filter(({ name }) => !taken.has(name)).map(({ file, name }) => `${file}: ${name}`)).toEqual([]);
  });
});
