// Generated from lwc-ts-src/prmRules/attributionInput.ts by `npm run build`. Do not edit.
/**
 * Strict readers for the untyped inputs of the attribution and commission rules. They
 * accept what the Apex readers (`PrmRules.opt*`) accept for well-formed JSON and refuse
 * anything else with `INVALID_INPUT`.
 */
import { RuleError } from './ruleError';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** An object that may be absent (then `{}`). */
export function readRecord(value, key) {
    if (value === null || value === undefined) {
        return {};
    }
    if (!isRecord(value)) {
        throw new RuleError('INVALID_INPUT', `${key} must be an object`);
    }
    return value;
}
/** A list that may be absent (then `[]`); every element must be an object. */
export function readRecords(value, key) {
    if (value === null || value === undefined) {
        return [];
    }
    if (!Array.isArray(value)) {
        throw new RuleError('INVALID_INPUT', `${key} must be a list`);
    }
    return value.map((item, index) => {
        if (!isRecord(item)) {
            throw new RuleError('INVALID_INPUT', `${key}[${index}] must be an object`);
        }
        return item;
    });
}
/** A string that may be absent; blank strings count as absent. */
export function readOptionalString(value, key) {
    if (value === null || value === undefined) {
        return null;
    }
    if (typeof value !== 'string') {
        throw new RuleError('INVALID_INPUT', `${key} must be a string`);
    }
    return value.trim() === '' ? null : value;
}
/** A required, non-blank string. */
export function readString(value, key) {
    const text = readOptionalString(value, key);
    if (text === null) {
        throw new RuleError('INVALID_INPUT', `${key} is required`);
    }
    return text;
}
/** A finite number that may be absent (then null). */
export function readOptionalNumber(value, key) {
    if (value === null || value === undefined) {
        return null;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new RuleError('INVALID_INPUT', `${key} must be a number`);
    }
    return value;
}
/** A boolean that may be absent (then the default). */
export function readBoolean(value, key, defaultValue) {
    if (value === null || value === undefined) {
        return defaultValue;
    }
    if (typeof value !== 'boolean') {
        throw new RuleError('INVALID_INPUT', `${key} must be true or false`);
    }
    return value;
}
/** A required real calendar date. */
export function readDate(value, key) {
    const text = typeof value === 'string' ? value.slice(0, 10) : '';
    const match = ISO_DATE.exec(text);
    if (!match) {
        throw new RuleError('INVALID_INPUT', `${key} must be a date YYYY-MM-DD`);
    }
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    const epochMs = Date.UTC(year, month - 1, day);
    const check = new Date(epochMs);
    if (month < 1 || month > 12 || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
        throw new RuleError('INVALID_INPUT', `${key} must be a real calendar date`);
    }
    return { iso: text, epochDay: epochMs / MS_PER_DAY, year, month };
}
/** A date that may be absent (then null). */
export function readOptionalDate(value, key) {
    return value === null || value === undefined || value === '' ? null : readDate(value, key);
}
