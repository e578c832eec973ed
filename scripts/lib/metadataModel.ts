/**
 * Reads a source-format metadata tree (a package directory's `default` folder) into typed
 * objects, so generators and integrity checks reason about objects, fields, permission
 * sets, layouts and pages without re-parsing XML. Every loader takes the folder to read,
 * so tests can point it at small fixture trees.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { listFiles } from './project';

/** The package's metadata source folder, relative to the repository root. */
export const DEFAULT_SOURCE_DIR = 'force-app/main/default';
/**
 * Org configuration a managed package cannot contain (sharing rules, groups) lives in this
 * sibling package directory, deployed after the package; the model reads both.
 */
export const UNPACKAGED_SOURCE_DIR = 'force-app/unpackaged/default';

/** The source folder and, when it exists, its unpackaged sibling (`<dir>/../../unpackaged/default`). */
function withUnpackaged(sourceDir: string): string[] {
  const sibling = path.join(sourceDir, '..', '..', 'unpackaged', 'default');
  return existsSync(sibling) && path.resolve(sibling) !== path.resolve(sourceDir) ? [sourceDir, sibling] : [sourceDir];
}

/** Elements that may repeat; fast-xml-parser otherwise collapses a single child into an object. */
const REPEATED = new Set([
  'applicationVisibilities',
  'actionOverrides',
  'classAccesses',
  'columns',
  'componentInstanceProperties',
  'componentInstances',
  'criteriaItems',
  'customMetadataTypeAccesses',
  'customPermissions',
  'customValue',
  'fieldPermissions',
  'fields',
  'filters',
  'flexiPageRegions',
  'formFactors',
  'group',
  'itemInstances',
  'layoutColumns',
  'layoutItems',
  'layoutSections',
  'mutingPermissionSets',
  'objectPermissions',
  'permissionSets',
  'platformActionListItems',
  'referenceTo',
  'relatedLists',
  'role',
  'roleAndSubordinates',
  'roleAndSubordinatesInternal',
  'sharingCriteriaRules',
  'sharingOwnerRules',
  'tabSettings',
  'tabs',
  'userPermissions',
  'value',
  'values',
  'valueListItems',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  isArray: (name) => REPEATED.has(name),
});

type XmlNode = Record<string, unknown>;

/** Parses one metadata file and returns its root element's content. */
export function readXml(file: string): XmlNode {
  const parsed = parser.parse(readFileSync(file, 'utf8')) as XmlNode;
  const rootName = Object.keys(parsed).find((key) => !key.startsWith('?') && !key.startsWith('@'));
  if (!rootName) {
    throw new Error(`${file}: no root element`);
  }
  const root = parsed[rootName];
  return typeof root === 'object' && root !== null ? (root as XmlNode) : {};
}

function text(node: unknown): string | undefined {
  if (node === undefined || node === null) {
    return undefined;
  }
  if (typeof node === 'string') {
    return node;
  }
  if (typeof node === 'object' && '#text' in (node as XmlNode)) {
    return String((node as XmlNode)['#text']);
  }
  return undefined;
}

function str(node: XmlNode, key: string): string | undefined {
  return text(node[key]);
}

function bool(node: XmlNode, key: string): boolean {
  return str(node, key) === 'true';
}

function list(node: unknown, key: string): XmlNode[] {
  if (typeof node !== 'object' || node === null) {
    return [];
  }
  const value = (node as XmlNode)[key];
  if (value === undefined || value === null || value === '') {
    return [];
  }
  return (Array.isArray(value) ? value : [value]).filter((v): v is XmlNode => typeof v === 'object' && v !== null);
}

function strings(node: unknown, key: string): string[] {
  if (typeof node !== 'object' || node === null) {
    return [];
  }
  const value = (node as XmlNode)[key];
  if (value === undefined || value === null) {
    return [];
  }
  return (Array.isArray(value) ? value : [value]).map(text).filter((v): v is string => v !== undefined && v !== '');
}

