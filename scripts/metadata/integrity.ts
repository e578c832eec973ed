/**
 * Metadata integrity checks over the source XML, offline. Each check takes a loaded
 * model (or a source folder) and returns findings; none needs an org.
 *
 *   npx tsx scripts/metadata/integrity.ts [--root DIR]   run every check, exit 1 on findings
 *
 * Checks:
 * - field-grants: every custom field is readable in at least one permission set, and
 *   editable in one where it is writable; every custom object is readable somewhere.
 * - permission-set-rules: permission sets that the platform rejects on deploy (required or
 *   master-detail fields in fieldPermissions, editable formulas, broken object dependencies).
 * - partner-least-privilege: PRM_Partner_User against the design's guardrails (below).
 * - references: every object, field, picklist value, tab, class, page, group and permission
 *   named by layouts, list views, compact layouts, validation rules, custom metadata
 *   records, FlexiPages, tabs, the app, sharing rules and permission sets exists.
 * - documentation: every custom object has a description; every custom field a description
 *   and inline help text.
 * - naming: API names are Title_Case words joined by underscores (`__c` / `__mdt` suffixes).
 * - picklist-constants: string constants in Apex and TypeScript under a
 *   `// picklist: Object__c.Field__c` marker are values of that picklist (see below).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../lib/findings';
import { lineOf } from '../lib/findings';
import {
  DEFAULT_SOURCE_DIR,
  isPermissionable,
  isWritable,
  loadMetadata,
  type FieldMeta,
  type MetadataModel,
  type ObjectMeta,
  type PermissionSetMeta,
} from '../lib/metadataModel';
import { accessProblems, matchesPattern } from './personaPolicy';

export const PARTNER_PERMISSION_SET = 'PRM_Partner_User';
export const BYPASS_PERMISSION = 'PRM_Bypass_Validation';
export const ADMIN_PERMISSION_SET = 'PRM_Admin';

/**
 * What the design forbids the partner persona, independent of spec/personas.json so that a
 * policy mistake cannot also relax the test that guards it.
 */
export const PARTNER_GUARDRAILS = {
  /** No object or field access at all. */
  noAccess: ['Program_Cost__c', 'Partner_Application__c'],
  /** Read at most: no create, edit, delete, and no editable field. */
  readOnlyObjects: [
    'Partner_Commission__c',
    'Tier_Change__c',
    'Program_Membership__c',
    'Partner_Attribution__c',
    'Partner_Program__c',
    'Partner_Tier__c',
    'Lead_Offer__c',
    'Partner_Activity__c',
    'Partner_Certification__c',
    'Training_Module__c',
    'Account',
    'Opportunity',
  ],
  /** Approval, routing and system fields a partner may see but never set. */
  noEdit: {
    Deal_Registration__c: [
      'Partner_Account__c',
      'Status__c',
      'Approval_Route__c',
      'Conflict_*',
      'Decided_*',
      'Decision_*',
      'Approved_On__c',
      'Expires_On__c',
      'Submitted_At__c',
      'Renewal_Count__c',
      'Last_Expiry_Warning_Days__c',
      'Converted_Opportunity__c',
      'Opportunity_*',
    ],
    Lead: [
      'Partner_Account__c',
      'Partner_Direction__c',
      'Offered_At__c',
      'Accept_By__c',
      'Accepted_At__c',
      'Offer_Count__c',
      'Routing_Reason__c',
      'Rejected_By_Partner__c',
    ],
    Contact: ['Is_Primary_Partner_Contact__c', 'Last_Portal_Login__c'],
  } as Record<string, string[]>,
  /** Evidence about customer accounts and other partners' deals: not even readable. */
  noRead: {
    Deal_Registration__c: ['Conflict_Summary__c', 'Matched_*', 'Competing_Registration__c'],
    Account: ['Named_Account_Owner__c'],
  } as Record<string, string[]>,
};

const NAME_WORDS = /^[A-Z][A-Za-z0-9]*(?:_[A-Z0-9][A-Za-z0-9]*)*$/;
const CUSTOM_NAME = /^([A-Z][A-Za-z0-9]*(?:_[A-Z0-9][A-Za-z0-9]*)*)__(c|mdt)$/;
const STANDARD_OBJECT_NAME = /^[A-Z][A-Za-z0-9]*$/;

function finding(file: string, check: string, message: string, line?: number): Finding {
  return line === undefined ? { file, check, message } : { file, check, line, message };
}

function customFields(object: ObjectMeta): FieldMeta[] {
  return [...object.fields.values()].filter((f) => f.name.endsWith('__c'));
}

