// Generated from lwc-ts-src/prmRules/dealRegistration.ts by `npm run build`. Do not edit.
/**
 * Deal registration rules: conflict detection against the live CRM, the neutral verdict a
 * partner may see, the approval route, the status lifecycle, the protection window
 * (expiry, renewal, warnings) and "today" in a time zone.
 *
 * Policy values come from `Deal_Registration_Policy__mdt` and are inputs; absent values
 * take the defaults in `DEFAULT_DEAL_REGISTRATION_POLICY` (the packaged Default record).
 * Dates are `YYYY-MM-DD`. A registration is protected up to and including `expiresOn`.
 *
 * The Apex twin `DealRegistrationRules` mirrors these functions step by step.
 */
import { RuleError } from './ruleError';
/** The packaged Default policy record. */
export const DEFAULT_DEAL_REGISTRATION_POLICY = Object.freeze({
    autoApproveThreshold: 50000,
    directorThreshold: 250000,
    protectionDays: 90,
    renewalDays: 90,
    renewalWindowDays: 14,
    maxRenewals: 2,
    warningDays: Object.freeze([14, 3]),
});
export const REGISTRATION_STATUSES = [
    'Draft',
    'Submitted',
    'Pending Approval',
    'Approved',
    'Rejected',
    'Expired',
    'Converted',
    'Closed',
];
const CONFLICT_STATUSES = ['None', 'Needs Review', 'Conflict'];
/**
 * Allowed status changes. Rejected, Expired and Closed are final: a partner registers again.
 * Submitted or Pending Approval can go back to Draft when returned for changes or recalled.
 */
