// Generated from lwc-ts-src/prmRules/tiersCalendar.ts by `npm run build`. Do not edit.
/**
 * Calendar-date arithmetic for the tiers and onboarding rules, written so the Apex twin
 * (`TiersCalendar.cls`) can follow it step by step. Dates are plain `YYYY-MM-DD` strings
 * with no time zone: the caller decides which calendar day "today" is.
 */
import { RuleError } from './ruleError';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86400000;
/**
 * Number of days in a month of the proleptic Gregorian calendar.
 * @param year four-digit year
 * @param month 1-12
 */
export function daysInMonth(year, month) {
    if (month === 2) {
        const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
        return leap ? 29 : 28;
    }
    return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
/**
 * Reads a strict `YYYY-MM-DD` date; anything else (including 2025-02-30) is refused.
 * @param value the string to read
 * @param key input property name, for the error message
 */
export function parseIsoDate(value, key) {
    const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
    if (!match) {
        throw new RuleError('INVALID_INPUT', `${key} must be a date YYYY-MM-DD`);
    }
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (year < 1700 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
        throw new RuleError('INVALID_INPUT', `${key} is not a calendar date`);
    }
    return { year, month, day };
}
/**
 * Reads an optional date: null, undefined and '' mean "no date".
 * @param value the string to read
 * @param key input property name, for the error message
 */
export function parseOptionalIsoDate(value, key) {
    return value === null || value === undefined || value === '' ? null : parseIsoDate(value, key);
}
/** Formats a date as `YYYY-MM-DD`. */
export function formatIsoDate(date) {
    const pad = (n, width) => String(n).padStart(width, '0');
    return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}
/** Days since 1970-01-01 (UTC arithmetic only, so no local time zone leaks in). */
function toEpochDay(date) {
    return Date.UTC(date.year, date.month - 1, date.day) / MS_PER_DAY;
}
function fromEpochDay(epochDay) {
    const value = new Date(epochDay * MS_PER_DAY);
    return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
}
/**
 * Adds whole days (negative to go back).
 * @param date start date
 * @param days whole number of days
 */
export function addDays(date, days) {
    return fromEpochDay(toEpochDay(date) + days);
}
/**
 * Adds whole months the way Apex `Date.addMonths` does: the day is kept, or clamped to
 * the last day of the target month (2024-02-29 minus 12 months is 2023-02-28,
 * 2025-03-31 minus 1 month is 2025-02-28).
 * @param date start date
 * @param months whole number of months, negative to go back
 */
export function addMonths(date, months) {
    const monthIndex = date.year * 12 + (date.month - 1) + months;
    const year = Math.floor(monthIndex / 12);
    const month = monthIndex - year * 12 + 1;
    return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}
/**
 * Compares two dates.
 * @return negative when a is earlier, 0 when equal, positive when a is later
 */
export function compareDates(a, b) {
    return toEpochDay(a) - toEpochDay(b);
}
