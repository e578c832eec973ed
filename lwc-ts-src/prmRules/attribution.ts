/**
 * Attribution: which partners get credit for an opportunity, and how much.
 *
 * `attributeCredit` turns partner touches into one row per partner:
 * - Counted touches: on or before the close date, and no older than the influence window
 *   (`influenceWindowDays`, default 180; a touch exactly that old still counts). A sourcing
 *   touch (one that carries `sourcedRegistrationId`: the approved deal registration) is
 *   exempt from the window, because registering the deal is what sourced it; it still does
 *   not count after the close date.
 * - Roles: a partner with a counted sourcing touch gets the Sourced role, and then all of
 *   its credit sits in that one Sourced row. At most `maxSourcedPartners` (default 1)
 *   partners are Sourced: the earliest sourcing touches win (ties by partner Id); the
 *   others are credited as Influenced. Every other partner is Influenced.
 * - The model weighs touches, not roles: a Sourced partner is credited by the model like any
 *   other partner and only flagged Sourced. A Sourced partner always has a row, even at
 *   0 % (e.g. last-touch when it did not touch last); an Influenced partner the model gives
 *   nothing to has no row.
 * - Models, on the counted touches in date order (ties by partner Id, then input order):
 *   FirstTouch: all credit to the touches of the earliest date, shared equally;
 *   LastTouch: the same for the latest date; Linear: equal per touch;
 *   PositionBased: `firstWeight` / `middleWeight` / `lastWeight` (default 40/20/40, relative
 *   weights), the middle share split evenly among the middle touches; one touch gets 100;
 *   two touches get first and last renormalised (40/40 gives 50/50; 0/0 gives 50/50);
 *   TimeDecay: weight 2^(-age/halfLifeDays) (default 30), age in days before close.
 *   A partner's touches add up into its row.
 * - Rounding: weights in hundredths of a percent summing to exactly 100.00 by the largest
 *   remainder method (ties by partner Id); amounts in cents summing to exactly the
 *   opportunity amount (rounded half-up to cents first), split by the rounded weights with the
 *   same method. Raw weights are binary floats in both runtimes (same operations, same
 *   order); each share is quantised to 1e-6 of a hundredth of a percent (half-up) before the
 *   integer steps, so a last-bit difference of `Math.pow` between runtimes cannot change a
 *   result.
 * - Rows come Sourced first, then by weight (largest first), then by partner Id.
 *
 * `validateAttributions` checks stored rows; `convertAmount` converts with dated rates as
 * `DatedConversionRate` holds them. Apex twin: `AttributionRules`.
 */
import { RuleError } from './ruleError';
import type { RuleFunction } from './prmRules';
import {
  type ExactDecimal,
  centsOf,
  exactDivide,
  exactMultiply,
  exactOf,
  hundredthsToNumber,
} from './attributionDecimal';
import {
  type CalendarDate,
  type JsonObject,
  optDate,
  optNumber,
  optObject,
  optObjects,
  optText,
  readDate,
  requireString,
} from './ruleInput';

/** Attribution models of `Attribution_Policy__mdt`. */
export type AttributionModel = 'FirstTouch' | 'LastTouch' | 'Linear' | 'PositionBased' | 'TimeDecay';

/** Every attribution model, in display order. */
export const ATTRIBUTION_MODELS: readonly AttributionModel[] = Object.freeze([
  'FirstTouch',
  'LastTouch',
  'Linear',
  'PositionBased',
  'TimeDecay',
]);

/** `Attribution_Policy__mdt.Model__c` picklist values, accepted as aliases of the model names. */
export const ATTRIBUTION_MODEL_ALIASES: Readonly<Record<string, AttributionModel>> = Object.freeze({
  'First Touch': 'FirstTouch',
  'Last Touch': 'LastTouch',
  'Position Based': 'PositionBased',
  'Time Decay': 'TimeDecay',
});

/** Role of a partner on an opportunity. */
export type AttributionRole = 'Sourced' | 'Influenced';

