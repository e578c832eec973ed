/**
 * Stand-in for RegistrationConflictPanelController: the conflict panel of Account, Opportunity,
 * Lead and registration pages, with evidence recomputed by the shared `detectConflicts`.
 */
import { matchKeys } from '../../../../lwc-ts-src/prmRules/prmRules';
import { ApexError, type ApexHandler } from './api';
import { requireId, today } from './common';
import { conflictsOf } from './dealRegistrationServer';
import { adviceFor, evidenceOf } from './registrationEvidence';

const REVIEW_STATUSES = new Set(['Submitted', 'Pending Approval']);

function recordGuidance(rows: { status: unknown }[]): string[] {
  const guidance: string[] = [];
  if (rows.length === 0) {
    guidance.push('No partner registration touches this record.');
  }
  if (rows.some((r) => REVIEW_STATUSES.has(String(r.status)))) {
    guidance.push(
      'A partner registration waits for a decision. If you are already working this deal, tell the partner manager before it is approved.',
    );
  }
  if (rows.some((r) => r.status === 'Approved')) {
    guidance.push(
      'A partner is protected on this prospect until the expiry date shown. Coordinate with the partner before working the deal directly: the partner is credited as the sourcing partner.',
    );
  }
  return guidance;
}

const getConflictPanel: ApexHandler = (params, store) => {
  const recordId = requireId(params, 'recordId');
  const record = store.get(recordId);
  const type = store.objectOf(recordId);
  if (!record || !type) {
    throw new ApexError('The record does not exist or is not shared with you.');
  }
  if (type === 'Deal_Registration__c') {
    const result = conflictsOf(store, record);
    const evidence = evidenceOf(store, result);
    const guidance =
      evidence.length === 0 ? ['No conflict with customers, open opportunities or other partners was found.'] : [];
    for (const type of new Set(evidence.map((e) => String(e.type)))) {
      guidance.push(adviceFor(type));
    }
    return { context: 'registration', conflictStatus: result.status, evidence, registrations: [], guidance };
  }
  const companyKeys = new Set<string>();
  const domainKeys = new Set<string>();
  const accountIds = new Set<string>();
  const opportunityIds = new Set<string>();
  const addKeys = (companyKey: unknown, domainKey: unknown) => {
    if (companyKey) companyKeys.add(String(companyKey));
    if (domainKey) domainKeys.add(String(domainKey));
  };
  if (type === 'Account') {
    accountIds.add(recordId);
    addKeys(record.Match_Key__c, record.Domain_Key__c);
  } else if (type === 'Opportunity') {
    opportunityIds.add(recordId);
    const account = store.get(String(record.AccountId ?? ''));
    if (account) {
      accountIds.add(account.Id);
      addKeys(account.Match_Key__c, account.Domain_Key__c);
    }
  } else if (type === 'Lead') {
    const keys = matchKeys({
      name: (record.Company as string | null) ?? null,
      website: (record.Website as string | null) ?? null,
      email: (record.Email as string | null) ?? null,
    });
    addKeys(record.Match_Key__c ?? keys.companyKey, record.Domain_Key__c ?? keys.domainKey);
  } else {
    throw new ApexError('The conflict panel works on Account, Opportunity, Lead and Deal Registration pages.');
  }
  const day = today(store);
  const active = new Set(['Submitted', 'Pending Approval', 'Approved']);
  const rows = store
    .list('Deal_Registration__c')
    .filter(
      (r) =>
        accountIds.has(String(r.Matched_Account__c)) ||
        opportunityIds.has(String(r.Matched_Opportunity__c)) ||
        opportunityIds.has(String(r.Converted_Opportunity__c)) ||
        ((companyKeys.has(String(r.Match_Key__c)) || domainKeys.has(String(r.Domain_Key__c))) &&
          active.has(String(r.Status__c)) &&
          (!r.Expires_On__c || String(r.Expires_On__c) >= day)),
    )
    .sort((a, b) => String(b.CreatedDate).localeCompare(String(a.CreatedDate)))
    .slice(0, 50)
    .map((r) => ({
      id: r.Id,
      name: r.Name,
      partnerName: store.get(String(r.Partner_Account__c))?.Name ?? null,
      prospectCompany: r.Prospect_Company__c,
      status: r.Status__c,
      amount: r.Amount__c ?? null,
      expiresOn: r.Expires_On__c ?? null,
      submittedAt: r.Submitted_At__c ?? null,
      conflictStatus: r.Conflict_Status__c ?? null,
      relation: opportunityIds.has(String(r.Converted_Opportunity__c))
        ? 'Converted into this opportunity'
        : opportunityIds.has(String(r.Matched_Opportunity__c))
          ? 'Matched this opportunity'
          : accountIds.has(String(r.Matched_Account__c))
            ? 'Matched this account'
            : companyKeys.has(String(r.Match_Key__c))
              ? 'Same company name'
              : 'Same web domain',
    }));
  return { context: 'record', evidence: [], registrations: rows, guidance: recordGuidance(rows) };
};

export const REGISTRATION_CONFLICT_PANEL: Readonly<Record<string, ApexHandler>> = {
  'RegistrationConflictPanelController.getConflictPanel': getConflictPanel,
};
