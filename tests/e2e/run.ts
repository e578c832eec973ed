/**
 * `npm run test:e2e`: builds the preview, serves it on 127.0.0.1, drives Debian's Chromium
 * with playwright-core through every page test and flow, writes screenshots to a folder it
 * prints, and ends with `N passed, M failed` (non-zero exit on any failure). Each test has
 * its own browser context (fresh session storage, so demo changes do not leak between
 * tests), a time limit, and the whole run a deadline.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { chromium, type Browser } from 'playwright-core';
import { PROJECT_ROOT } from '../../scripts/lib/project';
import { buildPreview, type PreviewBuild } from '../../scripts/preview/build';
import { startPreviewServer, type PreviewServer } from '../../scripts/preview/server';
import { sitePageSpecs } from '../../scripts/preview/sitePages';
import { TestContext, type E2ETest } from './harness';
import { pageTests } from './pageTests';
import { FLOW_TESTS } from './flows';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

interface Options {
  out: string;
  grep?: string;
  testTimeout: string;
  deadline: string;
  chromium: string;
  asOf?: string;
}

type Outcome = { name: string; status: 'passed' | 'failed' | 'skipped'; seconds: number; detail?: string };

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000}s`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

function structuralTests(build: PreviewBuild): E2ETest[] {
  const broken = [...new Set(build.problems.map((p) => p.component))];
  return [
    ...broken.map(
      (component): E2ETest => ({
        name: `component ${component} builds for the preview`,
        pages: [],
        run: async (t) =>
          t.check(
            false,
            build.problems
              .filter((p) => p.component === component)
              .map((p) => p.message)
              .join('\n'),
          ),
      }),
    ),
    {
      name: 'every route of the portal site has a preview page',
      pages: [],
      run: async (t) => {
        const built = new Set(build.pages.map((p) => p.id));
        const missing = sitePageSpecs(PROJECT_ROOT).filter((spec) => !built.has(spec.id));
        t.check(missing.length === 0, `site routes without a built page: ${missing.map((s) => s.id).join(', ')}`);
      },
    },
    {
      name: 'every page-level component has a preview page',
      pages: [],
      run: async (t) =>
        t.check(build.unplaced.length === 0, `no page in scripts/preview/pages.ts for: ${build.unplaced.join(', ')}`),
    },
  ];
}

async function runTests(
  tests: E2ETest[],
  browser: Browser,
  server: PreviewServer,
  build: PreviewBuild,
  screenshotDir: string,
  options: { testMs: number; deadline: number },
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const built = new Set(build.pages.map((p) => p.id));
  for (const test of tests) {
    const missing = test.pages.filter((id) => !built.has(id));
    if (missing.length > 0) {
      outcomes.push({
        name: test.name,
        status: 'skipped',
        seconds: 0,
        detail: `page not built: ${missing.join(', ')}`,
      });
      console.log(`- skip  ${test.name} (page not built: ${missing.join(', ')})`);
      continue;
    }
    if (Date.now() > options.deadline) {
      outcomes.push({ name: test.name, status: 'failed', seconds: 0, detail: 'not run: the run deadline passed' });
      console.log(`✗ FAIL  ${test.name} (not run: the run deadline passed)`);
      continue;
    }
    const started = Date.now();
    // A fixed locale and time zone: dates and numbers render the same on every machine.
    const context = await browser.newContext({
      viewport: { width: 1280, height: 860 },
      locale: 'en-US',
      timezoneId: 'UTC',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(10000);
    const screenshots: string[] = [];
    const t = new TestContext(page, server.url, build.pages, build.dataset, screenshotDir, screenshots);
    try {
      await withTimeout(test.run(t), options.testMs, test.name);
      const seconds = (Date.now() - started) / 1000;
      outcomes.push({ name: test.name, status: 'passed', seconds });
      console.log(`✓ pass  ${test.name} (${seconds.toFixed(1)}s)`);
    } catch (error) {
      const seconds = (Date.now() - started) / 1000;
      // Playwright's messages carry ANSI colours and a long call log: keep the first lines, plain.
      const detail = (error instanceof Error ? error.message : String(error))
        .replace(/\u001b\[[0-9;]*m/g, '')
        .split('\n')
        .slice(0, 12)
        .join('\n');
      outcomes.push({ name: test.name, status: 'failed', seconds, detail });
      console.log(`✗ FAIL  ${test.name} (${seconds.toFixed(1)}s)\n    ${detail.split('\n').join('\n    ')}`);
      await page
        .screenshot({
          path: path.join(screenshotDir, `FAILED-${test.name.replace(/[^a-z0-9]+/gi, '-')}.png`),
          fullPage: true,
        })
        .catch(() => undefined);
    } finally {
      await context.close().catch(() => undefined);
    }
  }
  return outcomes;
}

async function main(options: Options): Promise<number> {
  const started = Date.now();
  const deadline = started + Number(options.deadline) * 1000;
  // Past the deadline plus a minute for cleanup, stop whatever still runs.
  setTimeout(
    () => {
      console.error('The end-to-end run overran its deadline and was stopped.');
      console.log('0 passed, 1 failed');
      process.exit(1);
    },
    deadline - started + 60000,
  ).unref();
  const outDir = path.resolve(PROJECT_ROOT, options.out);
  const screenshotDir = path.join(outDir, 'screenshots');
  rmSync(screenshotDir, { recursive: true, force: true });
  mkdirSync(screenshotDir, { recursive: true });
  if (!existsSync(options.chromium)) {
    console.error(
      `No Chromium at ${options.chromium}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
    console.log('0 passed, 1 failed');
    return 1;
  }

  let build: PreviewBuild;
  try {
    build = await buildPreview({
      root: PROJECT_ROOT,
      outDir: path.join(outDir, 'preview'),
      dataset: { asOf: options.asOf },
    });
  } catch (error) {
    // A build error's message names the module and the line; its stack is the compiler's.
    console.error(error instanceof Error ? `preview build failed: ${error.message}` : error);
    console.log('0 passed, 1 failed');
    return 1;
  }
  console.log(
    `preview: ${build.pages.length} page(s) from components ${build.components.join(', ')} (${build.seconds.toFixed(1)}s); demo data as of ${build.dataset.asOf}`,
  );

  const server = await startPreviewServer({ dir: build.outDir, root: PROJECT_ROOT });
  let browser: Browser | undefined;
  let outcomes: Outcome[] = [];
  try {
    browser = await chromium.launch({ executablePath: options.chromium, args: CHROMIUM_ARGS, timeout: 30000 });
    const grep = options.grep ? new RegExp(options.grep, 'i') : undefined;
    const tests = [...structuralTests(build), ...pageTests(build.pages), ...FLOW_TESTS].filter(
      (test) => !grep || grep.test(test.name),
    );
    outcomes = await runTests(tests, browser, server, build, screenshotDir, {
      testMs: Number(options.testTimeout) * 1000,
      deadline,
    });
  } finally {
    await browser?.close().catch(() => undefined);
    await server.close();
  }

  const passed = outcomes.filter((o) => o.status === 'passed').length;
  const failed = outcomes.filter((o) => o.status === 'failed').length;
  const skipped = outcomes.filter((o) => o.status === 'skipped').length;
  console.log(`\nscreenshots: ${screenshotDir}`);
  if (skipped > 0) {
    console.log(`${skipped} skipped (their components are not in lwc-ts-src yet)`);
  }
  console.log(`time ${((Date.now() - started) / 1000).toFixed(1)}s`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 || passed === 0 ? 1 : 0;
}

new Command('test:e2e')
  .description('End-to-end tests of the LWC preview in Chromium.')
  .option('--out <dir>', 'folder for the build and the screenshots', path.join('out', 'e2e'))
  .option('--grep <pattern>', 'run only tests whose name matches')
  .option('--test-timeout <seconds>', 'time limit of one test', '90')
  .option('--deadline <seconds>', 'time limit of the whole run', '900')
  .option('--as-of <datetime>', "the demo data's now (ISO datetime); default: the current hour")
  .option('--chromium <path>', 'Chromium executable', process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')
  .action(async (options: Options) => {
    try {
      process.exitCode = await main(options);
    } catch (error) {
      console.error(error);
      console.log('0 passed, 1 failed');
      process.exitCode = 1;
    }
  })
  .parse();