const TRANSITIONS = {
    Draft: ['Submitted', 'Closed'],
    Submitted: ['Draft', 'Pending Approval', 'Approved', 'Rejected', 'Closed'],
    'Pending Approval': ['Draft', 'Approved', 'Rejected', 'Closed'],
    Approved: ['Converted', 'Expired', 'Closed'],
    Rejected: [],
    Expired: [],
    Converted: ['Closed'],
    Closed: [],
};
/** Registrations of another partner that compete while their protection lasts. */
const ACTIVE_STATUSES = ['Submitted', 'Pending Approval', 'Approved'];
const SEVERITY_ORDER = ['error', 'warning', 'info'];
const TYPE_ORDER = [
    'OPEN_OPPORTUNITY',
    'NAMED_ACCOUNT',
    'COMPETING_REGISTRATION',
    'EXISTING_CUSTOMER',
    'DUPLICATE_REGISTRATION',
];
const MS_PER_DAY = 86400000;
function readObject(input, key, code) {
    const value = input[key];
    if (value === null || value === undefined) {
        return null;
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
        throw new RuleError(code, `${key} must be an object`);
    }
    return value;
}
function readList(input, key) {
    const value = input[key];
    if (value === null || value === undefined) {
        return [];
    }
    if (!Array.isArray(value)) {
        throw new RuleError('INVALID_INPUT', `${key} must be a list`);
    }
    return value.map((item) => {
        if (item === null || typeof item !== 'object' || Array.isArray(item)) {
            throw new RuleError('INVALID_INPUT', `${key} must hold objects`);
        }
        return item;
    });
}
function readString(input, key) {
    const value = input[key];
    if (value === null || value === undefined) {
        return null;
    }
    if (typeof value !== 'string') {
        throw new RuleError('INVALID_INPUT', `${key} must be a string`);
    }
    return value;
}
function requireString(input, key) {
    const value = readString(input, key);
    if (value === null || value === '') {
        throw new RuleError('INVALID_INPUT', `${key} is required`);
    }
    return value;
}
/** A key that is absent or empty never matches. */
function readKey(input, key) {
    const value = readString(input, key);
    return value === '' ? null : value;
}
function readBoolean(input, key) {
    const value = input[key];
    if (value === null || value === undefined) {
        return false;
    }
    if (typeof value !== 'boolean') {
        throw new RuleError('INVALID_INPUT', `${key} must be true or false`);
    }
    return value;
}
function readNumber(input, key, code) {
    const value = input[key];
    if (value === null || value === undefined) {
        return null;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new RuleError(code, `${key} must be a number`);
    }
    return value;
}
/** A whole number of at least `min`, or the default when absent. */
function readWhole(input, key, defaultValue, min, code) {
    const value = readNumber(input, key, code);
    if (value === null) {
        return defaultValue;
    }
    if (!Number.isInteger(value) || value < min) {
        throw new RuleError(code, `${key} must be a whole number of at least ${min}`);
    }
    return value;
}
/** Parses a strict `YYYY-MM-DD` calendar date into days since 1970-01-01. */
function parseDay(value, key) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (match === null) {
        throw new RuleError('INVALID_INPUT', `${key} must be a date YYYY-MM-DD`);
    }
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
        throw new RuleError('INVALID_INPUT', `${key} is not a calendar date`);
    }
    return Math.round(date.getTime() / MS_PER_DAY);
}
function readDay(input, key) {
    const value = readString(input, key);
    return value === null || value === '' ? null : parseDay(value, key);
}
function requireDay(input, key) {
    const value = readDay(input, key);
    if (value === null) {
        throw new RuleError('INVALID_INPUT', `${key} is required`);
    }
    return value;
}
function formatDay(day) {
    return new Date(day * MS_PER_DAY).toISOString().substring(0, 10);
}
function requireRegistrationStatus(input, key) {
    const value = requireString(input, key);
    if (!REGISTRATION_STATUSES.includes(value)) {
        throw new RuleError('UNKNOWN_STATUS', `${key} ${value} is not a registration status`);
    }
    return value;
}
function requireConflictStatus(input, key) {
    const value = requireString(input, key);
    if (!CONFLICT_STATUSES.includes(value)) {
        throw new RuleError('UNKNOWN_STATUS', `${key} ${value} is not a conflict status`);
    }
    return value;
}
function readPolicy(input) {
    return readObject(input, 'policy', 'INVALID_POLICY') ?? {};
}
// ---------------------------------------------------------------- conflicts
/** Which keys of a candidate equal the subject's; null when none. */
function matchOn(subject, companyKey, domainKey) {
    const byCompany = !!subject.companyKey && companyKey === subject.companyKey;
    const byDomain = !!subject.domainKey && domainKey === subject.domainKey;
    if (byCompany && byDomain) {
        return 'both';
    }
    if (byCompany) {
        return 'companyKey';
    }
    return byDomain ? 'domainKey' : null;
}
function combineMatch(left, right) {
    if (left === null) {
        return right;
    }
    if (right === null || left === right) {
        return left;
    }
    return 'both';
}
/**
 * A shared domain alone (a subsidiary on its parent's domain, a reseller's shared host) is
 * weaker evidence: an error becomes a warning for a person to review.
 */
function severityFor(base, matchedOn) {
    return base === 'error' && matchedOn === 'domainKey' ? 'warning' : base;
}
function compareFindings(left, right) {
    const bySeverity = SEVERITY_ORDER.indexOf(left.severity) - SEVERITY_ORDER.indexOf(right.severity);
    if (bySeverity !== 0) {
        return bySeverity;
    }
    const byType = TYPE_ORDER.indexOf(left.type) - TYPE_ORDER.indexOf(right.type);
    if (byType !== 0) {
        return byType;
    }
    // Ordinal comparison: Apex compares with String.compareTo, which is case-sensitive too.
    if (left.recordId === right.recordId) {
        return 0;
    }
    return left.recordId < right.recordId ? -1 : 1;
}
function statusOf(findings) {
    if (findings.some((finding) => finding.severity === 'error')) {
        return 'Conflict';
    }
    return findings.some((finding) => finding.severity === 'warning') ? 'Needs Review' : 'None';
}
/**
 * Rule `detectConflicts`: the evidence that a registration collides with the CRM.
 *
 * A candidate matches when its company key or its domain key equals the subject's (absent
 * keys never match). The registering partner's own account and partner accounts that are
 * not customers are ignored, and so are their opportunities. Findings:
 * - `OPEN_OPPORTUNITY` (error): an open opportunity on a matching account, or with a
 *   matching company key; `ownerId` is the opportunity owner.
 * - `NAMED_ACCOUNT` (error): a matching account owned by a named-account rep.
 * - `COMPETING_REGISTRATION`: another partner's registration that is Approved and not past
 *   its expiry (error), or Submitted / Pending Approval (warning).
 * - `EXISTING_CUSTOMER` (warning): a matching customer account; partners may sell more to
 *   existing customers, but the account owner reviews.
 * - `DUPLICATE_REGISTRATION`: the same partner's active registration (warning) or draft (info).
 * Errors matched on the domain alone become warnings. Rejected, Expired, Converted and
 * Closed registrations, and approved ones past their expiry, never count. Order: severity,
 * then type as listed, then record id. Status: Conflict with an error, Needs Review with a
 * warning, else None.
 * @param input `{ registration, accounts?, opportunities?, registrations?, today }`
 * @returns the conflict status and the findings
 */
