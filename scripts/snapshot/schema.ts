/**
 * The objects and fields a snapshot holds, derived from the package metadata (custom objects
 * and fields) plus the standard fields the seed and the audit use. The object order is the
 * load order: parents before children, so a streaming reader sees a record's parents first
 * and an upsert can reference them by external ID.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { PROJECT_ROOT, packageDirectories } from '../lib/project';
import { indexSchema, snapshotObject } from './schemaIndex';
import { cachedSchemaObjects, schemaFingerprint } from './schemaCache';
import { sobjectTypesJar } from '../lib/platformSchema';

/** How a snapshot cell is read (Bulk API 2.0 CSV conventions). */
export type FieldType = 'id' | 'reference' | 'boolean' | 'number' | 'date' | 'datetime' | 'string';

export interface SnapshotField {
  name: string;
  type: FieldType;
  /** Target object of a lookup, when that object is part of the snapshot. */
  referenceTo?: string;
  /** Relationship name used to reference the parent by external ID in an upsert (`Partner_Account__r`). */
  relationshipName?: string;
  /** False for values the platform computes (Id, auto-numbers, IsClosed, CreatedDate). */
  writable: boolean;
  /** Master-detail fields: the parent must exist when the record is created. */
  masterDetail: boolean;
  /**
   * The values a restricted picklist of the package accepts. Standard picklists (StageName,
   * Lead Status) are left out: their values are each org's own.
   */
  picklistValues?: ReadonlySet<string>;
}

export interface SnapshotObject {
  name: string;
  /** Key prefix of the record Ids the seed generates for this object. */
  keyPrefix: string;
  fields: SnapshotField[];
  /** Lower-case field name → field. */
  fieldMap: Map<string, SnapshotField>;
}

export interface SnapshotSchema {
  objects: SnapshotObject[];
  get(objectName: string): SnapshotObject | undefined;
}

/** Every object a snapshot may hold, parents before children. */
export const SNAPSHOT_OBJECTS: readonly string[] = Object.freeze([
  'Partner_Program__c',
  'Partner_Tier__c',
  'Training_Module__c',
  'Account',
  'Contact',
  'Partner_Application__c',
  'Program_Membership__c',
  'Tier_Change__c',
  'Partner_Certification__c',
  'Partner_Activity__c',
  'Deal_Registration__c',
  'Opportunity',
  'Partner_Attribution__c',
  'Partner_Commission__c',
  'Program_Cost__c',
  'Lead',
  'Lead_Offer__c',
  'Partner_Feedback__c',
]);

/** The external ID field every object of the package carries. */
export const EXTERNAL_ID_FIELD = 'External_Id__c';

const STANDARD_KEY_PREFIXES: Record<string, string> = {
  Account: '001',
  Contact: '003',
  Opportunity: '006',
  Lead: '00Q',
};

type StandardSpec = [name: string, type: FieldType, writable: boolean, referenceTo?: string, relationshipName?: string];

/** Standard fields a snapshot carries, beyond Id and CreatedDate. */
const STANDARD_FIELDS: Record<string, StandardSpec[]> = {
  Account: [
    ['Name', 'string', true],
    ['Website', 'string', true],
    ['Industry', 'string', true],
    ['BillingCountry', 'string', true],
    ['BillingState', 'string', true],
    ['BillingPostalCode', 'string', true],
    ['NumberOfEmployees', 'number', true],
  ],
  Contact: [
    ['FirstName', 'string', true],
    ['LastName', 'string', true],
    ['Email', 'string', true],
    ['Title', 'string', true],
    ['AccountId', 'reference', true, 'Account', 'Account'],
  ],
  Lead: [
    ['FirstName', 'string', true],
    ['LastName', 'string', true],
    ['Company', 'string', true],
    ['Email', 'string', true],
    ['Website', 'string', true],
    ['Status', 'string', true],
    ['Country', 'string', true],
    ['State', 'string', true],
    ['PostalCode', 'string', true],
  ],
  Opportunity: [
    ['Name', 'string', true],
    ['AccountId', 'reference', true, 'Account', 'Account'],
    ['StageName', 'string', true],
    ['Amount', 'number', true],
    ['CloseDate', 'date', true],
    ['IsClosed', 'boolean', false],
    ['IsWon', 'boolean', false],
  ],
};

const CUSTOM_TYPES: Record<string, FieldType> = {
  Checkbox: 'boolean',
  Number: 'number',
  Currency: 'number',
  Percent: 'number',
  Date: 'date',
  DateTime: 'datetime',
  Lookup: 'reference',
  MasterDetail: 'reference',
};