/** The text of an element that the parser reads as repeatable (such as `value`) but appears once here. */
function first(node: XmlNode, key: string): string | undefined {
  return strings(node, key)[0];
}

function child(node: XmlNode, key: string): XmlNode {
  const value = node[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as XmlNode) : {};
}

function filesWithSuffix(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir)
    .filter((name) => name.endsWith(suffix))
    .sort()
    .map((name) => path.join(dir, name));
}

function subdirectories(dir: string): string[] {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isDirectory())
    .sort();
}

// ---------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------

export interface FieldMeta {
  object: string;
  name: string;
  file: string;
  type: string;
  label?: string;
  description?: string;
  inlineHelpText?: string;
  required: boolean;
  externalId: boolean;
  unique: boolean;
  formula?: string;
  referenceTo: string[];
  relationshipName?: string;
  /** Active picklist values (own value set or the global value set it uses); undefined when not a picklist. */
  picklistValues?: string[];
  valueSetName?: string;
  restricted: boolean;
}

export interface ValidationRuleMeta {
  object: string;
  name: string;
  file: string;
  active: boolean;
  formula: string;
  errorDisplayField?: string;
  errorMessage?: string;
  description?: string;
}

export interface ListViewFilterMeta {
  field: string;
  operation: string;
  value?: string;
}

export interface ListViewMeta {
  object: string;
  name: string;
  file: string;
  label?: string;
  filterScope?: string;
  columns: string[];
  filters: ListViewFilterMeta[];
  booleanFilter?: string;
}

export interface CompactLayoutMeta {
  object: string;
  name: string;
  file: string;
  label?: string;
  fields: string[];
}

export interface ObjectMeta {
  name: string;
  /** The `.object-meta.xml`, when the folder has one (standard objects often do not). */
  file?: string;
  custom: boolean;
  metadataType: boolean;
  label?: string;
  pluralLabel?: string;
  description?: string;
  sharingModel?: string;
  externalSharingModel?: string;
  nameFieldType?: string;
  compactLayoutAssignment?: string;
  fields: Map<string, FieldMeta>;
  validationRules: ValidationRuleMeta[];
  listViews: ListViewMeta[];
  compactLayouts: CompactLayoutMeta[];
}

export interface ObjectPermissionMeta {
  object: string;
  allowCreate: boolean;
  allowRead: boolean;
  allowEdit: boolean;
  allowDelete: boolean;
  viewAllRecords: boolean;
  modifyAllRecords: boolean;
}

export interface FieldPermissionMeta {
  field: string;
  readable: boolean;
  editable: boolean;
}

export interface PermissionSetMeta {
  name: string;
  file: string;
  label?: string;
  description?: string;
  license?: string;
  hasActivationRequired: boolean;
  objectPermissions: ObjectPermissionMeta[];
  fieldPermissions: FieldPermissionMeta[];
  tabSettings: { tab: string; visibility: string }[];
  classAccesses: { apexClass: string; enabled: boolean }[];
  customPermissions: { name: string; enabled: boolean }[];
  customMetadataTypeAccesses: { name: string; enabled: boolean }[];
  applicationVisibilities: { application: string; visible: boolean }[];
  userPermissions: { name: string; enabled: boolean }[];
}

export interface PermissionSetGroupMeta {
  name: string;
  file: string;
  label?: string;
  permissionSets: string[];
  mutingPermissionSets: string[];
}

export interface LayoutMeta {
  /** Full name, e.g. `Deal_Registration__c-Deal Registration Layout`. */
  name: string;
  object: string;
  file: string;
  fields: { field: string; behavior?: string }[];
  relatedLists: { relatedList: string; fields: string[] }[];
}

export interface FlexiPageComponentMeta {
  componentName: string;
  identifier?: string;
  region: string;
  properties: Record<string, string>;
}

