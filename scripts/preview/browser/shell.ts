/**
 * The preview's page frame: a header with the portal and internal pages, the chosen page's
 * components mounted in `<main>`, SLDS toasts for `ShowToastEvent`, and navigation
 * requests resolved to preview pages. One page per load (`?page=<id>`), like the portal.
 */
import { renderAnalytics } from './analytics';
import { browser, element, probe, type PreviewElement, type PreviewEvent, type PreviewCustomEvent } from './dom';
import { setNavigationHost, type PageReference } from './navigationHost';
import { TOAST_EVENT, type ShowToastEventInit } from './standins/platformShowToastEvent';
import { REFRESH_EVENT } from './standins/refresh';
import type { PageConfig } from './types';

export type CreateElement = (tag: string, options: { is: unknown }) => PreviewElement;

export interface ShellOptions {
  pages: PageConfig[];
  /** Custom element name → component constructor. */
  constructors: Record<string, unknown>;
  createElement: CreateElement;
  /** The data's "now", shown in the header so screenshots say which day they show. */
  asOf: string;
}

const TOAST_ICONS: Record<string, string> = {
  success: 'slds-theme_success',
  error: 'slds-theme_error',
  warning: 'slds-theme_warning',
  info: 'slds-theme_info',
};

function pageUrl(page: PageConfig, state: Record<string, unknown> = {}): string {
  const query = new URLSearchParams({ page: page.id });
  for (const [key, value] of Object.entries(state)) {
    if (value !== undefined && value !== null) {
      query.set(key, String(value));
    }
  }
  return `?${query.toString()}`;
}

function findPage(pages: PageConfig[], pageRef: PageReference): PageConfig | undefined {
  const attributes = pageRef.attributes ?? {};
  const names = [attributes.name, attributes.objectApiName, attributes.apiName, attributes.pageName]
    .filter((n): n is string => typeof n === 'string')
    .map((n) => n.toLowerCase());
  return pages.find((p) => p.navigationNames.some((n) => names.includes(n.toLowerCase())));
}

function refState(pageRef: PageReference): Record<string, unknown> {
  const recordId = pageRef.attributes?.recordId;
  return { ...(pageRef.state ?? {}), ...(typeof recordId === 'string' ? { recordId } : {}) };
}

const NAV_LABELS: Record<PageConfig['audience'], [string, string]> = {
  portal: ['Partner portal pages', 'Portal'],
  internal: ['Internal record pages', 'Internal'],
  analytics: ['Reports and dashboards', 'Reports'],
};

function renderHeader(options: ShellOptions, current: PageConfig | undefined): PreviewElement {
  const header = element('header', 'slds-global-header_container preview-header');
  const skip = element('a', 'slds-assistive-text slds-assistive-text_focus preview-skip', 'Skip to main content');
  skip.setAttribute('href', '#main');
  header.appendChild(skip);
  const bar = element('div', 'slds-global-header slds-grid slds-grid_align-spread');
  const brand = element('a', 'slds-text-heading_small preview-brand', 'Partner Success Platform');
  brand.setAttribute('href', '?');
  bar.appendChild(brand);
  bar.appendChild(
    element('span', 'slds-text-body_small preview-asof', `Preview · demo data as of ${options.asOf.slice(0, 10)}`),
  );
  header.appendChild(bar);
  for (const audience of ['portal', 'internal', 'analytics'] as const) {
    const pages = options.pages.filter((p) => p.audience === audience);
    if (pages.length === 0) {
      continue;
    }
    const nav = element('nav', 'slds-context-bar preview-nav');
    nav.setAttribute('aria-label', NAV_LABELS[audience][0]);
    const label = element('span', 'slds-text-title_caps preview-nav-label');
    label.textContent = NAV_LABELS[audience][1];
    nav.appendChild(label);
    const list = element('ul', 'slds-grid');
    for (const page of pages) {
      const item = element('li', `slds-context-bar__item${page === current ? ' slds-is-active' : ''}`);
      const link = element('a', 'slds-context-bar__label-action', page.title);
      link.setAttribute('href', pageUrl(page));
      if (page === current) {
        link.setAttribute('aria-current', 'page');
      }
      item.appendChild(link);
      list.appendChild(item);
    }
    nav.appendChild(list);
    header.appendChild(nav);
  }
  return header;
}

function renderIndex(main: PreviewElement, pages: PageConfig[]): void {
  main.appendChild(element('h1', 'slds-text-heading_large slds-m-bottom_medium', 'Partner Success Platform preview'));
  if (pages.length === 0) {
    main.appendChild(element('p', 'slds-text-body_regular', 'No component has a preview page yet.'));
    return;
  }
  const list = element('ul', 'slds-has-dividers_bottom-space');
  for (const page of pages) {
    const item = element('li', 'slds-item');
    const link = element('a', 'slds-text-heading_small', page.title);
    link.setAttribute('href', pageUrl(page));
    item.appendChild(link);
    item.appendChild(element('p', 'slds-text-body_small', `${NAV_LABELS[page.audience][1]} · ${page.description}`));
    list.appendChild(item);
  }
  main.appendChild(list);
}

