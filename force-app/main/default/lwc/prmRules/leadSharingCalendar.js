// Generated from lwc-ts-src/prmRules/leadSharingCalendar.ts by `npm run build`. Do not edit.
/**
 * Acceptance SLA for offered leads: the accept-by instant in business hours of a time
 * zone, and overdue detection. Mirrored step by step by `LeadSharingCalendar.cls`.
 *
 * The only time-zone fact either runtime asks its platform for is "the UTC offset of zone
 * Z at instant T" (Intl here, `TimeZone.getOffset` in Apex); everything else is integer
 * arithmetic on epoch milliseconds and epoch days, so both produce the same instant.
 */
import { RuleError } from './ruleError';
import { zoneFormat } from './zoneFormat';
import { leadIsoDatetime, LEAD_SHARE_STATUSES } from './leadSharingCommon';
import { daysInMonth, optNumber, optObject, optObjects, optString, optStrings, readDatetime, } from './ruleInput';
export const LEAD_DEFAULT_SLA_HOURS = 48;
const MS_PER_MINUTE = 60000;
const MS_PER_DAY = 86400000;
/** Give up after ten years of calendar without enough business time. */
const MAX_DAYS = 3660;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Floor division, so negative epoch values fall on the right day. */
function floorDiv(value, divisor) {
    return Math.floor(value / divisor);
}
function floorMod(value, divisor) {
    return value - floorDiv(value, divisor) * divisor;
}
function invalidCalendar(detail) {
    return new RuleError('INVALID_CALENDAR', `INVALID_CALENDAR: ${detail}`);
}
const OFFSET_OPTIONS = {
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
};
/**
 * Offset function of an IANA zone: local wall clock minus UTC, in milliseconds, at an
 * instant. Ids are exact-case, as Apex `TimeZone.getTimeZone` requires.
 * @param timeZone IANA id
 */
export function leadZoneOffset(timeZone) {
    const format = zoneFormat('wall clock', timeZone, OFFSET_OPTIONS);
    if (format === undefined) {
        throw new RuleError('INVALID_TIME_ZONE', `INVALID_TIME_ZONE: ${timeZone}`);
    }
    const resolved = format.resolvedOptions().timeZone;
    if (resolved !== timeZone && resolved.toLowerCase() === timeZone.toLowerCase()) {
        throw new RuleError('INVALID_TIME_ZONE', `INVALID_TIME_ZONE: ${timeZone} (time zone ids are case-sensitive)`);
    }
    const fmt = format;
    return (instantMs) => {
        const secondMs = floorDiv(instantMs, 1000) * 1000;
        const parts = {};
        for (const part of fmt.formatToParts(new Date(secondMs))) {
            if (part.type !== 'literal') {
                parts[part.type] = Number(part.value);
            }
        }
        const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute, parts.second);
        return wall - secondMs;
    };
}
/**
 * The instant of a local wall-clock time. Offsets are sampled a day before and a day
 * after; when they differ a transition is near and each candidate is checked:
 * - repeated hour (fall back): the earlier instant (first occurrence);
 * - skipped hour (spring forward): the offset before the change, i.e. the wall time moves
 *   forward by the gap (02:30 becomes 03:30), as java.time does.
 * @param wallMs local date-time written as if it were UTC, in epoch milliseconds
 * @param offsetAt zone offset function
 */
export function leadLocalToUtc(wallMs, offsetAt) {
    const offsetBefore = offsetAt(wallMs - MS_PER_DAY);
    const offsetAfter = offsetAt(wallMs + MS_PER_DAY);
    const early = wallMs - offsetBefore;
    if (offsetBefore === offsetAfter || offsetAt(early) === offsetBefore) {
        return early;
    }
    const late = wallMs - offsetAfter;
    return offsetAt(late) === offsetAfter ? late : early;
}
function minutesOf(value, key) {
    if (value === null || !HH_MM.test(value)) {
        throw invalidCalendar(`${key} must be HH:mm (00:00-24:00)`);
    }
    return Number(value.substring(0, 2)) * 60 + Number(value.substring(3, 5));
}
/** Epoch day (days since 1970-01-01) of a strict `YYYY-MM-DD`. */
function epochDayOf(value) {
    const match = ISO_DATE.exec(value);
    const year = match ? Number(match[1]) : 0;
    const month = match ? Number(match[2]) : 0;
    const day = match ? Number(match[3]) : 0;
    if (!match || year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
        throw invalidCalendar(`holiday ${value} must be a date YYYY-MM-DD`);
    }
    return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}