export interface FlexiPageMeta {
  name: string;
  file: string;
  masterLabel?: string;
  type?: string;
  sobjectType?: string;
  template?: string;
  regions: string[];
  components: FlexiPageComponentMeta[];
  /** `fieldInstance.fieldItem` values, e.g. `Record.Status__c`. */
  fieldItems: string[];
}

export interface TabMeta {
  name: string;
  file: string;
  customObject: boolean;
  motif?: string;
  flexiPage?: string;
  lwcComponent?: string;
}

export interface AppActionOverrideMeta {
  actionName?: string;
  content?: string;
  formFactor?: string;
  type?: string;
  pageOrSobjectType?: string;
}

export interface ApplicationMeta {
  name: string;
  file: string;
  label?: string;
  description?: string;
  navType?: string;
  uiType?: string;
  tabs: string[];
  actionOverrides: AppActionOverrideMeta[];
}

export interface CustomMetadataRecordMeta {
  /** The type's API name, e.g. `Deal_Registration_Policy__mdt`. */
  type: string;
  name: string;
  file: string;
  label?: string;
  values: { field: string; value?: string }[];
}

export interface SharingTargetMeta {
  kind: string;
  name: string;
}

export interface SharingRuleMeta {
  kind: 'criteria' | 'owner';
  name: string;
  label?: string;
  description?: string;
  accessLevel?: string;
  sharedTo: SharingTargetMeta[];
  sharedFrom: SharingTargetMeta[];
  criteriaItems: ListViewFilterMeta[];
  booleanFilter?: string;
}

export interface SharingRulesMeta {
  object: string;
  file: string;
  rules: SharingRuleMeta[];
}

export interface ApexClassMeta {
  name: string;
  file: string;
  isTest: boolean;
}

export interface MetadataModel {
  sourceDir: string;
  objects: Map<string, ObjectMeta>;
  permissionSets: Map<string, PermissionSetMeta>;
  permissionSetGroups: Map<string, PermissionSetGroupMeta>;
  layouts: LayoutMeta[];
  flexiPages: Map<string, FlexiPageMeta>;
  tabs: Map<string, TabMeta>;
  applications: Map<string, ApplicationMeta>;
  customMetadataRecords: CustomMetadataRecordMeta[];
  sharingRules: SharingRulesMeta[];
  customPermissions: Set<string>;
  groups: Set<string>;
  globalValueSets: Map<string, string[]>;
  apexClasses: Map<string, ApexClassMeta>;
  /** LWC bundle names found in `lwc/` of the source folder. */
  lwcBundles: Set<string>;
}

// ---------------------------------------------------------------------------------------
// Field helpers shared by the generators and the checks
// ---------------------------------------------------------------------------------------

/** Field types whose value the platform computes: never editable through field permissions. */
const COMPUTED_TYPES = new Set(['AutoNumber', 'Summary']);

/**
 * Whether a field may appear in a permission set's fieldPermissions. The platform rejects
 * entries for required fields and master-detail fields (their access follows the object),
 * and custom metadata type fields are governed by customMetadataTypeAccesses instead.
 */
export function isPermissionable(field: FieldMeta): boolean {
  return (
    !field.required && field.type !== 'MasterDetail' && !field.object.endsWith('__mdt') && field.name.endsWith('__c')
  );
}

/** Whether users can write the field at all (not a formula, roll-up or auto-number). */
export function isWritable(field: FieldMeta): boolean {
  return field.formula === undefined && !COMPUTED_TYPES.has(field.type);
}

// ---------------------------------------------------------------------------------------
// Loaders
// ---------------------------------------------------------------------------------------

/** The active values of one `.globalValueSet-meta.xml`. */
export function globalValueSetValues(file: string): string[] {
  return list(readXml(file), 'customValue')
    .filter((v) => str(v, 'isActive') !== 'false')
    .map((v) => str(v, 'fullName'))
    .filter((v): v is string => v !== undefined);
}

