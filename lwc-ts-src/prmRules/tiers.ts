/**
 * Tier rules, evaluated per program membership (a partner in two programs is evaluated
 * twice, once against each program's tier ladder). Apex twin: `TiersRules.cls`.
 *
 * - `trailingMetrics`: revenue and closed deals over the trailing 12 months, active certifications.
 * - `evaluateTier`: the highest tier whose criteria all hold; upgrade at once, downgrade
 *   only after the program's grace period, recovery during grace cancels the downgrade.
 * - `tierAtRisk`: whether expiring certifications or a revenue trend would drop the tier.
 * - `tierProgress`: the gap to the next tier, per criterion, for the progress display.
 * - `tierRequest`: which tier an applicant may enter by the rules, and the evidence a reviewer sees.
 * - `engagementScore`: a 0-100 engagement score from activity and revenue.
 *
 * Amounts are compared and rounded in integer hundredths (half up) so both runtimes agree.
 */
import type { RuleFunction } from './prmRules';
import { RuleError } from './ruleError';
import {
  type CalendarDate,
  addDays,
  addMonths,
  compareDates,
  formatIsoDate,
  parseIsoDate,
  parseOptionalIsoDate,
} from './tiersCalendar';
import { divideHalfUp, fromHundredths, toHundredths } from './hundredths';
import {
  optBoolean,
  optList,
  optNonNegative,
  optNumber,
  optObject,
  optString,
  optWholeNonNegative,
  requireObject,
  requireString,
} from './ruleInput';

/** Default downgrade grace period when the program does not set one. */
export const DEFAULT_GRACE_DAYS = 90;
/** Default look-ahead of the at-risk warning. */
export const DEFAULT_AT_RISK_DAYS = 30;

/** One rung of a program's tier ladder; a higher `rank` is a better tier. Absent minimums are 0. */
export interface TierDefinition {
  id: string;
  rank: number;
  minRevenue?: number | null;
  minActiveCertifications?: number | null;
  minClosedDeals?: number | null;
}

/** The qualification metrics of one membership. Absent values are 0. */
export interface TierMetrics {
  revenueT12M?: number | null;
  activeCertifications?: number | null;
  closedDealsT12M?: number | null;
}

/** The membership's tier state as stored. */
export interface CurrentTierState {
  tierId?: string | null;
  tierSince?: string | null;
  downgradePendingSince?: string | null;
}

export interface EvaluateTierInput {
  /** The evaluation date, `YYYY-MM-DD`. */
  today: string;
  tiers: TierDefinition[];
  metrics: TierMetrics;
  /** Absent or without `tierId` for a new membership. */
  current?: CurrentTierState | null;
  /** Days a membership keeps a tier it no longer qualifies for; default 90. */
  graceDays?: number | null;
}

export type TierAction = 'Upgrade' | 'Downgrade' | 'DowngradePending' | 'Hold' | 'Initial';

export interface TierEvaluation {
  /** Highest tier whose criteria all hold; the lowest tier when none do (the entry tier is the floor). */
  qualifiedTierId: string;
  action: TierAction;
  /** The tier the membership holds after this evaluation. */
  newTierId: string;
  /** First day the membership stopped qualifying for its tier; null unless the action is DowngradePending. */
  downgradePendingSince: string | null;
  /**
   * When the change takes effect: today for Upgrade, Downgrade and Initial; the scheduled
   * downgrade date (pending since + grace days) for DowngradePending; null for Hold.
   */
  effectiveDate: string | null;
}

export interface OpportunityFact {
  closeDate?: string | null;
  amount?: number | null;
  isWon?: boolean | null;
}

export interface CertificationFact {
  completedOn?: string | null;
  expiresOn?: string | null;
}

export interface TrailingMetricsInput {
  today: string;
  opportunities?: OpportunityFact[] | null;
  certifications?: CertificationFact[] | null;
}

export interface TrailingMetrics {
  revenueT12M: number;
  closedDealsT12M: number;
  activeCertifications: number;
}

export interface TierAtRiskInput {
  today: string;
  /** Look-ahead in days; default 30. */
  atRiskDays?: number | null;
  tiers: TierDefinition[];
  metrics: TierMetrics;
  /** The membership's certifications; only their expiry dates matter here. */
  certifications?: Array<{ expiresOn?: string | null }> | null;
  /** Projected trailing-12-month revenue at the end of the look-ahead, when the caller has a trend. */
  revenueRunRate?: number | null;
  /** The tier held; absent means the tier the metrics qualify for. */
  currentTierId?: string | null;
}

