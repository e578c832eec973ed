/**
 * The rule-input reader: what every rule accepts and refuses, beyond what the shared vectors
 * happen to cover. The Apex twin `RuleInput` must behave the same (RuleInput_Tests).
 */
import { RuleError } from '../ruleError';
import {
  isBlank,
  optBoolean,
  optDate,
  optInteger,
  optNumber,
  optObject,
  optObjects,
  optStrings,
  optText,
  optWhole,
  parseIsoDatetime,
  readDatetime,
  requireDate,
  requireString,
} from '../ruleInput';

function codeOf(read: () => unknown): string | null {
  try {
    read();
    return null;
  } catch (error) {
    return error instanceof RuleError ? error.code : `not a RuleError: ${String(error)}`;
  }
}

describe('ruleInput', () => {
  it('gives the documented value when a key is absent or null', () => {
    expect(optObject(undefined, 'policy')).toEqual({});
    expect(optObjects(null, 'rows')).toEqual([]);
    expect(optStrings(undefined, 'ids')).toEqual([]);
    expect(optNumber(undefined, 'amount', null)).toBeNull();
    expect(optNumber(null, 'amount', 7)).toBe(7);
    expect(optBoolean(undefined, 'active', true)).toBe(true);
    expect(optWhole(undefined, 'days', 90, 1, 'INVALID_POLICY')).toBe(90);
    expect(optDate('', 'expiresOn')).toBeNull();
    expect(readDatetime(undefined, 'acceptBy', false)).toBeNull();
  });

  it('refuses a value of the wrong JSON type with INVALID_INPUT', () => {
    expect(codeOf(() => optObject([], 'policy'))).toBe('INVALID_INPUT');
    expect(codeOf(() => optObjects([{}, 'x'], 'rows'))).toBe('INVALID_INPUT');
    expect(codeOf(() => optStrings(['a', 1], 'ids'))).toBe('INVALID_INPUT');
    expect(codeOf(() => optNumber('12', 'amount', null))).toBe('INVALID_INPUT');
    expect(codeOf(() => optNumber(Number.NaN, 'amount', null))).toBe('INVALID_INPUT');
    expect(codeOf(() => optBoolean('true', 'active', false))).toBe('INVALID_INPUT');
    expect(codeOf(() => requireString(42, 'id'))).toBe('INVALID_INPUT');
  });

  it('refuses with the code the caller names, e.g. a bad policy value', () => {
    expect(codeOf(() => optObject('x', 'policy', 'INVALID_POLICY'))).toBe('INVALID_POLICY');
    expect(codeOf(() => optNumber('x', 'threshold', null, 'INVALID_POLICY'))).toBe('INVALID_POLICY');
    expect(codeOf(() => optWhole(0, 'renewalDays', 30, 1, 'INVALID_POLICY'))).toBe('INVALID_POLICY');
    expect(codeOf(() => optWhole(1.5, 'renewalDays', 30, 1, 'INVALID_POLICY'))).toBe('INVALID_POLICY');
  });

  it('treats only characters up to U+0020 as blank, as Apex String.trim() does', () => {
    expect(isBlank(' \t\n')).toBe(true);
    expect(isBlank('\u00a0')).toBe(false);
    expect(optText('  ', 'name')).toBeNull();
    expect(optText(' a ', 'name')).toBe(' a ');
    expect(codeOf(() => requireString(' ', 'id'))).toBe('INVALID_INPUT');
  });

  it('reads whole numbers that fit an Apex Integer and refuses others', () => {
    expect(optInteger(2147483647, 'capacity')).toBe(2147483647);
    expect(codeOf(() => optInteger(2147483648, 'capacity'))).toBe('INVALID_INPUT');
    expect(codeOf(() => optInteger(1.5, 'capacity'))).toBe('INVALID_INPUT');
  });

  it('reads real calendar dates only, cutting a datetime to its date', () => {
    expect(requireDate('2024-02-29', 'today')).toEqual({ iso: '2024-02-29', epochDay: 19782, year: 2024, month: 2 });
    expect(requireDate('2024-02-29T23:00:00Z', 'today').iso).toBe('2024-02-29');
    expect(codeOf(() => requireDate('2025-02-29', 'today'))).toBe('INVALID_INPUT');
    expect(codeOf(() => requireDate('2025-1-01', 'today'))).toBe('INVALID_INPUT');
    expect(codeOf(() => requireDate(undefined, 'today'))).toBe('INVALID_INPUT');
  });

  it('reads strict ISO datetimes with an offset, from 1900 on', () => {
    expect(parseIsoDatetime('2025-01-31T09:00:00Z')).toBe(Date.UTC(2025, 0, 31, 9));
    expect(parseIsoDatetime('2025-01-31T10:30:00.5+01:30')).toBe(Date.UTC(2025, 0, 31, 9, 0, 0, 500));
    expect(parseIsoDatetime('2025-01-31 09:00:00Z')).toBeNull();
    expect(parseIsoDatetime('1899-12-31T00:00:00Z')).toBeNull();
    expect(parseIsoDatetime('2025-02-30T00:00:00Z')).toBeNull();
    expect(codeOf(() => readDatetime('', 'now', true))).toBe('INVALID_INPUT');
    expect(codeOf(() => readDatetime('yesterday', 'now', true))).toBe('INVALID_INPUT');
  });
});