export function detectConflicts(input) {
    const raw = input;
    const subjectRaw = readObject(raw, 'registration', 'INVALID_INPUT');
    if (subjectRaw === null) {
        throw new RuleError('INVALID_INPUT', 'registration is required');
    }
    const subject = {
        id: readKey(subjectRaw, 'id'),
        partnerAccountId: requireString(subjectRaw, 'partnerAccountId'),
        companyKey: readKey(subjectRaw, 'companyKey'),
        domainKey: readKey(subjectRaw, 'domainKey'),
    };
    const today = requireDay(raw, 'today');
    const accounts = readList(raw, 'accounts');
    const opportunities = readList(raw, 'opportunities');
    const registrations = readList(raw, 'registrations');
    const findings = [];
    const seen = new Set();
    const add = (finding) => {
        const identity = `${finding.type}|${finding.recordId}`;
        if (!seen.has(identity)) {
            seen.add(identity);
            findings.push(finding);
        }
    };
    const ignoredAccounts = new Set([subject.partnerAccountId]);
    const matchedAccounts = new Map();
    for (const account of accounts) {
        const id = requireString(account, 'id');
        const isPartner = readBoolean(account, 'isPartner');
        const isCustomer = readBoolean(account, 'isCustomer');
        const namedAccountOwner = readBoolean(account, 'namedAccountOwner');
        const name = readString(account, 'name');
        const ownerId = readString(account, 'ownerId');
        const matchedOn = matchOn(subject, readKey(account, 'companyKey'), readKey(account, 'domainKey'));
        if (id === subject.partnerAccountId || (isPartner && !isCustomer)) {
            ignoredAccounts.add(id);
            continue;
        }
        if (matchedOn === null) {
            continue;
        }
        matchedAccounts.set(id, combineMatch(matchedAccounts.get(id) ?? null, matchedOn));
        const label = name === null || name === '' ? id : name;
        if (namedAccountOwner) {
            add({
                type: 'NAMED_ACCOUNT',
                severity: severityFor('error', matchedOn),
                recordId: id,
                ownerId,
                matchedOn,
                message: `Named account owned by a sales rep: ${label}`,
            });
        }
        if (isCustomer) {
            add({
                type: 'EXISTING_CUSTOMER',
                severity: severityFor('warning', matchedOn),
                recordId: id,
                ownerId,
                matchedOn,
                message: `Existing customer account: ${label}`,
            });
        }
    }
    for (const opportunity of opportunities) {
        const id = requireString(opportunity, 'id');
        const accountId = readKey(opportunity, 'accountId');
        const isClosed = readBoolean(opportunity, 'isClosed');
        const ownerId = readString(opportunity, 'ownerId');
        const ownMatch = matchOn(subject, readKey(opportunity, 'companyKey'), null);
        if (isClosed || (accountId !== null && ignoredAccounts.has(accountId))) {
            continue;
        }
        const accountMatch = accountId === null ? null : (matchedAccounts.get(accountId) ?? null);
        const matchedOn = combineMatch(accountMatch, ownMatch);
        if (matchedOn === null) {
            continue;
        }
        add({
            type: 'OPEN_OPPORTUNITY',
            severity: severityFor('error', matchedOn),
            recordId: id,
            ownerId,
            matchedOn,
            message: 'Open opportunity for this prospect',
        });
    }
    for (const other of registrations) {
        const id = requireString(other, 'id');
        const partnerAccountId = requireString(other, 'partnerAccountId');
        const status = requireRegistrationStatus(other, 'status');
        const expiresOn = readDay(other, 'expiresOn');
        const matchedOn = matchOn(subject, readKey(other, 'companyKey'), readKey(other, 'domainKey'));
        if (id === subject.id || matchedOn === null) {
            continue;
        }
        const samePartner = partnerAccountId === subject.partnerAccountId;
        const lapsed = expiresOn !== null && expiresOn < today;
        if (samePartner && status === 'Draft') {
            add({
                type: 'DUPLICATE_REGISTRATION',
                severity: 'info',
                recordId: id,
                matchedOn,
                message: 'Draft registration of the same partner',
            });
        }
        else if (ACTIVE_STATUSES.includes(status) && !lapsed) {
            if (samePartner) {
                add({
                    type: 'DUPLICATE_REGISTRATION',
                    severity: 'warning',
                    recordId: id,
                    matchedOn,
                    message: 'Active registration of the same partner',
                });
            }
            else {
                const approved = status === 'Approved';
                add({
                    type: 'COMPETING_REGISTRATION',
                    severity: severityFor(approved ? 'error' : 'warning', matchedOn),
                    recordId: id,
                    matchedOn,
                    message: approved
                        ? 'Approved registration of another partner'
                        : 'Registration of another partner awaiting a decision',
                });
            }
        }
    }
    findings.sort(compareFindings);
    return { status: statusOf(findings), findings };
}
// ---------------------------------------------------------------- verdict and route
/** Partner-facing text when nothing was found. */
export const PARTNER_VERDICT_CLEAR = 'No conflicts found.';
/** Partner-facing text for Needs Review and Conflict alike: it never hints at the evidence. */
export const PARTNER_VERDICT_REVIEW = 'Needs review: our team will check this registration and get back to you.';
/**
 * Rule `partnerVerdict`: the only conflict information a partner may see.
 * @param input `{ status }` conflict status
 * @returns neutral text
 */