export type TierRiskReason =
  | 'REVENUE_BELOW_TIER'
  | 'REVENUE_TRENDING_BELOW_TIER'
  | 'CERTIFICATIONS_BELOW_TIER'
  | 'CERTIFICATIONS_EXPIRING'
  | 'CLOSED_DEALS_BELOW_TIER';

export interface TierRisk {
  atRisk: boolean;
  reasons: TierRiskReason[];
  /** The tier the risk is measured against. */
  tierId: string;
  /** The tier the projected metrics qualify for. */
  projectedTierId: string;
  /** Certifications expiring between today and today + atRiskDays, both included. */
  expiringCertifications: number;
}

export interface TierProgressInput {
  tiers: TierDefinition[];
  metrics: TierMetrics;
  /** Absent for a membership with no tier yet: progress is then towards the lowest tier. */
  currentTierId?: string | null;
}

export type TierCriterionName = 'revenueT12M' | 'activeCertifications' | 'closedDealsT12M';

export interface TierCriterionProgress {
  criterion: TierCriterionName;
  current: number;
  required: number;
  /** What is still missing; 0 when met. */
  gap: number;
  met: boolean;
  /** current / required as a whole percent, rounded half up: 100 when met, at most 99 when not, at least 0. */
  percent: number;
}

export interface TierProgress {
  nextTierId: string | null;
  criteria: TierCriterionProgress[];
}

export interface TierRequestInput {
  /** The ladder of the program applied to. */
  tiers: TierDefinition[];
  /** The tier the applicant asks for; absent or blank: the entry tier. */
  requestedTierId?: string | null;
  /** What the applicant declares: trailing-12-month revenue, active certifications, closed deals. */
  evidence?: TierMetrics | null;
}

/** Who decides a requested tier: the rules (the entry tier) or a reviewer (any higher tier). */
export type TierRequestRoute = 'Auto' | 'Review';

export interface TierRequestDecision {
  /** The lowest-ranked tier of the ladder: where every partner may start without review. */
  entryTierId: string;
  /** The tier asked for, the entry tier when none was. */
  requestedTierId: string;
  route: TierRequestRoute;
  /** Whether the declared evidence meets every criterion of the requested tier. */
  evidenceMeetsCriteria: boolean;
  /** The requested tier's criteria against the evidence, as the reviewer sees them. */
  criteria: TierCriterionProgress[];
}

export type EngagementComponentName =
  | 'logins'
  | 'resourceDownloads'
  | 'trainingsCompleted'
  | 'registrations'
  | 'leadsAccepted'
  | 'revenueT12M';

export interface EngagementActivities {
  logins?: number | null;
  resourceDownloads?: number | null;
  trainingsCompleted?: number | null;
  registrations?: number | null;
  leadsAccepted?: number | null;
}

export interface EngagementScoreInput {
  activities?: EngagementActivities | null;
  revenueT12M?: number | null;
  /** Overrides of the default weights; after overriding, the weights must add up to 100. */
  weights?: Partial<Record<EngagementComponentName, number>> | null;
  /** Overrides of the default caps (the value that earns the full weight). */
  caps?: Partial<Record<EngagementComponentName, number>> | null;
}

export interface EngagementComponent {
  component: EngagementComponentName;
  value: number;
  cap: number;
  weight: number;
  /** weight * min(value, cap) / cap, rounded half up to 2 decimals; a negative value earns 0. */
  points: number;
}

export interface EngagementScore {
  /** Sum of the component points, rounded half up to 1 decimal. */
  score: number;
  components: EngagementComponent[];
}

/**
 * Default engagement weights (points out of 100) and caps (the value that earns the whole weight):
 * logins 15 / 20, resource downloads 10 / 10, trainings completed 20 / 5, registrations 20 / 10,
 * leads accepted 15 / 10, trailing-12-month revenue 20 / 500000.
 */
export const DEFAULT_ENGAGEMENT_WEIGHTS: Readonly<Record<EngagementComponentName, { weight: number; cap: number }>> =
  Object.freeze({
    logins: { weight: 15, cap: 20 },
    resourceDownloads: { weight: 10, cap: 10 },
    trainingsCompleted: { weight: 20, cap: 5 },
    registrations: { weight: 20, cap: 10 },
    leadsAccepted: { weight: 15, cap: 10 },
    revenueT12M: { weight: 20, cap: 500000 },
  });