function loadGlobalValueSets(sourceDir: string): Map<string, string[]> {
  const sets = new Map<string, string[]>();
  for (const file of filesWithSuffix(path.join(sourceDir, 'globalValueSets'), '.globalValueSet-meta.xml')) {
    sets.set(path.basename(file, '.globalValueSet-meta.xml'), globalValueSetValues(file));
  }
  return sets;
}

export function loadField(object: string, file: string, globalValueSets: Map<string, string[]>): FieldMeta {
  const root = readXml(file);
  const name = str(root, 'fullName') ?? path.basename(file, '.field-meta.xml');
  const type = str(root, 'type') ?? '';
  const valueSet = child(root, 'valueSet');
  let picklistValues: string[] | undefined;
  const valueSetName = str(valueSet, 'valueSetName');
  if (type === 'Picklist' || type === 'MultiselectPicklist') {
    if (valueSetName) {
      picklistValues = globalValueSets.get(valueSetName) ?? [];
    } else {
      picklistValues = list(child(valueSet, 'valueSetDefinition'), 'value')
        .filter((v) => str(v, 'isActive') !== 'false')
        .map((v) => str(v, 'fullName'))
        .filter((v): v is string => v !== undefined);
    }
  }
  return {
    object,
    name,
    file,
    type,
    label: str(root, 'label'),
    description: str(root, 'description'),
    inlineHelpText: str(root, 'inlineHelpText'),
    required: bool(root, 'required') || type === 'MasterDetail',
    externalId: bool(root, 'externalId'),
    unique: bool(root, 'unique'),
    formula: str(root, 'formula'),
    referenceTo: strings(root, 'referenceTo'),
    relationshipName: str(root, 'relationshipName'),
    picklistValues,
    valueSetName,
    restricted: bool(valueSet, 'restricted'),
  };
}

function loadObject(sourceDir: string, name: string, globalValueSets: Map<string, string[]>): ObjectMeta {
  const dir = path.join(sourceDir, 'objects', name);
  const objectFile = path.join(dir, `${name}.object-meta.xml`);
  const root = existsSync(objectFile) ? readXml(objectFile) : {};
  const fields = new Map<string, FieldMeta>();
  for (const file of filesWithSuffix(path.join(dir, 'fields'), '.field-meta.xml')) {
    const field = loadField(name, file, globalValueSets);
    fields.set(field.name, field);
  }
  const validationRules = filesWithSuffix(path.join(dir, 'validationRules'), '.validationRule-meta.xml').map(
    (file): ValidationRuleMeta => {
      const rule = readXml(file);
      return {
        object: name,
        name: str(rule, 'fullName') ?? path.basename(file, '.validationRule-meta.xml'),
        file,
        active: bool(rule, 'active'),
        formula: str(rule, 'errorConditionFormula') ?? '',
        errorDisplayField: str(rule, 'errorDisplayField'),
        errorMessage: str(rule, 'errorMessage'),
        description: str(rule, 'description'),
      };
    },
  );
  const listViews = filesWithSuffix(path.join(dir, 'listViews'), '.listView-meta.xml').map((file): ListViewMeta => {
    const view = readXml(file);
    return {
      object: name,
      name: str(view, 'fullName') ?? path.basename(file, '.listView-meta.xml'),
      file,
      label: str(view, 'label'),
      filterScope: str(view, 'filterScope'),
      columns: strings(view, 'columns'),
      filters: list(view, 'filters').map((f) => ({
        field: str(f, 'field') ?? '',
        operation: str(f, 'operation') ?? '',
        value: first(f, 'value'),
      })),
      booleanFilter: str(view, 'booleanFilter'),
    };
  });
  const compactLayouts = filesWithSuffix(path.join(dir, 'compactLayouts'), '.compactLayout-meta.xml').map(
    (file): CompactLayoutMeta => {
      const layout = readXml(file);
      return {
        object: name,
        name: str(layout, 'fullName') ?? path.basename(file, '.compactLayout-meta.xml'),
        file,
        label: str(layout, 'label'),
        fields: strings(layout, 'fields'),
      };
    },
  );
  return {
    name,
    file: existsSync(objectFile) ? objectFile : undefined,
    custom: name.endsWith('__c') || name.endsWith('__mdt'),
    metadataType: name.endsWith('__mdt'),
    label: str(root, 'label'),
    pluralLabel: str(root, 'pluralLabel'),
    description: str(root, 'description'),
    sharingModel: str(root, 'sharingModel'),
    externalSharingModel: str(root, 'externalSharingModel'),
    nameFieldType: str(child(root, 'nameField'), 'type'),
    compactLayoutAssignment: str(root, 'compactLayoutAssignment'),
    fields,
    validationRules,
    listViews,
    compactLayouts,
  };
}

