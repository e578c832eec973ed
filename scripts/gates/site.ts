/**
 * Gate `check:site`: the LWR site in source is consistent before an org sees it.
 *   - every content item of the DigitalExperienceBundle parses and has the shape its content
 *     type needs (a JSON Schema per type, scripts/site/schemas.ts);
 *   - every route opens an existing view of the route's type, and says who may open it;
 *   - every view's theme layout type is one the active theme maps to a layout;
 *   - every navigation item opens an existing route, public exactly when the route is;
 *   - every component a view or theme layout places exists in a package directory, is
 *     exposed for `lightningCommunity__Page`, and every property set on it is declared in
 *     its `lightningCommunity__Default` targetConfig with a value of the declared type;
 *     standard components are ones we know;
 *   - public routes are exactly the guest ones: a route is public when, and only when, every
 *     Apex class its components call is granted to the guest persona; member routes only
 *     call Apex the member persona is granted; the site's Network admits members by the member
 *     persona and has self-registration off.
 * It cannot see whether the org accepts the bundle or renders the standard components.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import type { Finding } from '../lib/findings';
import { listFiles, packageDirectories } from '../lib/project';
import { BUILDER_ATTRIBUTES, STANDARD_COMPONENTS } from '../site/standardComponents';
import { fitsPropertyType, PAGE_TARGET, PROPERTY_TARGET, readComponents, type ComponentInfo } from '../site/components';
import { GUEST_PERSONA, grantedApexClasses, MEMBER_PERSONA } from '../site/personas';
import { CONTENT_SCHEMAS, META_SCHEMA, type ComponentNode } from '../site/schemas';
import {
  findBundles,
  findNavigationMenus,
  itemsOf,
  placedComponents,
  routeForTarget,
  routesOf,
  themeLayoutFor,
  type ContentItem,
  type Route,
  type SiteBundle,
} from '../site/siteModel';

const ajv = new Ajv({ allErrors: true, strict: false });
const validateMeta = ajv.compile(META_SCHEMA);
const validators = new Map<string, ValidateFunction>(
  Object.entries(CONTENT_SCHEMAS).map(([type, schema]) => [type, ajv.compile(schema)]),
);

function schemaErrors(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .slice(0, 3)
    .map(
      (e) =>
        `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as string[]).join(', ')})` : ''}`,
    )
    .join('; ');
}

/** Files parse and match the schema of their content type. */
export function checkShapes(bundle: SiteBundle): Finding[] {
  const findings: Finding[] = [];
  for (const item of bundle.items) {
    for (const error of item.readErrors) {
      findings.push({
        file: error.file,
        check: 'site-shape',
        message: `${item.type}/${item.apiName}: ${error.message}`,
      });
    }
    if (item.meta) {
      if (!validateMeta(item.meta)) {
        findings.push({
          file: item.metaFile,
          check: 'site-shape',
          message: `_meta.json: ${schemaErrors(validateMeta)}`,
        });
      } else if (item.meta.apiName !== item.apiName || item.meta.type !== item.type) {
        findings.push({
          file: item.metaFile,
          check: 'site-shape',
          message: `_meta.json names ${String(item.meta.type)}/${String(item.meta.apiName)}, but sits in ${item.type}/${item.apiName}`,
        });
      }
    }
    if (!item.content) {
      continue;
    }
    const validate = validators.get(item.type);
    if (!validate) {
      findings.push({
        file: item.contentFile,
        check: 'site-shape',
        message: `no schema for content type ${item.type}`,
      });
    } else if (!validate(item.content)) {
      findings.push({
        file: item.contentFile,
        check: 'site-shape',
        message: `${item.type}: ${schemaErrors(validate)}`,
      });
    }
  }
  return findings;
}

function viewComponents(view: ContentItem | undefined): ComponentNode | undefined {
  return view?.content?.contentBody?.component as ComponentNode | undefined;
}

