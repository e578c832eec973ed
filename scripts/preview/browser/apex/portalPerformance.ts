/**
 * Stand-in for PortalPerformanceController: the partner's open pipeline and won credit per
 * month over the last 24 months, registrations by status, and the engagement facts of the
 * last 12 months, taken from the home stand-in as the controller takes them from
 * TierEvaluationFacts. Amounts are summed in cents (one currency in the demo data).
 */
import type { ApexHandler } from './api';
import { partnerAccountId, today } from './common';
import { TIERS } from './tiers';

/** Months of won revenue returned (PortalPerformanceController.MONTHS). */
const MONTHS = 24;

const cents = (value: unknown): number => Math.round(Number(value ?? 0) * 100);

/** First day of the month MONTHS - 1 months before the month of `day`. */
function since(day: string): string {
  const [year, month] = day.split('-').map(Number);
  const index = year * 12 + (month - 1) - (MONTHS - 1);
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

const getPerformance: ApexHandler = (params, store) => {
  const accountId = partnerAccountId(store);
  const day = today(store);
  const first = since(day);
  let pipeline = 0;
  let pipelineDeals = 0;
  const won = new Map<string, { amount: number; deals: number }>();
  for (const row of store.list('Partner_Attribution__c')) {
    const opportunity = store.get(String(row.Opportunity__c));
    if (row.Partner_Account__c !== accountId || Number(row.Attributed_Amount__c ?? 0) <= 0 || !opportunity) {
      continue;
    }
    const closeDate = String(opportunity.CloseDate ?? '');
    if (opportunity.IsWon === true && closeDate >= first) {
      const month = closeDate.slice(0, 7);
      const total = won.get(month) ?? { amount: 0, deals: 0 };
      total.amount += cents(row.Attributed_Amount__c);
      total.deals += 1;
      won.set(month, total);
    } else if (opportunity.IsClosed !== true) {
      pipeline += cents(row.Attributed_Amount__c);
      pipelineDeals += 1;
    }
  }
  const statuses = new Map<string, number>();
  for (const registration of store.list('Deal_Registration__c')) {
    if (registration.Partner_Account__c === accountId) {
      const status = String(registration.Status__c ?? '');
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  }
  const home = TIERS['PortalPartnerHomeController.getHome'](params, store) as Record<string, unknown>;
  return {
    partnerName: store.get(accountId)?.Name ?? null,
    currencyIsoCode: 'USD',
    today: day,
    pipelineAmount: pipeline / 100,
    pipelineDeals,
    wonByMonth: [...won.keys()].sort().map((month) => ({
      month,
      amount: won.get(month)!.amount / 100,
      deals: won.get(month)!.deals,
    })),
    registrationsByStatus: [...statuses.keys()].sort().map((status) => ({ status, total: statuses.get(status) })),
    registrations: home.registrations,
    leadsSubmitted: home.leadsSubmitted,
    leadsAccepted: home.leadsAccepted,
    logins: home.portalLogins,
    resourceDownloads: home.resourceDownloads,
    trainingsCompleted: home.trainingsCompleted,
    revenueT12M: home.revenueT12M,
  };
};

export const PORTAL_PERFORMANCE: Readonly<Record<string, ApexHandler>> = {
  'PortalPerformanceController.getPerformance': getPerformance,
};
