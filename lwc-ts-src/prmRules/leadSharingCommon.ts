/**
 * Text normalisation, territory codes and lead/partner facts shared by the lead-sharing rules
 * (input is read through `ruleInput`). The Apex twin keeps the same functions in
 * `LeadSharingRules.cls` (text) and `LeadSharingDistribution.cls` (territories), so both
 * runtimes accept and refuse the same inputs. Text comparison is ASCII-only on purpose: a locale-aware upper case (Turkish
 * dotless i) would make the runtimes disagree.
 */
import { RuleError } from './ruleError';
import { type JsonObject, optBoolean, optInteger, optNumber, optString, optStrings, trimControl } from './ruleInput';

/** Partner_Share_Status__c values, in lifecycle order. */
export const LEAD_SHARE_STATUSES: readonly string[] = [
  'Submitted',
  'Offered',
  'Accepted',
  'Rejected',
  'Working',
  'Converted',
  'Lost',
  'Recalled',
];

function invalid(detail: string): RuleError {
  return new RuleError('INVALID_INPUT', `INVALID_INPUT: ${detail}`);
}

/** Formats epoch milliseconds as `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export function leadIsoDatetime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Upper-cases a-z only, so no locale can change the result. */
export function leadAsciiUpper(value: string): string {
  return value.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 32));
}

/** Trimmed, ASCII upper-cased text used for every case-insensitive comparison. */
export function leadCompareKey(value: string | null): string {
  return value === null ? '' : leadAsciiUpper(trimControl(value));
}

