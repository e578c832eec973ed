/**
 * Stand-ins for the tier views: MembershipTierController (Account record page: memberships
 * and their tier history) and PortalPartnerHomeController (partner home: memberships with
 * their ladders, engagement facts). The tier, the metrics and the at-risk flag are the
 * stored values the nightly evaluation (the shared tier rules) wrote; the home's engagement
 * counts are TierEvaluationFacts' counts over the demo data's trailing twelve months.
 */
import type { DemoStore } from '../store';
import type { DemoRecord } from '../types';
import type { ApexHandler } from './api';
import { partnerAccountId, text, today } from './common';

function membershipsOf(store: DemoStore, accountId: string): DemoRecord[] {
  return store
    .list('Program_Membership__c')
    .filter((m) => m.Partner_Account__c === accountId)
    .sort(
      (a, b) =>
        String(a.Enrolled_On__c ?? '9999').localeCompare(String(b.Enrolled_On__c ?? '9999')) ||
        a.Id.localeCompare(b.Id),
    );
}

function nameOf(store: DemoStore, id: unknown): string | null {
  return (store.get(typeof id === 'string' ? id : null)?.Name as string | undefined) ?? null;
}

const getTierHistory: ApexHandler = (params, store) => {
  const accountId = text(params, 'accountId');
  if (!accountId) {
    return [];
  }
  return membershipsOf(store, accountId).map((m) => ({
    membershipId: m.Id,
    programName: nameOf(store, m.Program__c),
    status: m.Status__c,
    tierName: nameOf(store, m.Tier__c),
    tierSince: m.Tier_Since__c ?? null,
    atRisk: m.At_Risk__c === true,
    atRiskReason: m.At_Risk_Reason__c ?? null,
    revenueT12M: m.T12M_Revenue__c ?? null,
    activeCertifications: m.Active_Certifications__c ?? null,
    closedDealsT12M: m.Closed_Deals_T12M__c ?? null,
    score: m.Score__c ?? null,
    lastEvaluatedAt: m.Last_Evaluated_At__c ?? null,
    changes: store
      .list('Tier_Change__c')
      .filter((c) => c.Program_Membership__c === m.Id)
      .sort(
        (a, b) =>
          String(b.Effective_Date__c).localeCompare(String(a.Effective_Date__c)) ||
          String(b.CreatedDate).localeCompare(String(a.CreatedDate)) ||
          String(b.Name).localeCompare(String(a.Name)),
      )
      .map((c) => ({
        id: c.Id,
        name: c.Name,
        changeType: c.Change_Type__c,
        fromTierName: nameOf(store, c.From_Tier__c),
        toTierName: nameOf(store, c.To_Tier__c),
        effectiveDate: c.Effective_Date__c,
        reason: c.Reason__c ?? null,
        metricsSnapshot: c.Metrics_Snapshot__c ?? null,
        createdDate: c.CreatedDate,
      })),
  }));
};

/** The first day of the trailing twelve months ending today (TiersCalendar.addMonths(today, -12)). */
function windowStart(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

const getHome: ApexHandler = (_params, store) => {
  const accountId = partnerAccountId(store);
  const day = today(store);
  const since = windowStart(day);
  const account = store.get(accountId)!;
  const inWindow = (value: unknown) =>
    typeof value === 'string' && value.slice(0, 10) > since && value.slice(0, 10) <= day;
  const activities = store.list('Partner_Activity__c').filter((a) => a.Partner_Account__c === accountId);
  const countActivity = (type: string) =>
    activities.filter((a) => a.Activity_Type__c === type && inWindow(a.Occurred_At__c)).length;
  const certifications = store.list('Partner_Certification__c').filter((c) => c.Partner_Account__c === accountId);
  const wonCents = store
    .list('Partner_Attribution__c')
    .filter((r) => {
      const opportunity = store.get(String(r.Opportunity__c));
      return r.Partner_Account__c === accountId && opportunity?.IsWon === true && inWindow(opportunity.CloseDate);
    })
    .reduce((sum, r) => sum + Math.round(Number(r.Attributed_Amount__c ?? 0) * 100), 0);
  const memberships = membershipsOf(store, accountId).map((m) => ({
    membershipId: m.Id,
    programName: nameOf(store, m.Program__c),
    status: m.Status__c,
    tierId: m.Tier__c,
    tierName: nameOf(store, m.Tier__c),
    tierSince: m.Tier_Since__c ?? null,
    atRisk: m.At_Risk__c === true,
    atRiskReason: m.At_Risk_Reason__c ?? null,
    downgradePendingSince: m.Downgrade_Pending_Since__c ?? null,
    pendingTierName: nameOf(store, m.Pending_Tier__c),
    revenueT12M: m.T12M_Revenue__c ?? null,
    activeCertifications: m.Active_Certifications__c ?? null,
    closedDealsT12M: m.Closed_Deals_T12M__c ?? null,
    score: m.Score__c ?? null,
    lastEvaluatedAt: m.Last_Evaluated_At__c ?? null,
    primary: m.Program__c === account.Primary_Program__c,
    tiers: store
      .list('Partner_Tier__c')
      .filter((t) => t.Program__c === m.Program__c)
      .sort((a, b) => Number(a.Rank__c) - Number(b.Rank__c))
      .map((t) => ({
        id: t.Id,
        name: t.Name,
        rank: t.Rank__c,
        minRevenue: t.Min_Revenue_T12M__c ?? null,
        minActiveCertifications: t.Min_Active_Certifications__c ?? null,
        minClosedDeals: t.Min_Closed_Deals__c ?? null,
        benefits: t.Benefits__c ?? null,
      })),
  }));
  // The primary program's membership comes first, as the controller orders them.
  const ordered = [...memberships.filter((m) => m.primary), ...memberships.filter((m) => !m.primary)].map(
    ({ primary: _primary, ...view }) => view,
  );
  return {
    accountName: account.Name,
    partnerStatus: account.Partner_Status__c ?? null,
    memberships: ordered,
    certificationsCompleted: certifications.filter((c) => c.Completed_On__c).length,
    portalLogins: countActivity('Login'),
    registrations: store
      .list('Deal_Registration__c')
      .filter((r) => r.Partner_Account__c === accountId && inWindow(r.Submitted_At__c)).length,
    leadsSubmitted: store
      .list('Lead')
      .filter(
        (l) =>
          l.Partner_Account__c === accountId && l.Partner_Direction__c === 'From Partner' && inWindow(l.CreatedDate),
      ).length,
    resourceDownloads: countActivity('Resource Download'),
    trainingsCompleted: certifications.filter((c) => inWindow(c.Completed_On__c)).length,
    leadsAccepted: store
      .list('Lead_Offer__c')
      .filter((o) => o.Partner_Account__c === accountId && o.Outcome__c === 'Accepted' && inWindow(o.Outcome_At__c))
      .length,
    revenueT12M: wonCents / 100,
    overdueTrainings: certifications.filter(
      (c) => (c.Status__c === 'Assigned' || c.Status__c === 'In Progress') && String(c.Due_Date__c ?? '9999') < day,
    ).length,
    today: day,
  };
};

export const TIERS: Readonly<Record<string, ApexHandler>> = {
  'MembershipTierController.getTierHistory': getTierHistory,
  'PortalPartnerHomeController.getHome': getHome,
};
