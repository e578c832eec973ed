/**
 * Program metrics: the figures the monthly program metrics snapshot stores and `prm audit`
 * reports, defined once so both compute each metric the same way.
 *
 * - Rate (`metricsRatePercent`): part / whole as a percent, half up to 1 decimal; null when the
 *   whole is 0. Counts are whole numbers, the part at most the whole.
 * - Decision time (`metricsMedianDecisionDays`): the nearest-rank median (the lower middle of an
 *   even count) of Submitted → Decided durations, in days half up to 1 decimal; durations below
 *   0 (data errors) are left out; null when none is left.
 * - Lead offer outcome (`metricsOfferOutcome`): how one `Lead_Offer__c` counts. No outcome: not
 *   at all. Pending: open, and `openOverdue` when `now` is past its deadline. Any other outcome:
 *   decided; `accepted` when Accepted; `breached` when Expired or answered after the deadline.
 *   Acceptance rate = accepted / decided; SLA breach rate = (breached + openOverdue) /
 *   (decided + openOverdue).
 * - Reporting month (`metricsReportingMonth`): the month before `today` (`YYYY-MM`), the one a
 *   snapshot run on the first of a month completes.
 * - Snapshot row (`programMonthMetrics`): one program and month: sourced, influenced and total
 *   won revenue, commissions, costs (cents, half up), ROI (`programRoi`), registrations,
 *   median decision time, lead offers, acceptance and SLA breach rates, active partners per
 *   tier, and the key `<programId>:<YYYY-MM>` the snapshot object upserts on.
 *
 * Apex twin: `ProgramMetricsRules`.
 */
import { RuleError } from './ruleError';
import type { RuleFunction } from './prmRules';
import { centsOf, hundredthsToNumber } from './attributionDecimal';
import { programRoi } from './commissions';
import {
  optObjects,
  optText,
  optWholeNonNegative,
  optNumber,
  readDate,
  readDatetime,
  requireString,
} from './ruleInput';

const DAY_MS = 86400000;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** How one lead offer counts in the acceptance and SLA rates. */
export interface OfferOutcome {
  decided: boolean;
  accepted: boolean;
  breached: boolean;
  openOverdue: boolean;
}

/** Input of `metricsOfferOutcome`; datetimes ISO-8601. */
export interface OfferOutcomeInput {
  outcome?: string | null;
  acceptBy?: string | null;
  outcomeAt?: string | null;
  now: string;
}

/** One registration decision of `programMonthMetrics`. */
export interface RegistrationDecision {
  submittedAt: string;
  decidedAt: string;
}

/** Active partners of one tier. */
export interface TierCount {
  tier: string;
  partners: number;
}

/** Input of `programMonthMetrics`; absent amounts and counts are 0. */
export interface ProgramMonthInput {
  programId: string;
  /** `YYYY-MM` */
  month: string;
  sourcedRevenue?: number | null;
  influencedRevenue?: number | null;
  commissions?: number | null;
  programCosts?: number | null;
  registrations?: number | null;
  decisions?: RegistrationDecision[] | null;
  offers?: Omit<OfferOutcomeInput, 'now'>[] | null;
  /** When open offers are judged overdue. */
  now: string;
  partnersPerTier?: TierCount[] | null;
}

/** One snapshot row (`Program_Metrics_Snapshot__c`). */
export interface ProgramMonthMetrics {
  uniqueKey: string;
  month: string;
  sourcedRevenue: number;
  influencedRevenue: number;
  partnerRevenue: number;
  commissions: number;
  programCosts: number;
  roi: number | null;
  registrations: number;
  decidedRegistrations: number;
  medianDecisionDays: number | null;
  leadOffers: number;
  leadAcceptanceRate: number | null;
  slaBreachRate: number | null;
  activePartners: number;
  partnersPerTier: TierCount[];
}

/** part / whole in percent, half up to 1 decimal; null when whole is 0. */
export function ratePercent(part: number, whole: number): number | null {
  if (!Number.isInteger(part) || !Number.isInteger(whole) || part < 0 || part > whole) {
    throw new RuleError('INVALID_INPUT', 'part and whole must be whole numbers with 0 <= part <= whole');
  }
  return whole === 0 ? null : Math.floor((2000 * part + whole) / (2 * whole)) / 10;
}

/** Nearest-rank median of durations in milliseconds, as days half up to 1 decimal; negatives left out. */
export function medianDecisionDays(durationsMs: ArrayLike<number>): number | null {
  const sorted = Float64Array.from(durationsMs)
    .filter((ms) => ms >= 0)
    .sort();
  if (sorted.length === 0) {
    return null;
  }
  const median = sorted[Math.ceil(sorted.length / 2) - 1];
  return Math.floor((20 * median + DAY_MS) / (2 * DAY_MS)) / 10;
}