const ENGAGEMENT_COMPONENTS: readonly EngagementComponentName[] = [
  'logins',
  'resourceDownloads',
  'trainingsCompleted',
  'registrations',
  'leadsAccepted',
  'revenueT12M',
];

/** Caps above this would overflow exact integer arithmetic in hundredths. */
const MAX_ENGAGEMENT_CAP = 1000000000;

/** A tier with its minimums in integer hundredths. */
interface Rung {
  id: string;
  rank: number;
  minRevenue: number;
  minCertifications: number;
  minDeals: number;
}

/** Metrics in integer hundredths. */
interface MetricValues {
  revenue: number;
  certifications: number;
  deals: number;
}

/** Reads the ladder, sorted by rank ascending; refuses an empty ladder and equal ranks. */
function readLadder(value: unknown): Rung[] {
  const list = optList(value, 'tiers');
  if (list.length === 0) {
    throw new RuleError('NO_TIERS', 'The program has no tiers');
  }
  const ladder = list.map((item, index): Rung => {
    const tier = requireObject(item, `tiers[${index}]`);
    return {
      id: requireString(tier.id, `tiers[${index}].id`),
      rank: optNumber(tier.rank, `tiers[${index}].rank`, Number.NaN),
      minRevenue: toHundredths(optNonNegative(tier.minRevenue, `tiers[${index}].minRevenue`, 0)),
      minCertifications: toHundredths(
        optNonNegative(tier.minActiveCertifications, `tiers[${index}].minActiveCertifications`, 0),
      ),
      minDeals: toHundredths(optNonNegative(tier.minClosedDeals, `tiers[${index}].minClosedDeals`, 0)),
    };
  });
  for (const rung of ladder) {
    if (Number.isNaN(rung.rank)) {
      throw new RuleError('INVALID_INPUT', `tier ${rung.id} has no rank`);
    }
  }
  ladder.sort((a, b) => a.rank - b.rank);
  for (let i = 1; i < ladder.length; i++) {
    if (ladder[i].rank === ladder[i - 1].rank) {
      throw new RuleError('DUPLICATE_TIER_RANK', `tiers ${ladder[i - 1].id} and ${ladder[i].id} share a rank`);
    }
    if (ladder.slice(0, i).some((other) => other.id === ladder[i].id)) {
      throw new RuleError('INVALID_INPUT', `tier ${ladder[i].id} is listed twice`);
    }
  }
  return ladder;
}

function readMetrics(value: unknown): MetricValues {
  const metrics = optObject(value, 'metrics');
  return {
    revenue: toHundredths(optNumber(metrics.revenueT12M, 'metrics.revenueT12M', 0)),
    certifications: toHundredths(optNonNegative(metrics.activeCertifications, 'metrics.activeCertifications', 0)),
    deals: toHundredths(optNonNegative(metrics.closedDealsT12M, 'metrics.closedDealsT12M', 0)),
  };
}

function findRung(ladder: Rung[], tierId: string): Rung {
  const rung = ladder.find((candidate) => candidate.id === tierId);
  if (!rung) {
    throw new RuleError('UNKNOWN_TIER', `${tierId} is not a tier of this program`);
  }
  return rung;
}

function meetsRevenue(rung: Rung, metrics: MetricValues): boolean {
  return metrics.revenue >= rung.minRevenue;
}

function meetsCertifications(rung: Rung, metrics: MetricValues): boolean {
  return metrics.certifications >= rung.minCertifications;
}

function meetsDeals(rung: Rung, metrics: MetricValues): boolean {
  return metrics.deals >= rung.minDeals;
}

/** Highest rung whose criteria all hold; the lowest rung when none do. */
function qualify(ladder: Rung[], metrics: MetricValues): Rung {
  for (let i = ladder.length - 1; i >= 0; i--) {
    const rung = ladder[i];
    if (meetsRevenue(rung, metrics) && meetsCertifications(rung, metrics) && meetsDeals(rung, metrics)) {
      return rung;
    }
  }
  return ladder[0];
}

