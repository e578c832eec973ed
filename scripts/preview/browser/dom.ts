/**
 * The browser APIs the preview's own page code uses, typed here because the Node-side
 * tsconfig (which checks everything under scripts/) has no DOM library. Only the members
 * the shell and the stand-ins call are listed.
 */
export interface PreviewEvent {
  readonly type: string;
  readonly target: unknown;
  preventDefault(): void;
  stopPropagation(): void;
}

export interface PreviewCustomEvent<T = unknown> extends PreviewEvent {
  readonly detail: T;
}

export interface PreviewElement {
  textContent: string | null;
  className: string;
  id: string;
  hidden: boolean;
  readonly children: ArrayLike<PreviewElement>;
  appendChild<T extends PreviewElement>(child: T): T;
  remove(): void;
  replaceChildren(...nodes: PreviewElement[]): void;
  setAttribute(name: string, value: string): void;
  getAttribute(name: string): string | null;
  addEventListener(type: string, listener: (event: PreviewEvent) => void): void;
  querySelector(selector: string): PreviewElement | null;
  focus(): void;
}

export interface PreviewDocument {
  readonly body: PreviewElement;
  title: string;
  createElement(tag: string): PreviewElement;
  getElementById(id: string): PreviewElement | null;
  addEventListener(type: string, listener: (event: PreviewEvent) => void): void;
}

export interface PreviewStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface PreviewLocation {
  readonly search: string;
  readonly pathname: string;
  assign(url: string): void;
}

export type CustomEventConstructor = new <T>(
  type: string,
  init?: { detail?: T; bubbles?: boolean; composed?: boolean; cancelable?: boolean },
) => PreviewCustomEvent<T>;

export interface PreviewWindow {
  readonly document: PreviewDocument;
  readonly location: PreviewLocation;
  readonly sessionStorage: PreviewStorage;
  readonly CustomEvent: CustomEventConstructor;
  /** What the end-to-end tests read: see `PreviewProbe`. */
  __preview?: PreviewProbe;
}

/** Everything the preview records for the end-to-end tests, on `window.__preview`. */
export interface PreviewProbe {
  /** The page id being shown, once its components are mounted. */
  page: string | null;
  ready: boolean;
  toasts: { title: string; message?: string; variant?: string }[];
  navigations: unknown[];
  apexCalls: { method: string; params: unknown; ok: boolean }[];
  errors: string[];
}

export const browser = globalThis as unknown as PreviewWindow;

/** The probe, created on first use. */
export function probe(): PreviewProbe {
  if (!browser.__preview) {
    browser.__preview = { page: null, ready: false, toasts: [], navigations: [], apexCalls: [], errors: [] };
  }
  return browser.__preview;
}

/** Creates an element with a class and text, for the shell's own markup. */
export function element(tag: string, className = '', text?: string): PreviewElement {
  const el = browser.document.createElement(tag);
  if (className) {
    el.className = className;
  }
  if (text !== undefined) {
    el.textContent = text;
  }
  return el;
}
