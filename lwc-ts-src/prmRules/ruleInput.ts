/**
 * The one reader of untyped rule input (a vector's `input`, an LWC's or a script's object):
 * each reader takes the raw value and its key, returns it typed, and refuses anything else
 * with a `RuleError` (`INVALID_INPUT` unless the caller names another code). The Apex twin
 * is `RuleInput.cls`, with the same readers and the same refusals.
 *
 * "Blank" means empty after removing characters up to U+0020 from both ends, which is what
 * Apex `String.trim()` removes, so both runtimes agree on it.
 */
import { RuleError } from './ruleError';

/** A JSON object as it arrives from a vector, an LWC or a script. */
export type JsonObject = Record<string, unknown>;

const INVALID_INPUT = 'INVALID_INPUT';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(?:Z|([+-])(\d{2}):(\d{2}))$/;
const MS_PER_DAY = 86_400_000;
const MAX_INTEGER = 2147483647;

function isAbsent(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

/** Whether a value is a JSON object (not null, not a list). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object that may be absent (then `{}`). */
export function optObject(value: unknown, key: string, code: string = INVALID_INPUT): JsonObject {
  if (isAbsent(value)) {
    return {};
  }
  if (!isJsonObject(value)) {
    throw new RuleError(code, `${key} must be an object`);
  }
  return value;
}

/** An object that must be present. */
export function requireObject(value: unknown, key: string): JsonObject {
  if (!isJsonObject(value)) {
    throw new RuleError(INVALID_INPUT, `${key} is required`);
  }
  return value;
}

/** A list that may be absent (then `[]`). */
export function optList(value: unknown, key: string, code: string = INVALID_INPUT): unknown[] {
  if (isAbsent(value)) {
    return [];
  }
  if (!Array.isArray(value)) {
    throw new RuleError(code, `${key} must be a list`);
  }
  return value;
}

/** A list of objects that may be absent (then `[]`). */
export function optObjects(value: unknown, key: string): JsonObject[] {
  return optList(value, key).map((item, index) => {
    if (!isJsonObject(item)) {
      throw new RuleError(INVALID_INPUT, `${key}[${index}] must be an object`);
    }
    return item;
  });
}

/** A list of strings that may be absent (then `[]`). */
export function optStrings(value: unknown, key: string): string[] {
  return optList(value, key).map((item, index) => {
    if (typeof item !== 'string') {
      throw new RuleError(INVALID_INPUT, `${key}[${index}] must be a string`);
    }
    return item;
  });
}

/** A string that may be absent (then null), exactly as given. */
export function optString(value: unknown, key: string): string | null {
  if (isAbsent(value)) {
    return null;
  }
  if (typeof value !== 'string') {
    throw new RuleError(INVALID_INPUT, `${key} must be a string`);
  }
  return value;
}

/** A string that may be absent or blank (then null). */
export function optText(value: unknown, key: string): string | null {
  const text = optString(value, key);
  return isBlank(text) ? null : text;
}

/** A string that must be present and not blank. */
export function requireString(value: unknown, key: string): string {
  const text = optString(value, key);
  if (text === null || isBlank(text)) {
    throw new RuleError(INVALID_INPUT, `${key} is required`);
  }
  return text;
}

/**
 * Removes leading and trailing characters up to U+0020 (spaces and control characters),
 * exactly what Apex `String.trim()` removes; JavaScript's `trim()` removes more.
 */
export function trimControl(value: string): string {
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
export function isBlank(value: string | null): boolean {
  return value === null || trimControl(value) === '';
}

/** A finite number that may be absent (then the default). */
export function optNumber<D extends number | null>(
  value: unknown,
  key: string,
  defaultValue: D,
  code: string = INVALID_INPUT,
): number | D {
  if (isAbsent(value)) {
    return defaultValue;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RuleError(code, `${key} must be a number`);
  }
  return value;
}

/** A number of at least 0 that may be absent (then the default). */
export function optNonNegative(value: unknown, key: string, defaultValue: number): number {
  const number = optNumber(value, key, defaultValue);
  if (number < 0) {
    throw new RuleError(INVALID_INPUT, `${key} must not be negative`);
  }
  return number;
}

/** A whole number of at least `min` that fits an Apex `Integer`, or the default when absent. */
export function optWhole(value: unknown, key: string, defaultValue: number, min: number, code: string): number {
  const number = optNumber(value, key, null, code);
  if (number === null) {
    return defaultValue;
  }
  if (!Number.isInteger(number) || number < min || Math.abs(number) > MAX_INTEGER) {
    throw new RuleError(code, `${key} must be a whole number of at least ${min}`);
  }
  return number;
}

/** A whole number of at least 0 that may be absent (then the default): days, counts. */
export function optWholeNonNegative(value: unknown, key: string, defaultValue: number): number {
  return optWhole(value, key, defaultValue, 0, INVALID_INPUT);
}

/** A whole number that fits a 32-bit integer (Apex `Integer`), or null when absent. */
export function optInteger(value: unknown, key: string): number | null {
  const number = optNumber(value, key, null);
  if (number !== null && (!Number.isInteger(number) || Math.abs(number) > MAX_INTEGER)) {
    throw new RuleError(INVALID_INPUT, `${key} must be a whole number`);
  }
  return number;
}

/** A boolean that may be absent (then the default). */
export function optBoolean(value: unknown, key: string, defaultValue: boolean): boolean {
  if (isAbsent(value)) {
    return defaultValue;
  }
  if (typeof value !== 'boolean') {
    throw new RuleError(INVALID_INPUT, `${key} must be true or false`);
  }
  return value;
}

/** A calendar date read from `YYYY-MM-DD`. */
export interface CalendarDate {
  /** `YYYY-MM-DD` */
  readonly iso: string;
  /** Days since 1970-01-01, for day arithmetic. */
  readonly epochDay: number;
  readonly year: number;
  readonly month: number;
}

/** A required real calendar date `YYYY-MM-DD` (a longer ISO datetime is cut to its date). */
export function readDate(value: unknown, key: string): CalendarDate {
  const text = typeof value === 'string' ? value.slice(0, 10) : '';
  const match = ISO_DATE.exec(text);
  if (!match) {
    throw new RuleError(INVALID_INPUT, `${key} must be a date YYYY-MM-DD`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const epochMs = Date.UTC(year, month - 1, day);
  const check = new Date(epochMs);
  if (month < 1 || month > 12 || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RuleError(INVALID_INPUT, `${key} must be a real calendar date`);
  }
  return { iso: text, epochDay: epochMs / MS_PER_DAY, year, month };
}

/** A date that may be absent or empty (then null). */
export function optDate(value: unknown, key: string): CalendarDate | null {
  return isAbsent(value) || value === '' ? null : readDate(value, key);
}

/** A date that must be present; absent or empty is refused as missing. */
export function requireDate(value: unknown, key: string): CalendarDate {
  const date = optDate(value, key);
  if (date === null) {
    throw new RuleError(INVALID_INPUT, `${key} is required`);
  }
  return date;
}

/** Days in a month of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Epoch milliseconds of a strict ISO-8601 datetime `YYYY-MM-DDTHH:mm:ss[.sss](Z|±hh:mm)`,
 * year 1900 or later, or null when the text is not one. Checked field by field so Apex
 * accepts exactly the same strings.
 */
export function parseIsoDatetime(value: string): number | null {
  const match = ISO_DATETIME.exec(value);
  if (!match) {
    return null;
  }
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const millis = match[7] === undefined ? 0 : Number(match[7].padEnd(3, '0'));
  const offsetHours = match[8] === undefined ? 0 : Number(match[9]);
  const offsetMinutes = match[8] === undefined ? 0 : Number(match[10]);
  if (
    year < 1900 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    offsetHours > 18 ||
    offsetMinutes > 59
  ) {
    return null;
  }
  const offsetMs = (match[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60000;
  return Date.UTC(year, month - 1, day) + ((hour * 60 + minute) * 60 + second) * 1000 + millis - offsetMs;
}

/** A datetime (epoch milliseconds) that may be absent or empty (then null, or refused when required). */
export function readDatetime(value: unknown, key: string, required: boolean): number | null {
  const text = optString(value, key);
  if (text === null || text === '') {
    if (required) {
      throw new RuleError(INVALID_INPUT, `${key} is required`);
    }
    return null;
  }
  const ms = parseIsoDatetime(text);
  if (ms === null) {
    throw new RuleError(INVALID_INPUT, `${key} must be an ISO-8601 datetime`);
  }
  return ms;
}