/** How one lead offer counts (see the module comment). */
export function offerOutcome(input: OfferOutcomeInput): OfferOutcome {
  const outcome = optText(input.outcome, 'outcome');
  const now = readDatetime(input.now, 'now', true) ?? 0;
  const acceptBy = readDatetime(input.acceptBy, 'acceptBy', false);
  const outcomeAt = readDatetime(input.outcomeAt, 'outcomeAt', false);
  const none = { decided: false, accepted: false, breached: false, openOverdue: false };
  if (outcome === null) {
    return none;
  }
  if (outcome === 'Pending') {
    return { ...none, openOverdue: acceptBy !== null && now > acceptBy };
  }
  return {
    decided: true,
    accepted: outcome === 'Accepted',
    breached: outcome === 'Expired' || (outcomeAt !== null && acceptBy !== null && outcomeAt > acceptBy),
    openOverdue: false,
  };
}

/** The month before `today`, `YYYY-MM`. */
export function reportingMonth(today: string): string {
  const date = readDate(today, 'today');
  const [year, month] = date.month === 1 ? [date.year - 1, 12] : [date.year, date.month - 1];
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** Submitted → Decided durations in milliseconds, in input order. */
function decisionDurations(value: unknown): number[] {
  return optObjects(value, 'decisions').map((d, i) => {
    const submitted = readDatetime(d.submittedAt, `decisions[${i}].submittedAt`, true) ?? 0;
    return (readDatetime(d.decidedAt, `decisions[${i}].decidedAt`, true) ?? 0) - submitted;
  });
}

function money(value: unknown, key: string): number {
  return hundredthsToNumber(centsOf(optNumber(value, key, 0), key));
}

/** One snapshot row of a program and month (see the module comment). */
export function programMonthMetrics(input: ProgramMonthInput): ProgramMonthMetrics {
  const programId = requireString(input.programId, 'programId');
  const month = requireString(input.month, 'month');
  if (!MONTH.test(month)) {
    throw new RuleError('INVALID_INPUT', 'month must be YYYY-MM');
  }
  const sourced = money(input.sourcedRevenue, 'sourcedRevenue');
  const influenced = money(input.influencedRevenue, 'influencedRevenue');
  const partnerRevenue = hundredthsToNumber(
    centsOf(sourced, 'sourcedRevenue') + centsOf(influenced, 'influencedRevenue'),
  );
  const commissions = money(input.commissions, 'commissions');
  const programCosts = money(input.programCosts, 'programCosts');
  readDatetime(input.now, 'now', true);
  const durations = decisionDurations(input.decisions);
  const counts = { decided: 0, accepted: 0, breached: 0, openOverdue: 0 };
  optObjects(input.offers, 'offers').forEach((o) => {
    const counted = offerOutcome({ ...(o as unknown as OfferOutcomeInput), now: input.now });
    counts.decided += counted.decided ? 1 : 0;
    counts.accepted += counted.accepted ? 1 : 0;
    counts.breached += counted.breached ? 1 : 0;
    counts.openOverdue += counted.openOverdue ? 1 : 0;
  });
  const partnersPerTier = optObjects(input.partnersPerTier, 'partnersPerTier').map((t, i) => ({
    tier: requireString(t.tier, `partnersPerTier[${i}].tier`),
    partners: optWholeNonNegative(t.partners, `partnersPerTier[${i}].partners`, 0),
  }));
  const answered = counts.decided + counts.openOverdue;
  return {
    uniqueKey: `${programId}:${month}`,
    month,
    sourcedRevenue: sourced,
    influencedRevenue: influenced,
    partnerRevenue,
    commissions,
    programCosts,
    roi: programRoi({ attributedRevenue: partnerRevenue, commissions, programCosts }).roi,
    registrations: optWholeNonNegative(input.registrations, 'registrations', 0),
    decidedRegistrations: durations.filter((ms) => ms >= 0).length,
    medianDecisionDays: medianDecisionDays(durations),
    leadOffers: answered,
    leadAcceptanceRate: ratePercent(counts.accepted, counts.decided),
    slaBreachRate: ratePercent(counts.breached + counts.openOverdue, answered),
    activePartners: partnersPerTier.reduce((sum, t) => sum + t.partners, 0),
    partnersPerTier,
  };
}

export const programMetricsRules: Readonly<Record<string, RuleFunction>> = Object.freeze({
  metricsRatePercent: (input) =>
    ratePercent(optWholeNonNegative(input.part, 'part', 0), optWholeNonNegative(input.whole, 'whole', 0)),
  metricsMedianDecisionDays: (input) => medianDecisionDays(decisionDurations(input.decisions)),
  metricsOfferOutcome: (input) => offerOutcome(input as unknown as OfferOutcomeInput),
  metricsReportingMonth: (input) => reportingMonth(input.today as string),
  programMonthMetrics: (input) => programMonthMetrics(input as unknown as ProgramMonthInput),
});
