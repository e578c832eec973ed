/**
 * Lead sharing rules: which leads may go to partners and which partners may receive them,
 * the share-status lifecycle and the recall of overdue offers. Distribution lives in
 * `leadSharingDistribution.ts`, the acceptance SLA in `leadSharingCalendar.ts`; this file
 * registers all of them. The Apex twin is `LeadSharingRules.cls` (with
 * `LeadSharingDistribution.cls` and `LeadSharingCalendar.cls`).
 *
 * Policy values that come from `Lead_Routing_Policy__mdt` are inputs, with these defaults
 * when absent: no country, segment or product restriction, minimum score 0, minimum tier
 * rank 0, no certification or territory requirement, SLA 48 hours, 3 offers per lead.
 */
import type { RuleFunction } from './prmRules';
import { RuleError } from './ruleError';
import {
  LEAD_SHARE_STATUSES,
  leadCheckPartner,
  leadCompareIds,
  leadCompareKey,
  leadIsoDatetime,
  leadLocationOf,
  leadParseTerritory,
  readLeadFacts,
  readPartnerFacts,
  leadTerritoryMatches,
  type LeadFacts,
  type LeadPartnerFacts,
} from './leadSharingCommon';
import {
  type JsonObject,
  optBoolean,
  optInteger,
  optNumber,
  optObject,
  optObjects,
  optString,
  optStrings,
  readDatetime,
  trimControl,
} from './ruleInput';
import { leadDistribute, type LeadDistributeInput } from './leadSharingDistribution';
import { leadAcceptBy, leadSlaStatus, type LeadAcceptByInput, type LeadSlaStatusInput } from './leadSharingCalendar';

export { LEAD_SHARE_STATUSES, leadParseTerritory, leadTerritoryMatches, leadLocationOf } from './leadSharingCommon';
export type { LeadTerritory, LeadLocation } from './leadSharingCommon';
export * from './leadSharingDistribution';
export * from './leadSharingCalendar';

/** The lead as eligibility sees it. */
export interface LeadEligibilityLead {
  country?: string | null;
  state?: string | null;
  postalCode?: string | null;
  segment?: string | null;
  /** A list, or text with values separated by `;` or `,`. */
  productInterest?: string | string[] | null;
  /** Lead score; absent counts as 0. */
  score?: number | null;
}

/** `Lead_Routing_Policy__mdt` lead criteria. An empty or absent list restricts nothing. */
export interface LeadEligibilityPolicy {
  /** Territory codes: `US`, `US-CA`, `GB-*-SW1*`. */
  eligibleCountries?: string[];
  eligibleSegments?: string[];
  eligibleProducts?: string[];
  /** Default 0. */
  minLeadScore?: number | null;
}

export interface LeadEligibilityInput {
  lead: LeadEligibilityLead;
  policy?: LeadEligibilityPolicy | null;
}

/**
 * `reasons` lists every failed criterion in this order: COUNTRY_NOT_ELIGIBLE,
 * SEGMENT_NOT_ELIGIBLE, PRODUCT_NOT_ELIGIBLE, SCORE_BELOW_MINIMUM.
 */
export interface LeadEligibilityResult {
  eligible: boolean;
  reasons: string[];
}

/** A partner as eligibility sees it (same shape as `LeadRoutingPartner`). */
export interface LeadCandidatePartner {
  id: string;
  /** Default true. */
  active?: boolean;
  /** Default 0. */
  tierRank?: number | null;
  certified?: boolean;
  openLeads?: number | null;
  /** Absent or null: no limit. */
  capacity?: number | null;
  territories?: string[];
}

/** `Lead_Routing_Policy__mdt` partner criteria. */
export interface LeadPartnerPolicy {
  /** Default 0. */
  minTierRank?: number | null;
  /** Default false. */
  requireCertification?: boolean;
  /** Default false: when true a partner must have a territory covering the lead. */
  requireTerritoryMatch?: boolean;
}

export interface LeadEligiblePartnersInput {
  lead: LeadEligibilityLead & { excludePartnerIds?: string[] };
  partners: LeadCandidatePartner[];
  policy?: LeadPartnerPolicy | null;
  /** Partners that must not get this lead again (who rejected it or let it lapse). */
  excludePartnerIds?: string[];
}

/**
 * Exclusion reason, the first that applies in this order: EXCLUDED_FOR_LEAD, INACTIVE,
 * TIER_TOO_LOW, NOT_CERTIFIED, AT_CAPACITY, OUT_OF_TERRITORY.
 */
export interface LeadPartnerExclusion {
  partnerId: string;
  reason: string;
}

/** Both lists in ordinal id order. */
export interface LeadEligiblePartnersResult {
  partnerIds: string[];
  excluded: LeadPartnerExclusion[];
}

