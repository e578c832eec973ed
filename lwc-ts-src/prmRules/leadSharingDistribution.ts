/**
 * Lead distribution to partners: round-robin, weighted (smooth weighted round-robin),
 * territory and capacity strategies with a persistent cursor. Mirrored step by step by
 * `LeadSharingDistribution.cls`.
 *
 * Fairness contract: the cursor is keyed by partner id, never by list position, so
 * partners added or removed between calls keep their place in the id order; and a batch
 * split across calls (passing the returned cursor and the updated open-lead counts) gives
 * exactly the assignments of one call.
 */
import { RuleError } from './ruleError';
import {
  leadBestTerritory,
  leadCheckPartner,
  leadCompareIds,
  leadLocationOf,
  leadParseTerritory,
  readLeadFacts,
  readPartnerFacts,
  type LeadFacts,
  type LeadLocation,
  type LeadPartnerFacts,
  type LeadTerritory,
} from './leadSharingCommon';
import { type JsonObject, optInteger, optObject, optObjects, optString, trimControl } from './ruleInput';

/** `Round Robin` (the policy picklist value) is read as `RoundRobin`. */
export type LeadDistributionStrategy = 'RoundRobin' | 'Round Robin' | 'Weighted' | 'Territory' | 'Capacity';

/** A lead to place. Address fields matter for the Territory strategy only. */
export interface LeadRoutingLead {
  id: string;
  country?: string | null;
  state?: string | null;
  postalCode?: string | null;
  /** Partners that must not get this lead (who rejected it or let it lapse). */
  excludePartnerIds?: string[];
}

/** A partner that may receive leads. */
export interface LeadRoutingPartner {
  id: string;
  /** Default true; inactive partners take no leads and leave the rotation. */
  active?: boolean;
  /** Higher is a better tier; the Weighted strategy's default weight (at least 1). */
  tierRank?: number | null;
  /** Explicit Weighted strategy weight (whole number, 0 = out of the rotation). */
  weight?: number | null;
  certified?: boolean;
  /** Leads currently open with the partner (default 0). */
  openLeads?: number | null;
  /** Maximum open leads; absent or null means no limit. */
  capacity?: number | null;
  /** Territory codes (`US`, `US-CA`, `US-CA-94*`, `GB-*-SW1*`). */
  territories?: string[];
}

/** Persistent distribution state; each strategy reads and updates its own key. */
export interface LeadDistributionCursor {
  /** RoundRobin and Capacity: the partner that received the last lead. */
  lastPartnerId?: string | null;
  /** Weighted: each partner's current smooth-weighted-round-robin value. */
  currentWeights?: Record<string, number> | null;
  /** Territory: per canonical territory code, the partner that received the last lead. */
  lastPartnerIdByTerritory?: Record<string, string> | null;
}

export interface LeadDistributeInput {
  strategy: LeadDistributionStrategy;
  leads: LeadRoutingLead[];
  partners: LeadRoutingPartner[];
  cursor?: LeadDistributionCursor | null;
}

/**
 * One placement. `reason`: ROUND_ROBIN, WEIGHTED, TERRITORY, CAPACITY when placed;
 * NO_PARTNER_AVAILABLE (nobody active, with room and not excluded) or NO_TERRITORY_MATCH
 * (no active partner covers the address) when `partnerId` is null.
 */
export interface LeadAssignment {
  leadId: string;
  partnerId: string | null;
  reason: string;
  /** Territory strategy: the canonical code that won. */
  territory?: string | null;
}

export interface LeadDistributeResult {
  assignments: LeadAssignment[];
  cursor: LeadDistributionCursor;
}

interface PartnerState {
  id: string;
  weight: number;
  open: number;
  capacity: number | null;
  territories: string[];
  parsed: LeadTerritory[] | null;
}

const STRATEGIES: readonly string[] = ['RoundRobin', 'Weighted', 'Territory', 'Capacity'];

/**
 * The strategy name without spaces (the policy picklist spells it `Round Robin`).
 * @param value strategy as given
 * @throws RuleError UNKNOWN_STRATEGY
 */
export function leadStrategyKey(value: string | null): string {
  const key = value === null ? '' : value.replace(/ /g, '');
  if (!STRATEGIES.includes(key)) {
    throw new RuleError('UNKNOWN_STRATEGY', `UNKNOWN_STRATEGY: ${String(value)}`);
  }
  return key;
}

