// Generated from lwc-ts-src/prmRules/tiersInput.ts by `npm run build`. Do not edit.
/**
 * Strict readers for the untyped inputs of the tiers and onboarding rules, plus exact
 * money arithmetic in integer hundredths, so TypeScript and Apex (which uses `Decimal`)
 * round identically. A malformed input is refused with `INVALID_INPUT`.
 */
import { RuleError } from './ruleError';
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Reads an object that may be absent (then `{}`). */
export function optObject(value, key) {
    if (value === null || value === undefined) {
        return {};
    }
    if (!isPlainObject(value)) {
        throw new RuleError('INVALID_INPUT', `${key} must be an object`);
    }
    return value;
}
/** Reads an object that must be present. */
export function requireObject(value, key) {
    if (!isPlainObject(value)) {
        throw new RuleError('INVALID_INPUT', `${key} is required`);
    }
    return value;
}
/** Reads a list that may be absent (then `[]`). */
export function optList(value, key) {
    if (value === null || value === undefined) {
        return [];
    }
    if (!Array.isArray(value)) {
        throw new RuleError('INVALID_INPUT', `${key} must be a list`);
    }
    return value;
}
/** Reads an optional string; only JSON strings are accepted. */
export function optString(value, key) {
    if (value === null || value === undefined) {
        return null;
    }
    if (typeof value !== 'string') {
        throw new RuleError('INVALID_INPUT', `${key} must be a string`);
    }
    return value;
}
/** Reads a required, non-blank string. */
export function requireString(value, key) {
    const text = optString(value, key);
    if (text === null || isBlank(text)) {
        throw new RuleError('INVALID_INPUT', `${key} is required`);
    }
    return text;
}
/**
 * Removes leading and trailing characters up to U+0020 (spaces and control characters),
 * exactly what Apex `String.trim()` removes; JavaScript's `trim()` removes more.
 */
export function trimControl(value) {
    let start = 0;
    let end = value.length;
    while (start < end && value.charCodeAt(start) <= 0x20) {
        start++;
    }
    while (end > start && value.charCodeAt(end - 1) <= 0x20) {
        end--;
    }
    return value.substring(start, end);
}
/** True when the string is absent or only spaces and control characters. */
export function isBlank(value) {
    return value === null || trimControl(value) === '';
}
/** Reads an optional finite number; absent gives the default. */
export function optNumber(value, key, defaultValue) {
    if (value === null || value === undefined) {
        return defaultValue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new RuleError('INVALID_INPUT', `${key} must be a number`);
    }
    return value;
}
/** Reads an optional number that must not be negative. */
export function optNonNegative(value, key, defaultValue) {
    const number = optNumber(value, key, defaultValue);
    if (number < 0) {
        throw new RuleError('INVALID_INPUT', `${key} must not be negative`);
    }
    return number;
}
/** Reads an optional whole number that must not be negative (days, counts of days). */
export function optWholeNonNegative(value, key, defaultValue) {
    const number = optNonNegative(value, key, defaultValue);
    if (!Number.isInteger(number)) {
        throw new RuleError('INVALID_INPUT', `${key} must be a whole number`);
    }
    return number;
}
/** Reads an optional boolean; only JSON booleans are accepted. */
export function optBoolean(value, key, defaultValue) {
    if (value === null || value === undefined) {
        return defaultValue;
    }
    if (typeof value !== 'boolean') {
        throw new RuleError('INVALID_INPUT', `${key} must be true or false`);
    }
    return value;
}
/**
 * Converts an amount to integer hundredths, rounding half up (away from zero), the same
 * as Apex `setScale(2, RoundingMode.HALF_UP)`. `toFixed(6)` removes binary-float noise
 * first (1.005 * 100 is 100.49999999999999 in binary).
 */
export function toHundredths(amount) {
    const sign = amount < 0 ? -1 : 1;
    const hundredths = Math.round(Number((Math.abs(amount) * 100).toFixed(6)));
    return hundredths === 0 ? 0 : sign * hundredths;
}
/** Converts integer hundredths back to an amount with at most 2 decimals. */
export function fromHundredths(hundredths) {
    return hundredths / 100;
}
/**
 * Exact `numerator / denominator` rounded half up, for non-negative safe integers and a
 * positive denominator: the same as Apex `Decimal.divide(d, 0, RoundingMode.HALF_UP)`.
 * The float quotient is only a first guess, corrected with exact integer products.
 */
export function divideHalfUp(numerator, denominator) {
    let quotient = Math.floor(numerator / denominator);
    while (quotient * denominator > numerator) {
        quotient--;
    }
    while ((quotient + 1) * denominator <= numerator) {
        quotient++;
    }
    const remainder = numerator - quotient * denominator;
    return remainder * 2 >= denominator ? quotient + 1 : quotient;
}