export interface LeadTransitionInput {
  /** Current status; null or blank for a lead that is not shared (yet, or any more). */
  from?: string | null;
  /** New status; null or blank returns the lead to the internal queue. */
  to?: string | null;
  /** Required (not blank) when moving to Rejected. */
  reason?: string | null;
}

/** `code` when refused: UNKNOWN_STATUS, INVALID_TRANSITION or REJECTION_REASON_REQUIRED. */
export interface LeadTransitionResult {
  allowed: boolean;
  code?: string | null;
}

export interface LeadNextStatusesInput {
  from?: string | null;
}

/** One current offer, as the SLA monitor reads it. */
export interface LeadOffer {
  leadId: string;
  partnerId?: string | null;
  acceptBy?: string | null;
  status: string;
  /** How many times the lead has been offered, this offer included (default 1). */
  offerCount?: number | null;
  /** Partners the lead was offered to before this one. */
  previousPartnerIds?: string[];
}

export interface LeadRecallInput {
  now: string;
  offers: LeadOffer[];
  /** Offers per lead before it goes back to the internal queue (default 3). */
  maxOffers?: number | null;
}

/** REROUTE: offer to the next partner, excluding `excludePartnerIds`. RETURN_TO_QUEUE: max offers reached. */
export interface LeadRecall {
  leadId: string;
  partnerId: string;
  action: 'REROUTE' | 'RETURN_TO_QUEUE';
  overdueMinutes: number;
  excludePartnerIds: string[];
}

export interface LeadRecallResult {
  /** Overdue offers, in input order. */
  recalls: LeadRecall[];
  /** Earliest accept-by among offers not yet overdue; null when none. */
  nextDueAt: string | null;
}

export const LEAD_DEFAULT_MAX_OFFERS = 3;

/**
 * Allowed next statuses; '' is "not shared" (a new lead, or one returned to the internal
 * queue). The same pairs as the Lead validation rule Share_Status_Transition_Allowed.
 */
const LEAD_TRANSITIONS: Readonly<Record<string, readonly string[]>> = {
  '': ['Offered', 'Submitted'],
  Submitted: ['Accepted', 'Rejected', 'Working', 'Converted', 'Lost'],
  Offered: ['Accepted', 'Rejected', 'Recalled'],
  Accepted: ['Working', 'Converted', 'Lost', 'Recalled'],
  Working: ['Converted', 'Lost', 'Recalled'],
  Rejected: ['Offered', ''],
  Recalled: ['Offered', ''],
  Lost: ['Offered'],
  Converted: [],
};

function compareKeys(values: string[]): string[] {
  return values.map(leadCompareKey).filter((value) => value !== '');
}

/**
 * Whether a lead may be shared with partners under the routing policy.
 * @param input lead and policy
 */
export function leadEligibility(input: LeadEligibilityInput): LeadEligibilityResult {
  const raw = input as unknown as JsonObject;
  const lead = readLeadFacts(optObject(raw.lead, 'lead'));
  const policy = optObject(raw.policy, 'policy');
  return eligibilityOf(
    lead,
    optStrings(policy.eligibleCountries, 'eligibleCountries'),
    optStrings(policy.eligibleSegments, 'eligibleSegments'),
    optStrings(policy.eligibleProducts, 'eligibleProducts'),
    optNumber(policy.minLeadScore, 'minLeadScore', null),
  );
}

function eligibilityOf(
  lead: LeadFacts,
  eligibleCountries: string[],
  eligibleSegments: string[],
  eligibleProducts: string[],
  minLeadScore: number | null,
): LeadEligibilityResult {
  const reasons: string[] = [];
  const countries = eligibleCountries.map(leadParseTerritory);
  const location = leadLocationOf(lead);
  if (countries.length > 0 && !countries.some((territory) => leadTerritoryMatches(territory, location))) {
    reasons.push('COUNTRY_NOT_ELIGIBLE');
  }
  const segments = compareKeys(eligibleSegments);
  if (segments.length > 0 && !segments.includes(leadCompareKey(lead.segment))) {
    reasons.push('SEGMENT_NOT_ELIGIBLE');
  }
  const products = compareKeys(eligibleProducts);
  if (products.length > 0 && !compareKeys(lead.productInterest).some((product) => products.includes(product))) {
    reasons.push('PRODUCT_NOT_ELIGIBLE');
  }
  if ((lead.score ?? 0) < (minLeadScore ?? 0)) {
    reasons.push('SCORE_BELOW_MINIMUM');
  }
  return { eligible: reasons.length === 0, reasons };
}

/**
 * Which partners may receive a lead, and why the others may not.
 * @param input lead, partners, policy and the partners to exclude for this lead
 */