export function partnerVerdict(input) {
    const status = requireConflictStatus(input, 'status');
    return status === 'None' ? PARTNER_VERDICT_CLEAR : PARTNER_VERDICT_REVIEW;
}
/**
 * Rule `approvalRoute`: Director at or above the director threshold (conflict or not);
 * otherwise Auto strictly below the auto-approve threshold with conflict status None;
 * otherwise Manager. Any conflict status other than None is always a manual decision.
 * @param input `{ amount, conflictStatus, policy? }`
 * @returns the route
 */
export function approvalRoute(input) {
    const raw = input;
    const amount = readNumber(raw, 'amount', 'INVALID_INPUT');
    if (amount === null || amount < 0) {
        throw new RuleError('INVALID_INPUT', 'amount must be a number of at least 0');
    }
    const conflictStatus = requireConflictStatus(raw, 'conflictStatus');
    const policy = readPolicy(raw);
    const autoApproveThreshold = readNumber(policy, 'autoApproveThreshold', 'INVALID_POLICY') ??
        DEFAULT_DEAL_REGISTRATION_POLICY.autoApproveThreshold;
    const directorThreshold = readNumber(policy, 'directorThreshold', 'INVALID_POLICY') ?? DEFAULT_DEAL_REGISTRATION_POLICY.directorThreshold;
    if (autoApproveThreshold < 0 || directorThreshold < autoApproveThreshold) {
        throw new RuleError('INVALID_POLICY', 'thresholds must satisfy 0 <= autoApproveThreshold <= directorThreshold');
    }
    if (amount >= directorThreshold) {
        return 'Director';
    }
    if (conflictStatus === 'None' && amount < autoApproveThreshold) {
        return 'Auto';
    }
    return 'Manager';
}
// ---------------------------------------------------------------- lifecycle
/**
 * Rule `canTransition`: whether the status may change from `from` to `to`. Keeping the same
 * status is not a transition (false).
 * @param input `{ from, to }`
 * @returns true when allowed
 */
export function canTransition(input) {
    const raw = input;
    const from = requireRegistrationStatus(raw, 'from');
    const to = requireRegistrationStatus(raw, 'to');
    return TRANSITIONS[from].includes(to);
}
/**
 * Rule `assertTransition`: like `canTransition`, but refuses with INVALID_TRANSITION.
 * @param input `{ from, to }`
 * @returns the new status
 */
