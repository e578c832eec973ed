/**
 * Generates TypeScript declarations for every `@salesforce/apex/Class.method` an LWC can
 * import: each `@AuraEnabled` static method becomes a typed callable (imperative call
 * with one named-parameter object) and wire adapter. Inner classes with `@AuraEnabled`
 * members become interfaces, so an LWC that passes the wrong parameters or reads a field
 * the server never sends fails `tsc`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ApexParserFactory,
  ClassBodyDeclarationContext,
  ClassDeclarationContext,
  type ModifierContext,
} from '@apexdevtools/apex-parser';
import { apexSources } from '../lib/project';
import type { SObjectCatalog } from '../lib/sobjectCatalog';

interface ApexMethod {
  className: string;
  name: string;
  params: { name: string; type: string }[];
  returnType: string;
}

interface ApexShape {
  name: string;
  fields: { name: string; type: string }[];
}

const hasAuraEnabled = (modifiers: ModifierContext[]): boolean =>
  modifiers.some((m) => m.annotation()?.id().getText().toLowerCase() === 'auraenabled');
const isStatic = (modifiers: ModifierContext[]): boolean => modifiers.some((m) => m.STATIC() !== null);

/** Splits `Map<String,List<Foo>>` into its head and type arguments. */
function splitGeneric(text: string): { head: string; args: string[] } {
  const open = text.indexOf('<');
  if (open < 0) {
    return { head: text, args: [] };
  }
  const inner = text.slice(open + 1, text.lastIndexOf('>'));
  const args: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '<') depth++;
    if (inner[i] === '>') depth--;
    if (inner[i] === ',' && depth === 0) {
      args.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  args.push(inner.slice(start));
  return { head: text.slice(0, open), args };
}

export class ApexTypeMapper {
  constructor(
    private readonly catalog: SObjectCatalog,
    private readonly shapes: Map<string, ApexShape>,
  ) {}

  toTs(apexType: string, ownerClass: string): string {
    const text = apexType.replace(/\s+/g, '');
    if (text.endsWith('[]')) {
      return `${this.toTs(text.slice(0, -2), ownerClass)}[]`;
    }
    const { head, args } = splitGeneric(text);
    const lower = head.toLowerCase();
    if (lower === 'list' || lower === 'set') {
      return `${this.wrap(this.toTs(args[0] ?? 'Object', ownerClass))}[]`;
    }
    if (lower === 'map') {
      return `Record<string, ${this.toTs(args[1] ?? 'Object', ownerClass)}>`;
    }
    const scalar: Record<string, string> = {
      string: 'string',
      id: 'string',
      integer: 'number',
      long: 'number',
      decimal: 'number',
      double: 'number',
      boolean: 'boolean',
      date: 'string',
      datetime: 'string',
      time: 'string',
      object: 'unknown',
      void: 'void',
      blob: 'string',
    };
    if (scalar[lower]) {
      return scalar[lower];
    }
    if (lower === 'sobject' || this.catalog.getObject(head)) {
      return 'PrmApex.SObjectRecord';
    }
    const qualified = head.includes('.') ? head : `${ownerClass}.${head}`;
    const shape = this.shapes.get(qualified.toLowerCase());
    return shape ? `PrmApex.${shape.name.replace('.', '_')}` : 'unknown';
  }

  private wrap(type: string): string {
    return /[|&]/.test(type) ? `(${type})` : type;
  }
}

export function readApexApi(root: string): { methods: ApexMethod[]; shapes: Map<string, ApexShape> } {
  const methods: ApexMethod[] = [];
  const shapes = new Map<string, ApexShape>();
  for (const file of apexSources(root).filter((f) => f.endsWith('.cls'))) {
    const parser = ApexParserFactory.createParser(readFileSync(file, 'utf8'));
    const unit = parser.compilationUnit();
    const top = unit.typeDeclaration()?.classDeclaration();
    if (!top) {
      continue;
    }
    const className = path.basename(file, '.cls');
    for (const decl of top.classBody().classBodyDeclaration_list()) {
      collect(decl, className);
    }
  }
  return { methods, shapes };

  function collect(decl: ClassBodyDeclarationContext, className: string): void {
    const member = decl.memberDeclaration();
    if (!member) {
      return;
    }
    const modifiers = decl.modifier_list();
    const method = member.methodDeclaration();
    if (method && hasAuraEnabled(modifiers) && isStatic(modifiers)) {
      methods.push({
        className,
        name: method.id().getText(),
        returnType: method.VOID() ? 'void' : method.typeRef().getText(),
        params: (method.formalParameters().formalParameterList()?.formalParameter_list() ?? []).map((p) => ({
          name: p.id().getText(),
          type: p.typeRef().getText(),
        })),
      });
    }
    const inner = member.classDeclaration();
    if (inner instanceof ClassDeclarationContext) {
      const shapeName = `${className}.${inner.id().getText()}`;
      const fields: ApexShape['fields'] = [];
      for (const innerDecl of inner.classBody().classBodyDeclaration_list()) {
        const innerMember = innerDecl.memberDeclaration();
        if (!innerMember || !hasAuraEnabled(innerDecl.modifier_list())) {
          continue;
        }
        const property = innerMember.propertyDeclaration();
        const field = innerMember.fieldDeclaration();
        if (property) {
          fields.push({ name: property.id().getText(), type: property.typeRef().getText() });
        } else if (field) {
          for (const v of field.variableDeclarators().variableDeclarator_list()) {
            fields.push({ name: v.id().getText(), type: field.typeRef().getText() });
          }
        }
      }
      shapes.set(shapeName.toLowerCase(), { name: shapeName, fields });
    }
  }
}

/** The d.ts text for every Apex import, deterministic for a given source tree. */
export function apexDeclarations(root: string, catalog: SObjectCatalog): string {
  const { methods, shapes } = readApexApi(root);
  const mapper = new ApexTypeMapper(catalog, shapes);
  const lines: string[] = [
    '// Generated by `npm run build` from the Apex sources. Do not edit.',
    'declare namespace PrmApex {',
    '  type SObjectRecord = { Id?: string; [field: string]: unknown };',
    "  type Method<P, R> = ((params: P) => Promise<R>) & import('lwc').WireAdapterConstructor<P, { data?: R; error?: unknown }>;",
  ];
  for (const shape of [...shapes.values()]
    .filter((s) => s.fields.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const owner = shape.name.split('.')[0];
    lines.push(`  interface ${shape.name.replace('.', '_')} {`);
    for (const field of shape.fields) {
      lines.push(`    ${field.name}?: ${mapper.toTs(field.type, owner)};`);
    }
    lines.push('  }');
  }
  lines.push('}', '');
  for (const m of methods.sort((a, b) => `${a.className}.${a.name}`.localeCompare(`${b.className}.${b.name}`))) {
    const params = m.params.length
      ? `{ ${m.params.map((p) => `${p.name}: ${mapper.toTs(p.type, m.className)}`).join('; ')} }`
      : 'Record<string, never>';
    const result = mapper.toTs(m.returnType, m.className);
    lines.push(
      `declare module '@salesforce/apex/${m.className}.${m.name}' {`,
      `  const method: PrmApex.Method<${params}, ${result === 'void' ? 'null' : result}>;`,
      '  export default method;',
      '}',
    );
  }
  return `${lines.join('\n')}\n`;
}
