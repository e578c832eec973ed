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
  leadCompareIds,
  leadLocationOf,
  leadParseTerritory,
  leadReadBoolean,
  leadReadInteger,
  leadReadObject,
  leadReadObjectList,
  leadReadString,
  leadReadStringList,
  leadRequireString,
  type LeadJsonObject,
  type LeadLocation,
  type LeadTerritory,
} from './leadSharingCommon';

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

function readPartners(input: LeadJsonObject): PartnerState[] {
  const seen = new Set<string>();
  const active: PartnerState[] = [];
  for (const partner of leadReadObjectList(input, 'partners')) {
    const id = leadRequireString(partner, 'id');
    if (seen.has(id)) {
      throw new RuleError('INVALID_INPUT', `INVALID_INPUT: partner ${id} is listed twice`);
    }
    seen.add(id);
    const tierRank = leadReadInteger(partner, 'tierRank', 0, Number.MIN_SAFE_INTEGER) ?? 0;
    const weight = leadReadInteger(partner, 'weight', Math.max(1, tierRank), 0) ?? 1;
    const state: PartnerState = {
      id,
      weight,
      open: leadReadInteger(partner, 'openLeads', 0, 0) ?? 0,
      capacity: leadReadInteger(partner, 'capacity', null, 0),
      territories: leadReadStringList(partner, 'territories'),
      parsed: null,
    };
    if (leadReadBoolean(partner, 'active', true)) {
      active.push(state);
    }
  }
  return active.sort((a, b) => leadCompareIds(a.id, b.id));
}

function hasRoom(partner: PartnerState): boolean {
  return partner.capacity === null || partner.open < partner.capacity;
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

/** First partner of the id-ordered `ring` after `lastId` (wrapping) that `accepts`. */
function nextInTurn(
  ring: PartnerState[],
  lastId: string | null,
  accepts: (partner: PartnerState) => boolean,
): PartnerState | null {
  const start = startAfter(ring, lastId);
  for (let k = 0; k < ring.length; k++) {
    const partner = ring[(start + k) % ring.length];
    if (accepts(partner)) {
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

function readCursor(input: LeadJsonObject): LeadDistributionCursor {
  const cursor = leadReadObject(input, 'cursor');
  const weights: Record<string, number> = {};
  const rawWeights = leadReadObject(cursor, 'currentWeights');
  for (const key of Object.keys(rawWeights)) {
    weights[key] = leadReadInteger(rawWeights, key, 0, Number.MIN_SAFE_INTEGER) ?? 0;
  }
  const byTerritory: Record<string, string> = {};
  const rawByTerritory = leadReadObject(cursor, 'lastPartnerIdByTerritory');
  for (const key of Object.keys(rawByTerritory)) {
    const value = leadReadString(rawByTerritory, key);
    if (value !== null) {
      byTerritory[key] = value;
    }
  }
  return {
    lastPartnerId: leadReadString(cursor, 'lastPartnerId'),
    currentWeights: cursor.currentWeights == null ? null : weights,
    lastPartnerIdByTerritory: cursor.lastPartnerIdByTerritory == null ? null : byTerritory,
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
  const raw = input as unknown as LeadJsonObject;
  const strategyValue = leadReadString(raw, 'strategy');
  // The policy picklist spells it "Round Robin".
  const strategy = strategyValue === null ? '' : strategyValue.replace(/ /g, '');
  if (!STRATEGIES.includes(strategy)) {
    throw new RuleError('UNKNOWN_STRATEGY', `UNKNOWN_STRATEGY: ${String(strategyValue)}`);
  }
  const ring = readPartners(raw);
  const cursor = readCursor(raw);
  let lastPartnerId = cursor.lastPartnerId ?? null;
  const byTerritory: Record<string, string> = { ...(cursor.lastPartnerIdByTerritory ?? {}) };
  const weighted = ring.filter((p) => p.weight > 0);
  const current: Record<string, number> = {};
  for (const partner of weighted) {
    current[partner.id] = cursor.currentWeights?.[partner.id] ?? 0;
  }

  const assignments: LeadAssignment[] = [];
  const seenLeads = new Set<string>();
  for (const lead of leadReadObjectList(raw, 'leads')) {
    const leadId = leadRequireString(lead, 'id');
    if (seenLeads.has(leadId)) {
      throw new RuleError('INVALID_INPUT', `INVALID_INPUT: lead ${leadId} is listed twice`);
    }
    seenLeads.add(leadId);
    const excluded = new Set(leadReadStringList(lead, 'excludePartnerIds'));
    const canTake = (p: PartnerState): boolean => !excluded.has(p.id) && hasRoom(p);

    let chosen: PartnerState | null = null;
    let reason = 'NO_PARTNER_AVAILABLE';
    let territory: string | null = null;
    if (strategy === 'RoundRobin') {
      chosen = nextInTurn(ring, lastPartnerId, canTake);
      if (chosen !== null) {
        lastPartnerId = chosen.id;
        reason = 'ROUND_ROBIN';
      }
    } else if (strategy === 'Weighted') {
      const candidates = weighted.filter(canTake);
      let total = 0;
      for (const partner of candidates) {
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
        if (!canTake(partner) || match.specificity < bestSpecificity) {
          continue;
        }
        if (match.specificity > bestSpecificity) {
          bestSpecificity = match.specificity;
          territory = match.code;
          tied.length = 0;
        }
        tied.push(partner);
      }
      if (tied.length > 0 && territory !== null) {
        chosen = nextInTurn(tied, byTerritory[territory] ?? null, () => true);
      }
      if (chosen !== null && territory !== null) {
        byTerritory[territory] = chosen.id;
        reason = 'TERRITORY';
      } else {
        territory = null;
        reason = covered ? 'NO_PARTNER_AVAILABLE' : 'NO_TERRITORY_MATCH';
      }
    } else {
      const tied: PartnerState[] = [];
      for (const partner of ring) {
        if (!canTake(partner)) {
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
      chosen = nextInTurn(tied, lastPartnerId, () => true);
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
