/**
 * The server side of a deal registration in the preview, step for step as
 * DealRegistrationService and DealRegistrationConflicts do it in Apex: match keys on save,
 * candidates by key from the demo data, then the shared rules decide (conflicts, route,
 * expiry). Only the gathering of candidates lives here; every decision is a prmRules call.
 */
import {
  approvalRoute,
  DEFAULT_DEAL_REGISTRATION_POLICY,
  detectConflicts,
  expiryDate,
  blockKeyOf,
  matchKeys,
  type ConflictAccount,
  type ConflictOpportunity,
  type ConflictRegistration,
  type ConflictResult,
  type RegistrationStatus,
} from '../../../../lwc-ts-src/prmRules/prmRules';
import type { DemoStore } from '../store';
import type { DemoRecord } from '../types';
import { daysBetween, today } from './common';

/** The packaged Default policy (Deal_Registration_Policy__mdt.Default), as the preview's policy. */
export const PREVIEW_POLICY = DEFAULT_DEAL_REGISTRATION_POLICY;

/** Days back a draft still counts as a same-partner duplicate (Conflict_Lookback_Days__c default). */
const CONFLICT_LOOKBACK_DAYS = 180;

const CANDIDATE_STATUSES = new Set(['Draft', 'Submitted', 'Pending Approval', 'Approved']);
const ACCOUNT_FINDINGS = new Set(['NAMED_ACCOUNT', 'EXISTING_CUSTOMER']);
const OPPORTUNITY_FINDINGS = new Set(['OPEN_OPPORTUNITY']);
const REGISTRATION_FINDINGS = new Set(['COMPETING_REGISTRATION', 'DUPLICATE_REGISTRATION']);

/** The keys the registration trigger stamps on save (`Match_Key__c`, `Domain_Key__c`). */
export function registrationKeys(record: Record<string, unknown>): {
  Match_Key__c: string | null;
  Domain_Key__c: string | null;
} {
  const keys = matchKeys({
    name: (record.Prospect_Company__c as string | null) ?? null,
    website: (record.Prospect_Website__c as string | null) ?? null,
    email: (record.Prospect_Email__c as string | null) ?? null,
  });
  return { Match_Key__c: keys.companyKey, Domain_Key__c: keys.domainKey };
}

function sharesKey(record: DemoRecord, companyKey: unknown, domainKey: unknown): boolean {
  return (
    (companyKey !== null && companyKey !== undefined && record.Match_Key__c === companyKey) ||
    (domainKey !== null && domainKey !== undefined && record.Domain_Key__c === domainKey)
  );
}