/** Routes open existing views of their type; views use a theme layout the theme has. */
export function checkRoutes(bundle: SiteBundle, routes: readonly Route[]): Finding[] {
  const findings: Finding[] = [];
  const views = new Map(itemsOf(bundle, 'sfdc_cms__view').map((v) => [v.apiName, v]));
  const prefixes = new Map<string, string>();
  for (const route of routes) {
    const file = route.item.contentFile;
    const view = views.get(route.viewId);
    if (!view) {
      findings.push({
        file,
        check: 'site-route',
        message: `route ${route.apiName} opens view "${route.viewId}", which does not exist`,
      });
    } else if (view.content?.contentBody?.viewType !== route.routeType) {
      findings.push({
        file,
        check: 'site-route',
        message: `route ${route.apiName} is a ${route.routeType} route but opens view ${route.viewId} of type ${String(view.content?.contentBody?.viewType)}`,
      });
    }
    // A missing pageAccess is a shape finding already.
    if (route.pageAccess !== '' && route.pageAccess !== 'Public' && route.pageAccess !== 'RequiresLogin') {
      findings.push({
        file,
        check: 'site-access',
        message: `route ${route.apiName}: pageAccess must say Public or RequiresLogin, not ${route.pageAccess}`,
      });
    }
    const other = prefixes.get(route.urlPrefix);
    if (other) {
      findings.push({
        file,
        check: 'site-route',
        message: `route ${route.apiName} uses URL /${route.urlPrefix}, as ${other} does`,
      });
    }
    prefixes.set(route.urlPrefix, route.apiName);
  }
  for (const view of views.values()) {
    const layoutType = String(view.content?.contentBody?.themeLayoutType ?? '');
    if (view.content && !themeLayoutFor(bundle, layoutType)) {
      findings.push({
        file: view.contentFile,
        check: 'site-route',
        message: `view ${view.apiName} uses theme layout type "${layoutType}", which the active theme maps to no layout`,
      });
    }
  }
  return findings;
}

/** Navigation items open existing routes; an item is public exactly when its route is. */
export function checkNavigation(routes: readonly Route[], root: string): Finding[] {
  const findings: Finding[] = [];
  for (const menu of findNavigationMenus(root)) {
    for (const item of menu.items.filter((i) => i.type === 'InternalLink')) {
      const route = routeForTarget(routes, item.target);
      if (!route) {
        findings.push({
          file: menu.file,
          check: 'site-navigation',
          message: `menu item "${item.label}" opens ${item.target}, which no route serves`,
        });
      } else if (item.publiclyAvailable !== (route.pageAccess === 'Public')) {
        findings.push({
          file: menu.file,
          check: 'site-navigation',
          message: `menu item "${item.label}" is ${item.publiclyAvailable ? '' : 'not '}publicly available, but route ${route.apiName} is ${route.pageAccess}`,
        });
      }
    }
  }
  return findings;
}

/** Every placed component exists, may be placed, and gets only properties it declares. */
export function checkComponents(
  file: string,
  tree: ComponentNode | undefined,
  components: Map<string, ComponentInfo>,
): Finding[] {
  const findings: Finding[] = [];
  for (const placed of placedComponents(tree)) {
    const [namespace, name] = placed.definition.split(':');
    if (namespace !== 'c') {
      if (!STANDARD_COMPONENTS.has(placed.definition)) {
        findings.push({
          file,
          check: 'site-component',
          message: `${placed.definition} is not a standard component we know (scripts/site/standardComponents.ts)`,
        });
      }
      continue;
    }
    const info = components.get(name);
    if (!info) {
      findings.push({
        file,
        check: 'site-component',
        message: `component c:${name} does not exist in any package directory's lwc folder`,
      });
      continue;
    }
    if (!info.exposed || !info.targets.includes(PAGE_TARGET)) {
      findings.push({
        file,
        check: 'site-component',
        message: `component c:${name} is not exposed for ${PAGE_TARGET}`,
      });
    }
    for (const [attribute, value] of Object.entries(placed.attributes)) {
      if (BUILDER_ATTRIBUTES.has(attribute)) {
        continue;
      }
      const property = info.properties.get(attribute);
      if (!property) {
        findings.push({
          file,
          check: 'site-property',
          message: `c:${name} has no property "${attribute}" in its ${PROPERTY_TARGET} targetConfig`,
        });
      } else if (!fitsPropertyType(property.type, value)) {
        findings.push({
          file,
          check: 'site-property',
          message: `c:${name} property "${attribute}" has type ${property.type}, but is set to ${JSON.stringify(value)}`,
        });
      }
    }
  }
  return findings;
}

/** Apex classes the components of a route (its view and its theme layout) call. */
function apexOfRoute(
  bundle: SiteBundle,
  view: ContentItem | undefined,
  components: Map<string, ComponentInfo>,
): Set<string> {
  const layout = themeLayoutFor(bundle, String(view?.content?.contentBody?.themeLayoutType ?? ''));
  const trees = [viewComponents(view), layout?.content?.contentBody?.component as ComponentNode | undefined];
  return new Set(
    trees
      .flatMap(placedComponents)
      .filter((p) => p.definition.startsWith('c:'))
      .flatMap((p) => [...(components.get(p.definition.slice(2))?.apexClasses ?? [])]),
  );
}

