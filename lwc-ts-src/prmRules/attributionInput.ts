/**
 * Strict readers for the untyped inputs of the attribution and commission rules. They
 * accept what the Apex readers (`PrmRules.opt*`) accept for well-formed JSON and refuse
 * anything else with `INVALID_INPUT`.
 */
import { RuleError } from './ruleError';

/** A JSON object as it arrives from a vector, an LWC or a script. */
export type JsonRecord = Record<string, unknown>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object that may be absent (then `{}`). */
export function readRecord(value: unknown, key: string): JsonRecord {
  if (value === null || value === undefined) {
    return {};
  }
  if (!isRecord(value)) {
    throw new RuleError('INVALID_INPUT', `${key} must be an object`);
  }
  return value;
}

/** A list that may be absent (then `[]`); every element must be an object. */
export function readRecords(value: unknown, key: string): JsonRecord[] {
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
export function readOptionalString(value: unknown, key: string): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value !== 'string') {
    throw new RuleError('INVALID_INPUT', `${key} must be a string`);
  }
  return value.trim() === '' ? null : value;
}

/** A required, non-blank string. */
export function readString(value: unknown, key: string): string {
  const text = readOptionalString(value, key);
  if (text === null) {
    throw new RuleError('INVALID_INPUT', `${key} is required`);
  }
  return text;
}

/** A finite number that may be absent (then null). */
export function readOptionalNumber(value: unknown, key: string): number | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RuleError('INVALID_INPUT', `${key} must be a number`);
  }
  return value;
}

/** A boolean that may be absent (then the default). */
export function readBoolean(value: unknown, key: string, defaultValue: boolean): boolean {
  if (value === null || value === undefined) {
    return defaultValue;
  }
  if (typeof value !== 'boolean') {
    throw new RuleError('INVALID_INPUT', `${key} must be true or false`);
  }
  return value;
}

/** A calendar date read from `YYYY-MM-DD` (a longer ISO datetime is cut to its date). */
export interface CalendarDate {
  /** `YYYY-MM-DD` */
  readonly iso: string;
  /** Days since 1970-01-01, for day arithmetic. */
  readonly epochDay: number;
  readonly year: number;
  readonly month: number;
}

/** A required real calendar date. */
export function readDate(value: unknown, key: string): CalendarDate {
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
export function readOptionalDate(value: unknown, key: string): CalendarDate | null {
  return value === null || value === undefined || value === '' ? null : readDate(value, key);
}