/** Attribution settings (from `Attribution_Policy__mdt`); absent values take the defaults. */
export interface AttributionPolicy {
  firstWeight?: number | null;
  middleWeight?: number | null;
  lastWeight?: number | null;
  halfLifeDays?: number | null;
  influenceWindowDays?: number | null;
  maxSourcedPartners?: number | null;
}

/** Defaults applied when a policy value is absent. */
export const DEFAULT_ATTRIBUTION_POLICY: Readonly<Required<{ [K in keyof AttributionPolicy]: number }>> = Object.freeze(
  {
    firstWeight: 40,
    middleWeight: 20,
    lastWeight: 40,
    halfLifeDays: 30,
    influenceWindowDays: 180,
    maxSourcedPartners: 1,
  },
);

/** One partner touch on the opportunity. */
export interface PartnerTouch {
  partnerId: string;
  /** `YYYY-MM-DD` */
  touchDate: string;
  touchType?: string | null;
  /** Set when the touch is the deal registration that sourced the opportunity. */
  sourcedRegistrationId?: string | null;
}

/** Input of `attributeCredit`. */
export interface AttributeCreditInput {
  /** A model name, or its picklist label (`Position Based`). */
  model: AttributionModel | 'First Touch' | 'Last Touch' | 'Position Based' | 'Time Decay';
  /** Opportunity amount; absent means 0. Rounded half-up to cents. */
  amount?: number | null;
  /** `YYYY-MM-DD` */
  closeDate: string;
  touches?: PartnerTouch[] | null;
  policy?: AttributionPolicy | null;
}

/** One credited partner: a `Partner_Attribution__c` row. */
export interface AttributionCreditRow {
  partnerId: string;
  role: AttributionRole;
  /** 2 decimals; all rows sum to exactly 100. */
  weightPercent: number;
  /** Cents; all rows sum to exactly the opportunity amount. */
  attributedAmount: number;
  /** The sourcing touch for a Sourced row, else the partner's earliest counted touch. */
  touchDate: string;
  touchType: string | null;
  /** Sourced rows only. */
  sourcedRegistrationId: string | null;
  /** Counted touches of this partner. */
  touchCount: number;
}

/** Output of `attributeCredit`. */
export interface AttributeCreditResult {
  rows: AttributionCreditRow[];
}

/** A stored attribution row, as `validateAttributions` checks it. */
export interface AttributionRowInput {
  partnerId: string;
  role: AttributionRole;
  weightPercent?: number | null;
}

/** Input of `validateAttributions`. */
export interface ValidateAttributionsInput {
  rows?: AttributionRowInput[] | null;
  policy?: Pick<AttributionPolicy, 'maxSourcedPartners'> | null;
}

/** Problems `validateAttributions` reports. */
export type AttributionErrorCode =
  | 'DUPLICATE_PARTNER_ROLE'
  | 'WEIGHT_OUT_OF_RANGE'
  | 'WEIGHTS_NOT_100'
  | 'TOO_MANY_SOURCED';

/** One problem; which details are set depends on the code. */
export interface AttributionValidationError {
  code: AttributionErrorCode;
  /** DUPLICATE_PARTNER_ROLE, WEIGHT_OUT_OF_RANGE */
  partnerId?: string;
  role?: AttributionRole;
  /** WEIGHT_OUT_OF_RANGE: the weight as given (null when missing). */
  weightPercent?: number | null;
  /** WEIGHTS_NOT_100: sum of the weights rounded to 2 decimals. */
  total?: number;
  /** TOO_MANY_SOURCED: distinct Sourced partners, and the allowed maximum. */
  count?: number;
  max?: number;
}

/** Output of `validateAttributions`. */
export interface AttributionValidation {
  valid: boolean;
  errors: AttributionValidationError[];
}

/** One dated rate, as `DatedConversionRate` holds it (rate per 1 unit of corporate currency). */
export interface DatedConversionRate {
  isoCode: string;
  conversionRate: number;
  /** Inclusive; absent means since always. */
  startDate?: string | null;
  /** Exclusive; absent means open-ended. */
  nextStartDate?: string | null;
}

/** Input of `convertAmount`. */
export interface ConvertAmountInput {
  amount: number;
  fromIsoCode: string;
  toIsoCode: string;
  rates?: DatedConversionRate[] | null;
  /** `YYYY-MM-DD`: the rate in force that day is used (the close date for opportunities). */
  onDate: string;
}