export function assertTransition(input) {
    if (!canTransition(input)) {
        throw new RuleError('INVALID_TRANSITION', `${input.from} cannot change to ${input.to}`);
    }
    return input.to;
}
/**
 * Rule `expiryDate`: the last protected day, `approvedOn` plus `protectionDays` (default 90).
 * @param input `{ approvedOn, protectionDays? }`
 * @returns `YYYY-MM-DD`
 */
export function expiryDate(input) {
    const raw = input;
    const approvedOn = requireDay(raw, 'approvedOn');
    const protectionDays = readWhole(raw, 'protectionDays', DEFAULT_DEAL_REGISTRATION_POLICY.protectionDays, 1, 'INVALID_POLICY');
    return formatDay(approvedOn + protectionDays);
}
function renewalFacts(input) {
    const raw = input;
    const today = requireDay(raw, 'today');
    const expiresOn = requireDay(raw, 'expiresOn');
    const renewalCount = readWhole(raw, 'renewalCount', 0, 0, 'INVALID_INPUT');
    const policy = readPolicy(raw);
    const defaults = DEFAULT_DEAL_REGISTRATION_POLICY;
    const windowDays = readWhole(policy, 'renewalWindowDays', defaults.renewalWindowDays, 0, 'INVALID_POLICY');
    const maxRenewals = readWhole(policy, 'maxRenewals', defaults.maxRenewals, 0, 'INVALID_POLICY');
    const renewalDays = readWhole(policy, 'renewalDays', defaults.renewalDays, 1, 'INVALID_POLICY');
    const opensOn = expiresOn - windowDays;
    let reason = null;
    if (renewalCount >= maxRenewals) {
        reason = 'MAX_RENEWALS_REACHED';
    }
    else if (today > expiresOn) {
        reason = 'EXPIRED';
    }
    else if (today < opensOn) {
        reason = 'WINDOW_NOT_OPEN';
    }
    return {
        today,
        expiresOn,
        renewalCount,
        renewalDays,
        eligibility: { eligible: reason === null, reason, opensOn: formatDay(opensOn) },
    };
}
/**
 * Rule `renewalEligibility`: a renewal can be requested from `expiresOn - renewalWindowDays`
 * up to and including `expiresOn`, while fewer than `maxRenewals` were granted. Refusal
 * reasons, first that applies: MAX_RENEWALS_REACHED, EXPIRED, WINDOW_NOT_OPEN.
 * @param input `{ today, expiresOn, renewalCount?, policy? }`
 * @returns `{ eligible, reason?, opensOn }`
 */
export function renewalEligibility(input) {
    return renewalFacts(input).eligibility;
}
/**
 * Rule `renew`: extends the protection by `renewalDays` (default 90) from the current
 * expiry, so renewing early loses no days. Refuses with RENEWAL_NOT_ALLOWED when not eligible.
 * @param input `{ today, expiresOn, renewalCount?, policy? }`
 * @returns the new expiry date and renewal count
 */
export function renew(input) {
    const facts = renewalFacts(input);
    if (!facts.eligibility.eligible) {
        throw new RuleError('RENEWAL_NOT_ALLOWED', facts.eligibility.reason ?? 'not eligible');
    }
    return { expiresOn: formatDay(facts.expiresOn + facts.renewalDays), renewalCount: facts.renewalCount + 1 };
}
/**
 * Rule `expiryWarningsDue`: the warning to send today. The due warning is the smallest
 * warning day already reached (`daysLeft <= w`), so a missed run catches up with the most
 * urgent one only. It is not due when that warning, or a more urgent one, was sent already:
 * running twice sends nothing new. A last warning greater than or equal to `daysLeft` belongs
 * to the current expiry; a smaller one was sent before a renewal moved the date and is ignored.
 * Nothing is due after the expiry date.
 * @param input `{ today, expiresOn, warningDays?, lastWarningDays? }`
 * @returns `{ dueWarning, daysLeft }`
 */