export function leadEligiblePartners(input: LeadEligiblePartnersInput): LeadEligiblePartnersResult {
  const raw = input as unknown as JsonObject;
  const lead = readLeadFacts(optObject(raw.lead, 'lead'));
  const partners = optObjects(raw.partners, 'partners').map(readPartnerFacts);
  const policy = optObject(raw.policy, 'policy');
  return eligiblePartnersOf(
    lead,
    partners,
    optInteger(policy.minTierRank, 'minTierRank'),
    optBoolean(policy.requireCertification, 'requireCertification', false),
    optBoolean(policy.requireTerritoryMatch, 'requireTerritoryMatch', false),
    optStrings(raw.excludePartnerIds, 'excludePartnerIds'),
  );
}

function eligiblePartnersOf(
  lead: LeadFacts,
  partners: LeadPartnerFacts[],
  minTierRank: number | null,
  requireCertification: boolean,
  requireTerritoryMatch: boolean,
  excludePartnerIds: string[],
): LeadEligiblePartnersResult {
  const excluded = new Set([...excludePartnerIds, ...lead.excludePartnerIds]);
  const location = leadLocationOf(lead);
  const rows: LeadPartnerExclusion[] = [];
  const seen = new Set<string>();
  for (const partner of partners) {
    const id = leadCheckPartner(partner, seen);
    let reason = '';
    if (excluded.has(id)) {
      reason = 'EXCLUDED_FOR_LEAD';
    } else if (!partner.active) {
      reason = 'INACTIVE';
    } else if ((partner.tierRank ?? 0) < (minTierRank ?? 0)) {
      reason = 'TIER_TOO_LOW';
    } else if (requireCertification && !partner.certified) {
      reason = 'NOT_CERTIFIED';
    } else if (partner.capacity !== null && (partner.openLeads ?? 0) >= partner.capacity) {
      reason = 'AT_CAPACITY';
    } else if (
      requireTerritoryMatch &&
      !partner.territories.map(leadParseTerritory).some((territory) => leadTerritoryMatches(territory, location))
    ) {
      reason = 'OUT_OF_TERRITORY';
    }
    rows.push({ partnerId: id, reason });
  }
  rows.sort((a, b) => leadCompareIds(a.partnerId, b.partnerId));
  return {
    partnerIds: rows.filter((row) => row.reason === '').map((row) => row.partnerId),
    excluded: rows.filter((row) => row.reason !== ''),
  };
}

/** Null or blank means "not shared" (''); anything else must be a known status. */
function statusKey(value: string | null): string | null {
  if (value === null || trimControl(value) === '') {
    return '';
  }
  return LEAD_SHARE_STATUSES.includes(value) ? value : null;
}

function transitionCode(raw: JsonObject): string | null {
  return transitionCodeOf(optString(raw.from, 'from'), optString(raw.to, 'to'), optString(raw.reason, 'reason'));
}

function transitionCodeOf(fromValue: string | null, toValue: string | null, reason: string | null): string | null {
  const from = statusKey(fromValue);
  const to = statusKey(toValue);
  if (from === null || to === null) {
    return 'UNKNOWN_STATUS';
  }
  if (from === to) {
    return null;
  }
  if (!LEAD_TRANSITIONS[from].includes(to)) {
    return 'INVALID_TRANSITION';
  }
  if (to === 'Rejected' && (reason === null || trimControl(reason) === '')) {
    return 'REJECTION_REASON_REQUIRED';
  }
  return null;
}

/**
 * Whether a lead's share status may move from one value to another. Staying on the same
 * status is allowed (nothing changes).
 * @param input from, to and the rejection reason
 */
export function leadCanTransition(input: LeadTransitionInput): LeadTransitionResult {
  const code = transitionCode(input as unknown as JsonObject);
  return { allowed: code === null, code };
}

/**
 * Refuses a status change that `leadCanTransition` does not allow.
 * @param input from, to and the rejection reason
 * @throws RuleError UNKNOWN_STATUS, INVALID_TRANSITION or REJECTION_REASON_REQUIRED
 */
export function leadAssertTransition(input: LeadTransitionInput): LeadTransitionResult {
  const code = transitionCode(input as unknown as JsonObject);
  if (code !== null) {
    throw new RuleError(code, `${code}: ${String(input.from ?? '')} -> ${String(input.to)}`);
  }
  return { allowed: true, code: null };
}

/**
 * The statuses a lead may move to next (for action buttons); null stands for "back to the
 * internal queue" (status cleared).
 * @param input current status; null or blank for a lead that is not shared
 */
export function leadNextStatuses(input: LeadNextStatusesInput): (string | null)[] {
  const from = statusKey(optString((input as unknown as JsonObject).from, 'from'));
  if (from === null) {
    throw new RuleError('UNKNOWN_STATUS', `UNKNOWN_STATUS: ${String(input.from)}`);
  }
  return LEAD_TRANSITIONS[from].map((status) => (status === '' ? null : status));
}

