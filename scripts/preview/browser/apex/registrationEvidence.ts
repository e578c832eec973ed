/**
 * Stand-in for RegistrationEvidence: conflict findings with the names of their records and the
 * advice for each kind, as the review console and the conflict panel show them.
 */
import type { ConflictResult } from '../../../../lwc-ts-src/prmRules/prmRules';
import type { DemoStore } from '../store';

const ADVICE: Readonly<Record<string, string>> = {
  OPEN_OPPORTUNITY:
    'Talk to the opportunity owner: approve only if the partner brought this deal; otherwise reject and say why.',
  NAMED_ACCOUNT: 'Named account: the account owner must agree before the registration is approved.',
  COMPETING_REGISTRATION:
    'Another partner claims this prospect: an approved registration keeps its protection until it expires.',
  EXISTING_CUSTOMER: "Existing customer: approve as an expansion deal only with the account owner's consent.",
};
const DUPLICATE_ADVICE =
  'The same partner registered this prospect before: reject the duplicate or close the older registration.';

/** What a reviewer should do about one kind of evidence (`RegistrationEvidence.adviceFor`). */
export function adviceFor(type: string): string {
  return ADVICE[type] ?? DUPLICATE_ADVICE;
}

const OBJECT_LABELS: Readonly<Record<string, string>> = {
  Account: 'Account',
  Opportunity: 'Opportunity',
  Deal_Registration__c: 'Deal Registration',
};

function recordName(store: DemoStore, id: string): string {
  const record = store.get(id);
  if (!record) {
    return 'Restricted record';
  }
  if (store.objectOf(id) === 'Deal_Registration__c') {
    const partner = store.get(String(record.Partner_Account__c));
    return `${String(record.Name)}${partner ? ` (${String(partner.Name)})` : ''}`;
  }
  return String(record.Name ?? id);
}

/** `RegistrationEvidence.of` and `resolveNames`: findings with names and advice. */
export function evidenceOf(store: DemoStore, result: ConflictResult | undefined): Record<string, unknown>[] {
  return (result?.findings ?? []).map((f) => ({
    type: f.type,
    severity: f.severity,
    recordId: f.recordId,
    recordName: recordName(store, f.recordId),
    objectLabel: OBJECT_LABELS[store.objectOf(f.recordId) ?? ''] ?? null,
    ownerId: f.ownerId ?? null,
    ownerName: f.ownerId ? 'Account owner' : null,
    matchedOn: f.matchedOn,
    message: f.message,
    advice: adviceFor(f.type),
  }));
}
