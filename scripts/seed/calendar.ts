/** Date arithmetic for generating data (UTC calendar days and instants). */

export const MS_PER_HOUR = 3600000;
export const MS_PER_DAY = 86400000;

/** `YYYY-MM-DD` of an instant (UTC). */
export function dateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `YYYY-MM-DDTHH:mm:ss.sssZ` of an instant. */
export function datetimeOf(ms: number): string {
  return new Date(ms).toISOString();
}

/** Midnight UTC of a `YYYY-MM-DD` date. */
export function msOfDate(date: string): number {
  return Date.parse(`${date}T00:00:00.000Z`);
}

export function addDays(date: string, days: number): string {
  return dateOf(msOfDate(date) + days * MS_PER_DAY);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((msOfDate(to) - msOfDate(from)) / MS_PER_DAY);
}

/** `YYYY-MM` of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The month `offset` months from the month of `date` (`YYYY-MM`). */
export function addMonths(date: string, offset: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + offset;
  const y = year + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  return `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}`;
}
