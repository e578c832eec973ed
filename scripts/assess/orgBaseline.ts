/**
 * Baseline KPIs from an org's standard objects (see orgOperations.ts). The ids are those of
 * the legacy baseline where the meaning is the same; what standard objects cannot tell
 * (registration decision time, lead follow-up time) is not reported rather than guessed.
 */
import { matchKeys } from '../../lwc-ts-src/prmRules/prmRules';
import type { Metric } from '../audit/types';
import type { OrgAccount, OrgOperations } from './orgOperations';

const DAY_MS = 86400000;
const round1 = (value: number): number => Math.round(value * 10) / 10;
const percent = (part: number, whole: number): number | null => (whole === 0 ? null : round1((100 * part) / whole));

function accountDuplicates(accounts: OrgAccount[], partner: boolean): Metric {
  const kind = partner ? 'partner' : 'customer';
  const oldestFirst = accounts
    .filter((a) => a.isPartner === partner)
    .sort((a, b) => (a.createdDate ?? '').localeCompare(b.createdDate ?? '') || a.id.localeCompare(b.id));
  const first = new Map<string, OrgAccount>();
  const repeats: { account: OrgAccount; of: OrgAccount; on: string }[] = [];
  for (const account of oldestFirst) {
    const keys = matchKeys({ name: account.name, website: account.website });
    const seen = [keys.companyKey && `c|${keys.companyKey}`, keys.domainKey && `d|${keys.domainKey}`].filter(
      (k): k is string => typeof k === 'string',
    );
    const earlier = seen.map((k) => first.get(k)).find((a) => a !== undefined);
    if (earlier) {
      repeats.push({
        account,
        of: earlier,
        on:
          seen
            .find((k) => first.get(k) === earlier)
            ?.replace(/^c\|/, 'company key ')
            .replace(/^d\|/, 'domain ') ?? '',
      });
    } else {
      seen.forEach((k) => first.set(k, account));
    }
  }
  return {
    id: `duplicate-${kind}s`,
    title: `Duplicate ${kind}s`,
    value: repeats.length,
    unit: 'count',
    detail: `${kind === 'partner' ? 'Partner' : 'Other'} accounts with the company key or domain of an older account (the shared match keys).`,
    breakdown: repeats.map((r) => ({
      label: `"${r.account.name}" (${r.account.id})`,
      value: null,
      note: `same ${r.on} as "${r.of.name}" (${r.of.id})`,
    })),
  };
}

/**
 * Computes the org KPIs.
 * @param ops what the org holds
 * @param asOf the baseline's "now"
 * @param partnerSource the LeadSource value that marks partner deals and leads
 */
export function orgKpis(ops: OrgOperations, asOf: string, partnerSource: string): Metric[] {
  const now = Date.parse(asOf);
  const partners = new Set(ops.accounts.filter((a) => a.isPartner).map((a) => a.id));
  const partnerOf = new Map<string, string>();
  ops.opportunityPartners
    .filter((p) => partners.has(p.accountToId))
    .forEach((p) => partnerOf.set(p.opportunityId, p.accountToId));
  const partnerDeals = ops.opportunities.filter((o) => o.leadSource === partnerSource || partnerOf.has(o.id));
  const unattributed = partnerDeals.filter((o) => !partnerOf.has(o.id)).length;
  const revenue = new Map<string, number>();
  for (const o of ops.opportunities.filter((x) => x.isWon && x.amount !== null && partnerOf.has(x.id))) {
    const partner = partnerOf.get(o.id) as string;
    revenue.set(partner, (revenue.get(partner) ?? 0) + (o.amount as number));
  }
  const top = Math.max(1, Math.ceil(partners.size * 0.2));
  const sorted = [...revenue.values()].sort((a, b) => b - a);
  const total = sorted.reduce((a, b) => a + b, 0);
  const partnerAccounts = ops.accounts.filter((a) => a.isPartner);
  const incomplete = partnerAccounts.filter((a) => a.website === null || a.country === null).length;
  const open = ops.opportunities.filter((o) => !o.isClosed);
  const pastClose = open.filter((o) => o.closeDate !== null && Date.parse(o.closeDate) < now).length;
  const partnerLeads = ops.leads.filter((l) => l.leadSource === partnerSource);
  const idleLeads = partnerLeads.filter(
    (l) =>
      !l.isConverted &&
      (l.lastActivityDate === null ? Date.parse(l.createdDate ?? asOf) : Date.parse(l.lastActivityDate)) <
        now - 30 * DAY_MS,
  ).length;
  return [
    {
      id: 'partner-deals-without-attribution-percent',
      title: 'Partner deals with no attribution',
      value: percent(unattributed, partnerDeals.length),
      unit: 'percent',
      detail: `Opportunities of the last 12 months from lead source "${partnerSource}" or with a partner, that name no partner account in OpportunityPartner (${partnerDeals.length} partner deals).`,
    },
    accountDuplicates(ops.accounts, true),
    accountDuplicates(ops.accounts, false),
    {
      id: 'partners-missing-fields-percent',
      title: 'Partner accounts missing website or country',
      value: percent(incomplete, partnerAccounts.length),
      unit: 'percent',
      detail: `Partner accounts without Website or BillingCountry (${partnerAccounts.length} partner accounts).`,
    },
    {
      id: 'partner-concentration-top20-percent',
      title: 'Revenue from the top 20 % of partners',
      value: total === 0 ? null : round1((100 * sorted.slice(0, top).reduce((a, b) => a + b, 0)) / total),
      unit: 'percent',
      detail: `Won opportunity amounts of the last 12 months by OpportunityPartner: share of the ${top} largest of ${partners.size} partners.`,
    },
    {
      id: 'stale-records-percent',
      title: 'Stale open records',
      value: percent(pastClose + idleLeads, open.length + partnerLeads.length),
      unit: 'percent',
      detail: 'Open opportunities past their close date, and partner leads not converted with no activity for 30 days.',
      breakdown: [
        { label: 'open opportunities past close date', value: pastClose },
        { label: 'partner leads idle for 30+ days', value: idleLeads },
      ],
    },
  ];
}
