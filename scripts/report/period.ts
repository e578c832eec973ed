/**
 * Reporting periods: a calendar quarter (`2026-Q3`) or month (`2026-11`) as a half-open UTC
 * date window, plus the windows a business review compares against.
 */
import { InvalidArgumentError } from 'commander';

export interface Period {
  /** As the user wrote it: `2026-Q3`, `2026-11`. */
  label: string;
  /** First day, `YYYY-MM-DD`. */
  start: string;
  /** First day after the period, `YYYY-MM-DD` (exclusive). */
  end: string;
}

function isoDay(year: number, monthIndex: number): string {
  return new Date(Date.UTC(year, monthIndex, 1)).toISOString().slice(0, 10);
}

export function quarter(year: number, q: number): Period {
  return { label: `${year}-Q${q}`, start: isoDay(year, (q - 1) * 3), end: isoDay(year, q * 3) };
}

export function month(year: number, m: number): Period {
  return { label: `${year}-${String(m).padStart(2, '0')}`, start: isoDay(year, m - 1), end: isoDay(year, m) };
}

/** commander parser for `--quarter YYYY-Qn`. */
export function parseQuarter(value: string): Period {
  const match = /^(\d{4})-Q([1-4])$/.exec(value);
  if (!match) {
    throw new InvalidArgumentError('must be a calendar quarter such as 2026-Q3.');
  }
  return quarter(Number(match[1]), Number(match[2]));
}

/** commander parser for `--month YYYY-MM`. */
export function parseMonth(value: string): Period {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value);
  if (!match) {
    throw new InvalidArgumentError('must be a calendar month such as 2026-11.');
  }
  return month(Number(match[1]), Number(match[2]));
}

/** Year and quarter number of the quarter a period starts in. */
function quarterOf(period: Period): [year: number, q: number] {
  return [Number(period.start.slice(0, 4)), Math.floor((Number(period.start.slice(5, 7)) - 1) / 3) + 1];
}

export function previousQuarter(period: Period): Period {
  const [year, q] = quarterOf(period);
  return q === 1 ? quarter(year - 1, 4) : quarter(year, q - 1);
}

export function nextQuarter(period: Period): Period {
  const [year, q] = quarterOf(period);
  return q === 4 ? quarter(year + 1, 1) : quarter(year, q + 1);
}

export function sameQuarterLastYear(period: Period): Period {
  const [year, q] = quarterOf(period);
  return quarter(year - 1, q);
}

/** Whether a date or datetime (ISO text) falls in the period. */
export function within(period: Period, value: string | null): boolean {
  if (value === null) {
    return false;
  }
  const day = value.slice(0, 10);
  return day >= period.start && day < period.end;
}

/** Whether a `YYYY-MM` payout or cost period falls in the period. */
export function monthWithin(period: Period, value: string | null): boolean {
  return value !== null && /^\d{4}-\d{2}$/.test(value) && within(period, `${value}-01`);
}

/**
 * The instant a period's figures are taken at: its last moment, or the data's own time when
 * the period is still running (what the audit calls "now").
 * @param period the period
 * @param takenAt when the data was read
 */
export function periodAsOf(period: Period, takenAt: string): string {
  const end = new Date(Date.parse(`${period.end}T00:00:00Z`) - 1000).toISOString();
  return takenAt < end ? takenAt : end;
}
