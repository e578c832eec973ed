import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadMetadata, type ObjectMeta } from './metadataModel';
import { packageDirectories } from './project';
import {
  CUSTOM_METADATA_FIELDS,
  CUSTOM_OBJECT_FIELDS,
  STANDARD_OBJECTS,
  SYSTEM_FIELDS,
  type StandardField,
} from './standardObjects';

/** A field as code sees it: which objects a lookup reaches and through which relationship name. */
export interface CatalogField {
  name: string;
  type: string;
  referenceTo: string[];
  /** Child-to-parent traversal name (`Partner_Account__r`, `Account`). */
  relationshipName?: string;
  picklistValues: string[];
  custom: boolean;
}

export interface CatalogObject {
  name: string;
  custom: boolean;
  fields: Map<string, CatalogField>;
  /** Parent-to-child subquery name → child object. */
  children: Map<string, string>;
}

function fromStandard(name: string, field: StandardField): CatalogField {
  return {
    name,
    type: field.referenceTo ? 'Lookup' : 'Standard',
    referenceTo: field.referenceTo ?? [],
    relationshipName: field.relationshipName,
    picklistValues: [],
    custom: false,
  };
}

/**
 * Every object the package's code can name: the standard catalogue plus the objects and
 * fields under `objects/` of every package directory (case-insensitive lookups, as in SOQL).
 */
export class SObjectCatalog {
  private readonly objects = new Map<string, CatalogObject>();
  /** `object.field` of a custom lookup → the parent's child relationship name (`Deal_Registrations__r`). */
  private readonly relationshipNames = new Map<string, string>();

  static load(root: string): SObjectCatalog {
    const catalog = new SObjectCatalog();
    for (const [name, object] of Object.entries(STANDARD_OBJECTS)) {
      const fields = { ...SYSTEM_FIELDS, ...object.fields };
      catalog.objects.set(name.toLowerCase(), {
        name,
        custom: false,
        fields: new Map(Object.entries(fields).map(([f, def]) => [f.toLowerCase(), fromStandard(f, def)])),
        children: new Map(Object.entries(object.children ?? {}).map(([r, child]) => [r.toLowerCase(), child])),
      });
    }
    for (const dir of packageDirectories(root)) {
      const sourceDir = path.join(dir, 'default');
      if (existsSync(path.join(sourceDir, 'objects'))) {
        for (const meta of loadMetadata(sourceDir).objects.values()) {
          catalog.addObject(meta);
        }
      }
    }
    catalog.linkChildRelationships();
    return catalog;
  }

  private addObject(meta: ObjectMeta): void {
    let object = this.objects.get(meta.name.toLowerCase());
    if (!object) {
      const base: Record<string, StandardField> = meta.metadataType
        ? { ...SYSTEM_FIELDS, ...CUSTOM_METADATA_FIELDS }
        : {
            ...SYSTEM_FIELDS,
            ...CUSTOM_OBJECT_FIELDS,
            OwnerId: { referenceTo: ['User', 'Group'], relationshipName: 'Owner' },
          };
      object = {
        name: meta.name,
        custom: true,
        fields: new Map(Object.entries(base).map(([f, def]) => [f.toLowerCase(), fromStandard(f, def)])),
        children: new Map(),
      };
      this.objects.set(meta.name.toLowerCase(), object);
    }
    let isDetail = false;
    for (const field of meta.fields.values()) {
      isDetail ||= field.type === 'MasterDetail';
      if (field.relationshipName) {
        this.relationshipNames.set(`${meta.name}.${field.name}`.toLowerCase(), `${field.relationshipName}__r`);
      }
      object.fields.set(field.name.toLowerCase(), {
        name: field.name,
        type: field.type,
        referenceTo: field.referenceTo,
        relationshipName: field.name.endsWith('__c') ? field.name.replace(/__c$/, '__r') : undefined,
        picklistValues: field.picklistValues ?? [],
        custom: true,
      });
    }
    if (isDetail && object.custom) {
      object.fields.delete('ownerid');
    }
  }

  /** Custom lookups declare the child relationship name on the child's field. */
  private linkChildRelationships(): void {
    for (const object of this.objects.values()) {
      for (const field of object.fields.values()) {
        if (!field.custom || field.referenceTo.length === 0) {
          continue;
        }
        const childName = this.childRelationshipName(object.name, field.name);
        for (const parentName of field.referenceTo) {
          const parent = this.objects.get(parentName.toLowerCase());
          if (parent && childName) {
            parent.children.set(childName.toLowerCase(), object.name);
          }
        }
      }
    }
  }

  private childRelationshipName(objectName: string, fieldName: string): string | undefined {
    return this.relationshipNames.get(`${objectName}.${fieldName}`.toLowerCase());
  }

  getObject(name: string): CatalogObject | undefined {
    return this.objects.get(name.toLowerCase());
  }

  objectNames(): string[] {
    return [...this.objects.values()].map((o) => o.name).sort();
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
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      const last = i === parts.length - 1;
      if (last) {
        return current.fields.has(part.toLowerCase()) ? undefined : `${current.name} has no field ${part}`;
      }
      const field: CatalogField | undefined = [...current.fields.values()].find(
        (f) => f.relationshipName?.toLowerCase() === part.toLowerCase(),
      );
      if (!field) {
        return `${current.name} has no relationship ${part}`;
      }
      const target: CatalogObject | undefined = field.referenceTo
        .map((t: string) => this.getObject(t))
        .find((t: CatalogObject | undefined) => t !== undefined);
      if (!target) {
        return `${current.name}.${part} points to ${field.referenceTo.join('/')}, which is not in the catalogue`;
      }
      current = target;
    }
    return undefined;
  }
}
