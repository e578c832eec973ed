/**
 * Report filter date values relative to "today" (`LAST_N_DAYS:90`, `THIS_YEAR`, …), as the
 * platform resolves them: LAST_N_DAYS:n runs from n days ago through today, NEXT_N_DAYS:n
 * from tomorrow through n days ahead, LAST_N_MONTHS:n over the n whole months before this one.
 * A plain `YYYY-MM-DD` value is a one-day range.
 */
export interface DateRange {
  /** First day, `YYYY-MM-DD`, inclusive. */
  start: string;
  /** Last day, `YYYY-MM-DD`, inclusive. */
  end: string;
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
}

function monthStart(day: string, monthsBack: number): string {
  const date = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - monthsBack);
  return date.toISOString().slice(0, 10);
}

/** The range a filter value names, or undefined when it is not a date value. */
export function dateRange(value: string, today: string): DateRange | undefined {
  const literal = value.trim().toUpperCase();
  const [name, count] = literal.split(':');
  const n = Number(count);
  const year = today.slice(0, 4);
  switch (name) {
    case 'TODAY':
      return { start: today, end: today };
    case 'YESTERDAY':
      return { start: addDays(today, -1), end: addDays(today, -1) };
    case 'TOMORROW':
      return { start: addDays(today, 1), end: addDays(today, 1) };
    case 'LAST_N_DAYS':
      return Number.isInteger(n) ? { start: addDays(today, -n), end: today } : undefined;
    case 'NEXT_N_DAYS':
      return Number.isInteger(n) ? { start: addDays(today, 1), end: addDays(today, n) } : undefined;
    case 'LAST_N_MONTHS':
      return Number.isInteger(n) ? { start: monthStart(today, n), end: addDays(monthStart(today, 0), -1) } : undefined;
    case 'THIS_YEAR':
      return { start: `${year}-01-01`, end: `${year}-12-31` };
    case 'LAST_YEAR':
      return { start: `${Number(year) - 1}-01-01`, end: `${Number(year) - 1}-12-31` };
    default:
      return /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? { start: value.trim(), end: value.trim() } : undefined;
  }
}