function loadPermissionSet(file: string): PermissionSetMeta {
  const root = readXml(file);
  const flag = (node: XmlNode, key: string): boolean => bool(node, key);
  return {
    name: path.basename(file, '.permissionset-meta.xml'),
    file,
    label: str(root, 'label'),
    description: str(root, 'description'),
    license: str(root, 'license'),
    hasActivationRequired: bool(root, 'hasActivationRequired'),
    objectPermissions: list(root, 'objectPermissions').map((p) => ({
      object: str(p, 'object') ?? '',
      allowCreate: flag(p, 'allowCreate'),
      allowRead: flag(p, 'allowRead'),
      allowEdit: flag(p, 'allowEdit'),
      allowDelete: flag(p, 'allowDelete'),
      viewAllRecords: flag(p, 'viewAllRecords'),
      modifyAllRecords: flag(p, 'modifyAllRecords'),
    })),
    fieldPermissions: list(root, 'fieldPermissions').map((p) => ({
      field: str(p, 'field') ?? '',
      readable: flag(p, 'readable'),
      editable: flag(p, 'editable'),
    })),
    tabSettings: list(root, 'tabSettings').map((t) => ({
      tab: str(t, 'tab') ?? '',
      visibility: str(t, 'visibility') ?? '',
    })),
    classAccesses: list(root, 'classAccesses').map((c) => ({
      apexClass: str(c, 'apexClass') ?? '',
      enabled: flag(c, 'enabled'),
    })),
    customPermissions: list(root, 'customPermissions').map((c) => ({
      name: str(c, 'name') ?? '',
      enabled: flag(c, 'enabled'),
    })),
    customMetadataTypeAccesses: list(root, 'customMetadataTypeAccesses').map((c) => ({
      name: str(c, 'name') ?? '',
      enabled: flag(c, 'enabled'),
    })),
    applicationVisibilities: list(root, 'applicationVisibilities').map((a) => ({
      application: str(a, 'application') ?? '',
      visible: flag(a, 'visible'),
    })),
    userPermissions: list(root, 'userPermissions').map((u) => ({
      name: str(u, 'name') ?? '',
      enabled: flag(u, 'enabled'),
    })),
  };
}

function loadLayout(file: string): LayoutMeta {
  const root = readXml(file);
  const name = path.basename(file, '.layout-meta.xml');
  const fields: { field: string; behavior?: string }[] = [];
  for (const section of list(root, 'layoutSections')) {
    for (const column of list(section, 'layoutColumns')) {
      for (const item of list(column, 'layoutItems')) {
        const field = str(item, 'field');
        if (field) {
          fields.push({ field, behavior: str(item, 'behavior') });
        }
      }
    }
  }
  return {
    name,
    object: name.slice(0, name.indexOf('-')),
    file,
    fields,
    relatedLists: list(root, 'relatedLists').map((r) => ({
      relatedList: str(r, 'relatedList') ?? '',
      fields: strings(r, 'fields'),
    })),
  };
}