/** Active partners in ordinal id order, with their weight and open-lead count. */
function ringOf(partners: LeadPartnerFacts[]): PartnerState[] {
  const seen = new Set<string>();
  const ring: PartnerState[] = [];
  for (const partner of partners) {
    const id = leadCheckPartner(partner, seen);
    const tierRank = partner.tierRank ?? 0;
    if (partner.active) {
      ring.push({
        id,
        weight: partner.weight ?? Math.max(1, tierRank),
        open: partner.openLeads ?? 0,
        capacity: partner.capacity,
        territories: partner.territories,
        parsed: null,
      });
    }
  }
  return ring.sort((a, b) => leadCompareIds(a.id, b.id));
}

function hasRoom(partner: PartnerState): boolean {
  return partner.capacity === null || partner.open < partner.capacity;
}

function canTake(partner: PartnerState, excluded: Set<string>): boolean {
  return !excluded.has(partner.id) && hasRoom(partner);
}

/** Index in an id-ordered ring where the turn after `lastId` starts (wraps to 0). */
function startAfter(ring: PartnerState[], lastId: string | null): number {
  if (lastId === null) {
    return 0;
  }
  for (let i = 0; i < ring.length; i++) {
    if (leadCompareIds(ring[i].id, lastId) > 0) {
      return i;
    }
  }
  return 0;
}

/** First partner of the id-ordered `ring` after `lastId` (wrapping) that can take the lead. */
function nextInTurn(ring: PartnerState[], lastId: string | null, excluded: Set<string>): PartnerState | null {
  const start = startAfter(ring, lastId);
  for (let k = 0; k < ring.length; k++) {
    const partner = ring[(start + k) % ring.length];
    if (canTake(partner, excluded)) {
      return partner;
    }
  }
  return null;
}

/**
 * Load comparison without division: a/b < c/d as a*d < c*b. No capacity counts as an
 * empty load (0/1), so an unlimited partner always has room and ranks as least loaded.
 */
