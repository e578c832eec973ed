/**
 * Every object Apex and LWC code can name, resolved the way the platform does (case-
 * insensitively): the standard schema of the platform (`platformSchema.ts`) plus the
 * objects and fields of every package directory, found by Salesforce's own
 * source-deploy-retrieve wherever they sit (not only under `<dir>/default/objects`).
 */
import { ComponentSet, type SourceComponent } from '@salesforce/source-deploy-retrieve';
import { globalValueSetValues, loadField, type FieldMeta } from './metadataModel';
import { loadPlatformSchema, type PlatformObject } from './platformSchema';
import { packageDirectories } from './project';

/** A field as code sees it: which objects a lookup reaches and through which relationship name. */
export interface CatalogField {
  name: string;
  type: string;
  referenceTo: string[];
  /** Child-to-parent traversal name (`Partner_Account__r`, `Account`). */
  relationshipName?: string;
  picklistValues: string[];
  custom: boolean;
  /** The platform keeps an index on it: ids, lookups, external ids, unique fields and the standard indexed fields. */
  indexed: boolean;
}

export interface CatalogObject {
  name: string;
  custom: boolean;
  fields: Map<string, CatalogField>;
  /** Child-to-parent relationship name → the objects it reaches. */
  parents: Map<string, string[]>;
  /** Parent-to-child subquery name → child object. */
  children: Map<string, string>;
}

/**
 * Fields the platform indexes on every object besides ids and lookups (Salesforce
 * "Standard indexed fields"; LastModifiedDate through SystemModstamp). Email is indexed
 * on Contact and Lead only.
 */
const STANDARD_INDEXED = new Set(['id', 'name', 'createddate', 'systemmodstamp', 'lastmodifieddate', 'division']);
const EMAIL_INDEXED = new Set(['contact', 'lead']);

function standardIndexed(object: string, field: string, isReference: boolean): boolean {
  const key = field.toLowerCase();
  return isReference || STANDARD_INDEXED.has(key) || (key === 'email' && EMAIL_INDEXED.has(object.toLowerCase()));
}

type FieldTemplate = [name: string, relationshipName?: string, ...referenceTo: string[]];

/** Fields the platform gives every custom object, custom metadata type and platform event. */
const SYSTEM_FIELDS: FieldTemplate[] = [
  ['Id'],
  ['IsDeleted'],
  ['CreatedDate'],
  ['CreatedById', 'CreatedBy', 'User'],
  ['LastModifiedDate'],
  ['LastModifiedById', 'LastModifiedBy', 'User'],
  ['SystemModstamp'],
];
const CUSTOM_OBJECT_FIELDS: FieldTemplate[] = [
  ...SYSTEM_FIELDS,
  ['Name'],
  ['LastViewedDate'],
  ['LastReferencedDate'],
  ['LastActivityDate'],
];
const OWNER_FIELD: FieldTemplate = ['OwnerId', 'Owner', 'User', 'Group'];
const CUSTOM_METADATA_FIELDS: FieldTemplate[] = [
  ...SYSTEM_FIELDS,
  ['DeveloperName'],
  ['MasterLabel'],
  ['Label'],
  ['QualifiedApiName'],
  ['NamespacePrefix'],
  ['Language'],
];
const PLATFORM_EVENT_FIELDS: FieldTemplate[] = [
  ['ReplayId'],
  ['EventUuid'],
  ['CreatedDate'],
  ['CreatedById', 'CreatedBy', 'User'],
];

function templateFields(object: string): FieldTemplate[] {
  if (object.endsWith('__mdt')) {
    return CUSTOM_METADATA_FIELDS;
  }
  if (object.endsWith('__e')) {
    return PLATFORM_EVENT_FIELDS;
  }
  return [...CUSTOM_OBJECT_FIELDS, OWNER_FIELD];
}

/** The project's own objects and fields, as source-deploy-retrieve resolves them. */
interface ProjectMetadata {
  objects: Set<string>;
  fields: FieldMeta[];
}

function readProjectMetadata(root: string): ProjectMetadata {
  const dirs = packageDirectories(root);
  const components: SourceComponent[] =
    dirs.length > 0 ? ComponentSet.fromSource({ fsPaths: dirs }).getSourceComponents().toArray() : [];
  const valueSets = new Map<string, string[]>();
  for (const set of components.filter((c) => c.type.name === 'GlobalValueSet' && c.xml)) {
    valueSets.set(set.fullName, globalValueSetValues(set.xml as string));
  }
  const objects = new Set<string>();
  const fields: FieldMeta[] = [];
  const addField = (component: SourceComponent): void => {
    const [objectName] = component.fullName.split('.');
    objects.add(objectName);
    if (component.xml) {
      fields.push(loadField(objectName, component.xml, valueSets));
    }
  };
  for (const component of components) {
    if (component.type.name === 'CustomObject') {
      objects.add(component.fullName);
      component
        .getChildren()
        .filter((c) => c.type.name === 'CustomField')
        .forEach(addField);
    } else if (component.type.name === 'CustomField') {
      addField(component);
    }
  }
  return { objects, fields };
}

