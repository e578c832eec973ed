/**
 * The preview's portal pages, read from the LWR site in source: one page per route, in the
 * navigation menu's order, showing the components of the route's theme layout (header) and
 * view with the properties the site sets on them. A page added to the site appears in the
 * preview (and in the end-to-end run) without an entry here. Salesforce's own components a
 * view places (login form, logo, rich text) are listed by name: only the platform renders
 * them. The theme layout's navigation is the preview's own portal navigation bar, built in
 * the menu's order.
 */
import type { FieldValue } from './browser/types';
import type { PageSlotSpec, PageSpec } from './pages';
import { BUILDER_ATTRIBUTES } from '../site/standardComponents';
import type { ComponentNode } from '../site/schemas';
import {
  findBundles,
  findNavigationMenus,
  itemsOf,
  placedComponents,
  routeForTarget,
  routesOf,
  themeLayoutFor,
  type ContentItem,
  type PlacedComponent,
  type Route,
  type SiteBundle,
} from '../site/siteModel';

/** Structure and SEO only: nothing a visitor sees as a component. */
const INVISIBLE = /^(community_layout:|community_byo:scopedHeaderAndFooter$|community_builder:seoAssistant$)/;

/** `ForgotPassword` → `forgot-password`; the home route (no prefix) → `home`. */
export function pageIdOf(route: Route): string {
  return route.urlPrefix === '' ? 'home' : route.urlPrefix.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

function treeOf(item: ContentItem | undefined): ComponentNode | undefined {
  return item?.content?.contentBody?.component as ComponentNode | undefined;
}

function slotOf(placed: PlacedComponent, layout: boolean): PageSlotSpec {
  const props: Record<string, FieldValue> = {};
  for (const [name, value] of Object.entries(placed.attributes)) {
    if (!BUILDER_ATTRIBUTES.has(name) && (typeof value !== 'object' || value === null)) {
      props[name] = value as FieldValue;
    }
  }
  return { component: placed.definition.slice(2), props, layout };
}

function describe(view: ContentItem | undefined, fallback: string): string {
  const seo = placedComponents(treeOf(view)).find((p) => p.definition === 'community_builder:seoAssistant');
  const text = typeof seo?.attributes.description === 'string' ? seo.attributes.description : '';
  return text || fallback;
}

/** Routes in the order a partner meets them: the navigation menu's, then the others as the site lists them. */
function ordered(routes: Route[], root: string): Route[] {
  const menu = findNavigationMenus(root).flatMap((m) => m.items.map((i) => routeForTarget(routes, i.target)));
  const first = menu.filter((r): r is Route => r !== undefined);
  return [...new Set([...first, ...routes])];
}

export function pagesOfBundle(bundle: SiteBundle, root: string): PageSpec[] {
  const views = new Map(itemsOf(bundle, 'sfdc_cms__view').map((v) => [v.apiName, v]));
  return ordered(routesOf(bundle), root).map((route) => {
    const view = views.get(route.viewId);
    const layout = themeLayoutFor(bundle, String(view?.content?.contentBody?.themeLayoutType ?? ''));
    const header = placedComponents(treeOf(layout));
    const body = placedComponents(treeOf(view));
    const visible = (p: PlacedComponent) => !INVISIBLE.test(p.definition);
    return {
      id: pageIdOf(route),
      title: route.title,
      audience: 'portal',
      guest: route.pageAccess === 'Public',
      description: describe(view, route.title),
      slots: [
        ...header.filter((p) => p.definition.startsWith('c:')).map((p) => slotOf(p, true)),
        ...body.filter((p) => p.definition.startsWith('c:')).map((p) => slotOf(p, false)),
      ],
      platformComponents: body.filter((p) => visible(p) && !p.definition.startsWith('c:')).map((p) => p.definition),
      navigationNames: [...new Set([route.apiName, route.apiName.replace(/__c$/, '')])],
    };
  });
}

/** The portal pages of every LWR site in the project (there is one). */
export function sitePageSpecs(root: string): PageSpec[] {
  return findBundles(root).flatMap((bundle) => pagesOfBundle(bundle, root));
}
