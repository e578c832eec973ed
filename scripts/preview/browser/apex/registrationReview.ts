/**
 * Stand-in for RegistrationReviewController: the review queue with conflict evidence
 * recomputed by the shared `detectConflicts`, decisions and renewal decisions (`renew`,
 * `isExpired`, `expiryDate`). The preview's internal user is a director, so every route can be
 * decided.
 */
import {
  expiryDate,
  isExpired,
  renew,
  RuleError,
  type RegistrationStatus,
} from '../../../../lwc-ts-src/prmRules/prmRules';
import type { DemoStore } from '../store';
import type { DemoRecord } from '../types';
import { ApexError, type ApexHandler } from './api';
import { requireId, text, today } from './common';
import { conflictsOf, PREVIEW_POLICY } from './dealRegistrationServer';
import { evidenceOf } from './registrationEvidence';

const REVIEW_STATUSES = new Set(['Submitted', 'Pending Approval']);

function hoursBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 360000) / 10;
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

export const REGISTRATION_REVIEW: Readonly<Record<string, ApexHandler>> = {
  'RegistrationReviewController.getReviewQueue': getReviewQueue,
  'RegistrationReviewController.decide': decide,
  'RegistrationReviewController.decideRenewal': decideRenewal,
};
