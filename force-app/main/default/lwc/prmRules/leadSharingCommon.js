// Generated from lwc-ts-src/prmRules/leadSharingCommon.ts by `npm run build`. Do not edit.
/**
 * Input readers, text normalisation and territory codes shared by the lead-sharing rules.
 * The Apex twin keeps the same functions in `LeadSharingRules.cls` (readers, text) and
 * `LeadSharingDistribution.cls` (territories), so both runtimes accept and refuse the same
 * inputs. Text comparison is ASCII-only on purpose: a locale-aware upper case (Turkish
 * dotless i) would make the runtimes disagree.
 */
import { RuleError } from './ruleError';
/** Partner_Share_Status__c values, in lifecycle order. */
export const LEAD_SHARE_STATUSES = [
    'Submitted',
    'Offered',
    'Accepted',
    'Rejected',
    'Working',
    'Converted',
    'Lost',
    'Recalled',
];
function invalid(detail) {
    return new RuleError('INVALID_INPUT', `INVALID_INPUT: ${detail}`);
}
function isPlainObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
/**
 * Reads a nested object; absent or null gives an empty object.
 * @param container object holding the property
 * @param key property name
 */
export function leadReadObject(container, key) {
    const value = container[key];
    if (value === null || value === undefined) {
        return {};
    }
    if (!isPlainObject(value)) {
        throw invalid(`${key} must be an object`);
    }
    return value;
}
/**
 * Reads a list of objects; absent or null gives an empty list.
 * @param container object holding the property
 * @param key property name
 */
export function leadReadObjectList(container, key) {
    const value = container[key];
    if (value === null || value === undefined) {
        return [];
    }
    if (!Array.isArray(value)) {
        throw invalid(`${key} must be a list`);
    }
    return value.map((item) => {
        if (!isPlainObject(item)) {
            throw invalid(`${key} must hold objects`);
        }
        return item;
    });
}
/**
 * Reads an optional string; absent or null gives null.
 * @param container object holding the property
 * @param key property name
 */
export function leadReadString(container, key) {
    const value = container[key];
    if (value === null || value === undefined) {
        return null;
    }
    if (typeof value !== 'string') {
        throw invalid(`${key} must be a string`);
    }
    return value;
}
/**
 * Reads a list of strings; absent or null gives an empty list.
 * @param container object holding the property
 * @param key property name
 */
export function leadReadStringList(container, key) {
    const value = container[key];
    if (value === null || value === undefined) {
        return [];
    }
    if (!Array.isArray(value)) {
        throw invalid(`${key} must be a list`);
    }
    return value.map((item) => {
        if (typeof item !== 'string') {
            throw invalid(`${key} must hold strings`);
        }
        return item;
    });
}
/**
 * Reads an optional boolean.
 * @param container object holding the property
 * @param key property name
 * @param defaultValue used when the property is absent or null
 */
export function leadReadBoolean(container, key, defaultValue) {
    const value = container[key];
    if (value === null || value === undefined) {
        return defaultValue;
    }
    if (typeof value !== 'boolean') {
        throw invalid(`${key} must be true or false`);
    }
    return value;
}
/**
 * Reads an optional number.
 * @param container object holding the property
 * @param key property name
 * @param defaultValue used when the property is absent or null
 */
export function leadReadNumber(container, key, defaultValue) {
    const value = container[key];
    if (value === null || value === undefined) {
        return defaultValue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw invalid(`${key} must be a number`);
    }
    return value;
}
/**
 * Reads an optional whole number that fits a 32-bit integer (as Apex `Integer`).
 * @param container object holding the property
 * @param key property name
 * @return the number, or null when absent or null
 */