/**
 * Decides a membership's tier. A new membership (no current tier) gets the qualified tier
 * ("Initial"). A better qualified tier applies at once ("Upgrade"). A worse one starts
 * (or continues) a grace period that began on the first day the membership stopped
 * qualifying: the downgrade applies on pending-since + graceDays ("Downgrade"), before
 * that it is "DowngradePending". Qualifying again for the held tier or better clears it.
 */
export function evaluateTier(input: EvaluateTierInput): TierEvaluation {
  const today = parseIsoDate(input.today, 'today');
  const ladder = readLadder(input.tiers);
  const metrics = readMetrics(input.metrics);
  const current = optObject(input.current, 'current');
  const graceDays = optWholeNonNegative(input.graceDays, 'graceDays', DEFAULT_GRACE_DAYS);
  const currentTierId = optString(current.tierId, 'current.tierId');
  parseOptionalIsoDate(current.tierSince, 'current.tierSince');
  const pendingSince = parseOptionalIsoDate(current.downgradePendingSince, 'current.downgradePendingSince');
  const qualified = qualify(ladder, metrics);

  if (currentTierId === null || currentTierId === '') {
    return result(qualified, 'Initial', qualified, null, today);
  }
  const held = findRung(ladder, currentTierId);
  if (qualified.rank > held.rank) {
    return result(qualified, 'Upgrade', qualified, null, today);
  }
  if (qualified.rank === held.rank) {
    return result(qualified, 'Hold', held, null, null);
  }
  const since = pendingSince ?? today;
  if (compareDates(since, today) > 0) {
    throw new RuleError('INVALID_INPUT', 'current.downgradePendingSince is after today');
  }
  const downgradeOn = addDays(since, graceDays);
  if (compareDates(today, downgradeOn) >= 0) {
    return result(qualified, 'Downgrade', qualified, null, today);
  }
  return result(qualified, 'DowngradePending', held, since, downgradeOn);
}

function result(
  qualified: Rung,
  action: TierAction,
  newTier: Rung,
  pendingSince: CalendarDate | null,
  effective: CalendarDate | null,
): TierEvaluation {
  return {
    qualifiedTierId: qualified.id,
    action,
    newTierId: newTier.id,
    downgradePendingSince: pendingSince === null ? null : formatIsoDate(pendingSince),
    effectiveDate: effective === null ? null : formatIsoDate(effective),
  };
}

/**
 * Trailing-12-month metrics. The window is (today minus 12 months, today]: a deal closed
 * exactly 12 months ago is out, one closed today is in; "12 months ago" clamps to the
 * month's last day (from 2024-02-29 it is 2023-02-28). Only won deals count; an absent
 * amount counts as 0. A certification is active when it was completed on or before today
 * and expires today or later (or never).
 */
export function trailingMetrics(input: TrailingMetricsInput): TrailingMetrics {
  const today = parseIsoDate(input.today, 'today');
  const windowStart = addMonths(today, -12);
  let revenue = 0;
  let deals = 0;
  optList(input.opportunities, 'opportunities').forEach((item, index) => {
    const opportunity = requireObject(item, `opportunities[${index}]`);
    const closeDate = parseIsoDate(opportunity.closeDate, `opportunities[${index}].closeDate`);
    const won = optBoolean(opportunity.isWon, `opportunities[${index}].isWon`, false);
    const amount = toHundredths(optNumber(opportunity.amount, `opportunities[${index}].amount`, 0));
    if (won && compareDates(closeDate, windowStart) > 0 && compareDates(closeDate, today) <= 0) {
      revenue += amount;
      deals++;
    }
  });
  let active = 0;
  optList(input.certifications, 'certifications').forEach((item, index) => {
    const certification = requireObject(item, `certifications[${index}]`);
    const completedOn = parseOptionalIsoDate(certification.completedOn, `certifications[${index}].completedOn`);
    const expiresOn = parseOptionalIsoDate(certification.expiresOn, `certifications[${index}].expiresOn`);
    if (completedOn !== null && compareDates(completedOn, today) <= 0) {
      if (expiresOn === null || compareDates(expiresOn, today) >= 0) {
        active++;
      }
    }
  });
  return { revenueT12M: fromHundredths(revenue), closedDealsT12M: deals, activeCertifications: active };
}

