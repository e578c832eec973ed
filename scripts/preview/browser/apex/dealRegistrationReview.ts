/**
 * Stand-in for DealRegistrationController (internal): the review queue with conflict evidence
 * recomputed by the shared `detectConflicts`, decisions and renewal decisions (`renew`,
 * `isExpired`, `expiryDate`), and the conflict panel of Account, Opportunity, Lead and
 * registration pages. The preview's internal user is a director, so every route can be decided.
 */
import {
  expiryDate,
  isExpired,
  matchKeys,
  renew,
  RuleError,
  type ConflictResult,
  type RegistrationStatus,
} from '../../../../lwc-ts-src/prmRules/prmRules';
import type { DemoStore } from '../store';
import type { DemoRecord } from '../types';
import { ApexError, type ApexHandler } from './api';
import { requireId, text, today } from './common';
import { conflictsOf, PREVIEW_POLICY } from './dealRegistrationServer';

const REVIEW_STATUSES = new Set(['Submitted', 'Pending Approval']);

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

const OBJECT_LABELS: Readonly<Record<string, string>> = {
  Account: 'Account',
  Opportunity: 'Opportunity',
  Deal_Registration__c: 'Deal Registration',
};

function hoursBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 360000) / 10;
}

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

function evidenceOf(store: DemoStore, result: ConflictResult | undefined): Record<string, unknown>[] {
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
    advice: ADVICE[f.type] ?? DUPLICATE_ADVICE,
  }));
}

function median(values: number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : Math.round(((sorted[middle - 1] + sorted[middle]) / 2) * 10) / 10;
}

const getReviewQueue: ApexHandler = (_params, store) => {
  const now = store.now;
  const waiting = store
    .list('Deal_Registration__c')
    .filter(
      (r) => REVIEW_STATUSES.has(String(r.Status__c)) || (r.Status__c === 'Approved' && r.Renewal_Requested_On__c),
    );
  const items = waiting.map((r) => {
    const kind = REVIEW_STATUSES.has(String(r.Status__c)) ? 'Registration' : 'Renewal';
    const result = kind === 'Registration' ? conflictsOf(store, r) : undefined;
    const since = kind === 'Renewal' ? `${String(r.Renewal_Requested_On__c)}T00:00:00.000Z` : r.Submitted_At__c;
    return {
      id: r.Id,
      name: r.Name,
      kind,
      partnerName: store.get(String(r.Partner_Account__c))?.Name ?? null,
      prospectCompany: r.Prospect_Company__c,
      amount: r.Amount__c ?? null,
      status: r.Status__c,
      approvalRoute: r.Approval_Route__c ?? null,
      conflictStatus: result?.status ?? r.Conflict_Status__c ?? null,
      submittedAt: r.Submitted_At__c ?? null,
      expectedCloseDate: r.Expected_Close_Date__c ?? null,
      expiresOn: r.Expires_On__c ?? null,
      renewalRequestedOn: r.Renewal_Requested_On__c ?? null,
      renewalCount: Number(r.Renewal_Count__c ?? 0),
      ageHours: since ? hoursBetween(String(since), now) : 0,
      evidence: evidenceOf(store, result),
    };
  });
  items.sort((a, b) => b.ageHours - a.ageHours);
  const recentDecisions = store
    .list('Deal_Registration__c')
    .filter((r) => r.Decided_At__c)
    .sort((a, b) => String(b.Decided_At__c).localeCompare(String(a.Decided_At__c)))
    .slice(0, 20)
    .map((r) => ({
      id: r.Id,
      name: r.Name,
      prospectCompany: r.Prospect_Company__c,
      status: r.Status__c,
      approvalRoute: r.Approval_Route__c ?? null,
      decidedByName: r.Approval_Route__c === 'Auto' ? 'Automatic' : 'Channel manager',
      decidedAt: r.Decided_At__c,
      decisionHours: r.Submitted_At__c ? hoursBetween(String(r.Submitted_At__c), String(r.Decided_At__c)) : null,
    }));
  return {
    items,
    recentDecisions,
    medianDecisionHours: median(
      recentDecisions.map((d) => d.decisionHours).filter((h): h is number => typeof h === 'number'),
    ),
    canDecide: true,
  };
};