function compareLoad(left: PartnerState, right: PartnerState): number {
  const leftNum = left.capacity === null ? 0 : left.open;
  const leftDen = left.capacity === null ? 1 : left.capacity;
  const rightNum = right.capacity === null ? 0 : right.open;
  const rightDen = right.capacity === null ? 1 : right.capacity;
  const diff = leftNum * rightDen - rightNum * leftDen;
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

function territoriesOf(partner: PartnerState): LeadTerritory[] {
  if (partner.parsed === null) {
    partner.parsed = partner.territories.map(leadParseTerritory);
  }
  return partner.parsed;
}

function readCursor(input: JsonObject): LeadDistributionCursor {
  const cursor = optObject(input.cursor, 'cursor');
  let weights: Record<string, number> | null = null;
  if (cursor.currentWeights !== null && cursor.currentWeights !== undefined) {
    const rawWeights = optObject(cursor.currentWeights, 'currentWeights');
    weights = {};
    for (const key of Object.keys(rawWeights)) {
      weights[key] = optInteger(rawWeights[key], key) ?? 0;
    }
  }
  let byTerritory: Record<string, string> | null = null;
  if (cursor.lastPartnerIdByTerritory !== null && cursor.lastPartnerIdByTerritory !== undefined) {
    const rawByTerritory = optObject(cursor.lastPartnerIdByTerritory, 'lastPartnerIdByTerritory');
    byTerritory = {};
    for (const key of Object.keys(rawByTerritory)) {
      const value = optString(rawByTerritory[key], key);
      if (value !== null) {
        byTerritory[key] = value;
      }
    }
  }
  return {
    lastPartnerId: optString(cursor.lastPartnerId, 'lastPartnerId'),
    currentWeights: weights,
    lastPartnerIdByTerritory: byTerritory,
  };
}

/**
 * Places a batch of leads with partners.
 * - RoundRobin: partners in id order; each lead goes to the first partner after
 *   `cursor.lastPartnerId` (wrapping) that can take it.
 * - Weighted: smooth weighted round-robin over partners with weight > 0 (weight = `weight`,
 *   else `tierRank`, at least 1); among partners that can take the lead each gains its
 *   weight, the highest current value wins (lowest id on ties) and loses the sum of those
 *   weights. State: `cursor.currentWeights`.
 * - Territory: among partners that can take the lead, the most specific matching territory
 *   wins; equals share a round-robin turn per territory code (`lastPartnerIdByTerritory`).
 * - Capacity: lowest open/capacity ratio wins; equals share the `lastPartnerId` turn.
 * "Can take the lead": active, not in the lead's `excludePartnerIds`, and open leads
 * (including those placed earlier in this batch) below capacity.
 * @param input strategy, leads, partners and the cursor returned by the previous call
 */
export function leadDistribute(input: LeadDistributeInput): LeadDistributeResult {
  const raw = input as unknown as JsonObject;
  const strategy = leadStrategyKey(optString(raw.strategy, 'strategy'));
  const partners = optObjects(raw.partners, 'partners').map(readPartnerFacts);
  const cursor = readCursor(raw);
  const leads = optObjects(raw.leads, 'leads').map(readLeadFacts);
  return leadDistributeFacts(strategy, leads, partners, cursor);
}

/**
 * `leadDistribute` on inputs already read from JSON (the Apex twin's typed entry point).
 * @param strategyName RoundRobin (or Round Robin), Weighted, Territory or Capacity
 * @param leads leads to place, in order
 * @param partners candidate partners
 * @param cursor state returned by the previous call
 */
export function leadDistributeFacts(
  strategyName: string,
  leads: LeadFacts[],
  partners: LeadPartnerFacts[],
  cursor: LeadDistributionCursor,
): LeadDistributeResult {
  const strategy = leadStrategyKey(strategyName);
  const ring = ringOf(partners);
  let lastPartnerId = cursor.lastPartnerId ?? null;
  const byTerritory: Record<string, string> = { ...(cursor.lastPartnerIdByTerritory ?? {}) };
  const weighted = ring.filter((p) => p.weight > 0);
  const current: Record<string, number> = {};
  for (const partner of weighted) {
    current[partner.id] = cursor.currentWeights?.[partner.id] ?? 0;
  }

  const assignments: LeadAssignment[] = [];
  const seenLeads = new Set<string>();
  for (const lead of leads) {
    const leadId = lead.id;
    if (leadId === null || trimControl(leadId) === '') {
      throw new RuleError('INVALID_INPUT', 'INVALID_INPUT: lead id is required');
    }
    if (seenLeads.has(leadId)) {
      throw new RuleError('INVALID_INPUT', `INVALID_INPUT: lead ${leadId} is listed twice`);
    }
    seenLeads.add(leadId);
    const excluded = new Set(lead.excludePartnerIds);

    let chosen: PartnerState | null = null;
    let reason = 'NO_PARTNER_AVAILABLE';
    let territory: string | null = null;
    if (strategy === 'RoundRobin') {
      chosen = nextInTurn(ring, lastPartnerId, excluded);
      if (chosen !== null) {
        lastPartnerId = chosen.id;
        reason = 'ROUND_ROBIN';
      }
    } else if (strategy === 'Weighted') {
      let total = 0;
      for (const partner of weighted) {
        if (!canTake(partner, excluded)) {
          continue;
        }
        current[partner.id] += partner.weight;
        total += partner.weight;
        if (chosen === null || current[partner.id] > current[chosen.id]) {
          chosen = partner;
        }
      }
      if (chosen !== null) {
        current[chosen.id] -= total;
        reason = 'WEIGHTED';
      }
    } else if (strategy === 'Territory') {
      const location: LeadLocation = leadLocationOf(lead);
      let covered = false;
      let bestSpecificity = 0;
      const tied: PartnerState[] = [];
      for (const partner of ring) {
        const match = leadBestTerritory(territoriesOf(partner), location);
        if (match === null) {
          continue;
        }
        covered = true;
        if (!canTake(partner, excluded) || match.specificity < bestSpecificity) {
          continue;
        }
        if (match.specificity > bestSpecificity) {
          bestSpecificity = match.specificity;
          territory = match.code;
          tied.length = 0;
        }
        tied.push(partner);
      }
      if (territory !== null) {
        chosen = nextInTurn(tied, byTerritory[territory] ?? null, excluded);
      }
      if (chosen !== null && territory !== null) {
        byTerritory[territory] = chosen.id;
        reason = 'TERRITORY';
      } else {
        reason = covered ? 'NO_PARTNER_AVAILABLE' : 'NO_TERRITORY_MATCH';
      }
    } else {
      const tied: PartnerState[] = [];
      for (const partner of ring) {
        if (!canTake(partner, excluded)) {
          continue;
        }
        const order = tied.length === 0 ? 0 : compareLoad(partner, tied[0]);
        if (order < 0) {
          tied.length = 0;
        }
        if (order <= 0) {
          tied.push(partner);
        }
      }
      chosen = nextInTurn(tied, lastPartnerId, excluded);
      if (chosen !== null) {
        lastPartnerId = chosen.id;
        reason = 'CAPACITY';
      }
    }

    if (chosen !== null) {
      chosen.open += 1;
    }
    assignments.push({ leadId, partnerId: chosen === null ? null : chosen.id, reason, territory });
  }

  const next: LeadDistributionCursor = {
    lastPartnerId,
    currentWeights: cursor.currentWeights ?? null,
    lastPartnerIdByTerritory: cursor.lastPartnerIdByTerritory ?? null,
  };
  if (strategy === 'Weighted') {
    next.currentWeights = current;
  } else if (strategy === 'Territory') {
    next.lastPartnerIdByTerritory = byTerritory;
  }
  return { assignments, cursor: next };
}