export class SObjectCatalog {
  /** Materialised objects by lower-case name; standard ones are built from the platform schema on first use. */
  private readonly objects = new Map<string, CatalogObject>();
  private readonly platform: Map<string, [string, PlatformObject]>;
  private readonly projectObjects: string[] = [];

  private constructor() {
    const { objects } = loadPlatformSchema();
    this.platform = new Map(Object.entries(objects).map(([name, object]) => [name.toLowerCase(), [name, object]]));
  }

  static load(root: string): SObjectCatalog {
    const catalog = new SObjectCatalog();
    const project = readProjectMetadata(root);
    for (const name of [...project.objects].sort()) {
      catalog.projectObjects.push(catalog.getObject(name)?.name ?? catalog.createCustomObject(name).name);
    }
    for (const field of project.fields) {
      catalog.addCustomField(field);
    }
    return catalog;
  }

  private createCustomObject(name: string): CatalogObject {
    const object: CatalogObject = { name, custom: true, fields: new Map(), parents: new Map(), children: new Map() };
    for (const [fieldName, relationshipName, ...referenceTo] of templateFields(name)) {
      this.setField(object, {
        name: fieldName,
        type: 'Standard',
        referenceTo,
        relationshipName,
        picklistValues: [],
        custom: false,
        indexed: standardIndexed(name, fieldName, referenceTo.length > 0),
      });
    }
    this.objects.set(name.toLowerCase(), object);
    return object;
  }

  private setField(object: CatalogObject, field: CatalogField): void {
    object.fields.set(field.name.toLowerCase(), field);
    if (field.relationshipName && field.referenceTo.length > 0) {
      object.parents.set(field.relationshipName.toLowerCase(), field.referenceTo);
    }
  }

  /** A field from metadata; a lookup also adds its child relationship to each parent. */
  private addCustomField(meta: FieldMeta): void {
    const object = this.getObject(meta.object);
    if (!object) {
      return;
    }
    const relationshipName =
      meta.name.endsWith('__c') && meta.referenceTo.length > 0 ? meta.name.replace(/__c$/, '__r') : undefined;
    this.setField(object, {
      name: meta.name,
      type: meta.type,
      referenceTo: meta.referenceTo,
      relationshipName,
      picklistValues: meta.picklistValues ?? [],
      custom: true,
      indexed: meta.externalId || meta.unique || meta.referenceTo.length > 0,
    });
    if (meta.type === 'MasterDetail' && object.custom) {
      object.fields.delete('ownerid');
      object.parents.delete('owner');
    }
    if (meta.relationshipName) {
      for (const parentName of meta.referenceTo) {
        this.getObject(parentName)?.children.set(`${meta.relationshipName}__r`.toLowerCase(), object.name);
      }
    }
  }

  private fromPlatform(name: string, platform: PlatformObject): CatalogObject {
    const object: CatalogObject = { name, custom: false, fields: new Map(), parents: new Map(), children: new Map() };
    for (const [fieldName, type] of Object.entries(platform.fields)) {
      object.fields.set(fieldName.toLowerCase(), {
        name: fieldName,
        type,
        referenceTo: [],
        picklistValues: [],
        custom: false,
        // Ids and lookups are typed Id in the library.
        indexed: standardIndexed(name, fieldName, type === 'Id'),
      });
    }
    for (const [relationship, { field, referenceTo }] of Object.entries(platform.parents)) {
      object.parents.set(relationship.toLowerCase(), [referenceTo]);
      const idField = field ? object.fields.get(field.toLowerCase()) : undefined;
      if (idField) {
        idField.referenceTo = [referenceTo];
        idField.relationshipName = relationship;
      }
    }
    for (const [relationship, child] of Object.entries(platform.children)) {
      object.children.set(relationship.toLowerCase(), child);
    }
    return object;
  }

  getObject(name: string): CatalogObject | undefined {
    const key = name.toLowerCase();
    const known = this.objects.get(key);
    if (known) {
      return known;
    }
    const platform = this.platform.get(key);
    if (!platform) {
      return undefined;
    }
    const object = this.fromPlatform(...platform);
    this.objects.set(key, object);
    return object;
  }

  /** Objects the project defines or extends (custom objects and standard objects with custom fields), sorted. */
  projectObjectNames(): string[] {
    return [...this.projectObjects];
  }

  /**
   * Resolves a dotted field path (`Partner_Account__r.Owner.Name`) from an object.
   * Returns an error message, or undefined when every step exists.
   */
  resolvePath(objectName: string, dottedPath: string): string | undefined {
    const start = this.getObject(objectName);
    if (!start) {
      return `unknown object ${objectName}`;
    }
    let current: CatalogObject = start;
    const parts = dottedPath.split('.');
    for (const part of parts.slice(0, -1)) {
      const targets = current.parents.get(part.toLowerCase());
      if (!targets) {
        return `${current.name} has no relationship ${part}`;
      }
      const target: CatalogObject | undefined = targets.map((t) => this.getObject(t)).find((t) => t !== undefined);
      if (!target) {
        return `${current.name}.${part} points to ${targets.join('/')}, which is not in the catalogue`;
      }
      current = target;
    }
    const last = parts[parts.length - 1];
    return current.fields.has(last.toLowerCase()) ? undefined : `${current.name} has no field ${last}`;
  }
}