function permissionSetFile(model: MetadataModel, name: string): string {
  return model.permissionSets.get(name)?.file ?? path.join(model.sourceDir, 'permissionsets');
}

// ---------------------------------------------------------------------------------------
// field-grants
// ---------------------------------------------------------------------------------------

export function checkFieldGrants(model: MetadataModel): Finding[] {
  const check = 'field-grants';
  const findings: Finding[] = [];
  const sets = [...model.permissionSets.values()];
  const fieldGrant = (field: string, want: 'read' | 'edit'): boolean =>
    sets.some((ps) =>
      ps.fieldPermissions.some((fp) => fp.field === field && (want === 'read' ? fp.readable : fp.editable)),
    );
  const objectGrant = (object: string, want: 'read' | 'edit'): boolean =>
    sets.some((ps) =>
      ps.objectPermissions.some(
        (op) => op.object === object && (want === 'read' ? op.allowRead : op.allowEdit || op.allowCreate),
      ),
    );

  for (const object of model.objects.values()) {
    if (object.metadataType) {
      continue;
    }
    const where = object.file ?? path.join(model.sourceDir, 'objects', object.name);
    if (object.custom && !objectGrant(object.name, 'read')) {
      findings.push(finding(where, check, `no permission set grants read on ${object.name}`));
    }
    for (const field of customFields(object)) {
      const full = `${object.name}.${field.name}`;
      if (!isPermissionable(field)) {
        // Required and master-detail fields follow the object's permission.
        if (!objectGrant(object.name, 'read')) {
          findings.push(
            finding(field.file, check, `${full} is required: no permission set grants read on ${object.name}`),
          );
        } else if (isWritable(field) && !objectGrant(object.name, 'edit')) {
          findings.push(
            finding(field.file, check, `${full} is required: no permission set can create or edit ${object.name}`),
          );
        }
        continue;
      }
      if (!fieldGrant(full, 'read')) {
        findings.push(finding(field.file, check, `${full} is not readable in any permission set`));
      } else if (isWritable(field) && !fieldGrant(full, 'edit')) {
        findings.push(finding(field.file, check, `${full} is writable but not editable in any permission set`));
      }
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------
// permission-set-rules
// ---------------------------------------------------------------------------------------

export function checkPermissionSetRules(model: MetadataModel): Finding[] {
  const check = 'permission-set-rules';
  const findings: Finding[] = [];
  for (const ps of model.permissionSets.values()) {
    for (const fp of ps.fieldPermissions) {
      const [objectName, fieldName] = fp.field.split('.');
      const field = model.objects.get(objectName ?? '')?.fields.get(fieldName ?? '');
      if (!field) {
        continue; // reported by the references check
      }
      if (!isPermissionable(field)) {
        const why = field.object.endsWith('__mdt')
          ? 'a custom metadata type field (use customMetadataTypeAccesses)'
          : field.type === 'MasterDetail'
            ? 'a master-detail field'
            : 'a required field';
        findings.push(
          finding(ps.file, check, `${ps.name}: ${fp.field} is ${why}; the platform rejects field permissions on it`),
        );
      }
      if (fp.editable && !isWritable(field)) {
        findings.push(
          finding(
            ps.file,
            check,
            `${ps.name}: ${fp.field} is computed (${field.formula ? 'formula' : field.type}) and cannot be editable`,
          ),
        );
      }
      if (fp.editable && !fp.readable) {
        findings.push(finding(ps.file, check, `${ps.name}: ${fp.field} is editable but not readable`));
      }
    }
    for (const op of ps.objectPermissions) {
      const problems = accessProblems({
        create: op.allowCreate,
        read: op.allowRead,
        edit: op.allowEdit,
        delete: op.allowDelete,
        viewAll: op.viewAllRecords,
        modifyAll: op.modifyAllRecords,
      });
      for (const problem of problems) {
        findings.push(finding(ps.file, check, `${ps.name}: ${op.object}: ${problem}`));
      }
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------
// partner-least-privilege
// ---------------------------------------------------------------------------------------

function fieldsMatching(model: MetadataModel, objectName: string, patterns: string[]): string[] {
  const object = model.objects.get(objectName);
  if (!object) {
    return [];
  }
  return [...object.fields.keys()].filter((name) => patterns.some((p) => matchesPattern(name, p)));
}

export function checkPartnerLeastPrivilege(model: MetadataModel): Finding[] {
  const check = 'partner-least-privilege';
  const findings: Finding[] = [];
  for (const ps of model.permissionSets.values()) {
    if (
      ps.name !== ADMIN_PERMISSION_SET &&
      ps.customPermissions.some((c) => c.name === BYPASS_PERMISSION && c.enabled)
    ) {
      findings.push(
        finding(
          ps.file,
          check,
          `${ps.name} grants ${BYPASS_PERMISSION}; only ${ADMIN_PERMISSION_SET} may bypass validation`,
        ),
      );
    }
  }
  const ps: PermissionSetMeta | undefined = model.permissionSets.get(PARTNER_PERMISSION_SET);
  if (!ps) {
    return [
      ...findings,
      finding(permissionSetFile(model, PARTNER_PERMISSION_SET), check, `${PARTNER_PERMISSION_SET} does not exist`),
    ];
  }
  const say = (message: string): void => {
    findings.push(finding(ps.file, check, `${ps.name}: ${message}`));
  };
  if (ps.license) {
    say(`has license ${ps.license}; it must stay license-agnostic to be assignable to partner community users`);
  }
  const fieldPerm = (field: string) => ps.fieldPermissions.find((fp) => fp.field === field);
  for (const op of ps.objectPermissions) {
    if (op.viewAllRecords || op.modifyAllRecords) {
      say(
        `grants ${op.modifyAllRecords ? 'Modify All' : 'View All'} on ${op.object}; partner visibility must come from sharing`,
      );
    }
  }
  for (const object of PARTNER_GUARDRAILS.noAccess) {
    const op = ps.objectPermissions.find((o) => o.object === object);
    if (op && (op.allowRead || op.allowCreate || op.allowEdit || op.allowDelete)) {
      say(`has access to ${object}, which partner users must not see`);
    }
    for (const fp of ps.fieldPermissions.filter(
      (f) => f.field.startsWith(`${object}.`) && (f.readable || f.editable),
    )) {
      say(`grants ${fp.field}, a field of ${object}, which partner users must not see`);
    }
  }
  for (const object of PARTNER_GUARDRAILS.readOnlyObjects) {
    const op = ps.objectPermissions.find((o) => o.object === object);
    if (op && (op.allowCreate || op.allowEdit || op.allowDelete)) {
      say(
        `may ${[op.allowCreate && 'create', op.allowEdit && 'edit', op.allowDelete && 'delete'].filter(Boolean).join('/')} ${object}; it is read-only for partners`,
      );
    }
    for (const fp of ps.fieldPermissions.filter((f) => f.field.startsWith(`${object}.`) && f.editable)) {
      say(`may edit ${fp.field}; ${object} is read-only for partners`);
    }
  }
  for (const [object, patterns] of Object.entries(PARTNER_GUARDRAILS.noEdit)) {
    for (const name of fieldsMatching(model, object, patterns)) {
      const field = model.objects.get(object)?.fields.get(name);
      if (field && !isPermissionable(field)) {
        // Required fields cannot be restricted by field permissions: automation must stamp them.
        continue;
      }
      if (fieldPerm(`${object}.${name}`)?.editable) {
        say(`may edit ${object}.${name}, an approval or system field`);
      }
    }
  }
  for (const [object, patterns] of Object.entries(PARTNER_GUARDRAILS.noRead)) {
    for (const name of fieldsMatching(model, object, patterns)) {
      if (fieldPerm(`${object}.${name}`)?.readable) {
        say(`may read ${object}.${name}, evidence about customers or other partners`);
      }
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------
// references
// ---------------------------------------------------------------------------------------

/** Strips comments and string literals from a formula, keeping offsets (replaced by spaces). */
function formulaCode(formula: string): string {
  return formula.replace(/\/\*[\s\S]*?\*\/|'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"/g, (m) => ' '.repeat(m.length));
}

/** `ISPICKVAL(field, 'value')` pairs, including `ISPICKVAL(PRIORVALUE(field), 'value')`. */
export function ispickvalPairs(formula: string): { field: string; value: string }[] {
  const out: { field: string; value: string }[] = [];
  const pattern =
    /ISPICKVAL\s*\(\s*(?:PRIORVALUE\s*\(\s*)?([A-Za-z_$][\w.]*)\s*\)?\s*,\s*(['"])((?:\\.|(?!\2)[^\\])*)\2\s*\)/gi;
  for (const match of formula.matchAll(pattern)) {
    out.push({ field: match[1] ?? '', value: (match[3] ?? '').replace(/\\(.)/g, '$1') });
  }
  return out;
}

/** Field tokens of a formula that name custom fields or relationships (`A__c`, `A__r.B__c`, `Account.B__c`). */
export function formulaFieldTokens(formula: string): string[] {
  const code = formulaCode(formula);
  const tokens = code.match(/\$?[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/g) ?? [];
  return [...new Set(tokens.filter((t) => t.startsWith('$') || /__[cr]\b/.test(t)))];
}

type Resolution = { ok: true; object?: ObjectMeta; field?: FieldMeta } | { ok: false; reason: string };

/** Resolves a dotted field path (`Partner_Account__r.Is_Partner__c`) from an object. */
export function resolveFieldPath(model: MetadataModel, objectName: string, dotted: string): Resolution {
  const parts = dotted.split('.');
  let current: ObjectMeta | undefined = model.objects.get(objectName);
  let currentName = objectName;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const last = i === parts.length - 1;
    if (!current) {
      // A standard object without package metadata: nothing more to verify.
      return currentName.endsWith('__c') || currentName.endsWith('__mdt')
        ? { ok: false, reason: `object ${currentName} does not exist` }
        : { ok: true };
    }
    if (last) {
      if (!part.endsWith('__c')) {
        return { ok: true, object: current };
      }
      const field = current.fields.get(part);
      return field
        ? { ok: true, object: current, field }
        : { ok: false, reason: `${current.name}.${part} does not exist` };
    }
    if (part.endsWith('__r')) {
      const lookup = current.fields.get(part.replace(/__r$/, '__c'));
      if (!lookup || lookup.referenceTo.length === 0) {
        return { ok: false, reason: `${current.name}.${part} is not a relationship of ${current.name}` };
      }
      currentName = lookup.referenceTo[0] ?? '';
      current = model.objects.get(currentName);
    } else if (model.objects.has(part) && !part.includes('__')) {
      // Standard relationship named like its object (Account, Contact, Opportunity).
      currentName = part;
      current = model.objects.get(part);
    } else {
      // Other standard relationships (Owner, CreatedBy, RecordType): not in the package.
      return { ok: true };
    }
  }
  return { ok: true, object: current };
}

function splitValues(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

export function checkReferences(model: MetadataModel): Finding[] {
  const check = 'references';
  const findings: Finding[] = [];
  const say = (file: string, message: string): void => {
    findings.push(finding(file, check, message));
  };
  const fieldOn = (file: string, what: string, objectName: string, fieldName: string): FieldMeta | undefined => {
    if (!fieldName.endsWith('__c')) {
      return undefined;
    }
    const object = model.objects.get(objectName);
    if (!object) {
      if (objectName.endsWith('__c') || objectName.endsWith('__mdt')) {
        say(file, `${what}: object ${objectName} does not exist`);
      }
      return undefined;
    }
    const field = object.fields.get(fieldName);
    if (!field) {
      say(file, `${what}: field ${objectName}.${fieldName} does not exist`);
    }
    return field;
  };
  const picklistValue = (file: string, what: string, field: FieldMeta | undefined, values: string[]): void => {
    if (!field?.picklistValues) {
      return;
    }
    for (const value of values) {
      if (!field.picklistValues.includes(value)) {
        say(file, `${what}: "${value}" is not a value of ${field.object}.${field.name}`);
      }
    }
  };
  const objectExists = (name: string): boolean =>
    model.objects.has(name) || (!name.includes('__') && STANDARD_OBJECT_NAME.test(name));

  // Objects: list views, compact layouts, validation rules.
  for (const object of model.objects.values()) {
    for (const view of object.listViews) {
      const what = `list view ${object.name}.${view.name}`;
      for (const column of view.columns) {
        fieldOn(view.file, what, object.name, column);
      }
      for (const filter of view.filters) {
        const field = fieldOn(view.file, what, object.name, filter.field);
        if (['equals', 'notEqual', 'includes', 'excludes'].includes(filter.operation)) {
          picklistValue(view.file, what, field, splitValues(filter.value));
        }
      }
    }
    for (const layout of object.compactLayouts) {
      for (const field of layout.fields) {
        fieldOn(layout.file, `compact layout ${object.name}.${layout.name}`, object.name, field);
      }
    }
    if (
      object.compactLayoutAssignment &&
      object.compactLayoutAssignment !== 'SYSTEM' &&
      !object.compactLayouts.some((c) => c.name === object.compactLayoutAssignment)
    ) {
      say(
        object.file ?? object.name,
        `${object.name} assigns compact layout ${object.compactLayoutAssignment}, which does not exist`,
      );
    }
    for (const rule of object.validationRules) {
      const what = `validation rule ${object.name}.${rule.name}`;
      for (const token of formulaFieldTokens(rule.formula)) {
        if (token.startsWith('$Permission.')) {
          const permission = token.split('.')[1] ?? '';
          if (!model.customPermissions.has(permission)) {
            say(rule.file, `${what}: custom permission ${permission} does not exist`);
          }
        } else if (token.startsWith('$CustomMetadata.')) {
          const [, type = '', record = '', field = ''] = token.split('.');
          if (!model.customMetadataRecords.some((r) => r.type === type && r.name === record)) {
            say(rule.file, `${what}: custom metadata record ${type}.${record} does not exist`);
          }
          fieldOn(rule.file, what, type, field);
        } else if (!token.startsWith('$')) {
          const resolved = resolveFieldPath(model, object.name, token);
          if (!resolved.ok) {
            say(rule.file, `${what}: ${token}: ${resolved.reason}`);
          }
        }
      }
      for (const pair of ispickvalPairs(rule.formula)) {
        const resolved = resolveFieldPath(model, object.name, pair.field);
        if (resolved.ok && resolved.field) {
          if (!resolved.field.picklistValues) {
            say(rule.file, `${what}: ISPICKVAL on ${pair.field}, which is not a picklist`);
          } else {
            picklistValue(rule.file, what, resolved.field, [pair.value]);
          }
        }
      }
      if (rule.errorDisplayField) {
        fieldOn(rule.file, what, object.name, rule.errorDisplayField);
      }
    }
  }

  // Page layouts.
  for (const layout of model.layouts) {
    const what = `layout ${layout.name}`;
    if (!objectExists(layout.object)) {
      say(layout.file, `${what}: object ${layout.object} does not exist`);
      continue;
    }
    for (const item of layout.fields) {
      fieldOn(layout.file, what, layout.object, item.field);
    }
    for (const related of layout.relatedLists) {
      const [child, lookup] = related.relatedList.split('.');
      if (!child || !lookup) {
        continue; // standard related lists (RelatedActivityList, ...)
      }
      const field = fieldOn(layout.file, `${what} related list`, child, lookup);
      if (field && !field.referenceTo.includes(layout.object)) {
        say(layout.file, `${what}: related list ${related.relatedList} does not point at ${layout.object}`);
      }
      for (const column of related.fields) {
        fieldOn(layout.file, `${what} related list ${related.relatedList}`, child, column);
      }
    }
  }

  // Custom metadata records.
  for (const record of model.customMetadataRecords) {
    const what = `custom metadata record ${record.type}.${record.name}`;
    if (!model.objects.has(record.type)) {
      say(record.file, `${what}: type ${record.type} does not exist`);
      continue;
    }
    for (const value of record.values) {
      const field = fieldOn(record.file, what, record.type, value.field);
      if (value.value !== undefined && value.value !== '') {
        picklistValue(record.file, what, field, [value.value]);
      }
    }
  }

  // FlexiPages.
  for (const page of model.flexiPages.values()) {
    const what = `FlexiPage ${page.name}`;
    if (page.sobjectType && !objectExists(page.sobjectType)) {
      say(page.file, `${what}: object ${page.sobjectType} does not exist`);
    }
    for (const item of page.fieldItems) {
      const [prefix, ...rest] = item.split('.');
      if (prefix === 'Record' && page.sobjectType && rest.length > 0) {
        const resolved = resolveFieldPath(model, page.sobjectType, rest.join('.'));
        if (!resolved.ok) {
          say(page.file, `${what}: ${item}: ${resolved.reason}`);
        }
      }
    }
    for (const component of page.components) {
      if (component.componentName.startsWith('c:')) {
        const bundle = component.componentName.slice(2);
        if (!model.lwcBundles.has(bundle)) {
          say(page.file, `${what}: component ${component.componentName} has no LWC bundle ${bundle}`);
        }
      }
    }
  }

  // Tabs and the app.
  for (const tab of model.tabs.values()) {
    if (tab.customObject && !model.objects.has(tab.name)) {
      say(tab.file, `tab ${tab.name}: object ${tab.name} does not exist`);
    }
    if (tab.flexiPage && !model.flexiPages.has(tab.flexiPage)) {
      say(tab.file, `tab ${tab.name}: FlexiPage ${tab.flexiPage} does not exist`);
    }
  }
  const tabExists = (tab: string): boolean => tab.startsWith('standard-') || model.tabs.has(tab);
  for (const app of model.applications.values()) {
    for (const tab of app.tabs) {
      if (!tabExists(tab)) {
        say(app.file, `app ${app.name}: tab ${tab} does not exist`);
      }
    }
    for (const override of app.actionOverrides) {
      if (override.type !== 'Flexipage' || !override.content) {
        continue;
      }
      const page = model.flexiPages.get(override.content);
      if (!page) {
        say(app.file, `app ${app.name}: FlexiPage ${override.content} does not exist`);
      } else if (override.pageOrSobjectType && page.sobjectType !== override.pageOrSobjectType) {
        say(
          app.file,
          `app ${app.name}: FlexiPage ${override.content} is for ${page.sobjectType ?? 'no object'}, not ${override.pageOrSobjectType}`,
        );
      }
    }
  }

  // Sharing rules.
  for (const rules of model.sharingRules) {
    if (!objectExists(rules.object)) {
      say(rules.file, `sharing rules: object ${rules.object} does not exist`);
      continue;
    }
    for (const rule of rules.rules) {
      const what = `sharing rule ${rules.object}.${rule.name}`;
      for (const item of rule.criteriaItems) {
        const field = fieldOn(rules.file, what, rules.object, item.field);
        if (['equals', 'notEqual'].includes(item.operation)) {
          picklistValue(rules.file, what, field, splitValues(item.value));
        }
      }
      for (const target of [...rule.sharedTo, ...rule.sharedFrom]) {
        if (target.kind === 'group' && !model.groups.has(target.name)) {
          say(rules.file, `${what}: group ${target.name} does not exist`);
        }
      }
    }
  }

  // Permission sets and groups.
  for (const ps of model.permissionSets.values()) {
    const what = `permission set ${ps.name}`;
    for (const fp of ps.fieldPermissions) {
      const [objectName = '', fieldName = ''] = fp.field.split('.');
      if (!model.objects.has(objectName) && !objectExists(objectName)) {
        say(ps.file, `${what}: object ${objectName} does not exist`);
      } else {
        fieldOn(ps.file, what, objectName, fieldName);
      }
    }
    for (const op of ps.objectPermissions) {
      if (!objectExists(op.object)) {
        say(ps.file, `${what}: object ${op.object} does not exist`);
      }
    }
    for (const tab of ps.tabSettings) {
      if (!tabExists(tab.tab)) {
        say(ps.file, `${what}: tab ${tab.tab} does not exist`);
      }
    }
    for (const access of ps.classAccesses) {
      if (!model.apexClasses.has(access.apexClass)) {
        say(ps.file, `${what}: Apex class ${access.apexClass} does not exist`);
      }
    }
    for (const permission of ps.customPermissions) {
      if (!model.customPermissions.has(permission.name)) {
        say(ps.file, `${what}: custom permission ${permission.name} does not exist`);
      }
    }
    for (const type of ps.customMetadataTypeAccesses) {
      if (!model.objects.get(type.name)?.metadataType) {
        say(ps.file, `${what}: custom metadata type ${type.name} does not exist`);
      }
    }
    for (const app of ps.applicationVisibilities) {
      if (!model.applications.has(app.application)) {
        say(ps.file, `${what}: app ${app.application} does not exist`);
      }
    }
  }
  for (const group of model.permissionSetGroups.values()) {
    for (const member of [...group.permissionSets, ...group.mutingPermissionSets]) {
      if (!model.permissionSets.has(member)) {
        say(group.file, `permission set group ${group.name}: permission set ${member} does not exist`);
      }
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------
// documentation
// ---------------------------------------------------------------------------------------

const blank = (value: string | undefined): boolean => value === undefined || value.trim() === '';

export function checkDocumentation(model: MetadataModel): Finding[] {
  const check = 'documentation';
  const findings: Finding[] = [];
  for (const object of model.objects.values()) {
    if (object.custom && blank(object.description)) {
      findings.push(finding(object.file ?? object.name, check, `${object.name} has no description`));
    }
    for (const field of customFields(object)) {
      if (blank(field.description)) {
        findings.push(finding(field.file, check, `${object.name}.${field.name} has no description`));
      }
      if (blank(field.inlineHelpText)) {
        findings.push(finding(field.file, check, `${object.name}.${field.name} has no inline help text`));
      }
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------
// naming
// ---------------------------------------------------------------------------------------

export function checkNaming(model: MetadataModel): Finding[] {
  const check = 'naming';
  const findings: Finding[] = [];
  const expectWords = (file: string, kind: string, name: string): void => {
    if (!NAME_WORDS.test(name)) {
      findings.push(finding(file, check, `${kind} ${name}: use Title_Case words joined by single underscores`));
    }
  };
  for (const object of model.objects.values()) {
    const where = object.file ?? path.join(model.sourceDir, 'objects', object.name);
    if (object.name.includes('__')) {
      if (!CUSTOM_NAME.test(object.name)) {
        findings.push(
          finding(
            where,
            check,
            `object ${object.name}: use Title_Case words joined by underscores, ending in __c or __mdt`,
          ),
        );
      }
    } else if (!STANDARD_OBJECT_NAME.test(object.name)) {
      findings.push(finding(where, check, `object ${object.name}: not a standard object name`));
    }
    for (const field of object.fields.values()) {
      if (field.name.includes('__') && !/^[A-Z][A-Za-z0-9]*(?:_[A-Z0-9][A-Za-z0-9]*)*__c$/.test(field.name)) {
        findings.push(
          finding(
            field.file,
            check,
            `field ${object.name}.${field.name}: use Title_Case words joined by underscores, ending in __c`,
          ),
        );
      }
    }
    object.validationRules.forEach((r) => expectWords(r.file, 'validation rule', r.name));
    object.listViews.forEach((v) => expectWords(v.file, 'list view', v.name));
    object.compactLayouts.forEach((c) => expectWords(c.file, 'compact layout', c.name));
  }
  model.permissionSets.forEach((p) => expectWords(p.file, 'permission set', p.name));
  model.permissionSetGroups.forEach((p) => expectWords(p.file, 'permission set group', p.name));
  model.flexiPages.forEach((p) => expectWords(p.file, 'FlexiPage', p.name));
  model.applications.forEach((a) => expectWords(a.file, 'app', a.name));
  model.customMetadataRecords.forEach((r) => expectWords(r.file, 'custom metadata record', r.name));
  for (const rules of model.sharingRules) {
    rules.rules.forEach((r) => expectWords(rules.file, 'sharing rule', r.name));
  }
  const dirNames = (dir: string, suffix: string, kind: string): void => {
    const full = path.join(model.sourceDir, dir);
    if (existsSync(full)) {
      for (const name of readdirSync(full).filter((n) => n.endsWith(suffix))) {
        expectWords(path.join(full, name), kind, name.slice(0, -suffix.length));
      }
    }
  };
  dirNames('customPermissions', '.customPermission-meta.xml', 'custom permission');
  dirNames('groups', '.group-meta.xml', 'group');
  dirNames('globalValueSets', '.globalValueSet-meta.xml', 'global value set');
  return findings;
}

// ---------------------------------------------------------------------------------------
// picklist-constants
// ---------------------------------------------------------------------------------------

/**
 * The documented constant pattern: a comment line `// picklist: Object__c.Field__c` (or the
 * same text in a block comment line) directly above a block of constants. The block runs
 * to the next blank line; every string literal in it must be an active value of that
 * picklist. Keys of object literals are written unquoted so that only values are checked.
 */
export const PICKLIST_MARKER =
  /^\s*(?:\/\/|\/\*+|\*)\s*picklist:\s*([A-Za-z][A-Za-z0-9_]*)\.([A-Za-z][A-Za-z0-9_]*)\s*(?:\*\/)?\s*$/;

interface Literal {
  value: string;
  offset: number;
}

/** String literals of Apex or TypeScript code, skipping comments. */
export function stringLiterals(code: string, quotes: string): Literal[] {
  const out: Literal[] = [];
  let i = 0;
  while (i < code.length) {
    const ch = code[i] ?? '';
    const next = code[i + 1] ?? '';
    if (ch === '/' && next === '/') {
      while (i < code.length && code[i] !== '\n') i++;
    } else if (ch === '/' && next === '*') {
      const end = code.indexOf('*/', i + 2);
      i = end < 0 ? code.length : end + 2;
    } else if (quotes.includes(ch)) {
      const start = i;
      let value = '';
      i++;
      while (i < code.length && code[i] !== ch) {
        if (code[i] === '\\') {
          value += code[i + 1] ?? '';
          i += 2;
        } else {
          value += code[i];
          i++;
        }
      }
      i++;
      // Template literals with substitutions are not constants.
      if (!(ch === '`' && value.includes('${'))) {
        out.push({ value, offset: start });
      }
    } else {
      i++;
    }
  }
  return out;
}

function walk(dir: string, accept: (file: string) => boolean, out: string[] = []): string[] {
  if (!existsSync(dir)) {
    return out;
  }
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) {
      continue;
    }
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      walk(full, accept, out);
    } else if (accept(full)) {
      out.push(full);
    }
  }
  return out;
}

/** Apex classes and triggers of the source folder and the TypeScript sources of the LWCs and rules. */
export function codeFiles(projectRoot: string, sourceDir: string): string[] {
  return [
    ...walk(path.join(sourceDir, 'classes'), (f) => f.endsWith('.cls')),
    ...walk(path.join(sourceDir, 'triggers'), (f) => f.endsWith('.trigger')),
    ...walk(path.join(projectRoot, 'lwc-ts-src'), (f) => f.endsWith('.ts') && !f.endsWith('.d.ts')),
  ];
}

export function checkPicklistConstants(model: MetadataModel, files: string[]): Finding[] {
  const check = 'picklist-constants';
  const findings: Finding[] = [];
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    const quotes = file.endsWith('.ts') ? `'"\`` : `'`;
    const lines = code.split('\n');
    let offset = 0;
    const lineOffsets = lines.map((line) => {
      const start = offset;
      offset += line.length + 1;
      return start;
    });
    lines.forEach((line, index) => {
      const marker = PICKLIST_MARKER.exec(line);
      if (!marker) {
        return;
      }
      const [, objectName = '', fieldName = ''] = marker;
      const markerLine = index + 1;
      let end = index + 1;
      while (end < lines.length && (lines[end] ?? '').trim() !== '' && !PICKLIST_MARKER.test(lines[end] ?? '')) {
        end++;
      }
      const blockStart = lineOffsets[index + 1] ?? code.length;
      const blockEnd = end < lines.length ? (lineOffsets[end] ?? code.length) : code.length;
      const literals = stringLiterals(code.slice(blockStart, blockEnd), quotes);
      const field = model.objects.get(objectName)?.fields.get(fieldName);
      if (!field) {
        findings.push(
          finding(file, check, `picklist marker names ${objectName}.${fieldName}, which does not exist`, markerLine),
        );
        return;
      }
      if (!field.picklistValues) {
        findings.push(
          finding(file, check, `picklist marker names ${objectName}.${fieldName}, which is not a picklist`, markerLine),
        );
        return;
      }
      if (literals.length === 0) {
        findings.push(
          finding(
            file,
            check,
            `picklist marker for ${objectName}.${fieldName} has no string constants below it`,
            markerLine,
          ),
        );
      }
      for (const literal of literals) {
        if (!field.picklistValues.includes(literal.value)) {
          findings.push(
            finding(
              file,
              check,
              `"${literal.value}" is not a value of ${objectName}.${fieldName} (values: ${field.picklistValues.join(', ')})`,
              lineOf(code, blockStart + literal.offset),
            ),
          );
        }
      }
    });
  }
  return findings;
}

// ---------------------------------------------------------------------------------------
// all checks
// ---------------------------------------------------------------------------------------

export const CHECKS = [
  'field-grants',
  'permission-set-rules',
  'partner-least-privilege',
  'references',
  'documentation',
  'naming',
  'picklist-constants',
] as const;
export type CheckName = (typeof CHECKS)[number];

/** Runs every check on a project (a folder holding `force-app/main/default` and optionally `lwc-ts-src`). */
export function runIntegrityChecks(
  projectRoot: string,
  sourceDir = path.join(projectRoot, DEFAULT_SOURCE_DIR),
): Record<CheckName, Finding[]> {
  const model = loadMetadata(sourceDir);
  return {
    'field-grants': checkFieldGrants(model),
    'permission-set-rules': checkPermissionSetRules(model),
    'partner-least-privilege': checkPartnerLeastPrivilege(model),
    references: checkReferences(model),
    documentation: checkDocumentation(model),
    naming: checkNaming(model),
    'picklist-constants': checkPicklistConstants(model, codeFiles(projectRoot, sourceDir)),
  };
}

function main(argv: string[]): number {
  const rootIndex = argv.indexOf('--root');
  const root = path.resolve(rootIndex >= 0 ? (argv[rootIndex + 1] ?? '.') : path.join(__dirname, '..', '..'));
  const results = runIntegrityChecks(root);
  let total = 0;
  for (const name of CHECKS) {
    for (const f of results[name]) {
      const where = [path.relative(root, f.file) || f.file, f.line].filter((p) => p !== undefined).join(':');
      console.error(`${where} [${f.check}] ${f.message}`);
    }
    total += results[name].length;
    console.log(`${name}: ${results[name].length === 0 ? 'ok' : `${results[name].length} finding(s)`}`);
  }
  return total === 0 ? 0 : 1;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
