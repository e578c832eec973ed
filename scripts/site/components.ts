/**
 * What the site gate needs to know of a Lightning web component from its compiled bundle in
 * a package directory (`lwc/<name>/`): whether Experience Builder may place it, the
 * properties an admin may set on it, and the Apex classes it (and the components it
 * imports) call — which decides who can use a page it is on.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { listFiles, packageDirectories } from '../lib/project';

export interface ComponentProperty {
  name: string;
  type: string;
}

export interface ComponentInfo {
  name: string;
  metaFile: string;
  exposed: boolean;
  targets: string[];
  /** Builder properties: the targetConfig for `lightningCommunity__Default`. */
  properties: Map<string, ComponentProperty>;
  /** Apex classes imported by the component and, transitively, the `c/` modules it imports. */
  apexClasses: Set<string>;
}

export const PAGE_TARGET = 'lightningCommunity__Page';
export const PROPERTY_TARGET = 'lightningCommunity__Default';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  isArray: (name) => ['target', 'targetConfig', 'property'].includes(name),
});

interface MetaXml {
  LightningComponentBundle?: {
    isExposed?: string;
    targets?: { target?: string[] };
    targetConfigs?: { targetConfig?: { targets?: string; property?: { name?: string; type?: string }[] }[] };
  };
}

/** The folder of each component in the package directories' `lwc` folders. */
function componentDirs(root: string): Map<string, string> {
  const dirs = new Map<string, string>();
  for (const pkg of packageDirectories(root)) {
    for (const meta of listFiles(
      pkg,
      (f) => f.endsWith('.js-meta.xml') && path.basename(path.dirname(path.dirname(f))) === 'lwc',
    )) {
      dirs.set(path.basename(path.dirname(meta)), path.dirname(meta));
    }
  }
  return dirs;
}

function importsIn(dir: string): { apex: string[]; modules: string[] } {
  const apex: string[] = [];
  const modules: string[] = [];
  for (const file of listFiles(dir, (f) => f.endsWith('.js'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/from\s+['"]@salesforce\/apex\/([A-Za-z0-9_]+)\.[A-Za-z0-9_]+['"]/g)) {
      apex.push(match[1]);
    }
    for (const match of text.matchAll(/from\s+['"]c\/([A-Za-z0-9_]+)['"]/g)) {
      modules.push(match[1]);
    }
  }
  return { apex, modules };
}

/** Reads every component of the project once; look-ups by folder name. */
export function readComponents(root: string): Map<string, ComponentInfo> {
  const dirs = componentDirs(root);
  const direct = new Map([...dirs].map(([name, dir]) => [name, importsIn(dir)]));
  const apexOf = (name: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(name)) {
      return new Set();
    }
    seen.add(name);
    const own = direct.get(name) ?? { apex: [], modules: [] };
    return new Set([...own.apex, ...own.modules.flatMap((m) => [...apexOf(m, seen)])]);
  };
  const out = new Map<string, ComponentInfo>();
  for (const [name, dir] of dirs) {
    const metaFile = path.join(dir, `${name}.js-meta.xml`);
    const meta = existsSync(metaFile) ? (parser.parse(readFileSync(metaFile, 'utf8')) as MetaXml) : {};
    const bundle = meta.LightningComponentBundle ?? {};
    const properties = new Map<string, ComponentProperty>();
    for (const config of bundle.targetConfigs?.targetConfig ?? []) {
      if (
        (config.targets ?? '')
          .split(',')
          .map((t) => t.trim())
          .includes(PROPERTY_TARGET)
      ) {
        for (const p of config.property ?? []) {
          if (p.name) {
            properties.set(p.name, { name: p.name, type: p.type ?? 'String' });
          }
        }
      }
    }
    out.set(name, {
      name,
      metaFile,
      exposed: String(bundle.isExposed).trim() === 'true',
      targets: bundle.targets?.target ?? [],
      properties,
      apexClasses: apexOf(name),
    });
  }
  return out;
}

/** Whether a value set in Builder fits a targetConfig property type. */
export function fitsPropertyType(type: string, value: unknown): boolean {
  switch (type) {
    case 'Boolean':
      return typeof value === 'boolean';
    case 'Integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'String':
    case 'Color':
    case 'Date':
    case 'DateTime':
    case 'ContentReference':
      return typeof value === 'string';
    default:
      return true;
  }
}
