/**
 * Gate `check:metadata`: every XML file in the package directories is well-formed, its
 * root is a Metadata API type, and every element is one that type declares, checked
 * against the Metadata API schema (from the WSDL) that jsforce ships. It catches
 * misspelt or misplaced elements that source conversion silently carries along and only
 * a deploy would reject. It does not know enum values (e.g. a field's `type`).
 */
import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ApiSchemas } from 'jsforce/lib/api/metadata/schema';
import { listFiles, packageDirectories } from '../lib/project';
import { lineOf, type Finding } from '../lib/findings';
import { SITE_SCHEMA_ADDITIONS } from './metadataSiteSchema';
import { FLOW_SCHEMA_ADDITIONS } from './metadataFlowSchema';

type PropType = string | [string];
interface SchemaType {
  type: string;
  props: Record<string, PropType>;
  extends?: string;
}

const SCHEMAS = ApiSchemas as unknown as Record<string, SchemaType>;

/**
 * Elements added to the Metadata API after the WSDL jsforce was generated from, or
 * typed there as opaque strings although they hold XML. Each is a documented element of
 * the current API (Metadata API Developer Guide).
 */
const SCHEMA_ADDITIONS: Record<string, Record<string, PropType>> = {
  FlexiPageRegion: { itemInstances: ['ItemInstance'] },
  ItemInstance: { componentInstance: '?ComponentInstance', fieldInstance: '?FieldInstance' },
  ComponentInstance: { identifier: '?string' },
  FieldInstance: {
    fieldInstanceProperties: ['ComponentInstanceProperty'],
    fieldItem: 'string',
    identifier: '?string',
    visibilityRule: '?UiFormulaRule',
  },
  LightningComponentBundle: { targetConfigs: '?any', capabilities: '?any' },
  CustomField: { securityClassification: '?string', trackHistory: '?boolean', trackFeedHistory: '?boolean' },
  ...SITE_SCHEMA_ADDITIONS,
  ...FLOW_SCHEMA_ADDITIONS,
};

/** Root types that exist in the current API but not in jsforce's WSDL: not checked below the root. */
const OPAQUE_ROOTS = new Set(['DigitalExperience', 'ExperienceBundle', 'LightningTypeBundle']);

function propsOf(typeName: string): Record<string, PropType> | undefined {
  const schema = SCHEMAS[typeName];
  if (!schema && !SCHEMA_ADDITIONS[typeName]) {
    return undefined;
  }
  const inherited = schema?.extends ? (propsOf(schema.extends) ?? {}) : {};
  return { ...inherited, ...(schema?.props ?? {}), ...(SCHEMA_ADDITIONS[typeName] ?? {}) };
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  ignoreDeclaration: true,
  commentPropName: '#comment',
});

function elementName(node: OrderedNode): string | undefined {
  return Object.keys(node).find((k) => k !== ':@' && k !== '#text' && k !== '#comment');
}

export function checkXml(file: string, text: string): Finding[] {
  const validity = XMLValidator.validate(text);
  if (validity !== true) {
    return [{ file, line: validity.err.line, column: validity.err.col, check: 'xml', message: validity.err.msg }];
  }
  const nodes = parser.parse(text) as OrderedNode[];
  const root = nodes.map((n) => ({ node: n, name: elementName(n) })).find((n) => n.name);
  if (!root?.name) {
    return [{ file, check: 'xml', message: 'no root element' }];
  }
  if (OPAQUE_ROOTS.has(root.name)) {
    return [];
  }
  if (!propsOf(root.name)) {
    return [
      {
        file,
        line: lineOf(text, text.indexOf(`<${root.name}`)),
        check: 'metadata-schema',
        message: `unknown Metadata API type <${root.name}>`,
      },
    ];
  }
  const findings: Finding[] = [];
  let searchFrom = 0;
  const locate = (name: string): number => {
    const at = text.indexOf(`<${name}`, searchFrom);
    if (at >= 0) {
      searchFrom = at + 1;
    }
    return lineOf(text, Math.max(at, 0));
  };
  const visit = (typeName: string, children: OrderedNode[], trail: string): void => {
    const props = propsOf(typeName);
    if (!props) {
      return;
    }
    for (const child of children) {
      const name = elementName(child);
      if (!name) {
        continue;
      }
      const line = locate(name);
      const declared = props[name];
      if (declared === undefined) {
        findings.push({
          file,
          line,
          check: 'metadata-schema',
          message: `<${name}> is not an element of ${typeName} (in ${trail})`,
        });
        continue;
      }
      const childType = (Array.isArray(declared) ? declared[0] : declared).replace(/^\?/, '');
      const grandChildren = (child[name] as OrderedNode[]) ?? [];
      const hasElements = grandChildren.some((g) => elementName(g) !== undefined);
      if (childType === 'any') {
        continue;
      }
      if (SCHEMAS[childType] || SCHEMA_ADDITIONS[childType]) {
        visit(childType, grandChildren, `${trail}/${name}`);
      } else if (hasElements) {
        findings.push({
          file,
          line,
          check: 'metadata-schema',
          message: `<${name}> in ${typeName} holds a ${childType} value, not elements`,
        });
      }
    }
  };
  visit(root.name, (root.node[root.name] as OrderedNode[]) ?? [], root.name);
  return findings;
}

export async function run(root: string): Promise<Finding[]> {
  return packageDirectories(root)
    .flatMap((dir) => listFiles(dir, (f) => f.endsWith('.xml')))
    .flatMap((file) => checkXml(file, readFileSync(file, 'utf8')));
}