function loadFlexiPage(file: string): FlexiPageMeta {
  const root = readXml(file);
  const components: FlexiPageComponentMeta[] = [];
  const fieldItems: string[] = [];
  const regions: string[] = [];
  const readComponent = (component: XmlNode, region: string): void => {
    const properties: Record<string, string> = {};
    for (const property of list(component, 'componentInstanceProperties')) {
      const propertyName = str(property, 'name');
      if (propertyName) {
        properties[propertyName] = str(property, 'value') ?? '';
      }
    }
    components.push({
      componentName: str(component, 'componentName') ?? '',
      identifier: str(component, 'identifier'),
      region,
      properties,
    });
  };
  for (const region of list(root, 'flexiPageRegions')) {
    const regionName = str(region, 'name') ?? '';
    regions.push(regionName);
    for (const item of list(region, 'itemInstances')) {
      const component = child(item, 'componentInstance');
      if (Object.keys(component).length > 0) {
        readComponent(component, regionName);
      }
      const fieldItem = str(child(item, 'fieldInstance'), 'fieldItem');
      if (fieldItem) {
        fieldItems.push(fieldItem);
      }
    }
    for (const component of list(region, 'componentInstances')) {
      readComponent(component, regionName);
    }
  }
  return {
    name: path.basename(file, '.flexipage-meta.xml'),
    file,
    masterLabel: str(root, 'masterLabel'),
    type: str(root, 'type'),
    sobjectType: str(root, 'sobjectType'),
    template: str(child(root, 'template'), 'name'),
    regions,
    components,
    fieldItems,
  };
}

function sharingTargets(node: XmlNode): SharingTargetMeta[] {
  const out: SharingTargetMeta[] = [];
  for (const [kind, value] of Object.entries(node)) {
    if (kind.startsWith('@') || kind === '#text') {
      continue;
    }
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      out.push({ kind, name: text(v) ?? '' });
    }
  }
  return out;
}

function loadSharingRules(file: string): SharingRulesMeta {
  const root = readXml(file);
  const rule = (kind: 'criteria' | 'owner', node: XmlNode): SharingRuleMeta => ({
    kind,
    name: str(node, 'fullName') ?? '',
    label: str(node, 'label'),
    description: str(node, 'description'),
    accessLevel: str(node, 'accessLevel'),
    sharedTo: sharingTargets(child(node, 'sharedTo')),
    sharedFrom: sharingTargets(child(node, 'sharedFrom')),
    criteriaItems: list(node, 'criteriaItems').map((c) => ({
      field: str(c, 'field') ?? '',
      operation: str(c, 'operation') ?? '',
      value: first(c, 'value'),
    })),
    booleanFilter: str(node, 'booleanFilter'),
  });
  return {
    object: path.basename(file, '.sharingRules-meta.xml'),
    file,
    rules: [
      ...list(root, 'sharingCriteriaRules').map((n) => rule('criteria', n)),
      ...list(root, 'sharingOwnerRules').map((n) => rule('owner', n)),
    ],
  };
}

function loadCustomMetadataRecord(file: string): CustomMetadataRecordMeta {
  const root = readXml(file);
  const base = path.basename(file, '.md-meta.xml');
  const dot = base.indexOf('.');
  return {
    type: `${base.slice(0, dot)}__mdt`,
    name: base.slice(dot + 1),
    file,
    label: str(root, 'label'),
    values: list(root, 'values').map((v) => ({ field: str(v, 'field') ?? '', value: first(v, 'value') })),
  };
}