/** Conflict check of one registration against the demo CRM (DealRegistrationConflicts.detect). */
export function conflictsOf(store: DemoStore, registration: DemoRecord): ConflictResult {
  const day = today(store);
  const companyKey = registration.Match_Key__c ?? null;
  const domainKey = registration.Domain_Key__c ?? null;
  const prospect = (registration.Prospect_Company__c as string | null) ?? null;
  // As the Apex check: accounts sharing a key, and those sharing the blocking key (possible duplicates).
  const block = blockKeyOf(prospect);
  const accounts = store
    .list('Account')
    .filter(
      (a) =>
        sharesKey(a, companyKey, domainKey) ||
        (block !== null && blockKeyOf((a.Name as string | null) ?? null) === block),
    );
  const accountIds = new Set(accounts.map((a) => a.Id));
  const opportunities = store.list('Opportunity').filter((o) => accountIds.has(String(o.AccountId)));
  const wonAccounts = new Set(opportunities.filter((o) => o.IsWon === true).map((o) => String(o.AccountId)));
  const accountCandidates: ConflictAccount[] = accounts.map((a) => ({
    id: a.Id,
    name: (a.Name as string | null) ?? null,
    companyKey: (a.Match_Key__c as string | null) ?? null,
    domainKey: (a.Domain_Key__c as string | null) ?? null,
    ownerId: (a.OwnerId as string | null) ?? null,
    namedAccountOwner: a.Named_Account_Owner__c === true,
    isPartner: a.Is_Partner__c === true,
    isCustomer:
      a.Is_Partner__c !== true ||
      String(a.Type ?? '')
        .toLowerCase()
        .includes('customer') ||
      wonAccounts.has(a.Id),
  }));
  const opportunityCandidates: ConflictOpportunity[] = opportunities
    .filter((o) => o.IsClosed !== true)
    .map((o) => ({
      id: o.Id,
      accountId: (o.AccountId as string | null) ?? null,
      ownerId: (o.OwnerId as string | null) ?? null,
      isClosed: false,
    }));
  const registrations: ConflictRegistration[] = store
    .list('Deal_Registration__c')
    .filter(
      (r) =>
        sharesKey(r, companyKey, domainKey) &&
        CANDIDATE_STATUSES.has(String(r.Status__c)) &&
        (r.Expires_On__c === null || r.Expires_On__c === undefined || String(r.Expires_On__c) >= day) &&
        (r.Status__c !== 'Draft' || daysBetween(String(r.CreatedDate).slice(0, 10), day) <= CONFLICT_LOOKBACK_DAYS),
    )
    .map((r) => ({
      id: r.Id,
      partnerAccountId: String(r.Partner_Account__c),
      companyKey: (r.Match_Key__c as string | null) ?? null,
      domainKey: (r.Domain_Key__c as string | null) ?? null,
      status: r.Status__c as RegistrationStatus,
      expiresOn: (r.Expires_On__c as string | null) ?? null,
    }));
  return detectConflicts({
    registration: {
      id: registration.Id,
      partnerAccountId: String(registration.Partner_Account__c),
      companyKey: companyKey as string | null,
      domainKey: domainKey as string | null,
      name: prospect,
    },
    accounts: accountCandidates,
    opportunities: opportunityCandidates,
    registrations,
    today: day,
  });
}

function firstRecordOf(result: ConflictResult, types: Set<string>): string | null {
  return result.findings.find((f) => types.has(f.type))?.recordId ?? null;
}

/** The evidence as DealRegistrationConflicts.summarize writes it into Conflict_Summary__c. */
export function summarize(result: ConflictResult): string {
  if (result.findings.length === 0) {
    return 'No conflicts found.';
  }
  return result.findings
    .map(
      (f) =>
        `${f.severity.toUpperCase()} ${f.type} ${f.recordId}${f.ownerId ? ` (owner ${f.ownerId})` : ''} matched on ${f.matchedOn}: ${f.message}`,
    )
    .join('\n');
}

/**
 * Submits a saved registration (DealRegistrationService.routeSubmissions): records the
 * evidence and the route, and moves it to Approved (Auto route) or Pending Approval.
 */
export function submit(store: DemoStore, registrationId: string): DemoRecord {
  store.update(registrationId, { Status__c: 'Submitted', Submitted_At__c: store.now });
  const registration = store.get(registrationId)!;
  const result = conflictsOf(store, registration);
  const route = approvalRoute({
    amount: Number(registration.Amount__c ?? 0),
    conflictStatus: result.status,
    policy: PREVIEW_POLICY,
  });
  const day = today(store);
  store.update(registrationId, {
    Conflict_Status__c: result.status,
    Conflict_Summary__c: summarize(result),
    Matched_Account__c: firstRecordOf(result, ACCOUNT_FINDINGS),
    Matched_Opportunity__c: firstRecordOf(result, OPPORTUNITY_FINDINGS),
    Competing_Registration__c: firstRecordOf(result, REGISTRATION_FINDINGS),
    Approval_Route__c: route,
    Status__c: route === 'Auto' ? 'Approved' : 'Pending Approval',
    ...(route === 'Auto'
      ? {
          Approved_On__c: day,
          Decided_At__c: store.now,
          Expires_On__c: expiryDate({ approvedOn: day, protectionDays: PREVIEW_POLICY.protectionDays }),
        }
      : {}),
  });
  return store.get(registrationId)!;
}
