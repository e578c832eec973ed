/**
 * Stand-in for PortalDealRegistrationController: the policy the form previews with, saving
 * and submitting with the server's neutral verdict, the partner's registrations with days
 * to expiry and renewal eligibility, and renewal requests.
 */
import {
  partnerVerdict,
  renewalEligibility,
  type RegistrationConflictStatus,
} from '../../../../lwc-ts-src/prmRules/prmRules';
import type { DemoStore } from '../store';
import type { DemoRecord } from '../types';
import { ApexError, type ApexHandler, type ApexParams } from './api';
import { daysBetween, nextName, number, partnerAccountId, requireId, text, today } from './common';
import { PREVIEW_POLICY, registrationKeys, submit } from './dealRegistrationServer';

const AWAITING = new Set(['Submitted', 'Pending Approval']);

function ownedRegistration(store: DemoStore, id: string): DemoRecord {
  const record = store.get(id);
  if (
    !record ||
    store.objectOf(id) !== 'Deal_Registration__c' ||
    record.Partner_Account__c !== partnerAccountId(store)
  ) {
    throw new ApexError('The registration does not exist or is not yours.');
  }
  return record;
}

function verdictOf(record: DemoRecord): string | null {
  const status = record.Conflict_Status__c as RegistrationConflictStatus | null | undefined;
  return status ? partnerVerdict({ status }) : null;
}

/** SubmitResult of PortalDealRegistrationController. */
function resultFor(store: DemoStore, id: string): Record<string, unknown> {
  const saved = store.get(id)!;
  let message: string;
  if (saved.Status__c === 'Draft') {
    message = 'Draft saved. Submit it when you are ready.';
  } else if (saved.Status__c === 'Approved') {
    message = `Approved. Your protection runs until ${String(saved.Expires_On__c)}.`;
  } else if (verdictOf(saved) === partnerVerdict({ status: 'Needs Review' })) {
    // The verdict already tells the partner that the team will review it.
    message = 'Submitted.';
  } else {
    message = 'Submitted. Your channel manager will review it.';
  }
  return {
    id: saved.Id,
    name: saved.Name,
    status: saved.Status__c,
    verdict: verdictOf(saved),
    expiresOn: saved.Expires_On__c ?? null,
    message,
  };
}

function portalRegistration(store: DemoStore, r: DemoRecord): Record<string, unknown> {
  const day = today(store);
  const renewalCount = Number(r.Renewal_Count__c ?? 0);
  const row: Record<string, unknown> = {
    id: r.Id,
    name: r.Name,
    prospectCompany: r.Prospect_Company__c,
    amount: r.Amount__c,
    status: r.Status__c,
    expectedCloseDate: r.Expected_Close_Date__c,
    submittedAt: r.Submitted_At__c,
    expiresOn: r.Expires_On__c,
    renewalCount,
    renewalRequestedOn: r.Renewal_Requested_On__c ?? null,
    decisionReason: r.Decision_Reason__c ?? null,
    canRenew: false,
    verdict: AWAITING.has(String(r.Status__c)) ? verdictOf(r) : null,
  };
  if (r.Status__c === 'Approved' && r.Expires_On__c) {
    const expiresOn = String(r.Expires_On__c);
    row.daysToExpiry = daysBetween(day, expiresOn);
    const eligibility = renewalEligibility({ today: day, expiresOn, renewalCount, policy: PREVIEW_POLICY });
    row.renewalOpensOn = eligibility.opensOn;
    if (r.Renewal_Requested_On__c) {
      row.renewalNote = `Renewal requested on ${String(r.Renewal_Requested_On__c)}.`;
    } else if (eligibility.eligible) {
      row.canRenew = true;
    } else if (eligibility.reason === 'MAX_RENEWALS_REACHED') {
      row.renewalNote = 'Renewed the maximum number of times.';
    } else if (eligibility.reason === 'WINDOW_NOT_OPEN') {
      row.renewalNote = `Renewal opens on ${eligibility.opensOn}.`;
    } else {
      row.renewalNote = 'Protection has ended.';
    }
  }
  return row;
}

const getPolicy: ApexHandler = () => ({
  autoApproveThreshold: PREVIEW_POLICY.autoApproveThreshold,
  directorThreshold: PREVIEW_POLICY.directorThreshold,
  protectionDays: PREVIEW_POLICY.protectionDays,
  renewalWindowDays: PREVIEW_POLICY.renewalWindowDays,
  maxRenewals: PREVIEW_POLICY.maxRenewals,
});