function readCalendar(calendar) {
    const week = optObject(calendar.week, 'week');
    const days = {};
    for (const key of Object.keys(week)) {
        days[key] = optObjects(week[key], key).map((window) => ({
            start: typeof window.start === 'string' ? window.start : null,
            end: typeof window.end === 'string' ? window.end : null,
        }));
    }
    return {
        timeZone: optString(calendar.timeZone, 'timeZone'),
        week: days,
        holidays: optStrings(calendar.holidays, 'holidays').map(epochDayOf),
    };
}
function parseCalendar(calendar) {
    if (calendar.timeZone === null || calendar.timeZone === '') {
        throw invalidCalendar('timeZone is required');
    }
    for (const key of Object.keys(calendar.week)) {
        if (!WEEKDAYS.includes(key)) {
            throw invalidCalendar(`unknown weekday ${key}`);
        }
    }
    let open = false;
    const windows = [];
    for (const weekday of WEEKDAYS) {
        const day = [];
        for (const window of calendar.week[weekday] ?? []) {
            const start = minutesOf(window.start, `${weekday}.start`);
            const end = minutesOf(window.end, `${weekday}.end`);
            if (start >= end) {
                throw invalidCalendar(`${weekday} window must start before it ends`);
            }
            let at = 0;
            while (at < day.length && day[at][0] <= start) {
                at++;
            }
            day.splice(at, 0, [start, end]);
            open = true;
        }
        for (let i = 1; i < day.length; i++) {
            if (day[i][0] < day[i - 1][1]) {
                throw invalidCalendar(`${weekday} windows overlap`);
            }
        }
        windows.push(day);
    }
    if (!open) {
        throw invalidCalendar('the week has no business hours');
    }
    return { offsetAt: leadZoneOffset(calendar.timeZone), windows, holidays: new Set(calendar.holidays) };
}
/**
 * Adds business time to an instant. Days are walked in the calendar's local time; each
 * window's local start and end are converted to UTC separately, so a window that spans a
 * DST change counts its real length, and a whole-day holiday is skipped.
 * @param startMs offered instant (epoch ms)
 * @param durationMs business time to add
 * @param calendar parsed calendar
 * @return the instant the business time runs out (a window's end when it runs out exactly there)
 */
function addBusinessTime(startMs, durationMs, calendar) {
    let remaining = durationMs;
    const firstDay = floorDiv(startMs + calendar.offsetAt(startMs), MS_PER_DAY);
    for (let day = firstDay; day < firstDay + MAX_DAYS; day++) {
        const windows = calendar.windows[floorMod(day + 3, 7)];
        if (calendar.holidays.has(day) || windows.length === 0) {
            continue;
        }
        for (const [startMinute, endMinute] of windows) {
            const windowStart = leadLocalToUtc(day * MS_PER_DAY + startMinute * MS_PER_MINUTE, calendar.offsetAt);
            const windowEnd = leadLocalToUtc(day * MS_PER_DAY + endMinute * MS_PER_MINUTE, calendar.offsetAt);
            const from = Math.max(windowStart, startMs);
            if (from >= windowEnd) {
                continue;
            }
            if (remaining <= windowEnd - from) {
                return from + remaining;
            }
            remaining -= windowEnd - from;
        }
    }
    throw invalidCalendar('not enough business hours within ten years');
}
/**
 * The accept-by instant of an offer: `hours` (default 48) after `offeredAt`, counted 24x7
 * without a calendar, or in the calendar's business hours with one.
 * @param input offeredAt, hours, calendar
 * @return ISO datetime `YYYY-MM-DDTHH:mm:ss.sssZ`
 */
export function leadAcceptBy(input) {
    const raw = input;
    const offeredAt = readDatetime(raw.offeredAt, 'offeredAt', true) ?? 0;
    const hours = optNumber(raw.hours, 'hours', null);
    const calendar = raw.calendar === null || raw.calendar === undefined ? null : readCalendar(optObject(raw.calendar, 'calendar'));
    return leadIsoDatetime(acceptByOf(offeredAt, hours, calendar));
}
function acceptByOf(offeredAt, hoursValue, calendar) {
    const hours = hoursValue ?? LEAD_DEFAULT_SLA_HOURS;
    const minutes = Math.round(Number((hours * 60).toFixed(6)));
    if (minutes < 1) {
        throw new RuleError('INVALID_INPUT', 'INVALID_INPUT: hours must be at least one minute');
    }
    if (calendar === null) {
        return offeredAt + minutes * MS_PER_MINUTE;
    }
    return addBusinessTime(offeredAt, minutes * MS_PER_MINUTE, parseCalendar(calendar));
}
/**
 * Whether an offer is overdue and how long is left.
 * @param input now, acceptBy, status
 */
export function leadSlaStatus(input) {
    const raw = input;
    const now = readDatetime(raw.now, 'now', true) ?? 0;
    const status = optString(raw.status, 'status');
    if (status === null || !LEAD_SHARE_STATUSES.includes(status)) {
        throw new RuleError('UNKNOWN_STATUS', `UNKNOWN_STATUS: ${status}`);
    }
    if (status !== 'Offered') {
        return { overdue: false, remainingMinutes: null };
    }
    const deadline = readDatetime(raw.acceptBy, 'acceptBy', true) ?? 0;
    return { overdue: now > deadline, remainingMinutes: floorDiv(deadline - now, MS_PER_MINUTE) };
}
