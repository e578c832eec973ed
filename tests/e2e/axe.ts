/**
 * Accessibility check with axe-core: the library is injected into the page and run on the
 * whole document (synthetic shadow keeps component markup in the document, so axe sees
 * it as assistive technology does). Serious and critical violations fail a test.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: string[] }[];
}

export const FAILING_IMPACTS: ReadonlySet<string> = new Set(['serious', 'critical']);

/**
 * Rules switched off, each with its reason. Keep this empty unless a rule reports what the
 * platform, not our components, renders.
 */
export const DISABLED_RULES: Readonly<Record<string, string>> = {};

const AXE_SCRIPT = path.join(path.dirname(require.resolve('axe-core/package.json')), 'axe.min.js');

/** Runs axe on the page and returns the violations that fail the check. */
export async function accessibilityViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (!loaded) {
    await page.addScriptTag({ path: AXE_SCRIPT });
  }
  const options = {
    resultTypes: ['violations'],
    rules: Object.fromEntries(Object.keys(DISABLED_RULES).map((id) => [id, { enabled: false }])),
  };
  const violations = (await page.evaluate(
    `window.axe.run(document, ${JSON.stringify(options)}).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.map(String) })) })))`,
  )) as AxeViolation[];
  return violations.filter((v) => v.impact !== null && FAILING_IMPACTS.has(v.impact));
}