/** Loads every metadata kind the package's checks look at from one source folder. */
export function loadMetadata(sourceDir: string): MetadataModel {
  if (!existsSync(sourceDir)) {
    throw new Error(`${sourceDir} does not exist`);
  }
  const globalValueSets = loadGlobalValueSets(sourceDir);
  const objects = new Map<string, ObjectMeta>();
  for (const name of subdirectories(path.join(sourceDir, 'objects'))) {
    objects.set(name, loadObject(sourceDir, name, globalValueSets));
  }
  const byName = <T extends { name: string }>(items: T[]): Map<string, T> => new Map(items.map((i) => [i.name, i]));
  const names = (dir: string, suffix: string): Set<string> =>
    new Set(filesWithSuffix(path.join(sourceDir, dir), suffix).map((f) => path.basename(f, suffix)));

  const apexClasses = new Map<string, ApexClassMeta>();
  // Classes sit in domain folders (classes/<domain>/), so walk the tree.
  for (const file of listFiles(path.join(sourceDir, 'classes'), (f) => f.endsWith('.cls'))) {
    const name = path.basename(file, '.cls');
    apexClasses.set(name, { name, file, isTest: /@IsTest\b/i.test(readFileSync(file, 'utf8')) });
  }

  return {
    sourceDir,
    objects,
    permissionSets: byName(
      filesWithSuffix(path.join(sourceDir, 'permissionsets'), '.permissionset-meta.xml').map(loadPermissionSet),
    ),
    permissionSetGroups: byName(
      filesWithSuffix(path.join(sourceDir, 'permissionsetgroups'), '.permissionsetgroup-meta.xml').map((file) => {
        const root = readXml(file);
        return {
          name: path.basename(file, '.permissionsetgroup-meta.xml'),
          file,
          label: str(root, 'label'),
          permissionSets: strings(root, 'permissionSets'),
          mutingPermissionSets: strings(root, 'mutingPermissionSets'),
        };
      }),
    ),
    layouts: filesWithSuffix(path.join(sourceDir, 'layouts'), '.layout-meta.xml').map(loadLayout),
    flexiPages: byName(filesWithSuffix(path.join(sourceDir, 'flexipages'), '.flexipage-meta.xml').map(loadFlexiPage)),
    tabs: byName(
      filesWithSuffix(path.join(sourceDir, 'tabs'), '.tab-meta.xml').map((file) => {
        const root = readXml(file);
        return {
          name: path.basename(file, '.tab-meta.xml'),
          file,
          customObject: bool(root, 'customObject'),
          motif: str(root, 'motif'),
          flexiPage: str(root, 'flexiPage'),
          lwcComponent: str(root, 'lwcComponent'),
        };
      }),
    ),
    applications: byName(
      filesWithSuffix(path.join(sourceDir, 'applications'), '.app-meta.xml').map((file) => {
        const root = readXml(file);
        return {
          name: path.basename(file, '.app-meta.xml'),
          file,
          label: str(root, 'label'),
          description: str(root, 'description'),
          navType: str(root, 'navType'),
          uiType: str(root, 'uiType'),
          tabs: strings(root, 'tabs'),
          actionOverrides: list(root, 'actionOverrides').map((o) => ({
            actionName: str(o, 'actionName'),
            content: str(o, 'content'),
            formFactor: str(o, 'formFactor'),
            type: str(o, 'type'),
            pageOrSobjectType: str(o, 'pageOrSobjectType'),
          })),
        };
      }),
    ),
    customMetadataRecords: filesWithSuffix(path.join(sourceDir, 'customMetadata'), '.md-meta.xml').map(
      loadCustomMetadataRecord,
    ),
    sharingRules: withUnpackaged(sourceDir).flatMap((dir) =>
      filesWithSuffix(path.join(dir, 'sharingRules'), '.sharingRules-meta.xml').map(loadSharingRules),
    ),
    customPermissions: names('customPermissions', '.customPermission-meta.xml'),
    groups: new Set(
      withUnpackaged(sourceDir).flatMap((dir) =>
        filesWithSuffix(path.join(dir, 'groups'), '.group-meta.xml').map((f) => path.basename(f, '.group-meta.xml')),
      ),
    ),
    globalValueSets,
    apexClasses,
    lwcBundles: new Set(subdirectories(path.join(sourceDir, 'lwc'))),
  };
}

/** Resolves a source folder given either a repository root (with sfdx-project.json) or the folder itself. */
export function sourceDirOf(root: string): string {
  return existsSync(path.join(root, 'sfdx-project.json')) || existsSync(path.join(root, DEFAULT_SOURCE_DIR))
    ? path.join(root, DEFAULT_SOURCE_DIR)
    : root;
}
