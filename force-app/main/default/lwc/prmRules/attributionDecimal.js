// Generated from lwc-ts-src/prmRules/attributionDecimal.ts by `npm run build`. Do not edit.
/**
 * Exact decimal arithmetic for the attribution and commission rules.
 *
 * Apex computes money with `Decimal` (exact, `RoundingMode.HALF_UP`); JavaScript numbers are
 * binary floats, where 1.005 is stored as 1.00499999999999989... and would round down. To
 * round exactly as Apex does, a number is read back from its shortest decimal text (the
 * same digits the JSON carried, and the same digits Apex parsed) into a scaled integer, and
 * all money arithmetic is done on those integers. Half-up means ties away from zero, as in
 * `RoundingMode.HALF_UP`.
 */
import { RuleError } from './ruleError';
const ZERO = BigInt(0);
const ONE = BigInt(1);
const TWO = BigInt(2);
const TEN = BigInt(10);
const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;
function pow10(exponent) {
    let result = ONE;
    for (let i = 0; i < exponent; i++) {
        result *= TEN;
    }
    return result;
}
/**
 * The exact decimal a JSON number was written as (its shortest round-trip text).
 * @param value a finite number
 * @param key input property name, for the refusal message
 */
export function exactOf(value, key) {
    const match = Number.isFinite(value) ? DECIMAL_TEXT.exec(String(value)) : null;
    if (!match) {
        throw new RuleError('INVALID_INPUT', `${key} must be a finite number`);
    }
    const [, sign, whole, fraction = '', exponent = '0'] = match;
    let units = BigInt(whole + fraction);
    let scale = fraction.length - Number(exponent);
    if (scale < 0) {
        units *= pow10(-scale);
        scale = 0;
    }
    return { units: sign === '-' ? -units : units, scale };
}
/** An exact decimal from a scaled integer, e.g. cents with scale 2. */
export function exactFromScaled(units, scale) {
    return { units, scale };
}
/** a + b, exactly. */
export function exactAdd(a, b) {
    const scale = Math.max(a.scale, b.scale);
    return { units: a.units * pow10(scale - a.scale) + b.units * pow10(scale - b.scale), scale };
}
/** a × b, exactly. */
export function exactMultiply(a, b) {
    return { units: a.units * b.units, scale: a.scale + b.scale };
}
/** Sign of a: -1, 0 or 1. */
export function exactSign(a) {
    return a.units > ZERO ? 1 : a.units < ZERO ? -1 : 0;
}
/** Compares a and b by value: negative, 0 or positive. */
export function exactCompare(a, b) {
    return exactSign(exactAdd(a, { units: -b.units, scale: b.scale }));
}
/** numerator / denominator rounded half-up (ties away from zero); denominator must not be 0. */
export function divideHalfUp(numerator, denominator) {
    if (denominator === ZERO) {
        throw new RuleError('INVALID_INPUT', 'division by zero');
    }
    const negative = numerator < ZERO !== denominator < ZERO;
    const n = numerator < ZERO ? -numerator : numerator;
    const d = denominator < ZERO ? -denominator : denominator;
    const quotient = (n * TWO + d) / (d * TWO);
    return negative ? -quotient : quotient;
}
/**
 * a / b rounded half-up to `scale` decimals, as a scaled integer: Apex
 * `a.divide(b, scale, RoundingMode.HALF_UP)`.
 */
export function exactDivide(a, b, scale) {
    return divideHalfUp(a.units * pow10(b.scale + scale), b.units * pow10(a.scale));
}
/** a rounded half-up to `scale` decimals, as a scaled integer: Apex `a.setScale(scale, HALF_UP)`. */
export function exactRound(a, scale) {
    return exactDivide(a, { units: ONE, scale: 0 }, scale);
}
/** A number rounded half-up to cents, as integer cents. */
export function centsOf(value, key) {
    return exactRound(exactOf(value, key), 2);
}
/** Integer hundredths back to a number (1234 → 12.34), the nearest double to the decimal. */
export function hundredthsToNumber(hundredths) {
    return Number(hundredths) / 100;
}
