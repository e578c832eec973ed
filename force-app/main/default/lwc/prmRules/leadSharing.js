// Generated from lwc-ts-src/prmRules/leadSharing.ts by `npm run build`. Do not edit.
import { RuleError } from './ruleError';
import { LEAD_SHARE_STATUSES, leadCheckPartner, leadCompareIds, leadCompareKey, leadIsoDatetime, leadLocationOf, leadParseTerritory, readLeadFacts, readPartnerFacts, leadTerritoryMatches, } from './leadSharingCommon';
import { optBoolean, optInteger, optNumber, optObject, optObjects, optString, optStrings, readDatetime, trimControl, } from './ruleInput';
import { leadDistribute } from './leadSharingDistribution';
import { leadAcceptBy, leadSlaStatus } from './leadSharingCalendar';
export { LEAD_SHARE_STATUSES, leadParseTerritory, leadTerritoryMatches, leadLocationOf } from './leadSharingCommon';
export * from './leadSharingDistribution';
export * from './leadSharingCalendar';
export const LEAD_DEFAULT_MAX_OFFERS = 3;
/**
 * Allowed next statuses; '' is "not shared" (a new lead, or one returned to the internal
 * queue). The same pairs as the Lead validation rule Share_Status_Transition_Allowed.
 */
const LEAD_TRANSITIONS = {
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
function compareKeys(values) {
    return values.map(leadCompareKey).filter((value) => value !== '');
}
/**
 * Whether a lead may be shared with partners under the routing policy.
 * @param input lead and policy
 */
export function leadEligibility(input) {
    const raw = input;
    const lead = readLeadFacts(optObject(raw.lead, 'lead'));
    const policy = optObject(raw.policy, 'policy');
    return eligibilityOf(lead, optStrings(policy.eligibleCountries, 'eligibleCountries'), optStrings(policy.eligibleSegments, 'eligibleSegments'), optStrings(policy.eligibleProducts, 'eligibleProducts'), optNumber(policy.minLeadScore, 'minLeadScore', null));
}
function eligibilityOf(lead, eligibleCountries, eligibleSegments, eligibleProducts, minLeadScore) {
    const reasons = [];
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
export function leadEligiblePartners(input) {
    const raw = input;
    const lead = readLeadFacts(optObject(raw.lead, 'lead'));
    const partners = optObjects(raw.partners, 'partners').map(readPartnerFacts);
    const policy = optObject(raw.policy, 'policy');
    return eligiblePartnersOf(lead, partners, optInteger(policy.minTierRank, 'minTierRank'), optBoolean(policy.requireCertification, 'requireCertification', false), optBoolean(policy.requireTerritoryMatch, 'requireTerritoryMatch', false), optStrings(raw.excludePartnerIds, 'excludePartnerIds'));
}
function eligiblePartnersOf(lead, partners, minTierRank, requireCertification, requireTerritoryMatch, excludePartnerIds) {
    const excluded = new Set([...excludePartnerIds, ...lead.excludePartnerIds]);
    const location = leadLocationOf(lead);
    const rows = [];
    const seen = new Set();
    for (const partner of partners) {
        const id = leadCheckPartner(partner, seen);
        let reason = '';
        if (excluded.has(id)) {
            reason = 'EXCLUDED_FOR_LEAD';
        }
        else if (!partner.active) {
            reason = 'INACTIVE';
        }
        else if ((partner.tierRank ?? 0) < (minTierRank ?? 0)) {
            reason = 'TIER_TOO_LOW';
        }
        else if (requireCertification && !partner.certified) {
            reason = 'NOT_CERTIFIED';
        }
        else if (partner.capacity !== null && (partner.openLeads ?? 0) >= partner.capacity) {
            reason = 'AT_CAPACITY';
        }
        else if (requireTerritoryMatch &&
            !partner.territories.map(leadParseTerritory).some((territory) => leadTerritoryMatches(territory, location))) {
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
function statusKey(value) {
    if (value === null || trimControl(value) === '') {
        return '';
    }
    return LEAD_SHARE_STATUSES.includes(value) ? value : null;
}
function transitionCode(raw) {
    return transitionCodeOf(optString(raw.from, 'from'), optString(raw.to, 'to'), optString(raw.reason, 'reason'));
}
function transitionCodeOf(fromValue, toValue, reason) {
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
export function leadCanTransition(input) {
    const code = transitionCode(input);
    return { allowed: code === null, code };
}
/**
 * Refuses a status change that `leadCanTransition` does not allow.
 * @param input from, to and the rejection reason
 * @throws RuleError UNKNOWN_STATUS, INVALID_TRANSITION or REJECTION_REASON_REQUIRED
 */
export function leadAssertTransition(input) {
    const code = transitionCode(input);
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
export function leadNextStatuses(input) {
    const from = statusKey(optString(input.from, 'from'));
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
export function leadRecallDecision(input) {
    const raw = input;
    const now = readDatetime(raw.now, 'now', true) ?? 0;
    const offers = optObjects(raw.offers, 'offers').map((offer) => ({
        leadId: optString(offer.leadId, 'leadId'),
        partnerId: optString(offer.partnerId, 'partnerId'),
        acceptBy: readDatetime(offer.acceptBy, 'acceptBy', false),
        status: optString(offer.status, 'status'),
        offerCount: optInteger(offer.offerCount, 'offerCount'),
        previousPartnerIds: optStrings(offer.previousPartnerIds, 'previousPartnerIds'),
    }));
    return recallOf(now, offers, optInteger(raw.maxOffers, 'maxOffers'));
}
function isBlank(value) {
    return value === null || trimControl(value) === '';
}
function recallOf(now, offers, maxOffersValue) {
    const maxOffers = maxOffersValue ?? LEAD_DEFAULT_MAX_OFFERS;
    if (maxOffers < 1) {
        throw new RuleError('INVALID_INPUT', 'INVALID_INPUT: maxOffers must be at least 1');
    }
    const recalls = [];
    const seen = new Set();
    let nextDue = null;
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
            throw new RuleError('INVALID_INPUT', `INVALID_INPUT: offer of ${offer.leadId} needs partnerId, acceptBy, offerCount >= 1`);
        }
        if (now <= offer.acceptBy) {
            nextDue = nextDue === null || offer.acceptBy < nextDue ? offer.acceptBy : nextDue;
            continue;
        }
        const exclude = [];
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
export const leadSharingRules = {
    leadEligibility: (input) => leadEligibility(input),
    leadEligiblePartners: (input) => leadEligiblePartners(input),
    leadDistribute: (input) => leadDistribute(input),
    leadAcceptBy: (input) => leadAcceptBy(input),
    leadSlaStatus: (input) => leadSlaStatus(input),
    leadCanTransition: (input) => leadCanTransition(input),
    leadAssertTransition: (input) => leadAssertTransition(input),
    leadNextStatuses: (input) => leadNextStatuses(input),
    leadRecallDecision: (input) => leadRecallDecision(input),
};
