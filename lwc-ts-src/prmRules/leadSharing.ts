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
  leadCompareIds,
  leadCompareKey,
  leadIsoDatetime,
  leadLocationOf,
  leadParseTerritory,
  leadReadBoolean,
  leadReadDatetime,
  leadReadInteger,
  leadReadNumber,
  leadReadObject,
  leadReadObjectList,
  leadReadString,
  leadReadStringList,
  leadRequireString,
  leadTerritoryMatches,
  leadTrim,
  type LeadJsonObject,
} from './leadSharingCommon';
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

function productsOf(lead: LeadJsonObject): string[] {
  const value = lead.productInterest;
  if (typeof value === 'string') {
    return compareKeys(value.split(/[;,]/));
  }
  return compareKeys(leadReadStringList(lead, 'productInterest'));
}

/**
 * Whether a lead may be shared with partners under the routing policy.
 * @param input lead and policy
 */
export function leadEligibility(input: LeadEligibilityInput): LeadEligibilityResult {
  const raw = input as unknown as LeadJsonObject;
  const lead = leadReadObject(raw, 'lead');
  const policy = leadReadObject(raw, 'policy');
  const reasons: string[] = [];

  const countries = leadReadStringList(policy, 'eligibleCountries').map(leadParseTerritory);
  const location = leadLocationOf(lead);
  if (countries.length > 0 && !countries.some((territory) => leadTerritoryMatches(territory, location))) {
    reasons.push('COUNTRY_NOT_ELIGIBLE');
  }

  const segments = compareKeys(leadReadStringList(policy, 'eligibleSegments'));
  if (segments.length > 0 && !segments.includes(leadCompareKey(leadReadString(lead, 'segment')))) {
    reasons.push('SEGMENT_NOT_ELIGIBLE');
  }

  const products = compareKeys(leadReadStringList(policy, 'eligibleProducts'));
  if (products.length > 0 && !productsOf(lead).some((product) => products.includes(product))) {
    reasons.push('PRODUCT_NOT_ELIGIBLE');
  }

  const minScore = leadReadNumber(policy, 'minLeadScore', 0) ?? 0;
  const score = leadReadNumber(lead, 'score', 0) ?? 0;
  if (score < minScore) {
    reasons.push('SCORE_BELOW_MINIMUM');
  }
  return { eligible: reasons.length === 0, reasons };
}

/**
 * Which partners may receive a lead, and why the others may not.
 * @param input lead, partners, policy and the partners to exclude for this lead
 */