/** `community_login:loginForm` → `Login form`. */
function platformLabel(definition: string): string {
  const name = definition.split(':')[1] ?? definition;
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A placeholder for a Salesforce component the site places: only the platform renders it. */
function renderPlatformComponent(definition: string): PreviewElement {
  const box = element('section', 'slds-box slds-theme_shade slds-m-bottom_medium preview-platform');
  box.setAttribute('data-platform-component', definition);
  box.setAttribute('aria-label', `${platformLabel(definition)} (rendered by the platform)`);
  box.appendChild(element('h2', 'slds-text-heading_small', platformLabel(definition)));
  box.appendChild(
    element(
      'p',
      'slds-text-body_small',
      `Salesforce component ${definition}: the site renders it; the preview cannot.`,
    ),
  );
  return box;
}

function showToast(region: PreviewElement, toast: ShowToastEventInit): void {
  const variant = toast.variant ?? 'info';
  const box = element('div', `slds-notify slds-notify_toast ${TOAST_ICONS[variant] ?? TOAST_ICONS.info}`);
  box.setAttribute('role', variant === 'error' ? 'alert' : 'status');
  box.setAttribute('data-variant', variant);
  const content = element('div', 'slds-notify__content');
  content.appendChild(element('h2', 'slds-text-heading_small', toast.title));
  if (toast.message) {
    content.appendChild(element('p', '', toast.message));
  }
  box.appendChild(content);
  const close = element('button', 'slds-button slds-button_icon slds-notify__close slds-button_icon-inverse', '×');
  close.setAttribute('aria-label', 'Close');
  close.addEventListener('click', () => box.remove());
  box.appendChild(close);
  region.appendChild(box);
}

/** Renders the page named by `?page=` (or the index) and wires toasts and navigation. */
export function startShell(options: ShellOptions): void {
  const doc = browser.document;
  const params = new URLSearchParams(browser.location.search);
  const current = options.pages.find((p) => p.id === params.get('page'));
  doc.title = current ? `${current.title} · PRM preview` : 'PRM preview';

  const toasts = element('div', 'slds-notify_container preview-toasts');
  doc.addEventListener(TOAST_EVENT, (event: PreviewEvent) => {
    const detail = (event as PreviewCustomEvent<ShowToastEventInit>).detail;
    probe().toasts.push({ title: detail.title, message: detail.message, variant: detail.variant });
    showToast(toasts, detail);
  });
  doc.addEventListener(REFRESH_EVENT, () => probe().navigations.push({ type: 'refresh' }));

  setNavigationHost({
    navigate: (pageRef, replace) => {
      const target = findPage(options.pages, pageRef);
      if (target && !replace) {
        browser.location.assign(pageUrl(target, refState(pageRef)));
        return;
      }
      showToast(toasts, {
        title: 'Navigation',
        message: `The platform would open ${pageRef.type} ${JSON.stringify(pageRef.attributes ?? {})}; the preview has no such page.`,
        variant: 'info',
      });
    },
    urlFor: (pageRef) => {
      const target = findPage(options.pages, pageRef);
      return target ? pageUrl(target, refState(pageRef)) : '#';
    },
    current: () => ({
      type: 'comm__namedPage',
      attributes: { name: current?.navigationNames[0] ?? 'Home' },
      state: Object.fromEntries([...params.entries()].filter(([key]) => key !== 'page')),
    }),
  });

  doc.body.appendChild(renderHeader(options, current));
  const main = element('main', 'slds-p-around_medium preview-main');
  main.id = 'main';
  main.setAttribute('tabindex', '-1');
  doc.body.appendChild(main);
  doc.body.appendChild(toasts);

  if (!current) {
    renderIndex(main, options.pages);
  } else {
    if (!current.analytics) {
      main.appendChild(element('h1', 'slds-assistive-text', current.title));
    }
    current.platformComponents.forEach((definition) => main.appendChild(renderPlatformComponent(definition)));
    if (current.analytics) {
      renderAnalytics(main, current.analytics, current.id);
    }
    const stateRecordId = params.get('recordId');
    for (const placed of current.components) {
      const host = element('section', 'slds-m-bottom_medium preview-slot');
      host.setAttribute('aria-label', `${placed.component} component`);
      const el = options.createElement(placed.tag, { is: options.constructors[placed.tag] });
      const props = {
        ...placed.props,
        ...(stateRecordId && 'recordId' in placed.props ? { recordId: stateRecordId } : {}),
      };
      Object.assign(el, props);
      host.appendChild(el);
      main.appendChild(host);
    }
  }
  probe().page = current?.id ?? 'index';
  probe().ready = true;
}
