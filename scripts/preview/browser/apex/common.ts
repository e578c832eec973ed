/**
 * Helpers the Apex stand-ins share: the running partner, the data's today, reading
 * parameters, and auto-number names.
 */
import { localToday } from '../../../../lwc-ts-src/prmRules/prmRules';
import type { DemoStore } from '../store';
import type { DemoRecord, FieldValue } from '../types';
import { ApexError, type ApexParams } from './api';

/** The data's today in the portal user's time zone, as `DealRegistrationPolicy.today()` gives it. */
export function today(store: DemoStore): string {
  return localToday({ now: store.now, timeZone: store.dataset.timeZone });
}

export function partnerAccountId(store: DemoStore): string {
  return store.dataset.partnerAccountId;
}

/** A text parameter, trimmed; null when blank (as the controllers' `trimmed`). */
export function text(params: ApexParams | Record<string, unknown>, name: string): string | null {
  const value = params[name];
  if (value === undefined || value === null) {
    return null;
  }
  const trimmed = String(value).trim();
  return trimmed === '' ? null : trimmed;
}

export function number(params: ApexParams | Record<string, unknown>, name: string): number | null {
  const value = params[name];
  if (value === undefined || value === null || value === '') {
    return null;
  }
  const parsed = Number(value);
  if (Number.isNaN(parsed)) {
    throw new ApexError(`${name}: ${String(value)} is not a number`);
  }
  return parsed;
}

export function requireId(params: ApexParams, name: string): string {
  const value = text(params, name);
  if (!value) {
    throw new ApexError(`${name} is required`);
  }
  return value;
}

/** The next auto-number name of an object (`REG-000027`), from the highest one in the data. */
export function nextName(store: DemoStore, objectName: string, prefix: string): string {
  let highest = 0;
  for (const record of store.list(objectName)) {
    const match = new RegExp(`^${prefix}-(\\d+)$`).exec(String(record.Name ?? ''));
    if (match) {
      highest = Math.max(highest, Number(match[1]));
    }
  }
  return `${prefix}-${String(highest + 1).padStart(6, '0')}`;
}

export function field<T extends FieldValue>(record: DemoRecord | undefined, name: string): T | null {
  return record ? ((record[name] ?? null) as T | null) : null;
}

/** Days from `from` to `to` (dates `YYYY-MM-DD`), as Apex `Date.daysBetween`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}