/**
 * Whether the tier is at risk within the look-ahead. Measured against the held tier
 * (`currentTierId`) or, when absent, the tier the metrics qualify for. Per criterion, in
 * this order: revenue already below the minimum, else the run rate below it; active
 * certifications already below, else below once those expiring within the look-ahead
 * (today to today + atRiskDays, both included) have lapsed; closed deals below. The lowest
 * tier is never at risk: there is nothing to drop to.
 */
export function tierAtRisk(input: TierAtRiskInput): TierRisk {
  const today = parseIsoDate(input.today, 'today');
  const atRiskDays = optWholeNonNegative(input.atRiskDays, 'atRiskDays', DEFAULT_AT_RISK_DAYS);
  const ladder = readLadder(input.tiers);
  const metrics = readMetrics(input.metrics);
  const horizon = addDays(today, atRiskDays);
  let expiring = 0;
  optList(input.certifications, 'certifications').forEach((item, index) => {
    const certification = requireObject(item, `certifications[${index}]`);
    const expiresOn = parseOptionalIsoDate(certification.expiresOn, `certifications[${index}].expiresOn`);
    if (expiresOn !== null && compareDates(expiresOn, today) >= 0 && compareDates(expiresOn, horizon) <= 0) {
      expiring++;
    }
  });
  const runRate =
    input.revenueRunRate === null || input.revenueRunRate === undefined
      ? null
      : toHundredths(optNumber(input.revenueRunRate, 'revenueRunRate', 0));
  const projected: MetricValues = {
    revenue: runRate ?? metrics.revenue,
    certifications: Math.max(0, metrics.certifications - expiring * 100),
    deals: metrics.deals,
  };
  const currentTierId = optString(input.currentTierId, 'currentTierId');
  const tier =
    currentTierId === null || currentTierId === '' ? qualify(ladder, metrics) : findRung(ladder, currentTierId);

  const reasons: TierRiskReason[] = [];
  if (tier.rank !== ladder[0].rank) {
    if (!meetsRevenue(tier, metrics)) {
      reasons.push('REVENUE_BELOW_TIER');
    } else if (!meetsRevenue(tier, projected)) {
      reasons.push('REVENUE_TRENDING_BELOW_TIER');
    }
    if (!meetsCertifications(tier, metrics)) {
      reasons.push('CERTIFICATIONS_BELOW_TIER');
    } else if (!meetsCertifications(tier, projected)) {
      reasons.push('CERTIFICATIONS_EXPIRING');
    }
    if (!meetsDeals(tier, metrics)) {
      reasons.push('CLOSED_DEALS_BELOW_TIER');
    }
  }
  return {
    atRisk: reasons.length > 0,
    reasons,
    tierId: tier.id,
    projectedTierId: qualify(ladder, projected).id,
    expiringCertifications: expiring,
  };
}

/**
 * Progress towards the next tier (the lowest tier ranked above the current one) for each
 * criterion, in the order revenue, certifications, closed deals. At the top tier there is
 * no next tier and no criteria.
 */
export function tierProgress(input: TierProgressInput): TierProgress {
  const ladder = readLadder(input.tiers);
  const metrics = readMetrics(input.metrics);
  const currentTierId = optString(input.currentTierId, 'currentTierId');
  let next: Rung | undefined;
  if (currentTierId === null || currentTierId === '') {
    next = ladder[0];
  } else {
    const held = findRung(ladder, currentTierId);
    next = ladder.find((rung) => rung.rank > held.rank);
  }
  if (!next) {
    return { nextTierId: null, criteria: [] };
  }
  return {
    nextTierId: next.id,
    criteria: [
      progress('revenueT12M', metrics.revenue, next.minRevenue),
      progress('activeCertifications', metrics.certifications, next.minCertifications),
      progress('closedDealsT12M', metrics.deals, next.minDeals),
    ],
  };
}

/**
 * Decides an application's requested tier. The entry tier (lowest rank) is approved by the
 * rules; any higher tier goes to a reviewer, whatever the evidence says, because the evidence is
 * declared by the applicant. The requested tier's criteria are compared with the evidence so the
 * reviewer sees what holds and what is missing. A tier that is not on the ladder: UNKNOWN_TIER.
 */
