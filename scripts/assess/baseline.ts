/**
 * The quantified baseline of a partner program before the package: from legacy rows read
 * through the mapping (the same reader `prm migrate` uses, but tolerant: a row with a problem
 * still counts with what could be read), the KPIs leadership compares later. KPI ids that the
 * audit also reports (`registration-decision-median-days`, ...) mean the same thing there, so
 * `prm report compare` can set a baseline against a later `prm audit --json`.
 */
import { companyKeyOf } from '../../lwc-ts-src/prmRules/prmRules';
import type { Metric } from '../audit/types';
import { NumberList } from '../audit/values';
import { AccountIndex, matchAccounts, type ExistingAccount } from '../migrate/accountMatch';
import type { LegacyRecord } from '../migrate/legacyRecords';

export const BASELINE_KIND = 'prm-baseline';

export interface Baseline {
  kind: typeof BASELINE_KIND;
  formatVersion: 1;
  /** The baseline's "now" (ISO). */
  asOf: string;
  /** Where the figures come from. */
  source: string;
  /** Rows read per table. */
  rows: Record<string, number>;
  kpis: Metric[];
}

const DAY_MS = 86400000;
const OPEN_STATUSES = new Set(['Draft', 'Submitted', 'Pending Approval', 'Approved']);
const WON_STATUSES = new Set(['Converted']);

const round1 = (value: number | null): number | null => (value === null ? null : Math.round(value * 10) / 10);
const percent = (part: number, whole: number): number | null => (whole === 0 ? null : round1((100 * part) / whole));
const time = (value: unknown): number | null => (typeof value === 'string' ? Date.parse(value) : null);

interface Window {
  from: number;
  to: number;
}

function inWindow(value: unknown, window: Window): boolean {
  const t = time(value);
  return t !== null && t > window.from && t <= window.to;
}

function decisionTimes(registrations: LegacyRecord[], window: Window): Metric[] {
  const days = new NumberList();
  for (const r of registrations.filter((x) => inWindow(x.fields.Submitted_At__c, window))) {
    const submitted = time(r.fields.Submitted_At__c);
    const decided = time(r.fields.Decided_At__c);
    if (submitted !== null && decided !== null && decided >= submitted) {
      days.push((decided - submitted) / DAY_MS);
    }
  }
  return [
    {
      id: 'registration-decision-median-days',
      title: 'Registration decision time (median)',
      value: round1(days.percentile(50)),
      unit: 'days',
      detail: `Submitted to decided, over ${days.length} decided registrations submitted in the last 12 months.`,
    },
    {
      id: 'registration-decision-p90-days',
      title: 'Registration decision time (90th percentile)',
      value: round1(days.percentile(90)),
      unit: 'days',
      detail: '9 in 10 registrations are decided within this time.',
    },
  ];
}

/** The partner a registration names: its company key when a legacy or existing partner has it. */
type PartnerResolver = (name: string | undefined) => string | null;

function attribution(registrations: LegacyRecord[], window: Window, partnerOf: PartnerResolver): Metric {
  const recent = registrations.filter((r) => inWindow(r.fields.Submitted_At__c, window));
  const blank = recent.filter((r) => r.partnerName === undefined).length;
  const unknown = recent.filter((r) => r.partnerName !== undefined && partnerOf(r.partnerName) === null).length;
  return {
    id: 'partner-deals-without-attribution-percent',
    title: 'Partner deals with no attribution',
    value: percent(blank + unknown, recent.length),
    unit: 'percent',
    detail: `Registrations of the last 12 months naming no partner, or one that is no known partner (${recent.length} registrations).`,
    breakdown: [
      { label: 'no partner named', value: blank },
      { label: 'partner not known', value: unknown },
    ],
  };
}

function duplicates(accountRows: LegacyRecord[], existing: readonly ExistingAccount[]): Metric[] {
  const matches = matchAccounts(accountRows, new AccountIndex(existing));
  return (['partner', 'customer'] as const).map((entity) => {
    const repeats = matches.filter((m) => m.record.entity === entity && m.outcome === 'duplicate');
    return {
      id: `duplicate-${entity}s`,
      title: `Duplicate ${entity}s`,
      value: repeats.length,
      unit: 'count' as const,
      detail: `Legacy ${entity} rows with the company key or domain of an earlier row (the shared match keys).`,
      breakdown: repeats.map((m) => ({
        label: `"${String(m.record.fields.Name ?? '')}" (${m.record.table} line ${m.record.line})`,
        value: null,
        note: m.evidence.join('; '),
      })),
    };
  });
}

function missingFields(records: LegacyRecord[]): Metric {
  const byField = new Map<string, number>();
  let incomplete = 0;
  for (const record of records) {
    if (record.problems.length > 0) {
      incomplete++;
    }
    for (const problem of record.problems) {
      const key = `${record.object}: ${problem.column}`;
      byField.set(key, (byField.get(key) ?? 0) + 1);
    }
  }
  return {
    id: 'rows-with-problems-percent',
    title: 'Rows with missing or unreadable fields',
    value: percent(incomplete, records.length),
    unit: 'percent',
    detail: `Rows with a blank required field, an unreadable value or a status no lifecycle allows (${records.length} rows).`,
    breakdown: [...byField.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([label, value]) => ({ label, value })),
  };
}