/** Ordinal comparison of ids (UTF-16 code units, case-sensitive), as Apex `compareTo`. */
export function leadCompareIds(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/** A parsed territory code. */
export interface LeadTerritory {
  /** Canonical form, e.g. `US-CA-94*`; also the key of the per-territory cursor. */
  code: string;
  country: string;
  /** State code, `*` for any state, or null for a country-wide code. */
  state: string | null;
  /** Postal code or prefix, without spaces and hyphens; null when the code has none. */
  postal: string | null;
  /** True when `postal` is a prefix (the code ended in `*`). */
  postalPrefix: boolean;
  /** Larger is more specific; see `leadParseTerritory`. */
  specificity: number;
}

/** Where a lead is, normalised for territory matching. */
export interface LeadLocation {
  country: string;
  state: string;
  postal: string;
}

const TERRITORY_PART = /^[A-Z0-9]+$/;

/** Postal codes compare without spaces, hyphens or other characters up to U+0020. */
export function leadNormalisePostal(value: string | null): string {
  let kept = '';
  for (const c of value ?? '') {
    if (c.charCodeAt(0) > 32 && c !== '-') {
      kept += c;
    }
  }
  return leadAsciiUpper(kept);
}

/**
 * Parses a territory code: `CC` (country), `CC-ST` (state), `CC-ST-P*` (postal prefix),
 * `CC-ST-P` (exact postal code), with `*` as the state to mean any state (`GB-*-SW1*`).
 * Specificity: country 1, state 2, postal 100 + 4 x postal length, +2 for an exact postal
 * code, +1 when the state is named; so a longer prefix beats a shorter one and a named
 * state beats `*` for the same postal part.
 * @param raw the code as an admin typed it (case and surrounding blanks ignored)
 */
export function leadParseTerritory(raw: string): LeadTerritory {
  const text = leadCompareKey(raw);
  const firstDash = text.indexOf('-');
  const country = firstDash < 0 ? text : text.substring(0, firstDash);
  const rest = firstDash < 0 ? null : text.substring(firstDash + 1);
  const secondDash = rest === null ? -1 : rest.indexOf('-');
  const state = rest === null ? null : secondDash < 0 ? rest : rest.substring(0, secondDash);
  const postalRaw = rest === null || secondDash < 0 ? null : rest.substring(secondDash + 1);
  const postalPrefix = postalRaw !== null && postalRaw.endsWith('*');
  const postal =
    postalRaw === null
      ? null
      : leadNormalisePostal(postalPrefix ? postalRaw.substring(0, postalRaw.length - 1) : postalRaw);

  const badState = state !== null && state !== '*' && !TERRITORY_PART.test(state);
  const badPostal = postalRaw !== null && (postal === null || !TERRITORY_PART.test(postal));
  const wildcardAlone = state === '*' && postal === null;
  if (!TERRITORY_PART.test(country) || badState || badPostal || wildcardAlone) {
    throw new RuleError('INVALID_TERRITORY', `INVALID_TERRITORY: ${raw}`);
  }

  let specificity = state === null ? 1 : 2;
  let code = state === null ? country : `${country}-${state}`;
  if (postal !== null) {
    specificity = 100 + 4 * postal.length + (postalPrefix ? 0 : 2) + (state === '*' ? 0 : 1);
    code = `${code}-${postal}${postalPrefix ? '*' : ''}`;
  }
  return { code, country, state, postal, postalPrefix, specificity };
}

/** A lead's fields as the rules use them, read and type-checked from JSON. */
export interface LeadFacts {
  id: string | null;
  country: string | null;
  state: string | null;
  postalCode: string | null;
  segment: string | null;
  /** Split on `;` and `,` when given as text. */
  productInterest: string[];
  score: number | null;
  excludePartnerIds: string[];
}

/** A partner's fields as the rules use them, read and type-checked from JSON. */
export interface LeadPartnerFacts {
  id: string | null;
  active: boolean;
  tierRank: number | null;
  weight: number | null;
  certified: boolean;
  openLeads: number | null;
  capacity: number | null;
  territories: string[];
}

/**
 * Reads a lead object (types only; what is required depends on the rule).
 * @param lead the JSON object
 */
export function readLeadFacts(lead: JsonObject): LeadFacts {
  const products = lead.productInterest;
  return {
    id: optString(lead.id, 'id'),
    country: optString(lead.country, 'country'),
    state: optString(lead.state, 'state'),
    postalCode: optString(lead.postalCode, 'postalCode'),
    segment: optString(lead.segment, 'segment'),
    productInterest:
      typeof products === 'string' ? products.split(/[;,]/) : optStrings(lead.productInterest, 'productInterest'),
    score: optNumber(lead.score, 'score', null),
    excludePartnerIds: optStrings(lead.excludePartnerIds, 'excludePartnerIds'),
  };
}

/**
 * Reads a partner object (types only; `leadCheckPartner` checks values).
 * @param partner the JSON object
 */
export function readPartnerFacts(partner: JsonObject): LeadPartnerFacts {
  return {
    id: optString(partner.id, 'id'),
    active: optBoolean(partner.active, 'active', true),
    tierRank: optInteger(partner.tierRank, 'tierRank'),
    weight: optInteger(partner.weight, 'weight'),
    certified: optBoolean(partner.certified, 'certified', false),
    openLeads: optInteger(partner.openLeads, 'openLeads'),
    capacity: optInteger(partner.capacity, 'capacity'),
    territories: optStrings(partner.territories, 'territories'),
  };
}

/**
 * Refuses a partner without an id, listed twice, or with a negative weight, open-lead
 * count or capacity.
 * @param partner the partner
 * @param seen ids met so far in the same list (the id is added)
 * @return the id
 */
export function leadCheckPartner(partner: LeadPartnerFacts, seen: Set<string>): string {
  if (partner.id === null || trimControl(partner.id) === '') {
    throw invalid('partner id is required');
  }
  if (seen.has(partner.id)) {
    throw invalid(`partner ${partner.id} is listed twice`);
  }
  seen.add(partner.id);
  if ((partner.weight ?? 0) < 0 || (partner.openLeads ?? 0) < 0 || (partner.capacity ?? 0) < 0) {
    throw invalid(`partner ${partner.id}: weight, openLeads and capacity cannot be negative`);
  }
  return partner.id;
}

/**
 * Normalises a lead's address for matching.
 * @param lead the lead
 */
export function leadLocationOf(lead: LeadFacts): LeadLocation {
  return {
    country: leadCompareKey(lead.country),
    state: leadCompareKey(lead.state),
    postal: leadNormalisePostal(lead.postalCode),
  };
}

/**
 * Whether a territory covers a location.
 * @param territory parsed code
 * @param location normalised lead address
 */
export function leadTerritoryMatches(territory: LeadTerritory, location: LeadLocation): boolean {
  if (location.country === '' || territory.country !== location.country) {
    return false;
  }
  if (territory.state !== null && territory.state !== '*' && territory.state !== location.state) {
    return false;
  }
  if (territory.postal === null) {
    return true;
  }
  if (location.postal === '') {
    return false;
  }
  return territory.postalPrefix ? location.postal.startsWith(territory.postal) : location.postal === territory.postal;
}

/**
 * The most specific of several territories that covers a location.
 * @param territories parsed codes
 * @param location normalised lead address
 * @return the best match, or null when none covers it (first wins among equals)
 */
export function leadBestTerritory(territories: LeadTerritory[], location: LeadLocation): LeadTerritory | null {
  let best: LeadTerritory | null = null;
  for (const territory of territories) {
    if (leadTerritoryMatches(territory, location) && (best === null || territory.specificity > best.specificity)) {
      best = territory;
    }
  }
  return best;
}