const TOTAL_HUNDREDTHS = 10000;
const MICRO_PER_HUNDREDTH = 1000000;
const MICRO_SCALE = 10000000000;
const HUNDRED_PERCENT = BigInt(TOTAL_HUNDREDTHS);
const ZERO = BigInt(0);
const ONE = BigInt(1);

interface ResolvedPolicy {
  firstWeight: number;
  middleWeight: number;
  lastWeight: number;
  halfLifeDays: number;
  influenceWindowDays: number;
  maxSourcedPartners: number;
}

interface Touch {
  partnerId: string;
  date: CalendarDate;
  touchType: string | null;
  sourcedRegistrationId: string | null;
  index: number;
}

interface PartnerTotal {
  raw: number;
  count: number;
  earliest: Touch;
}

interface Share {
  partnerId: string;
  role: AttributionRole;
  raw: number;
  count: number;
  representative: Touch;
  sourcedRegistrationId: string | null;
  units: number;
  remainder: number;
  cents: bigint;
  centRemainder: bigint;
}

/** Ordinal string order (UTF-16 code units), the order Apex `String.compareTo` uses. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function readModel(value: unknown): AttributionModel {
  const text = typeof value === 'string' ? value : '';
  const model = Object.prototype.hasOwnProperty.call(ATTRIBUTION_MODEL_ALIASES, text)
    ? ATTRIBUTION_MODEL_ALIASES[text]
    : text;
  if (!(ATTRIBUTION_MODELS as readonly string[]).includes(model)) {
    throw new RuleError('UNKNOWN_MODEL', `model must be one of ${ATTRIBUTION_MODELS.join(', ')}`);
  }
  return model as AttributionModel;
}

/** Reads a role; anything but Sourced or Influenced is malformed input. */
export function readAttributionRole(value: unknown, key: string): AttributionRole {
  if (value !== 'Sourced' && value !== 'Influenced') {
    throw new RuleError('INVALID_INPUT', `${key} must be Sourced or Influenced`);
  }
  return value;
}

function policyNumber(policy: JsonObject, key: keyof AttributionPolicy): number {
  return optNumber(policy[key], `policy.${key}`, null) ?? DEFAULT_ATTRIBUTION_POLICY[key];
}

function policyCount(policy: JsonObject, key: 'influenceWindowDays' | 'maxSourcedPartners'): number {
  const value = policyNumber(policy, key);
  if (!Number.isInteger(value) || value < 0) {
    throw new RuleError('INVALID_POLICY', `policy.${key} must be a whole number of at least 0`);
  }
  return value;
}

function readPolicy(value: unknown): ResolvedPolicy {
  const policy = optObject(value, 'policy');
  const firstWeight = policyNumber(policy, 'firstWeight');
  const middleWeight = policyNumber(policy, 'middleWeight');
  const lastWeight = policyNumber(policy, 'lastWeight');
  if (
    firstWeight < 0 ||
    middleWeight < 0 ||
    lastWeight < 0 ||
    !(firstWeight > 0 || middleWeight > 0 || lastWeight > 0)
  ) {
    throw new RuleError('INVALID_POLICY', 'position weights must be at least 0 and not all 0');
  }
  const halfLifeDays = policyNumber(policy, 'halfLifeDays');
  if (!(halfLifeDays > 0)) {
    throw new RuleError('INVALID_POLICY', 'policy.halfLifeDays must be greater than 0');
  }
  return {
    firstWeight,
    middleWeight,
    lastWeight,
    halfLifeDays,
    influenceWindowDays: policyCount(policy, 'influenceWindowDays'),
    maxSourcedPartners: policyCount(policy, 'maxSourcedPartners'),
  };
}

function readTouches(value: unknown): Touch[] {
  return optObjects(value, 'touches').map((touch, index) => ({
    partnerId: requireString(touch.partnerId, `touches[${index}].partnerId`),
    date: readDate(touch.touchDate, `touches[${index}].touchDate`),
    touchType: optText(touch.touchType, `touches[${index}].touchType`),
    sourcedRegistrationId: optText(touch.sourcedRegistrationId, `touches[${index}].sourcedRegistrationId`),
    index,
  }));
}

