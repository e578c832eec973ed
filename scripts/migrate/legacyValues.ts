/**
 * Cell values as legacy spreadsheets write them: amounts with currency signs and either
 * decimal convention ("$12,500.00", "12.500,00 €", "(1,200)"), dates in the formats a
 * mapping declares (strictly: 02/30/2025 is refused, not rolled over), yes/no flags.
 */
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import utc from 'dayjs/plugin/utc';

dayjs.extend(customParseFormat);
dayjs.extend(utc);

/**
 * Where the decimal separator is, or -1. With both `.` and `,` the last one is; with one kind
 * used more than once, or once before exactly three digits ("12,500", "12.500"), it groups
 * thousands; otherwise it is decimal.
 */
function decimalSeparatorAt(value: string): number {
  const lastDot = value.lastIndexOf('.');
  const lastComma = value.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    return Math.max(lastDot, lastComma);
  }
  const at = Math.max(lastDot, lastComma);
  if (at < 0) {
    return -1;
  }
  const separator = value.charAt(at);
  const once = value.indexOf(separator) === at;
  return once && value.length - at - 1 !== 3 ? at : -1;
}

/**
 * A number from an amount as people type it, or null when it is not one.
 * The last of `.` and `,` is the decimal separator when digits other than a group of three
 * follow it; a lone separator followed by exactly three digits groups thousands.
 * @param text the cell
 */
export function parseAmount(text: string): number | null {
  let value = text.replace(/[\s\u00a0\u202f]/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(value)) {
    negative = true;
    value = value.slice(1, -1);
  }
  value = value.replace(/^[A-Za-z$€£¥]{1,3}|[A-Za-z$€£¥]{1,3}$/g, '');
  if (value.startsWith('-')) {
    negative = !negative;
    value = value.substring(1);
  }
  if (!/^[0-9.,]+$/.test(value) || !/[0-9]/.test(value)) {
    return null;
  }
  const decimalAt = decimalSeparatorAt(value);
  const integer = decimalAt < 0 ? value : value.substring(0, decimalAt);
  const fraction = decimalAt < 0 ? '' : value.substring(decimalAt + 1);
  const groupsOk = /^\d{1,3}([.,]\d{3})*$|^\d+$/.test(integer);
  if (!groupsOk || /[.,]/.test(fraction)) {
    return null;
  }
  const n = Number(`${integer.replace(/[.,]/g, '')}${fraction === '' ? '' : `.${fraction}`}`);
  return Number.isFinite(n) ? (negative ? -n : n) : null;
}

/**
 * `YYYY-MM-DD` from a date cell in one of the formats (dayjs tokens such as `MM/DD/YYYY`,
 * `D MMM YYYY`), or null. Excel dates arrive as ISO text and are always accepted.
 * @param text the cell
 * @param formats accepted formats, tried in order
 */
export function parseLegacyDate(text: string, formats: readonly string[]): string | null {
  if (/^\d{4}-\d{2}-\d{2}(T.*)?$/.test(text)) {
    const iso = dayjs.utc(text.substring(0, 10), 'YYYY-MM-DD', true);
    return iso.isValid() ? iso.format('YYYY-MM-DD') : null;
  }
  for (const format of formats) {
    const parsed = dayjs.utc(text, format, true);
    if (parsed.isValid()) {
      return parsed.format('YYYY-MM-DD');
    }
  }
  return null;
}

/**
 * An ISO UTC datetime from a datetime cell (an ISO value, or a date in one of the formats
 * with an optional `HH:mm`), or null.
 * @param text the cell
 * @param formats accepted date formats
 */
export function parseLegacyDateTime(text: string, formats: readonly string[]): string | null {
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const parsed = dayjs.utc(text);
    return parsed.isValid() && parseLegacyDate(text, formats) !== null ? parsed.toISOString() : null;
  }
  for (const format of formats.flatMap((f) => [`${f} HH:mm`, `${f} H:mm`, f])) {
    const parsed = dayjs.utc(text, format, true);
    if (parsed.isValid()) {
      return parsed.toISOString();
    }
  }
  return null;
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'x']);
const FALSE = new Set(['false', 'no', 'n', '0']);

/** true / false from a flag cell, or null. */
export function parseFlag(text: string): boolean | null {
  const value = text.toLowerCase();
  return TRUE.has(value) ? true : FALSE.has(value) ? false : null;
}