const saveRegistration: ApexHandler = (params, store) => {
  const input = (params.registration ?? null) as ApexParams | null;
  const company = input ? text(input, 'prospectCompany') : null;
  if (!input || !company) {
    throw new ApexError('Enter the prospect company.');
  }
  const fields = {
    Name: nextName(store, 'Deal_Registration__c', 'REG'),
    Partner_Account__c: partnerAccountId(store),
    Partner_Contact__c: store.dataset.contactId,
    Prospect_Company__c: company,
    Prospect_Website__c: text(input, 'prospectWebsite'),
    Prospect_Email__c: text(input, 'prospectEmail'),
    Prospect_Contact_Name__c: text(input, 'prospectContactName'),
    Prospect_Country__c: text(input, 'prospectCountry')?.toUpperCase() ?? null,
    Prospect_State__c: text(input, 'prospectState'),
    Prospect_Postal_Code__c: text(input, 'prospectPostalCode'),
    Amount__c: number(input, 'amount'),
    Expected_Close_Date__c: text(input, 'expectedCloseDate'),
    Products__c: text(input, 'products'),
    Status__c: 'Draft',
    Renewal_Count__c: 0,
  };
  const record = store.insert('Deal_Registration__c', { ...fields, ...registrationKeys(fields) });
  if (params.submit === true) {
    submit(store, record.Id);
  }
  return resultFor(store, record.Id);
};

const submitDraft: ApexHandler = (params, store) => {
  const record = ownedRegistration(store, requireId(params, 'registrationId'));
  if (record.Status__c !== 'Draft') {
    throw new ApexError('Only drafts can be submitted.');
  }
  submit(store, record.Id);
  return resultFor(store, record.Id);
};

const getMyRegistrations: ApexHandler = (_params, store) =>
  store
    .list('Deal_Registration__c')
    .filter((r) => r.Partner_Account__c === partnerAccountId(store))
    .sort((a, b) => String(b.CreatedDate).localeCompare(String(a.CreatedDate)))
    .slice(0, 200)
    .map((r) => portalRegistration(store, r));

/** DealRegistrationRenewals.request for one registration: recorded for a manager's decision. */
const requestRenewal: ApexHandler = (params, store) => {
  const id = requireId(params, 'registrationId');
  const record = store.get(id);
  const refused = (message: string, opensOn: string | null = null) => ({ success: false, message, opensOn });
  if (!record || record.Partner_Account__c !== partnerAccountId(store)) {
    return refused('The registration does not exist or is not yours.');
  }
  if (record.Status__c !== 'Approved' || !record.Expires_On__c) {
    return refused('Only approved registrations can be renewed.');
  }
  if (record.Renewal_Requested_On__c) {
    return refused(`A renewal was already requested on ${String(record.Renewal_Requested_On__c)}.`);
  }
  const eligibility = renewalEligibility({
    today: today(store),
    expiresOn: String(record.Expires_On__c),
    renewalCount: Number(record.Renewal_Count__c ?? 0),
    policy: PREVIEW_POLICY,
  });
  if (!eligibility.eligible) {
    const message =
      eligibility.reason === 'MAX_RENEWALS_REACHED'
        ? 'This registration has been renewed the maximum number of times.'
        : eligibility.reason === 'EXPIRED'
          ? 'This registration has already expired.'
          : `Renewal opens on ${eligibility.opensOn}.`;
    return refused(message, eligibility.opensOn);
  }
  store.update(record.Id, { Renewal_Requested_On__c: today(store) });
  return {
    success: true,
    message: 'Renewal requested. Your channel manager will decide it.',
    opensOn: eligibility.opensOn,
  };
};

export const PORTAL_DEAL_REGISTRATION: Readonly<Record<string, ApexHandler>> = {
  'PortalDealRegistrationController.getPolicy': getPolicy,
  'PortalDealRegistrationController.saveRegistration': saveRegistration,
  'PortalDealRegistrationController.submitDraft': submitDraft,
  'PortalDealRegistrationController.getMyRegistrations': getMyRegistrations,
  'PortalDealRegistrationController.requestRenewal': requestRenewal,
};
