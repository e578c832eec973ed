/**
 * What every component test needs, in one place: mounting a component, letting promises and
 * re-renders settle, querying its shadow root, reading the shared status panel, typed
 * handles on mocked Apex methods and wire adapters, and an accessibility check with axe-core.
 * Imported by the tests in `lwc-ts-src/<component>/__tests__/` (jest project `lwc`).
 */
import { createElement } from 'lwc';
import axe from 'axe-core';

/** A wire adapter mocked with `createApexTestWireAdapter` or `createLdsTestWireAdapter`. */
export interface WireMock {
  emit(value: unknown): void;
  error(body?: unknown, status?: number, statusText?: string): void;
  getLastConfig(): Record<string, unknown>;
}

/** The mocked wire adapter behind an imported Apex method or LDS adapter. */
export function wireMock(adapter: unknown): WireMock {
  return adapter as WireMock;
}

/** The jest mock behind an imported Apex method called imperatively. */
export function apexMock(method: unknown): jest.Mock {
  return method as jest.Mock;
}

/** A module factory for `jest.mock` of an Apex method used with `@wire` (and imperatively). */
export function apexWireModule(): { default: unknown } {
  const { createApexTestWireAdapter } = jest.requireActual('@salesforce/sfdx-lwc-jest');
  return { default: createApexTestWireAdapter(jest.fn()) };
}

type ComponentClass = Parameters<typeof createElement>[1]['is'];

/** Creates the component, sets its public properties and attaches it to the document. */
export function mount<P extends object = Record<string, unknown>>(
  tag: string,
  component: ComponentClass,
  properties: P = {} as P,
): HTMLElement & P {
  const element = createElement(tag, { is: component }) as unknown as HTMLElement & P;
  Object.assign(element, properties);
  document.body.appendChild(element);
  return element;
}

/** Removes every mounted component (call from `afterEach`). */
export function unmountAll(): void {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
}

/**
 * Lets resolved Apex promises, wire emissions and the re-renders they cause settle. Only
 * microtasks, so it also works under jest's fake timers.
 */
export async function flush(): Promise<void> {
  for (let tick = 0; tick < 10; tick++) {
    await Promise.resolve();
  }
}

/** The first element in the component's own template that matches. */
export function $<T extends Element = HTMLElement>(element: Element, selector: string): T | null {
  return element.shadowRoot!.querySelector<T>(selector);
}

/** Every element in the component's own template that matches. */
export function $$<T extends Element = HTMLElement>(element: Element, selector: string): T[] {
  return Array.from(element.shadowRoot!.querySelectorAll<T>(selector));
}

/** What a `c-status-panel` shows. */
export interface StatusView {
  /** The spinner's label while loading, else null. */
  loading: string | null;
  /** The error alert's text, else null. */
  error: string | null;
  /** The announcement in the live region, else null. */
  announcement: string | null;
  /** Whether the announcement is shown as a failure. */
  announcementIsError: boolean;
}

/**
 * The first element matching inside the component's status panel (`c-status-panel`: the
 * spinner, the error alert, the announcement and its live region).
 */
export function $status<T extends Element = HTMLElement>(element: Element, selector: string): T | null {
  const panel = $(element, 'c-status-panel');
  if (!panel) {
    throw new Error(`${element.tagName.toLowerCase()} renders no c-status-panel`);
  }
  return $<T>(panel, selector);
}

/** Reads what a `c-status-panel` element shows. */
export function readStatusPanel(panel: Element): StatusView {
  const spinner = $<HTMLElement & { alternativeText?: string }>(panel, 'lightning-spinner');
  const text = (selector: string) => $(panel, selector)?.textContent?.trim() ?? null;
  return {
    loading: spinner ? (spinner.alternativeText ?? '') : null,
    error: text('[data-id="error"]'),
    announcement: text('[data-id="announcement"]'),
    announcementIsError: !!$(panel, '[data-id="announcement"].slds-text-color_error'),
  };
}

/**
 * axe rules that cannot judge jsdom: it lays nothing out and draws nothing, so colours, sizes
 * and icon-font glyphs (label-content-name-mismatch measures them on a canvas) are unknown.
 * The browser suite (`npm run test:e2e`) runs these rules on the real rendering.
 */
const LAYOUT_RULES = ['color-contrast', 'target-size', 'label-content-name-mismatch'];

/** The accessibility violations axe-core finds in the rendered component, one line each. */
export async function accessibilityViolations(element: Element): Promise<string[]> {
  if ('clock' in setTimeout) {
    // jest's fake timers mark setTimeout with their clock; axe-core would wait on it forever.
    throw new Error('axe-core schedules its checks with timers: call jest.useRealTimers() before this check');
  }
  const results = await axe.run(element, {
    resultTypes: ['violations'],
    rules: Object.fromEntries(LAYOUT_RULES.map((id) => [id, { enabled: false }])),
  });
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id} (${violation.impact ?? 'no impact'}): ${violation.help} at ${node.target.join(' ')}`,
    ),
  );
}

/** Fails the test with every violation axe-core finds in the rendered component. */
export async function expectAccessible(element: Element): Promise<void> {
  expect(await accessibilityViolations(element)).toEqual([]);
}