/**
 * Which offers to recall because their SLA passed, and whether to re-route each one or
 * return it to the internal queue (it has been offered `maxOffers` times). Offers that are
 * not `Offered` are ignored.
 * @param input now, current offers, maxOffers
 */
export function leadRecallDecision(input: LeadRecallInput): LeadRecallResult {
  const raw = input as unknown as JsonObject;
  const now = readDatetime(raw.now, 'now', true) ?? 0;
  const offers = optObjects(raw.offers, 'offers').map(
    (offer): OfferFacts => ({
      leadId: optString(offer.leadId, 'leadId'),
      partnerId: optString(offer.partnerId, 'partnerId'),
      acceptBy: readDatetime(offer.acceptBy, 'acceptBy', false),
      status: optString(offer.status, 'status'),
      offerCount: optInteger(offer.offerCount, 'offerCount'),
      previousPartnerIds: optStrings(offer.previousPartnerIds, 'previousPartnerIds'),
    }),
  );
  return recallOf(now, offers, optInteger(raw.maxOffers, 'maxOffers'));
}

interface OfferFacts {
  leadId: string | null;
  partnerId: string | null;
  acceptBy: number | null;
  status: string | null;
  offerCount: number | null;
  previousPartnerIds: string[];
}

function isBlank(value: string | null): boolean {
  return value === null || trimControl(value) === '';
}

function recallOf(now: number, offers: OfferFacts[], maxOffersValue: number | null): LeadRecallResult {
  const maxOffers = maxOffersValue ?? LEAD_DEFAULT_MAX_OFFERS;
  if (maxOffers < 1) {
    throw new RuleError('INVALID_INPUT', 'INVALID_INPUT: maxOffers must be at least 1');
  }
  const recalls: LeadRecall[] = [];
  const seen = new Set<string>();
  let nextDue: number | null = null;
  for (const offer of offers) {
    if (offer.leadId === null || isBlank(offer.leadId)) {
      throw new RuleError('INVALID_INPUT', 'INVALID_INPUT: leadId is required');
    }
    if (seen.has(offer.leadId)) {
      throw new RuleError('INVALID_INPUT', `INVALID_INPUT: lead ${offer.leadId} has two current offers`);
    }
    seen.add(offer.leadId);
    if (offer.status === null || !LEAD_SHARE_STATUSES.includes(offer.status)) {
      throw new RuleError('UNKNOWN_STATUS', `UNKNOWN_STATUS: ${String(offer.status)}`);
    }
    if (offer.status !== 'Offered') {
      continue;
    }
    const offerCount = offer.offerCount ?? 1;
    if (offer.partnerId === null || isBlank(offer.partnerId) || offer.acceptBy === null || offerCount < 1) {
      throw new RuleError(
        'INVALID_INPUT',
        `INVALID_INPUT: offer of ${offer.leadId} needs partnerId, acceptBy, offerCount >= 1`,
      );
    }
    if (now <= offer.acceptBy) {
      nextDue = nextDue === null || offer.acceptBy < nextDue ? offer.acceptBy : nextDue;
      continue;
    }
    const exclude: string[] = [];
    for (const id of [...offer.previousPartnerIds, offer.partnerId]) {
      if (!exclude.includes(id)) {
        exclude.push(id);
      }
    }
    recalls.push({
      leadId: offer.leadId,
      partnerId: offer.partnerId,
      action: offerCount >= maxOffers ? 'RETURN_TO_QUEUE' : 'REROUTE',
      overdueMinutes: Math.floor((now - offer.acceptBy) / 60000),
      excludePartnerIds: exclude,
    });
  }
  return { recalls, nextDueAt: nextDue === null ? null : leadIsoDatetime(nextDue) };
}

/** Vector rule name to function, spread into `ruleRegistry`. */
export const leadSharingRules: Record<string, RuleFunction> = {
  leadEligibility: (input) => leadEligibility(input as unknown as LeadEligibilityInput),
  leadEligiblePartners: (input) => leadEligiblePartners(input as unknown as LeadEligiblePartnersInput),
  leadDistribute: (input) => leadDistribute(input as unknown as LeadDistributeInput),
  leadAcceptBy: (input) => leadAcceptBy(input as unknown as LeadAcceptByInput),
  leadSlaStatus: (input) => leadSlaStatus(input as unknown as LeadSlaStatusInput),
  leadCanTransition: (input) => leadCanTransition(input as unknown as LeadTransitionInput),
  leadAssertTransition: (input) => leadAssertTransition(input as unknown as LeadTransitionInput),
  leadNextStatuses: (input) => leadNextStatuses(input as unknown as LeadNextStatusesInput),
  leadRecallDecision: (input) => leadRecallDecision(input as unknown as LeadRecallInput),
};