/** Public routes are exactly those whose Apex the guest persona may call. */
export function checkAccess(
  bundle: SiteBundle,
  routes: readonly Route[],
  components: Map<string, ComponentInfo>,
  root: string,
): Finding[] {
  const guest = grantedApexClasses(root, GUEST_PERSONA);
  const member = grantedApexClasses(root, MEMBER_PERSONA);
  const findings: Finding[] = [];
  if (!guest || !member) {
    return [
      {
        file: bundle.dir,
        check: 'site-access',
        message: `permission set ${!guest ? GUEST_PERSONA : MEMBER_PERSONA} not found`,
      },
    ];
  }
  const views = new Map(itemsOf(bundle, 'sfdc_cms__view').map((v) => [v.apiName, v]));
  // A route without its view is a route finding already.
  for (const route of routes.filter((r) => views.has(r.viewId))) {
    const apex = [...apexOfRoute(bundle, views.get(route.viewId), components)].sort();
    const notForGuests = apex.filter((c) => !guest.has(c));
    const file = route.item.contentFile;
    if (route.pageAccess === 'Public' && notForGuests.length > 0) {
      findings.push({
        file,
        check: 'site-access',
        message: `route ${route.apiName} is Public, but its components call Apex ${GUEST_PERSONA} does not grant: ${notForGuests.join(', ')}`,
      });
    }
    if (route.pageAccess === 'RequiresLogin') {
      if (notForGuests.length === 0) {
        findings.push({
          file,
          check: 'site-access',
          message: `route ${route.apiName} requires login, but everything on it is granted to guests: make it Public or give it a member component`,
        });
      }
      const notForMembers = apex.filter((c) => !member.has(c));
      if (notForMembers.length > 0) {
        findings.push({
          file,
          check: 'site-access',
          message: `route ${route.apiName}: its components call Apex ${MEMBER_PERSONA} does not grant: ${notForMembers.join(', ')}`,
        });
      }
    }
  }
  return findings;
}

/** The Network of a site admits members by the member persona and lets nobody register on their own. */
export function checkNetwork(bundle: SiteBundle, root: string): Finding[] {
  const networks = packageDirectories(root)
    .flatMap((pkg) => listFiles(pkg, (f) => f.endsWith('.network-meta.xml')))
    .map((file) => ({ file, xml: readFileSync(file, 'utf8') }))
    .filter(({ xml }) => new RegExp(`<picassoSite>\\s*${bundle.name}\\s*</picassoSite>`).test(xml));
  if (networks.length === 0) {
    return [
      { file: bundle.dir, check: 'site-access', message: `no Network names ${bundle.name} as its site (picassoSite)` },
    ];
  }
  return networks.flatMap(({ file, xml }) => {
    const findings: Finding[] = [];
    if (!new RegExp(`<permissionSet>\\s*${MEMBER_PERSONA}\\s*</permissionSet>`).test(xml)) {
      findings.push({
        file,
        check: 'site-access',
        message: `the Network's member groups do not admit ${MEMBER_PERSONA}`,
      });
    }
    if (!/<selfRegistration>\s*false\s*<\/selfRegistration>/.test(xml)) {
      findings.push({
        file,
        check: 'site-access',
        message: 'self-registration must be off: partners join by applying',
      });
    }
    return findings;
  });
}

export async function run(root: string): Promise<Finding[]> {
  const bundles = findBundles(root);
  if (bundles.length === 0) {
    return [];
  }
  const components = readComponents(root);
  const findings: Finding[] = [];
  for (const bundle of bundles) {
    findings.push(...checkShapes(bundle));
    const routes = routesOf(bundle);
    findings.push(...checkRoutes(bundle, routes));
    findings.push(...checkNavigation(routes, root));
    for (const item of [...itemsOf(bundle, 'sfdc_cms__view'), ...itemsOf(bundle, 'sfdc_cms__themeLayout')]) {
      findings.push(
        ...checkComponents(
          item.contentFile,
          item.content?.contentBody?.component as ComponentNode | undefined,
          components,
        ),
      );
    }
    findings.push(...checkAccess(bundle, routes, components, root));
    findings.push(...checkNetwork(bundle, root));
  }
  return findings.map((f) => ({ ...f, file: path.resolve(f.file) }));
}
