/**
 * Stand-in for PortalEarningsController: the partner's attributed pipeline and won credit,
 * and commissions by period, summed in cents (one currency in the demo data).
 */
import type { DemoRecord } from '../types';
import type { ApexHandler } from './api';
import { partnerAccountId } from './common';

const DEAL_LIMIT = 50;

const cents = (value: unknown): number => Math.round(Number(value ?? 0) * 100);

const getEarnings: ApexHandler = (_params, store) => {
  const accountId = partnerAccountId(store);
  const opportunityOf = (row: DemoRecord) => store.get(String(row.Opportunity__c));
  const rows = store
    .list('Partner_Attribution__c')
    .filter((r) => r.Partner_Account__c === accountId && Number(r.Attributed_Amount__c ?? 0) > 0 && opportunityOf(r))
    .sort(
      (a, b) =>
        String(opportunityOf(a)!.CloseDate).localeCompare(String(opportunityOf(b)!.CloseDate)) ||
        a.Id.localeCompare(b.Id),
    );
  let pipeline = 0;
  let won = 0;
  let pipelineDeals = 0;
  let wonDeals = 0;
  const deals: Record<string, unknown>[] = [];
  for (const row of rows) {
    const opportunity = opportunityOf(row)!;
    if (opportunity.IsWon === true) {
      won += cents(row.Attributed_Amount__c);
      wonDeals++;
    } else if (opportunity.IsClosed !== true) {
      pipeline += cents(row.Attributed_Amount__c);
      pipelineDeals++;
      if (deals.length < DEAL_LIMIT) {
        deals.push({
          opportunityName: opportunity.Name,
          stage: opportunity.StageName,
          closeDate: opportunity.CloseDate,
          role: row.Role__c,
          weightPercent: row.Weight_Percent__c,
          attributedAmount: row.Attributed_Amount__c,
        });
      }
    }
  }
  const byPeriod = new Map<string, { earned: number; approved: number; pending: number; paid: number }>();
  for (const entry of store.list('Partner_Commission__c')) {
    if (entry.Partner_Account__c !== accountId || entry.Status__c === 'Reversed' || !entry.Period__c) {
      continue;
    }
    const period = String(entry.Period__c);
    const total = byPeriod.get(period) ?? { earned: 0, approved: 0, pending: 0, paid: 0 };
    const amount = cents(entry.Amount__c);
    total.earned += amount;
    if (entry.Status__c === 'Paid') {
      total.paid += amount;
    } else if (entry.Status__c === 'Approved') {
      total.approved += amount;
    } else if (entry.Status__c === 'Pending') {
      total.pending += amount;
    }
    byPeriod.set(period, total);
  }
  return {
    partnerName: store.get(accountId)?.Name ?? null,
    currencyIsoCode: 'USD',
    pipelineAmount: pipeline / 100,
    pipelineDeals,
    wonAmount: won / 100,
    wonDeals,
    periods: [...byPeriod.keys()].sort().map((period) => {
      const t = byPeriod.get(period)!;
      return {
        period,
        earned: t.earned / 100,
        approved: t.approved / 100,
        pending: t.pending / 100,
        paid: t.paid / 100,
      };
    }),
    deals,
  };
};

export const PORTAL_EARNINGS: Readonly<Record<string, ApexHandler>> = {
  'PortalEarningsController.getEarnings': getEarnings,
};