function compareTouches(a: Touch, b: Touch): number {
  return a.date.epochDay - b.date.epochDay || compareIds(a.partnerId, b.partnerId) || a.index - b.index;
}

/** Raw model weight of each touch; `touches` are counted and in date order. */
function touchWeights(model: AttributionModel, touches: Touch[], closeDay: number, policy: ResolvedPolicy): number[] {
  const n = touches.length;
  switch (model) {
    case 'FirstTouch': {
      const firstDay = touches[0].date.epochDay;
      return touches.map((t) => (t.date.epochDay === firstDay ? 1 : 0));
    }
    case 'LastTouch': {
      const lastDay = touches[n - 1].date.epochDay;
      return touches.map((t) => (t.date.epochDay === lastDay ? 1 : 0));
    }
    case 'Linear':
      return touches.map(() => 1);
    case 'PositionBased': {
      if (n === 1) {
        return [1];
      }
      if (n === 2) {
        return policy.firstWeight === 0 && policy.lastWeight === 0 ? [1, 1] : [policy.firstWeight, policy.lastWeight];
      }
      const middle = policy.middleWeight / (n - 2);
      return touches.map((_, i) => (i === 0 ? policy.firstWeight : i === n - 1 ? policy.lastWeight : middle));
    }
    case 'TimeDecay': {
      // Ages are measured from the youngest touch: the same shares, and the sum never underflows.
      const youngestAge = closeDay - touches[n - 1].date.epochDay;
      return touches.map((t) => {
        const extraAge = closeDay - t.date.epochDay - youngestAge;
        return Math.pow(2, -extraAge / policy.halfLifeDays);
      });
    }
    default:
      // readModel() admits only the five models; this keeps the switch total.
      throw new RuleError('UNKNOWN_MODEL', `Unknown attribution model ${String(model)}`);
  }
}

/** Hands out `leftover` units one by one, largest remainder first, ties by partner Id. */
function byRemainder<T extends { partnerId: string }>(shares: T[], remainder: (share: T) => number): T[] {
  return [...shares].sort((a, b) => remainder(b) - remainder(a) || compareIds(a.partnerId, b.partnerId));
}

/**
 * Credits the partners of an opportunity from their touches (see the module comment).
 * Refusals: UNKNOWN_MODEL, INVALID_AMOUNT (negative), INVALID_POLICY, INVALID_INPUT.
 */
