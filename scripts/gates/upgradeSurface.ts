/**
 * The released surface of the package: what subscribers' orgs, flows and code may depend on
 * once a version is released, and what a managed package therefore cannot take back —
 * objects and fields with their types (custom metadata types included), global,
 * `@AuraEnabled` and `@InvocableMethod` signatures, and permission sets.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ApexParserFactory,
  ClassDeclarationContext,
  type ClassBodyDeclarationContext,
  type ModifierContext,
} from '@apexdevtools/apex-parser';
import { ComponentSet, type SourceComponent } from '@salesforce/source-deploy-retrieve';
import { XMLParser } from 'fast-xml-parser';
import { readProject } from '../lib/project';
import { isTestClass } from './packageApex';
import { packagedDirectory } from './package';

export const SURFACE_FILE = 'config/released-surface.json';

export interface ReleasedSurface {
  /** Object → custom field → field type (`Text`, `Lookup`, …); standard objects list our fields only. */
  objects: Record<string, Record<string, string>>;
  /** `Class.member(param types) returns type` → why it is public: global, AuraEnabled, InvocableMethod. */
  apex: Record<string, string>;
  permissionSets: string[];
}

const xml = new XMLParser({ ignoreAttributes: true });

function fieldType(component: SourceComponent): string {
  const parsed = xml.parse(readFileSync(component.xml as string, 'utf8')) as { CustomField?: { type?: string } };
  return parsed.CustomField?.type ?? 'unknown';
}

function exposure(modifiers: ModifierContext[]): string | undefined {
  if (modifiers.some((m) => m.GLOBAL() !== null)) {
    return 'global';
  }
  const annotation = modifiers
    .map((m) => m.annotation()?.id().getText().toLowerCase())
    .find((name) => name === 'auraenabled' || name === 'invocablemethod');
  return annotation === 'auraenabled'
    ? 'AuraEnabled'
    : annotation === 'invocablemethod'
      ? 'InvocableMethod'
      : undefined;
}

function apexMembers(declarations: ClassBodyDeclarationContext[], owner: string, out: Record<string, string>): void {
  for (const decl of declarations) {
    const member = decl.memberDeclaration();
    const why = exposure(decl.modifier_list());
    const inner = member?.classDeclaration();
    if (inner instanceof ClassDeclarationContext) {
      const name = `${owner}.${inner.id().getText()}`;
      if (why === 'global') {
        out[`${name} (class)`] = why;
      }
      apexMembers(inner.classBody().classBodyDeclaration_list(), name, out);
      continue;
    }
    if (!member || why === undefined) {
      continue;
    }
    const method = member.methodDeclaration();
    const property = member.propertyDeclaration() ?? member.fieldDeclaration();
    if (method) {
      const params = (method.formalParameters().formalParameterList()?.formalParameter_list() ?? [])
        .map((p) => p.typeRef().getText())
        .join(', ');
      const returns = method.VOID() ? 'void' : method.typeRef().getText();
      out[`${owner}.${method.id().getText()}(${params}) returns ${returns}`] = why;
    } else if (property && why === 'global') {
      const names =
        member.propertyDeclaration()?.id().getText() ??
        member
          .fieldDeclaration()
          ?.variableDeclarators()
          .variableDeclarator_list()
          .map((v) => v.id().getText())
          .join(', ');
      out[`${owner}.${String(names)}: ${property.typeRef().getText()}`] = why;
    }
  }
}

function sorted<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/** The surface the packaged directory exposes today. */
export function currentSurface(root: string): ReleasedSurface {
  const packaged = packagedDirectory(readProject(root));
  const surface: ReleasedSurface = { objects: {}, apex: {}, permissionSets: [] };
  if (packaged === undefined) {
    return surface;
  }
  const components = ComponentSet.fromSource(path.join(root, packaged)).getSourceComponents().toArray();
  const addField = (field: SourceComponent): void => {
    const [object, name] = field.fullName.split('.');
    (surface.objects[object] ??= {})[name] = fieldType(field);
  };
  for (const component of components) {
    if (component.type.name === 'CustomObject') {
      if (component.fullName.includes('__')) {
        surface.objects[component.fullName] ??= {};
      }
      component
        .getChildren()
        .filter((c) => c.type.name === 'CustomField' && c.fullName.split('.')[1]?.endsWith('__c'))
        .forEach(addField);
    } else if (component.type.name === 'PermissionSet') {
      surface.permissionSets.push(component.fullName);
    } else if (component.type.name === 'ApexClass' && component.content) {
      const source = readFileSync(component.content, 'utf8');
      const top = isTestClass(source)
        ? undefined
        : ApexParserFactory.createParser(source).compilationUnit().typeDeclaration()?.classDeclaration();
      if (top) {
        apexMembers(top.classBody().classBodyDeclaration_list(), top.id().getText(), surface.apex);
      }
    }
  }
  return {
    objects: sorted(Object.fromEntries(Object.entries(surface.objects).map(([o, f]) => [o, sorted(f)]))),
    apex: sorted(surface.apex),
    permissionSets: surface.permissionSets.sort(),
  };
}
