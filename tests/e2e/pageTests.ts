/**
 * Tests every built page gets: it renders its components with no page or console error,
 * passes the accessibility check, and is photographed. Plus the index, and a check that
 * every page-level component has a page.
 */
import type { PageConfig } from '../../scripts/preview/browser/types';
import type { E2ETest, TestContext } from './harness';

async function checkRendered(t: TestContext, config: PageConfig): Promise<void> {
  for (const placed of config.components) {
    const host = t.page.locator(placed.tag).first();
    await host.waitFor({ state: 'attached', timeout: 10000 });
    // A component that rendered nothing (or only failed) leaves an empty host. Playwright's
    // locators see through synthetic shadow; the DOM's own querySelectorAll does not.
    await t.waitUntil(
      async () => (await host.locator('*').count()) > 0 && (await host.innerText()).trim().length > 0,
      `${placed.tag} rendered nothing`,
    );
  }
  // A report or dashboard page shows its evaluated figures: every chart and table has rows or says why not.
  if (config.analytics) {
    const root = t.page.locator(`[data-analytics="${config.id}"]`);
    await root.waitFor({ state: 'visible', timeout: 10000 });
    const parts = config.analytics.kind === 'dashboard' ? config.analytics.dashboard.components.length : 1;
    const shown = await root.locator('.preview-dashboard-component, h1').count();
    t.check(shown >= parts, `${config.id} shows ${shown} of ${parts} parts`);
  }
  // Salesforce components the site places (login form, …) show as labelled placeholders.
  for (const definition of config.platformComponents) {
    await t.page.locator(`[data-platform-component="${definition}"]`).waitFor({ state: 'visible', timeout: 10000 });
  }
}

export function pageTests(pages: readonly PageConfig[]): E2ETest[] {
  const tests: E2ETest[] = [
    {
      name: 'index lists every page',
      pages: [],
      run: async (t) => {
        await t.open('index');
        const links = await t.page.locator('main a').allInnerTexts();
        t.equal(
          links.map((l) => l.trim()),
          pages.map((p) => p.title),
          'index links',
        );
        t.checkNoErrors();
        await t.checkAccessibility();
        await t.screenshot('page-index');
      },
    },
  ];
  for (const config of pages) {
    tests.push({
      name: `page ${config.id} renders, is accessible, screenshot`,
      pages: [config.id],
      run: async (t) => {
        await t.open(config.id);
        await checkRendered(t, config);
        t.checkNoErrors();
        await t.checkAccessibility();
        await t.screenshot(`page-${config.id}`);
      },
    });
  }
  return tests;
}