function registrationFor(store: DemoStore, id: string): DemoRecord {
  const record = store.get(id);
  if (!record || store.objectOf(id) !== 'Deal_Registration__c') {
    throw new ApexError('The registration does not exist or is not shared with you.');
  }
  return record;
}

/** DealRegistrationApprovals.decide and the trigger's approval stamps (approved on, expiry). */
const decide: ApexHandler = (params, store) => {
  const id = requireId(params, 'registrationId');
  const approve = params.approve === true;
  const reason = text(params, 'reason');
  const refused = (message: string) => ({ success: false, status: null, message, decisionHours: null });
  const record = store.get(id);
  if (!record || store.objectOf(id) !== 'Deal_Registration__c') {
    return refused('The registration does not exist or is not shared with you.');
  }
  if (!REVIEW_STATUSES.has(String(record.Status__c))) {
    return refused(`Only submitted or pending registrations can be decided; this one is ${String(record.Status__c)}.`);
  }
  if (!approve && !reason) {
    return refused('Enter a reason to reject the registration.');
  }
  const day = today(store);
  const status = approve ? 'Approved' : 'Rejected';
  store.update(id, {
    Status__c: status,
    Decision_Reason__c: reason ? reason.slice(0, 255) : null,
    Decided_At__c: store.now,
    ...(approve
      ? {
          Approved_On__c: day,
          Expires_On__c: expiryDate({ approvedOn: day, protectionDays: PREVIEW_POLICY.protectionDays }),
        }
      : {}),
  });
  return {
    success: true,
    status,
    message: approve ? 'Approved.' : 'Rejected.',
    decisionHours: record.Submitted_At__c ? hoursBetween(String(record.Submitted_At__c), store.now) : null,
  };
};

/** DealRegistrationRenewals.decide for one request. */
const decideRenewal: ApexHandler = (params, store) => {
  const record = registrationFor(store, requireId(params, 'registrationId'));
  const reason = text(params, 'reason');
  const refused = (message: string) => ({ success: false, message, expiresOn: null });
  if (!record.Renewal_Requested_On__c || record.Status__c !== 'Approved') {
    return refused('There is no pending renewal request on this registration.');
  }
  if (params.approve === true) {
    try {
      const renewal = renew({
        today: String(record.Renewal_Requested_On__c),
        expiresOn: String(record.Expires_On__c),
        renewalCount: Number(record.Renewal_Count__c ?? 0),
        policy: PREVIEW_POLICY,
      });
      store.update(record.Id, {
        Renewal_Requested_On__c: null,
        Expires_On__c: renewal.expiresOn,
        Renewal_Count__c: renewal.renewalCount,
      });
      return { success: true, message: `Renewed until ${renewal.expiresOn}.`, expiresOn: renewal.expiresOn };
    } catch (error) {
      if (error instanceof RuleError) {
        return refused(`The renewal cannot be granted: ${error.message}`);
      }
      throw error;
    }
  }
  if (!reason) {
    return refused('Enter a reason to decline the renewal.');
  }
  const expired = isExpired({
    today: today(store),
    expiresOn: (record.Expires_On__c as string | null) ?? null,
    status: record.Status__c as RegistrationStatus,
  });
  store.update(record.Id, {
    Renewal_Requested_On__c: null,
    Decision_Reason__c: `Renewal declined: ${reason}`.slice(0, 255),
    ...(expired ? { Status__c: 'Expired' } : {}),
  });
  return {
    success: true,
    message: expired ? 'Renewal declined; the registration has expired.' : 'Renewal declined.',
    expiresOn: record.Expires_On__c ?? null,
  };
};

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
      guidance.push(ADVICE[type] ?? DUPLICATE_ADVICE);
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

export const DEAL_REGISTRATION_REVIEW: Readonly<Record<string, ApexHandler>> = {
  'DealRegistrationController.getReviewQueue': getReviewQueue,
  'DealRegistrationController.decide': decide,
  'DealRegistrationController.decideRenewal': decideRenewal,
  'DealRegistrationController.getConflictPanel': getConflictPanel,
};