export function expiryWarningsDue(input) {
    const raw = input;
    const today = requireDay(raw, 'today');
    const expiresOn = requireDay(raw, 'expiresOn');
    const rawDays = raw.warningDays;
    let warningDays = DEFAULT_DEAL_REGISTRATION_POLICY.warningDays;
    if (rawDays !== null && rawDays !== undefined) {
        if (!Array.isArray(rawDays)) {
            throw new RuleError('INVALID_POLICY', 'warningDays must be a list');
        }
        warningDays = rawDays.map((value) => {
            if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
                throw new RuleError('INVALID_POLICY', 'warningDays must hold whole numbers of at least 0');
            }
            return value;
        });
    }
    const lastWarningDays = raw.lastWarningDays === null || raw.lastWarningDays === undefined
        ? null
        : readWhole(raw, 'lastWarningDays', 0, 0, 'INVALID_INPUT');
    const daysLeft = expiresOn - today;
    let due = null;
    if (daysLeft >= 0) {
        for (const days of warningDays) {
            if (days >= daysLeft && (due === null || days < due)) {
                due = days;
            }
        }
    }
    const sent = lastWarningDays !== null && lastWarningDays >= daysLeft ? lastWarningDays : null;
    if (due !== null && sent !== null && due >= sent) {
        due = null;
    }
    return { dueWarning: due, daysLeft };
}
/**
 * Rule `isExpired`: true for status Expired, and for Approved once `today` is after
 * `expiresOn`; other statuses carry no protection and never expire.
 * @param input `{ today, expiresOn?, status }`
 * @returns whether the registration is expired
 */
export function isExpired(input) {
    const raw = input;
    const status = requireRegistrationStatus(raw, 'status');
    const today = requireDay(raw, 'today');
    const expiresOn = readDay(raw, 'expiresOn');
    if (status === 'Expired') {
        return true;
    }
    return status === 'Approved' && expiresOn !== null && today > expiresOn;
}
// ---------------------------------------------------------------- today in a time zone
/** Parses a strict ISO-8601 UTC datetime (`Z` only, optional milliseconds). */
function parseUtcDatetime(value, key) {
    const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?Z$/.exec(value);
    if (match === null) {
        throw new RuleError('INVALID_INPUT', `${key} must be an ISO-8601 UTC datetime`);
    }
    const parts = match.slice(1, 7).map(Number);
    const millis = match[7] === undefined ? 0 : Number(match[7].substring(1).padEnd(3, '0'));
    const date = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5], millis));
    if (date.getUTCFullYear() !== parts[0] ||
        date.getUTCMonth() !== parts[1] - 1 ||
        date.getUTCDate() !== parts[2] ||
        date.getUTCHours() !== parts[3] ||
        date.getUTCMinutes() !== parts[4] ||
        date.getUTCSeconds() !== parts[5]) {
        throw new RuleError('INVALID_INPUT', `${key} is not a valid datetime`);
    }
    return date;
}
/**
 * Rule `localToday`: the calendar date at instant `now` in an IANA time zone.
 * @param input `{ now, timeZone }`
 * @returns `YYYY-MM-DD`
 */
export function localToday(input) {
    const raw = input;
    const now = parseUtcDatetime(requireString(raw, 'now'), 'now');
    const timeZone = requireString(raw, 'timeZone');
    let format;
    try {
        format = new Intl.DateTimeFormat('en-US', {
            timeZone,
            calendar: 'gregory',
            numberingSystem: 'latn',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
        });
    }
    catch {
        throw new RuleError('INVALID_TIME_ZONE', `${timeZone} is not a known time zone`);
    }
    const parts = {};
    for (const part of format.formatToParts(now)) {
        parts[part.type] = part.value;
    }
    return `${parts.year.padStart(4, '0')}-${parts.month}-${parts.day}`;
}
/** The deal registration rules by vector rule name. */
export const dealRegistrationRules = {
    detectConflicts: (input) => detectConflicts(input),
    partnerVerdict: (input) => partnerVerdict(input),
    approvalRoute: (input) => approvalRoute(input),
    canTransition: (input) => canTransition(input),
    assertTransition: (input) => assertTransition(input),
    expiryDate: (input) => expiryDate(input),
    renewalEligibility: (input) => renewalEligibility(input),
    renew: (input) => renew(input),
    expiryWarningsDue: (input) => expiryWarningsDue(input),
    isExpired: (input) => isExpired(input),
    localToday: (input) => localToday(input),
};