export function leadReadInteger(container, key) {
    const value = leadReadNumber(container, key, null);
    if (value !== null && (!Number.isInteger(value) || Math.abs(value) > 2147483647)) {
        throw invalid(`${key} must be a whole number`);
    }
    return value;
}
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(?:Z|([+-])(\d{2}):(\d{2}))$/;
/** Days in a month of the Gregorian calendar; `month` is 1-12. */
export function leadDaysInMonth(year, month) {
    if (month === 2) {
        return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
    }
    return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
/**
 * Parses `YYYY-MM-DDTHH:mm:ss[.sss](Z|+hh:mm|-hh:mm)` strictly (year 1900 or later, no 24:00,
 * no 30 February)
 * to epoch milliseconds, field by field, so Apex accepts exactly the same strings.
 * @param value the text
 * @return epoch milliseconds, or null when the text is not such a datetime
 */
export function leadParseIsoDatetime(value) {
    const match = ISO_DATETIME.exec(value);
    if (!match) {
        return null;
    }
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    const hour = Number(match[4]);
    const minute = Number(match[5]);
    const second = Number(match[6]);
    const millis = match[7] === undefined ? 0 : Number(match[7].padEnd(3, '0'));
    const offsetHours = match[8] === undefined ? 0 : Number(match[9]);
    const offsetMinutes = match[8] === undefined ? 0 : Number(match[10]);
    if (year < 1900 ||
        month < 1 ||
        month > 12 ||
        day < 1 ||
        day > leadDaysInMonth(year, month) ||
        hour > 23 ||
        minute > 59 ||
        second > 59 ||
        offsetHours > 18 ||
        offsetMinutes > 59) {
        return null;
    }
    const offsetMs = (match[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60000;
    return Date.UTC(year, month - 1, day) + ((hour * 60 + minute) * 60 + second) * 1000 + millis - offsetMs;
}
/**
 * Reads an ISO-8601 datetime with seconds and a zone (`2025-03-07T15:30:00Z`) as epoch
 * milliseconds.
 * @param container object holding the property
 * @param key property name
 * @param required whether absence is refused
 */
export function leadReadDatetime(container, key, required) {
    const value = leadReadString(container, key);
    if (value === null || value === '') {
        if (required) {
            throw invalid(`${key} is required`);
        }
        return null;
    }
    const ms = leadParseIsoDatetime(value);
    if (ms === null) {
        throw invalid(`${key} must be an ISO-8601 datetime`);
    }
    return ms;
}
/** Formats epoch milliseconds as `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export function leadIsoDatetime(ms) {
    return new Date(ms).toISOString();
}
/** Removes leading and trailing characters up to U+0020, as Apex `String.trim()` does. */
export function leadTrim(value) {
    let start = 0;
    let end = value.length;
    while (start < end && value.charCodeAt(start) <= 32) {
        start++;
    }
    while (end > start && value.charCodeAt(end - 1) <= 32) {
        end--;
    }
    return value.substring(start, end);
}
/** Upper-cases a-z only, so no locale can change the result. */
export function leadAsciiUpper(value) {
    return value.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 32));
}
/** Trimmed, ASCII upper-cased text used for every case-insensitive comparison. */
export function leadCompareKey(value) {
    return value === null ? '' : leadAsciiUpper(leadTrim(value));
}
/** Ordinal comparison of ids (UTF-16 code units, case-sensitive), as Apex `compareTo`. */
export function leadCompareIds(left, right) {
    return left < right ? -1 : left > right ? 1 : 0;
}
const TERRITORY_PART = /^[A-Z0-9]+$/;
/** Postal codes compare without spaces, hyphens or other characters up to U+0020. */
export function leadNormalisePostal(value) {
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
export function leadParseTerritory(raw) {
    const text = leadCompareKey(raw);
    const firstDash = text.indexOf('-');
    const country = firstDash < 0 ? text : text.substring(0, firstDash);
    const rest = firstDash < 0 ? null : text.substring(firstDash + 1);
    const secondDash = rest === null ? -1 : rest.indexOf('-');
    const state = rest === null ? null : secondDash < 0 ? rest : rest.substring(0, secondDash);
    const postalRaw = rest === null || secondDash < 0 ? null : rest.substring(secondDash + 1);
    const postalPrefix = postalRaw !== null && postalRaw.endsWith('*');
    const postal = postalRaw === null
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
/**
 * Reads a lead object (types only; what is required depends on the rule).
 * @param lead the JSON object
 */
export function leadReadLead(lead) {
    const products = lead.productInterest;
    return {
        id: leadReadString(lead, 'id'),
        country: leadReadString(lead, 'country'),
        state: leadReadString(lead, 'state'),
        postalCode: leadReadString(lead, 'postalCode'),
        segment: leadReadString(lead, 'segment'),
        productInterest: typeof products === 'string' ? products.split(/[;,]/) : leadReadStringList(lead, 'productInterest'),
        score: leadReadNumber(lead, 'score', null),
        excludePartnerIds: leadReadStringList(lead, 'excludePartnerIds'),
    };
}
/**
 * Reads a partner object (types only; `leadCheckPartner` checks values).
 * @param partner the JSON object
 */
export function leadReadPartner(partner) {
    return {
        id: leadReadString(partner, 'id'),
        active: leadReadBoolean(partner, 'active', true),
        tierRank: leadReadInteger(partner, 'tierRank'),
        weight: leadReadInteger(partner, 'weight'),
        certified: leadReadBoolean(partner, 'certified', false),
        openLeads: leadReadInteger(partner, 'openLeads'),
        capacity: leadReadInteger(partner, 'capacity'),
        territories: leadReadStringList(partner, 'territories'),
    };
}
/**
 * Refuses a partner without an id, listed twice, or with a negative weight, open-lead
 * count or capacity.
 * @param partner the partner
 * @param seen ids met so far in the same list (the id is added)
 * @return the id
 */
export function leadCheckPartner(partner, seen) {
    if (partner.id === null || leadTrim(partner.id) === '') {
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
export function leadLocationOf(lead) {
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
export function leadTerritoryMatches(territory, location) {
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
export function leadBestTerritory(territories, location) {
    let best = null;
    for (const territory of territories) {
        if (leadTerritoryMatches(territory, location) && (best === null || territory.specificity > best.specificity)) {
            best = territory;
        }
    }
    return best;
}