const xml = new XMLParser({ ignoreAttributes: true });

/** The type of the object's Name field (`AutoNumber` or `Text`), read from its object-meta.xml. */
function nameFieldType(root: string, objectName: string): string | undefined {
  for (const dir of packageDirectories(root)) {
    const file = path.join(dir, 'default', 'objects', objectName, `${objectName}.object-meta.xml`);
    if (existsSync(file)) {
      const parsed = xml.parse(readFileSync(file, 'utf8')) as { CustomObject?: { nameField?: { type?: string } } };
      return parsed.CustomObject?.nameField?.type;
    }
  }
  return undefined;
}

const cache = new Map<string, SnapshotSchema>();

/**
 * The snapshot schema of a project (the package's objects and fields), cached per root in
 * memory and, by a fingerprint of its sources, on disk (schemaCache.ts).
 * @param root project root holding sfdx-project.json
 */
export function loadSnapshotSchema(root: string = PROJECT_ROOT): SnapshotSchema {
  const cached = cache.get(root);
  if (cached) {
    return cached;
  }
  const objects = cachedSchemaObjects(
    path.join(PROJECT_ROOT, '.generated'),
    schemaFingerprint(root, PROJECT_ROOT, sobjectTypesJar()),
    () => deriveObjects(root),
  );
  const schema = indexSchema(objects);
  cache.set(root, schema);
  return schema;
}

/** The snapshot objects read from the package metadata. */
function deriveObjects(root: string): SnapshotObject[] {
  // Loaded only when the disk cache misses: source-deploy-retrieve is about 90 MB.
  const { SObjectCatalog } = require('../lib/sobjectCatalog') as typeof import('../lib/sobjectCatalog');
  const catalog = SObjectCatalog.load(root);
  const inSnapshot = new Set(SNAPSHOT_OBJECTS);
  const objects: SnapshotObject[] = [];
  let customIndex = 0;
  for (const objectName of SNAPSHOT_OBJECTS) {
    const catalogObject = catalog.getObject(objectName);
    if (!catalogObject) {
      throw new Error(`The package metadata has no object ${objectName}`);
    }
    const fields: SnapshotField[] = [{ name: 'Id', type: 'id', writable: false, masterDetail: false }];
    const custom = objectName.endsWith('__c');
    if (custom) {
      const autoNumber = nameFieldType(root, objectName) === 'AutoNumber';
      fields.push({ name: 'Name', type: 'string', writable: !autoNumber, masterDetail: false });
    }
    for (const [name, type, writable, referenceTo, relationshipName] of STANDARD_FIELDS[objectName] ?? []) {
      fields.push({ name, type, writable, referenceTo, relationshipName, masterDetail: false });
    }
    fields.push({ name: 'CreatedDate', type: 'datetime', writable: false, masterDetail: false });
    const customFields = [...catalogObject.fields.values()]
      .filter((f) => f.custom)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const field of customFields) {
      const type = CUSTOM_TYPES[field.type] ?? 'string';
      const target = field.referenceTo.find((t) => inSnapshot.has(t));
      fields.push({
        name: field.name,
        type,
        referenceTo: target,
        relationshipName: type === 'reference' ? field.name.replace(/__c$/, '__r') : undefined,
        writable: true,
        masterDetail: field.type === 'MasterDetail',
        ...(field.picklistValues.length > 0 ? { picklistValues: new Set(field.picklistValues) } : {}),
      });
    }
    const keyPrefix =
      STANDARD_KEY_PREFIXES[objectName] ?? `a0${'123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.charAt(customIndex++)}`;
    objects.push(snapshotObject(objectName, keyPrefix, fields));
  }
  return objects;
}

const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * The 18-character form of a 15-character record Id (the case-safe suffix the platform adds).
 * @param id15 15-character Id
 */
export function caseSafeId(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) {
        bits |= 1 << i;
      }
    }
    suffix += CHECKSUM_ALPHABET.charAt(bits);
  }
  return id15 + suffix;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A well-formed record Id for the n-th generated record of an object (deterministic).
 * @param keyPrefix the object's 3-character key prefix
 * @param n sequence number from 1
 */
export function syntheticId(keyPrefix: string, n: number): string {
  let digits = '';
  let rest = n;
  while (rest > 0) {
    digits = BASE62.charAt(rest % 62) + digits;
    rest = Math.floor(rest / 62);
  }
  // The fourth to sixth characters carry the pod in real Ids; "0Sd" marks generated data.
  return caseSafeId(`${keyPrefix}0Sd${digits.padStart(9, '0')}`);
}