export function attributeCredit(input: AttributeCreditInput): AttributeCreditResult {
  const model = readModel(input.model);
  const amount = optNumber(input.amount, 'amount', null);
  const amountCents = amount === null ? ZERO : centsOf(amount, 'amount');
  if (amountCents < ZERO) {
    throw new RuleError('INVALID_AMOUNT', 'amount must not be negative');
  }
  const closeDate = readDate(input.closeDate, 'closeDate');
  const policy = readPolicy(input.policy);
  const closeDay = closeDate.epochDay;

  const counted = readTouches(input.touches)
    .filter((t) => {
      const age = closeDay - t.date.epochDay;
      return age >= 0 && (t.sourcedRegistrationId !== null || age <= policy.influenceWindowDays);
    })
    .sort(compareTouches);
  if (counted.length === 0) {
    return { rows: [] };
  }

  const firstSourcing = new Map<string, Touch>();
  for (const t of counted) {
    if (t.sourcedRegistrationId !== null && !firstSourcing.has(t.partnerId)) {
      firstSourcing.set(t.partnerId, t);
    }
  }
  const sourcedBy = new Map<string, Touch>();
  [...firstSourcing.values()]
    .sort((a, b) => a.date.epochDay - b.date.epochDay || compareIds(a.partnerId, b.partnerId))
    .slice(0, policy.maxSourcedPartners)
    .forEach((t) => sourcedBy.set(t.partnerId, t));

  const weights = touchWeights(model, counted, closeDay, policy);
  const totals = new Map<string, PartnerTotal>();
  counted.forEach((t, i) => {
    const total = totals.get(t.partnerId) ?? { raw: 0, count: 0, earliest: t };
    total.raw += weights[i];
    total.count += 1;
    totals.set(t.partnerId, total);
  });

  const shares: Share[] = [];
  for (const partnerId of [...totals.keys()].sort(compareIds)) {
    const total = totals.get(partnerId) as PartnerTotal;
    const sourcing = sourcedBy.get(partnerId) ?? null;
    if (sourcing === null && !(total.raw > 0)) {
      continue;
    }
    shares.push({
      partnerId,
      role: sourcing === null ? 'Influenced' : 'Sourced',
      raw: total.raw,
      count: total.count,
      representative: sourcing ?? total.earliest,
      sourcedRegistrationId: sourcing === null ? null : sourcing.sourcedRegistrationId,
      units: 0,
      remainder: 0,
      cents: ZERO,
      centRemainder: ZERO,
    });
  }

  let rawTotal = 0;
  for (const share of shares) {
    rawTotal += share.raw;
  }
  let unitsGiven = 0;
  for (const share of shares) {
    const micro = Math.floor((share.raw / rawTotal) * MICRO_SCALE + 0.5);
    share.remainder = micro % MICRO_PER_HUNDREDTH;
    share.units = (micro - share.remainder) / MICRO_PER_HUNDREDTH;
    unitsGiven += share.units;
  }
  const unitOrder = byRemainder(shares, (s) => s.remainder);
  for (let i = 0; i < TOTAL_HUNDREDTHS - unitsGiven; i++) {
    unitOrder[i % unitOrder.length].units += 1;
  }

  let centsGiven = ZERO;
  for (const share of shares) {
    const product = amountCents * BigInt(share.units);
    share.cents = product / HUNDRED_PERCENT;
    share.centRemainder = product % HUNDRED_PERCENT;
    centsGiven += share.cents;
  }
  const centOrder = byRemainder(shares, (s) => Number(s.centRemainder));
  const leftoverCents = Number(amountCents - centsGiven);
  for (let i = 0; i < leftoverCents; i++) {
    centOrder[i % centOrder.length].cents += ONE;
  }

  const rows = shares
    .sort(
      (a, b) =>
        (a.role === 'Sourced' ? 0 : 1) - (b.role === 'Sourced' ? 0 : 1) ||
        b.units - a.units ||
        compareIds(a.partnerId, b.partnerId),
    )
    .map((share) => ({
      partnerId: share.partnerId,
      role: share.role,
      weightPercent: share.units / 100,
      attributedAmount: hundredthsToNumber(share.cents),
      touchDate: share.representative.date.iso,
      touchType: share.representative.touchType,
      sourcedRegistrationId: share.sourcedRegistrationId,
      touchCount: share.count,
    }));
  return { rows };
}

/**
 * Checks stored attribution rows of one opportunity. Weights are compared at 2 decimals
 * (the field's scale): their sum must be exactly 100.00 unless there are no rows.
 * Errors come row by row (out-of-range weight, then duplicate partner+role, reported once
 * per pair), then WEIGHTS_NOT_100, then TOO_MANY_SOURCED (distinct Sourced partners above
 * `policy.maxSourcedPartners`, default 1). A missing partner Id or an unknown role is
 * malformed input (INVALID_INPUT), not a validation finding.
 */