export function leadEligiblePartners(input: LeadEligiblePartnersInput): LeadEligiblePartnersResult {
  const raw = input as unknown as LeadJsonObject;
  const lead = leadReadObject(raw, 'lead');
  const policy = leadReadObject(raw, 'policy');
  const minTierRank = leadReadInteger(policy, 'minTierRank', 0, Number.MIN_SAFE_INTEGER) ?? 0;
  const requireCertification = leadReadBoolean(policy, 'requireCertification', false);
  const requireTerritoryMatch = leadReadBoolean(policy, 'requireTerritoryMatch', false);
  const excluded = new Set([
    ...leadReadStringList(raw, 'excludePartnerIds'),
    ...leadReadStringList(lead, 'excludePartnerIds'),
  ]);
  const location = leadLocationOf(lead);

  const rows: LeadPartnerExclusion[] = [];
  const seen = new Set<string>();
  for (const partner of leadReadObjectList(raw, 'partners')) {
    const id = leadRequireString(partner, 'id');
    if (seen.has(id)) {
      throw new RuleError('INVALID_INPUT', `INVALID_INPUT: partner ${id} is listed twice`);
    }
    seen.add(id);
    const active = leadReadBoolean(partner, 'active', true);
    const tierRank = leadReadInteger(partner, 'tierRank', 0, Number.MIN_SAFE_INTEGER) ?? 0;
    const certified = leadReadBoolean(partner, 'certified', false);
    const openLeads = leadReadInteger(partner, 'openLeads', 0, 0) ?? 0;
    const capacity = leadReadInteger(partner, 'capacity', null, 0);
    let reason = '';
    if (excluded.has(id)) {
      reason = 'EXCLUDED_FOR_LEAD';
    } else if (!active) {
      reason = 'INACTIVE';
    } else if (tierRank < minTierRank) {
      reason = 'TIER_TOO_LOW';
    } else if (requireCertification && !certified) {
      reason = 'NOT_CERTIFIED';
    } else if (capacity !== null && openLeads >= capacity) {
      reason = 'AT_CAPACITY';
    } else if (
      requireTerritoryMatch &&
      !leadReadStringList(partner, 'territories')
        .map(leadParseTerritory)
        .some((territory) => leadTerritoryMatches(territory, location))
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
  if (value === null || leadTrim(value) === '') {
    return '';
  }
  return LEAD_SHARE_STATUSES.includes(value) ? value : null;
}

function transitionCode(raw: LeadJsonObject): string | null {
  const from = statusKey(leadReadString(raw, 'from'));
  const to = statusKey(leadReadString(raw, 'to'));
  if (from === null || to === null) {
    return 'UNKNOWN_STATUS';
  }
  if (from === to) {
    return null;
  }
  if (!LEAD_TRANSITIONS[from].includes(to)) {
    return 'INVALID_TRANSITION';
  }
  const reason = leadReadString(raw, 'reason');
  if (to === 'Rejected' && (reason === null || leadTrim(reason) === '')) {
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
  const code = transitionCode(input as unknown as LeadJsonObject);
  return { allowed: code === null, code };
}

/**
 * Refuses a status change that `leadCanTransition` does not allow.
 * @param input from, to and the rejection reason
 * @throws RuleError UNKNOWN_STATUS, INVALID_TRANSITION or REJECTION_REASON_REQUIRED
 */
export function leadAssertTransition(input: LeadTransitionInput): LeadTransitionResult {
  const code = transitionCode(input as unknown as LeadJsonObject);
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
  const from = statusKey(leadReadString(input as unknown as LeadJsonObject, 'from'));
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
  const raw = input as unknown as LeadJsonObject;
  const now = leadReadDatetime(raw, 'now', true) ?? 0;
  const maxOffers = leadReadInteger(raw, 'maxOffers', LEAD_DEFAULT_MAX_OFFERS, 1) ?? LEAD_DEFAULT_MAX_OFFERS;
  const recalls: LeadRecall[] = [];
  const seen = new Set<string>();
  let nextDue: number | null = null;
  for (const offer of leadReadObjectList(raw, 'offers')) {
    const leadId = leadRequireString(offer, 'leadId');
    if (seen.has(leadId)) {
      throw new RuleError('INVALID_INPUT', `INVALID_INPUT: lead ${leadId} has two current offers`);
    }
    seen.add(leadId);
    const status = leadReadString(offer, 'status');
    if (status === null || !LEAD_SHARE_STATUSES.includes(status)) {
      throw new RuleError('UNKNOWN_STATUS', `UNKNOWN_STATUS: ${status}`);
    }
    if (status !== 'Offered') {
      continue;
    }
    const partnerId = leadRequireString(offer, 'partnerId');
    const deadline = leadReadDatetime(offer, 'acceptBy', true) ?? 0;
    const offerCount = leadReadInteger(offer, 'offerCount', 1, 1) ?? 1;
    if (now <= deadline) {
      nextDue = nextDue === null || deadline < nextDue ? deadline : nextDue;
      continue;
    }
    const exclude: string[] = [];
    for (const id of [...leadReadStringList(offer, 'previousPartnerIds'), partnerId]) {
      if (!exclude.includes(id)) {
        exclude.push(id);
      }
    }
    recalls.push({
      leadId,
      partnerId,
      action: offerCount >= maxOffers ? 'RETURN_TO_QUEUE' : 'REROUTE',
      overdueMinutes: Math.floor((now - deadline) / 60000),
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