function leadFollowUp(leads: LegacyRecord[], window: Window): Metric {
  const hours = new NumberList();
  const recent = leads.filter((l) => inWindow(l.fields.Offered_At__c, window));
  let never = 0;
  for (const lead of recent) {
    const offered = time(lead.fields.Offered_At__c) as number;
    const followed = time(lead.fields.Accepted_At__c);
    if (followed === null) {
      never++;
    } else if (followed >= offered) {
      hours.push((followed - offered) / 3600000);
    }
  }
  return {
    id: 'lead-follow-up-median-hours',
    title: 'Lead follow-up time (median)',
    value: round1(hours.percentile(50)),
    unit: 'hours',
    detail: `From a lead reaching a partner to its first follow-up, over ${hours.length} followed-up leads of the last 12 months.`,
    breakdown: [{ label: 'never followed up', value: never }],
  };
}

function concentration(
  registrations: LegacyRecord[],
  window: Window,
  partnerOf: PartnerResolver,
  partners: number,
): Metric {
  const revenue = new Map<string, number>();
  for (const r of registrations) {
    const partner = partnerOf(r.partnerName);
    const amount = r.fields.Amount__c;
    if (
      partner !== null &&
      typeof amount === 'number' &&
      WON_STATUSES.has(String(r.fields.Status__c)) &&
      inWindow(r.fields.Submitted_At__c, window)
    ) {
      revenue.set(partner, (revenue.get(partner) ?? 0) + amount);
    }
  }
  const top = Math.max(1, Math.ceil(partners * 0.2));
  const sorted = [...revenue.values()].sort((a, b) => b - a);
  const total = sorted.reduce((a, b) => a + b, 0);
  const topShare = sorted.slice(0, top).reduce((a, b) => a + b, 0);
  return {
    id: 'partner-concentration-top20-percent',
    title: 'Revenue from the top 20 % of partners',
    value: total === 0 ? null : round1((100 * topShare) / total),
    unit: 'percent',
    detail: `Won registration amounts of the last 12 months: share of the ${top} largest of ${partners} partners.`,
  };
}

function staleRecords(registrations: LegacyRecord[], leads: LegacyRecord[], asOf: number): Metric {
  const open = registrations.filter((r) => OPEN_STATUSES.has(String(r.fields.Status__c)));
  const pastClose = open.filter((r) => {
    const close = time(r.fields.Expected_Close_Date__c);
    return close !== null && close < asOf;
  }).length;
  const idleLeads = leads.filter((l) => {
    const offered = time(l.fields.Offered_At__c);
    return offered !== null && time(l.fields.Accepted_At__c) === null && asOf - offered > 30 * DAY_MS;
  }).length;
  return {
    id: 'stale-records-percent',
    title: 'Stale open records',
    value: percent(pastClose + idleLeads, open.length + leads.length),
    unit: 'percent',
    detail:
      'Open registrations past their expected close date, and leads not followed up 30 days after they were given to a partner.',
    breakdown: [
      { label: 'open registrations past expected close', value: pastClose },
      { label: 'leads untouched for 30+ days', value: idleLeads },
    ],
  };
}

/**
 * Computes the baseline.
 * @param records legacy rows read through the mapping
 * @param existing accounts that exist already (partners named only there still count as known)
 * @param asOf the baseline's "now"
 * @param source a description of the sources
 */
export function computeBaseline(
  records: LegacyRecord[],
  existing: readonly ExistingAccount[],
  asOf: string,
  source: string,
  parts: { legacy: boolean; org?: Metric[] } = { legacy: true },
): Baseline {
  const now = Date.parse(asOf);
  const window: Window = { from: now - 365 * DAY_MS, to: now };
  const of = (entity: LegacyRecord['entity']): LegacyRecord[] => records.filter((r) => r.entity === entity);
  const partners = of('partner');
  const partnerKeys = new Set(partners.map((p) => companyKeyOf(String(p.fields.Name ?? ''))).filter((k) => k !== null));
  const existingPartners = new Set(existing.filter((a) => a.isPartner).map((a) => companyKeyOf(a.name)));
  const partnerOf: PartnerResolver = (name) => {
    const key = name === undefined ? null : companyKeyOf(name);
    return key !== null && (partnerKeys.has(key) || existingPartners.has(key)) ? key : null;
  };
  const rows: Record<string, number> = {};
  records.forEach((r) => (rows[r.table] = (rows[r.table] ?? 0) + 1));
  return {
    kind: BASELINE_KIND,
    formatVersion: 1,
    asOf: new Date(now).toISOString(),
    source,
    rows,
    kpis: combine(
      parts.legacy ? legacyKpis(records, partners, existing, partnerOf, window, partnerKeys.size, now) : [],
      parts.org ?? [],
    ),
  };
}

/** Legacy KPIs, then the org's; an org KPI whose id a legacy KPI has is kept apart as `crm-<id>`. */
function combine(legacy: Metric[], org: Metric[]): Metric[] {
  const taken = new Set(legacy.map((k) => k.id));
  return [...legacy, ...org.map((k) => (taken.has(k.id) ? { ...k, id: `crm-${k.id}`, title: `${k.title} (CRM)` } : k))];
}

function legacyKpis(
  records: LegacyRecord[],
  partners: LegacyRecord[],
  existing: readonly ExistingAccount[],
  partnerOf: PartnerResolver,
  window: Window,
  partnerCount: number,
  now: number,
): Metric[] {
  const of = (entity: LegacyRecord['entity']): LegacyRecord[] => records.filter((r) => r.entity === entity);
  return [
    ...decisionTimes(of('registration'), window),
    attribution(of('registration'), window, partnerOf),
    ...duplicates([...partners, ...of('customer')], existing),
    missingFields(records),
    leadFollowUp(of('lead'), window),
    concentration(of('registration'), window, partnerOf, partnerCount),
    staleRecords(of('registration'), of('lead'), now),
  ];
}