export function tierRequest(input: TierRequestInput): TierRequestDecision {
  const ladder = readLadder(input.tiers);
  const evidence = readMetrics(input.evidence);
  const requestedId = optString(input.requestedTierId, 'requestedTierId');
  const entry = ladder[0];
  const requested = requestedId === null || requestedId.trim() === '' ? entry : findRung(ladder, requestedId);
  const criteria = [
    progress('revenueT12M', evidence.revenue, requested.minRevenue),
    progress('activeCertifications', evidence.certifications, requested.minCertifications),
    progress('closedDealsT12M', evidence.deals, requested.minDeals),
  ];
  return {
    entryTierId: entry.id,
    requestedTierId: requested.id,
    route: requested.rank === entry.rank ? 'Auto' : 'Review',
    evidenceMeetsCriteria: criteria.every((criterion) => criterion.met),
    criteria,
  };
}

function progress(criterion: TierCriterionName, current: number, required: number): TierCriterionProgress {
  const met = current >= required;
  let percent: number;
  if (met) {
    percent = 100;
  } else if (current <= 0) {
    percent = 0;
  } else {
    // An unmet criterion never shows 100 %, even when 99.5 % or more would round up to it.
    percent = Math.min(99, divideHalfUp(current * 100, required));
  }
  return {
    criterion,
    current: fromHundredths(current),
    required: fromHundredths(required),
    gap: met ? 0 : fromHundredths(required - current),
    met,
    percent,
  };
}

/**
 * Engagement score out of 100: each component earns weight * min(value, cap) / cap points
 * (rounded half up to 2 decimals, a negative value earns 0), and the score is their sum
 * rounded half up to 1 decimal. Weights and caps default to DEFAULT_ENGAGEMENT_WEIGHTS;
 * overridden weights must still add up to 100, caps must be positive (INVALID_WEIGHTS).
 * Activity counts must not be negative; revenue may be (refunds).
 */
export function engagementScore(input: EngagementScoreInput): EngagementScore {
  const activities = optObject(input.activities, 'activities');
  const weights = optObject(input.weights, 'weights');
  const caps = optObject(input.caps, 'caps');
  const components: EngagementComponent[] = [];
  let weightTotal = 0;
  let pointsTotal = 0;
  for (const name of ENGAGEMENT_COMPONENTS) {
    const value =
      name === 'revenueT12M'
        ? toHundredths(optNumber(input.revenueT12M, 'revenueT12M', 0))
        : toHundredths(optNonNegative(activities[name], `activities.${name}`, 0));
    const weight = toHundredths(readWeight(weights[name], `weights.${name}`, DEFAULT_ENGAGEMENT_WEIGHTS[name].weight));
    const cap = toHundredths(readWeight(caps[name], `caps.${name}`, DEFAULT_ENGAGEMENT_WEIGHTS[name].cap));
    if (cap <= 0 || cap > MAX_ENGAGEMENT_CAP * 100) {
      throw new RuleError('INVALID_WEIGHTS', `caps.${name} must be above 0 and at most ${MAX_ENGAGEMENT_CAP}`);
    }
    const counted = Math.min(Math.max(value, 0), cap);
    const points = divideHalfUp(weight * counted, cap);
    weightTotal += weight;
    pointsTotal += points;
    components.push({
      component: name,
      value: fromHundredths(value),
      cap: fromHundredths(cap),
      weight: fromHundredths(weight),
      points: fromHundredths(points),
    });
  }
  if (weightTotal !== 10000) {
    throw new RuleError('INVALID_WEIGHTS', `weights add up to ${fromHundredths(weightTotal)}, not 100`);
  }
  return { score: divideHalfUp(pointsTotal, 10) / 10, components };
}

function readWeight(value: unknown, key: string, defaultValue: number): number {
  if (value === null || value === undefined) {
    return defaultValue;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RuleError('INVALID_WEIGHTS', `${key} must be a number of at least 0`);
  }
  return value;
}

/** The tier rules by the names the vectors use. */
export const tiersRules: Record<string, RuleFunction> = {
  evaluateTier: (input) => evaluateTier(input as unknown as EvaluateTierInput),
  trailingMetrics: (input) => trailingMetrics(input as unknown as TrailingMetricsInput),
  tierAtRisk: (input) => tierAtRisk(input as unknown as TierAtRiskInput),
  tierProgress: (input) => tierProgress(input as unknown as TierProgressInput),
  tierRequest: (input) => tierRequest(input as unknown as TierRequestInput),
  engagementScore: (input) => engagementScore(input as unknown as EngagementScoreInput),
};
