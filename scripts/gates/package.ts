/**
 * Gate `check:package`: the package still works when installed under its namespace (`pspm`),
 * where every custom object, field, permission and resource carries `pspm__`.
 * - `package:aura-dto`: `@AuraEnabled` methods and members exchange typed DTOs, never SObjects,
 *   `Object` or maps keyed by strings (their keys would reach the LWC as `pspm__Field__c`);
 * - `package:lwc-field-string`: LWCs name fields through `@salesforce/schema` imports, not strings;
 * - `package:namespace-query`: a query that finds a packaged component by name (template,
 *   notification type, static resource, permission set, custom permission) filters on
 *   `NamespacePrefix` too, or it may find a subscriber's own component of the same name;
 * - `package:hard-coded-namespace`: no literal `pspm__`: it breaks the unpackaged development org;
 * - `package:unknown-reference`: custom names in Apex strings (dynamic SOQL, `get('…')`, JSON keys)
 *   and the custom permissions `FeatureManagement.checkPermission` asks for are our own, so the
 *   platform resolves them to our namespace;
 * - `package:unpackageable`: the packaged directory holds no metadata type a second-generation
 *   managed package cannot contain (Metadata Coverage report): those go in an unpackaged directory;
 * - `package:project`: the packaging project (`sfdx-project.packaging.json`) names a namespace and
 *   packages the same directory, and that directory converts alone, without the unpackaged ones.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ComponentSet } from '@salesforce/source-deploy-retrieve';
import { lineOf, type Finding } from '../lib/findings';
import { apexSources, listFiles, readProject, type SfdxProject } from '../lib/project';
import { SObjectCatalog } from '../lib/sobjectCatalog';
import { auraSignatures, isTestClass, stringLiterals, withoutComments } from './packageApex';
import { lwcStringLiterals } from './packageLwc';
import { convertPackage } from './convert';

export const PACKAGING_PROJECT = 'sfdx-project.packaging.json';

/**
 * Metadata types the Metadata Coverage report lists as unsupported in second-generation
 * managed packages (the ones a project like ours meets): sites and their parts, org-wide
 * sharing configuration, groups and queues, profiles and org settings.
 */
export const UNPACKAGEABLE_TYPES = new Set([
  'Network',
  'CustomSite',
  'DigitalExperienceBundle',
  'DigitalExperienceConfig',
  'ExperienceBundle',
  'SiteDotCom',
  'NavigationMenu',
  'SharingRules',
  'SharingCriteriaRule',
  'SharingOwnerRule',
  'SharingGuestRule',
  'Group',
  'Queue',
  'Role',
  'Profile',
  'Settings',
  'Territory2Model',
  'Territory2Type',
]);

/** Setup objects whose records the package ships and code looks up by name. */
const NAMED_COMPONENT_OBJECTS = new Set([
  'emailtemplate',
  'customnotificationtype',
  'staticresource',
  'permissionset',
  'permissionsetgroup',
  'custompermission',
]);

const CUSTOM_NAME = /\b[A-Za-z][A-Za-z0-9_]*?__(?:c|r|mdt|e)\b/g;

/** The directory that is the package: the entry with `package`, else the default one. */
export function packagedDirectory(project: SfdxProject): string | undefined {
  const dirs = project.packageDirectories;
  return (dirs.find((d) => d.package !== undefined) ?? dirs.find((d) => d.default) ?? dirs[0])?.path;
}

/** The namespace the package is released under: the packaging project's, else the project's own. */
export function releaseNamespace(root: string): string | undefined {
  const file = path.join(root, PACKAGING_PROJECT);
  const project = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SfdxProject) : readProject(root);
  return project.namespace || undefined;
}

/** Every custom object, field and relationship name the project defines (lower case). */
function ownCustomNames(catalog: SObjectCatalog): Set<string> {
  const names = new Set<string>();
  for (const objectName of catalog.projectObjectNames()) {
    const object = catalog.getObject(objectName);
    if (object?.custom) {
      names.add(object.name.toLowerCase());
    }
    for (const field of object?.fields.values() ?? []) {
      if (field.custom) {
        names.add(field.name.toLowerCase());
        names.add(field.name.toLowerCase().replace(/__c$/, '__r'));
      }
    }
  }
  return names;
}

