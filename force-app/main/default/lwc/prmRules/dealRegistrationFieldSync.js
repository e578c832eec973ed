// Generated from lwc-ts-src/prmRules/dealRegistrationFieldSync.ts by `npm run build`. Do not edit.
import { RuleError } from './ruleError';
import { optBoolean, optList, optString, requireObject, requireString } from './ruleInput';
export const SYNC_MODES = ['Copy Once', 'Registration Owns', 'Opportunity Owns'];
/** The object every mapping writes to when it names none. */
const OPPORTUNITY = 'Opportunity';
function sameField(a, b) {
    return a.toLowerCase() === b.toLowerCase();
}
/**
 * The writes a change on one side makes on the other: each active Opportunity mapping owned by
 * the changed side whose field on that side changed, in mapping-name order. Unknown sync modes
 * and sides are refused (INVALID_INPUT), as are two owning mappings that write the same field
 * (CONFLICTING_MAPPINGS): the document and the sync must agree on one source of truth.
 */
export function fieldSyncWrites(input) {
    const side = requireString(input.changedOn, 'changedOn');
    if (side !== 'Registration' && side !== 'Opportunity') {
        throw new RuleError('INVALID_INPUT', `changedOn must be Registration or Opportunity, not ${side}`);
    }
    const changed = optList(input.changedFields, 'changedFields').map((field, index) => requireString(field, `changedFields[${index}]`));
    const owning = [];
    optList(input.mappings, 'mappings').forEach((item, index) => {
        const key = `mappings[${index}]`;
        const mapping = requireObject(item, key);
        const name = requireString(mapping.name, `${key}.name`);
        const sourceField = requireString(mapping.sourceField, `${key}.sourceField`);
        const targetField = requireString(mapping.targetField, `${key}.targetField`);
        const targetObject = optString(mapping.targetObject, `${key}.targetObject`)?.trim() || OPPORTUNITY;
        const mode = optString(mapping.syncMode, `${key}.syncMode`)?.trim() || 'Copy Once';
        if (!SYNC_MODES.includes(mode)) {
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
                throw new RuleError('CONFLICTING_MAPPINGS', `${owning[j].mapping} and ${owning[i].mapping} both write ${owning[i].to}`);
            }
        }
    }
    return { writes: owning.filter((write) => changed.some((field) => sameField(field, write.from))) };
}
export const dealRegistrationFieldSyncRules = {
    fieldSyncWrites: (input) => fieldSyncWrites(input),
};