export function validateAttributions(input: ValidateAttributionsInput): AttributionValidation {
  const maxSourced = policyCount(optObject(input.policy, 'policy'), 'maxSourcedPartners');
  const rows = optObjects(input.rows, 'rows');
  const errors: AttributionValidationError[] = [];
  const seen = new Set<string>();
  const reported = new Set<string>();
  const sourcedPartners = new Set<string>();
  let totalHundredths = ZERO;
  rows.forEach((row, index) => {
    const partnerId = requireString(row.partnerId, `rows[${index}].partnerId`);
    const role = readAttributionRole(row.role, `rows[${index}].role`);
    const weight = optNumber(row.weightPercent, `rows[${index}].weightPercent`, null);
    if (weight === null || weight < 0 || weight > 100) {
      errors.push({ code: 'WEIGHT_OUT_OF_RANGE', partnerId, role, weightPercent: weight });
    }
    if (weight !== null) {
      totalHundredths += centsOf(weight, `rows[${index}].weightPercent`);
    }
    const key = `${partnerId}|${role}`;
    if (!seen.has(key)) {
      seen.add(key);
    } else if (!reported.has(key)) {
      reported.add(key);
      errors.push({ code: 'DUPLICATE_PARTNER_ROLE', partnerId, role });
    }
    if (role === 'Sourced') {
      sourcedPartners.add(partnerId);
    }
  });
  if (rows.length > 0 && totalHundredths !== HUNDRED_PERCENT) {
    errors.push({ code: 'WEIGHTS_NOT_100', total: hundredthsToNumber(totalHundredths) });
  }
  if (sourcedPartners.size > maxSourced) {
    errors.push({ code: 'TOO_MANY_SOURCED', count: sourcedPartners.size, max: maxSourced });
  }
  return { valid: errors.length === 0, errors };
}

interface Rate {
  isoCode: string;
  rate: ExactDecimal;
  start: CalendarDate | null;
  next: CalendarDate | null;
}

function readRates(value: unknown): Rate[] {
  return optObjects(value, 'rates').map((r, index) => {
    const key = `rates[${index}]`;
    const rate = optNumber(r.conversionRate, `${key}.conversionRate`, null);
    if (rate === null || !(rate > 0)) {
      throw new RuleError('INVALID_RATE', `${key}.conversionRate must be greater than 0`);
    }
    return {
      isoCode: requireString(r.isoCode, `${key}.isoCode`),
      rate: exactOf(rate, `${key}.conversionRate`),
      start: optDate(r.startDate, `${key}.startDate`),
      next: optDate(r.nextStartDate, `${key}.nextStartDate`),
    };
  });
}

/** The rate in force on a day: start inclusive, next start exclusive; the latest start wins an overlap. */
function rateOn(rates: Rate[], isoCode: string, day: CalendarDate): ExactDecimal {
  let best: Rate | null = null;
  for (const r of rates) {
    const inForce =
      r.isoCode === isoCode &&
      (r.start === null || r.start.epochDay <= day.epochDay) &&
      (r.next === null || day.epochDay < r.next.epochDay);
    if (
      inForce &&
      (best === null || (r.start !== null && (best.start === null || r.start.epochDay > best.start.epochDay)))
    ) {
      best = r;
    }
  }
  if (best === null) {
    throw new RuleError('RATE_NOT_FOUND', `no ${isoCode} rate on ${day.iso}`);
  }
  return best.rate;
}

/**
 * Converts an amount between currencies with the dated rates in force on `onDate`, as the
 * platform does: amount × toRate / fromRate, exactly, rounded half-up to cents. The same
 * currency needs no rate (the amount is only rounded). Refusals: RATE_NOT_FOUND,
 * INVALID_RATE (a rate that is missing or not above 0), INVALID_INPUT.
 */
export function convertAmount(input: ConvertAmountInput): number {
  const amount = optNumber(input.amount, 'amount', null);
  if (amount === null) {
    throw new RuleError('INVALID_INPUT', 'amount is required');
  }
  const fromIsoCode = requireString(input.fromIsoCode, 'fromIsoCode');
  const toIsoCode = requireString(input.toIsoCode, 'toIsoCode');
  const onDate = readDate(input.onDate, 'onDate');
  const rates = readRates(input.rates);
  if (fromIsoCode === toIsoCode) {
    return hundredthsToNumber(centsOf(amount, 'amount'));
  }
  const fromRate = rateOn(rates, fromIsoCode, onDate);
  const toRate = rateOn(rates, toIsoCode, onDate);
  return hundredthsToNumber(exactDivide(exactMultiply(exactOf(amount, 'amount'), toRate), fromRate, 2));
}

/** Vector rule names of the attribution area. */
export const attributionRules: Record<string, RuleFunction> = {
  attributeCredit: (input) => attributeCredit(input as unknown as AttributeCreditInput),
  validateAttributions: (input) => validateAttributions(input as unknown as ValidateAttributionsInput),
  convertAmount: (input) => convertAmount(input as unknown as ConvertAmountInput),
};