function auraFindings(file: string, source: string, catalog: SObjectCatalog): Finding[] {
  const isSObject = (type: string): boolean => /^s?object$/i.test(type) || catalog.getObject(type) !== undefined;
  const problem = (type: string): string | undefined => {
    const parts = type.split(/[<>,\s[\]]+/).filter(Boolean);
    if (/^map<string,/i.test(type.replace(/\s/g, ''))) {
      return 'a map keyed by strings';
    }
    const sobject = parts.find(isSObject);
    return sobject === undefined ? undefined : `the SObject type ${sobject}`;
  };
  return auraSignatures(source).flatMap((signature) => {
    const found = problem(signature.type);
    return found === undefined
      ? []
      : [
          {
            file,
            line: signature.line,
            check: 'package:aura-dto',
            message: `@AuraEnabled ${signature.what} uses ${found}: under a namespace its keys arrive prefixed (ns__Field__c); exchange a typed DTO`,
          },
        ];
  });
}

function namedQueryFindings(file: string, source: string): Finding[] {
  const findings: Finding[] = [];
  const text = withoutComments(source);
  for (const match of text.matchAll(/\[\s*SELECT\b[\s\S]*?\]/gi)) {
    const soql = match[0];
    const from = /\bFROM\s+(\w+)/i.exec(soql)?.[1];
    const where = /\bWHERE\b([\s\S]*)/i.exec(soql)?.[1] ?? '';
    if (
      from !== undefined &&
      NAMED_COMPONENT_OBJECTS.has(from.toLowerCase()) &&
      /\b(DeveloperName|Name)\s*(=|IN\b)/i.test(where) &&
      !/\bNamespacePrefix\b/i.test(where)
    ) {
      findings.push({
        file,
        line: lineOf(text, match.index),
        check: 'package:namespace-query',
        message: `${from} looked up by name without NamespacePrefix: in a subscriber org it may find the org's own ${from} of that name; add "AND NamespacePrefix = :PrmNamespace.prefix()"`,
      });
    }
  }
  return findings;
}

function referenceFindings(file: string, source: string, own: Set<string>, namespace?: string): Finding[] {
  const findings: Finding[] = [];
  const prefix = namespace === undefined ? undefined : `${namespace.toLowerCase()}__`;
  for (const literal of stringLiterals(source)) {
    if (prefix !== undefined && literal.value.toLowerCase().includes(prefix)) {
      findings.push({
        file,
        line: literal.line,
        check: 'package:hard-coded-namespace',
        message: `'${literal.value}' spells the namespace out: it breaks the unpackaged development org; write the name without ${prefix}`,
      });
      continue;
    }
    for (const name of literal.value.match(CUSTOM_NAME) ?? []) {
      if (!own.has(name.toLowerCase())) {
        findings.push({
          file,
          line: literal.line,
          check: 'package:unknown-reference',
          message: `'${name}' in a string is no object, field or relationship of this project: the platform cannot resolve it to the package's namespace`,
        });
      }
    }
  }
  return findings;
}

/** `FeatureManagement.checkPermission(X)` names a custom permission the package holds (literal or constant in the class). */
function permissionFindings(file: string, source: string, permissions: Set<string>): Finding[] {
  const text = withoutComments(source);
  const constant = (name: string): string | undefined => new RegExp(`\\b${name}\\s*=\\s*'([^']*)'`).exec(text)?.[1];
  return [...text.matchAll(/FeatureManagement\.checkPermission\(\s*('([^']*)'|\w+)\s*\)/g)].flatMap((match) => {
    const name = match[2] ?? constant(match[1]);
    return name === undefined || permissions.has(name.toLowerCase())
      ? []
      : [
          {
            file,
            line: lineOf(text, match.index),
            check: 'package:unknown-reference',
            message: `custom permission '${name}' is not in the package: under the namespace the check never finds it`,
          },
        ];
  });
}

/** Custom permissions of the packaged directory (lower case). */
function packagedPermissions(root: string, packaged: string | undefined): Set<string> {
  const dir = packaged === undefined ? undefined : path.join(root, packaged);
  return new Set(
    dir === undefined || !existsSync(dir)
      ? []
      : listFiles(dir, (f) => f.endsWith('.customPermission-meta.xml')).map((f) =>
          path.basename(f, '.customPermission-meta.xml').toLowerCase(),
        ),
  );
}

function apexFindings(root: string, catalog: SObjectCatalog, namespace?: string): Finding[] {
  const own = ownCustomNames(catalog);
  const permissions = packagedPermissions(root, packagedDirectory(readProject(root)));
  return apexSources(root)
    .filter((file) => file.endsWith('.cls'))
    .flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      if (isTestClass(source)) {
        return [];
      }
      return [
        ...auraFindings(file, source, catalog),
        ...namedQueryFindings(file, source),
        ...referenceFindings(file, source, own, namespace),
        ...permissionFindings(file, source, permissions),
      ];
    });
}

