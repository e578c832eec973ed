/**
 * Field ownership of the registration → Opportunity field map (`Registration_Field_Map__mdt`,
 * field `Sync_Mode__c`): which side is the source of truth for each mapped field after the
 * registration became an Opportunity. Apex twin: `DealRegistrationFieldSyncRules.cls`.
 *
 * - `Copy Once` (the default): copied when the Opportunity is created, then each side is its own.
 * - `Registration Owns`: a change on the registration is written to the Opportunity.
 * - `Opportunity Owns`: a change on the Opportunity is written back to the registration.
 *
 * Every active mapping is copied at conversion whatever its mode; this rule decides the writes
 * that follow a later change. Field names compare case-insensitively, as Salesforce API names do.
 */
import type { RuleFunction } from './prmRules';
import { RuleError } from './ruleError';
import { optBoolean, optList, optString, requireObject, requireString } from './ruleInput';

export const SYNC_MODES = ['Copy Once', 'Registration Owns', 'Opportunity Owns'] as const;
export type SyncMode = (typeof SYNC_MODES)[number];
export type SyncSide = 'Registration' | 'Opportunity';

/** The object every mapping writes to when it names none. */
const OPPORTUNITY = 'Opportunity';

export interface FieldMapping {
  /** The mapping record's developer name. */
  name: string;
  /** Field on `Deal_Registration__c`. */
  sourceField: string;
  /** Field on the target object. */
  targetField: string;
  /** Absent or blank: Opportunity. Mappings to other objects are not synced here. */
  targetObject?: string | null;
  /** Absent or blank: Copy Once. */
  syncMode?: string | null;
  /** Default true. */
  active?: boolean | null;
}

export interface FieldSyncInput {
  mappings?: FieldMapping[] | null;
  /** The side whose record changed. */
  changedOn: SyncSide;
  /** API names of the fields that changed on that side. */
  changedFields?: string[] | null;
}

export interface FieldSyncWrite {
  mapping: string;
  /** Field read on the changed side. */
  from: string;
  /** Field written on the other side. */
  to: string;
}

function sameField(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * The writes a change on one side makes on the other: each active Opportunity mapping owned by
 * the changed side whose field on that side changed, in mapping-name order. Unknown sync modes
 * and sides are refused (INVALID_INPUT), as are two owning mappings that write the same field
 * (CONFLICTING_MAPPINGS): the document and the sync must agree on one source of truth.
 */
export function fieldSyncWrites(input: FieldSyncInput): { writes: FieldSyncWrite[] } {
  const side = requireString(input.changedOn, 'changedOn');
  if (side !== 'Registration' && side !== 'Opportunity') {
    throw new RuleError('INVALID_INPUT', `changedOn must be Registration or Opportunity, not ${side}`);
  }
  const changed = optList(input.changedFields, 'changedFields').map((field, index) =>
    requireString(field, `changedFields[${index}]`),
  );
  const owning: FieldSyncWrite[] = [];
  optList(input.mappings, 'mappings').forEach((item, index) => {
    const key = `mappings[${index}]`;
    const mapping = requireObject(item, key);
    const name = requireString(mapping.name, `${key}.name`);
    const sourceField = requireString(mapping.sourceField, `${key}.sourceField`);
    const targetField = requireString(mapping.targetField, `${key}.targetField`);
    const targetObject = optString(mapping.targetObject, `${key}.targetObject`)?.trim() || OPPORTUNITY;
    const mode = optString(mapping.syncMode, `${key}.syncMode`)?.trim() || 'Copy Once';
    if (!(SYNC_MODES as readonly string[]).includes(mode)) {
      throw new RuleError('INVALID_INPUT', `${key}.syncMode must be one of ${SYNC_MODES.join(', ')}`);
    }
    if (!optBoolean(mapping.active, `${key}.active`, true) || targetObject !== OPPORTUNITY) {
      return;
    }
    if (mode === `${side} Owns`) {
      const from = side === 'Registration' ? sourceField : targetField;
      const to = side === 'Registration' ? targetField : sourceField;
      owning.push({ mapping: name, from, to });
    }
  });
  owning.sort((a, b) => (a.mapping < b.mapping ? -1 : a.mapping > b.mapping ? 1 : 0));
  for (let i = 0; i < owning.length; i++) {
    for (let j = 0; j < i; j++) {
      if (sameField(owning[i].to, owning[j].to)) {
        throw new RuleError(
          'CONFLICTING_MAPPINGS',
          `${owning[j].mapping} and ${owning[i].mapping} both write ${owning[i].to}`,
        );
      }
    }
  }
  return { writes: owning.filter((write) => changed.some((field) => sameField(field, write.from))) };
}

export const dealRegistrationFieldSyncRules: Record<string, RuleFunction> = {
  fieldSyncWrites: (input) => fieldSyncWrites(input as unknown as FieldSyncInput),
};
