/**
 * Reads an LWR site kept in source (DigitalExperienceBundle `site/<name>` with its
 * NavigationMenu) into one model the `check:site` gate and the browser preview share:
 * content items by type, routes with their views, theme layouts, and the navigation menu.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { listFiles, packageDirectories } from '../lib/project';
import type { ComponentNode, RegionNode } from './schemas';

/** One content item: `<bundle>/<type>/<apiName>/{_meta.json,content.json}`. */
export interface ContentItem {
  type: string;
  apiName: string;
  dir: string;
  metaFile: string;
  contentFile: string;
  /** Parsed `content.json`, or undefined when it is missing or does not parse. */
  content?: { type?: string; title?: string; contentBody?: Record<string, unknown> };
  /** Parsed `_meta.json`. */
  meta?: Record<string, unknown>;
  /** Why a file of the item could not be read. */
  readErrors: { file: string; message: string }[];
}

export interface SiteBundle {
  name: string;
  dir: string;
  items: ContentItem[];
}

export interface MenuItem {
  file: string;
  label: string;
  position: number;
  target: string;
  type: string;
  publiclyAvailable: boolean;
}

export interface NavigationMenu {
  file: string;
  name: string;
  container: string;
  items: MenuItem[];
}

/** A placed component with the path of regions leading to it (for messages). */
export interface PlacedComponent {
  definition: string;
  id: string;
  attributes: Record<string, unknown>;
}

function readJson(file: string, errors: ContentItem['readErrors']): Record<string, unknown> | undefined {
  if (!existsSync(file)) {
    errors.push({ file, message: 'missing' });
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    errors.push({ file, message: `does not parse as JSON: ${(error as Error).message}` });
    return undefined;
  }
}

const subdirs = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((e) => statSync(path.join(dir, e)).isDirectory())
        .sort()
    : [];

export function readBundle(dir: string): SiteBundle {
  const items: ContentItem[] = [];
  for (const type of subdirs(dir)) {
    for (const apiName of subdirs(path.join(dir, type))) {
      const itemDir = path.join(dir, type, apiName);
      const readErrors: ContentItem['readErrors'] = [];
      const metaFile = path.join(itemDir, '_meta.json');
      const contentFile = path.join(itemDir, 'content.json');
      items.push({
        type,
        apiName,
        dir: itemDir,
        metaFile,
        contentFile,
        meta: readJson(metaFile, readErrors),
        content: readJson(contentFile, readErrors) as ContentItem['content'],
        readErrors,
      });
    }
  }
  return { name: path.basename(dir), dir, items };
}

/** Every `digitalExperiences/site/<name>` folder of the project's package directories. */
export function findBundles(root: string): SiteBundle[] {
  return packageDirectories(root).flatMap((pkg) =>
    listFiles(pkg, (f) => f.endsWith('.digitalExperience-meta.xml'))
      .filter((f) => path.basename(path.dirname(path.dirname(f))) === 'site')
      .map((f) => readBundle(path.dirname(f))),
  );
}

const xml = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => name === 'navigationMenuItem',
});

export function readNavigationMenu(file: string): NavigationMenu {
  const parsed = xml.parse(readFileSync(file, 'utf8')) as {
    NavigationMenu?: { container?: string; navigationMenuItem?: Record<string, string>[] };
  };
  const menu = parsed.NavigationMenu ?? {};
  return {
    file,
    name: path.basename(file).replace(/\.navigationMenu-meta\.xml$/, ''),
    container: menu.container ?? '',
    items: (menu.navigationMenuItem ?? [])
      .map((item) => ({
        file,
        label: item.label ?? '',
        position: Number(item.position),
        target: item.target ?? '',
        type: item.type ?? '',
        publiclyAvailable: item.publiclyAvailable === 'true',
      }))
      .sort((a, b) => a.position - b.position),
  };
}

export function findNavigationMenus(root: string): NavigationMenu[] {
  return packageDirectories(root)
    .flatMap((pkg) => listFiles(pkg, (f) => f.endsWith('.navigationMenu-meta.xml')))
    .map(readNavigationMenu);
}

/** Every component in a component tree, depth first, the root included. */
export function placedComponents(root: ComponentNode | undefined): PlacedComponent[] {
  if (!root) {
    return [];
  }
  const out: PlacedComponent[] = [];
  const visit = (node: ComponentNode): void => {
    out.push({ definition: node.definition, id: node.id, attributes: node.attributes ?? {} });
    (node.children ?? []).forEach((region: RegionNode) => (region.children ?? []).forEach(visit));
  };
  visit(root);
  return out;
}

export const itemsOf = (bundle: SiteBundle, type: string): ContentItem[] => bundle.items.filter((i) => i.type === type);

/** Route as the gate and the preview read it. */
export interface Route {
  item: ContentItem;
  apiName: string;
  title: string;
  viewId: string;
  urlPrefix: string;
  routeType: string;
  pageAccess: string;
}

export function routesOf(bundle: SiteBundle): Route[] {
  return itemsOf(bundle, 'sfdc_cms__route').map((item) => {
    const body = item.content?.contentBody ?? {};
    return {
      item,
      apiName: item.apiName,
      title: item.content?.title ?? item.apiName,
      viewId: String(body.activeViewId ?? ''),
      urlPrefix: String(body.urlPrefix ?? ''),
      routeType: String(body.routeType ?? ''),
      pageAccess: String(body.pageAccess ?? ''),
    };
  });
}

/** The route a navigation target (`/`, `/register-deal`) opens. */
export function routeForTarget(routes: readonly Route[], target: string): Route | undefined {
  const prefix = target.replace(/^\//, '').split(/[/?#]/)[0];
  return routes.find((r) => r.urlPrefix === prefix);
}

/** The theme layout a view is shown in: the active theme maps its layout type to a layout. */
export function themeLayoutFor(bundle: SiteBundle, layoutType: string): ContentItem | undefined {
  const appPage = itemsOf(bundle, 'sfdc_cms__appPage')[0];
  const themeId = String(appPage?.content?.contentBody?.currentThemeId ?? '');
  const theme = itemsOf(bundle, 'sfdc_cms__theme').find((t) => t.apiName === themeId);
  const layouts = (theme?.content?.contentBody?.layouts ?? []) as { layoutId: string; layoutType: string }[];
  const layoutId = layouts.find((l) => l.layoutType === layoutType)?.layoutId;
  return itemsOf(bundle, 'sfdc_cms__themeLayout').find((l) => l.apiName === layoutId);
}