/** LWC sources: `lwc-ts-src` when the project compiles from TypeScript, else each package's `lwc` folders. */
function lwcFiles(root: string): string[] {
  const accept = (f: string): boolean =>
    /\.(ts|js)$/.test(f) && !f.includes(`${path.sep}__tests__${path.sep}`) && !f.endsWith('.d.ts');
  const tsSources = path.join(root, 'lwc-ts-src');
  if (existsSync(tsSources)) {
    return listFiles(tsSources, accept);
  }
  return readProject(root).packageDirectories.flatMap((dir) =>
    listFiles(path.join(root, dir.path), (f) => accept(f) && f.split(path.sep).includes('lwc')),
  );
}

function lwcFindings(root: string, own: Set<string>): Finding[] {
  return lwcFiles(root).flatMap((file) =>
    lwcStringLiterals(file, readFileSync(file, 'utf8'))
      .filter((literal) => (literal.value.match(CUSTOM_NAME) ?? []).some((name) => own.has(name.toLowerCase())))
      .map((literal) => ({
        file,
        line: literal.line,
        check: 'package:lwc-field-string',
        message: `'${literal.value}' names a field or object as a string: under a namespace it is ns__…; import it from @salesforce/schema`,
      })),
  );
}

function unpackageableFindings(root: string, packaged: string): Finding[] {
  const dir = path.join(root, packaged);
  if (!existsSync(dir)) {
    return [];
  }
  return ComponentSet.fromSource(dir)
    .getSourceComponents()
    .toArray()
    .filter((component) => UNPACKAGEABLE_TYPES.has(component.type.name))
    .map((component) => ({
      file: component.xml ?? component.content ?? dir,
      check: 'package:unpackageable',
      message: `${component.type.name} ${component.fullName} cannot be part of a second-generation managed package (Metadata Coverage report): move it to an unpackaged package directory deployed after the package`,
    }));
}

/** The install and uninstall scripts the packaging project names are packaged classes implementing the interfaces. */
function scriptFindings(root: string, packaged: string, packaging: SfdxProject, file: string): Finding[] {
  const entry = packaging.packageDirectories.find((d) => d.path === packagedDirectory(packaging));
  const classes = new Map(
    listFiles(path.join(root, packaged), (f) => f.endsWith('.cls')).map((f) => [path.basename(f, '.cls'), f]),
  );
  const wanted: [string | undefined, string][] = [
    [entry?.postInstallScript, 'InstallHandler'],
    [entry?.uninstallScript, 'UninstallHandler'],
  ];
  return wanted
    .filter(([name]) => name !== undefined)
    .filter(([name, contract]) => {
      const source = classes.get(name as string);
      return (
        source === undefined ||
        !new RegExp(`implements\\s+([\\w.]+\\s*,\\s*)*${contract}\\b`, 'i').test(readFileSync(source, 'utf8'))
      );
    })
    .map(([name, contract]) => ({
      file,
      check: 'package:project',
      message: `${String(name)} is named as the package's ${contract} but no packaged class of that name implements ${contract}`,
    }));
}

async function projectFindings(root: string, packaged: string): Promise<Finding[]> {
  const file = path.join(root, PACKAGING_PROJECT);
  if (!existsSync(file)) {
    return [];
  }
  const packaging = JSON.parse(readFileSync(file, 'utf8')) as SfdxProject;
  const findings: Finding[] = [];
  if (!packaging.namespace) {
    findings.push({ file, check: 'package:project', message: 'the packaging project names no namespace' });
  }
  const packagingDir = packagedDirectory(packaging);
  if (packagingDir !== packaged) {
    findings.push({
      file,
      check: 'package:project',
      message: `the packaging project packages ${String(packagingDir)}, the project ${packaged}: they must be the same directory`,
    });
  }
  findings.push(...scriptFindings(root, packaged, packaging, file));
  const converted = await convertPackage(path.join(root, packaged));
  return [...findings, ...converted.findings.map((f) => ({ ...f, check: 'package:project' }))];
}

export async function run(root: string): Promise<Finding[]> {
  const project = readProject(root);
  const packaged = packagedDirectory(project);
  const catalog = SObjectCatalog.load(root);
  const namespace = releaseNamespace(root);
  return [
    ...apexFindings(root, catalog, namespace),
    ...lwcFindings(root, ownCustomNames(catalog)),
    ...(packaged === undefined ? [] : unpackageableFindings(root, packaged)),
    ...(packaged === undefined ? [] : await projectFindings(root, packaged)),
  ];
}
