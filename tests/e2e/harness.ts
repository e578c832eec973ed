/**
 * What an end-to-end test is and what it gets: a fresh browser page, helpers to open a
 * preview page and wait until its components are mounted, read the preview's probe,
 * take screenshots and check accessibility. Tests name the pages they need; a test whose
 * page is not built (its component does not exist yet) is skipped, not failed.
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { DemoDataset, PageConfig } from '../../scripts/preview/browser/types';
import type { PreviewProbe } from '../../scripts/preview/browser/dom';
import { accessibilityViolations, type AxeViolation } from './axe';

export interface E2ETest {
  name: string;
  /** Page ids the test opens; it is skipped when one is not in the build. */
  pages: string[];
  run(t: TestContext): Promise<void>;
}

export class CheckFailed extends Error {}

export class TestContext {
  readonly errors: string[] = [];

  constructor(
    readonly page: Page,
    readonly baseUrl: string,
    readonly pages: readonly PageConfig[],
    readonly dataset: DemoDataset,
    private readonly screenshotDir: string,
    readonly screenshots: string[],
  ) {
    page.on('pageerror', (error) => this.errors.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') {
        this.errors.push(`console error: ${message.text()}`);
      }
    });
  }

  pageConfig(id: string): PageConfig {
    const config = this.pages.find((p) => p.id === id);
    if (!config) {
      throw new CheckFailed(`page ${id} is not in the build`);
    }
    return config;
  }

  /** Opens a preview page and waits until the shell has mounted its components. */
  async open(id: string, query: Record<string, string> = {}): Promise<void> {
    const params = new URLSearchParams(id === 'index' ? query : { page: id, ...query });
    const search = params.toString();
    await this.page.goto(`${this.baseUrl}/${search ? `?${search}` : ''}`);
    try {
      await this.page.waitForFunction('window.__preview && window.__preview.ready === true', null, {
        timeout: 15000,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new CheckFailed(`page ${id} did not start: ${reason}\n${this.errors.join('\n')}`);
    }
    await this.settle();
  }

  /** Waits for pending microtasks, wire provisioning and rendering to finish. */
  async settle(): Promise<void> {
    await this.page.evaluate('new Promise((resolve) => setTimeout(resolve, 50))');
    await this.page.waitForLoadState('networkidle');
  }

  async probe(): Promise<PreviewProbe> {
    return (await this.page.evaluate('window.__preview')) as PreviewProbe;
  }

  /** The custom element of a component on the page. */
  component(name: string): Locator {
    const tag = `c-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    return this.page.locator(tag).first();
  }

  async screenshot(name: string): Promise<string> {
    const file = path.join(this.screenshotDir, `${name}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    this.screenshots.push(file);
    return file;
  }

  /** Fails with the serious and critical axe violations of the current page, if any. */
  async checkAccessibility(): Promise<void> {
    const violations = await accessibilityViolations(this.page);
    if (violations.length > 0) {
      throw new CheckFailed(`accessibility:\n${violations.map(formatViolation).join('\n')}`);
    }
  }

  /** Polls `condition` until it holds (fails with `message` after `ms`). */
  async waitUntil(condition: () => Promise<boolean>, message: string, ms = 10000): Promise<void> {
    const until = Date.now() + ms;
    for (;;) {
      if (await condition()) {
        return;
      }
      if (Date.now() > until) {
        throw new CheckFailed(message);
      }
      await this.page.waitForTimeout(100);
    }
  }

  check(condition: unknown, message: string): void {
    if (!condition) {
      throw new CheckFailed(message);
    }
  }

  equal<T>(actual: T, expected: T, what: string): void {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      throw new CheckFailed(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    }
  }

  /** No page error or console error so far. */
  checkNoErrors(): void {
    if (this.errors.length > 0) {
      throw new CheckFailed(this.errors.join('\n'));
    }
  }
}

function formatViolation(v: AxeViolation): string {
  return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} node(s): ${v.nodes
    .slice(0, 3)
    .map((n) => n.target.join(' '))
    .join('; ')})`;
}
