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
import { zoneFormat } from './zoneFormat';
import { optBoolean, optDate, optNumber, optObject, optObjects, optString, optText, optWhole, requireDate, requireObject, requireString, } from './ruleInput';
import { DEFAULT_POSSIBLE_DUPLICATE_THRESHOLD, explainSimilarity, nameSimilarity } from './matchKeySimilarity';
/** The packaged Default policy record. */
export const DEFAULT_DEAL_REGISTRATION_POLICY = Object.freeze({
    autoApproveThreshold: 50000,
    directorThreshold: 250000,
    protectionDays: 90,
    renewalDays: 90,
    renewalWindowDays: 14,
    maxRenewals: 2,
    warningDays: Object.freeze([14, 3]),
    possibleDuplicateThreshold: DEFAULT_POSSIBLE_DUPLICATE_THRESHOLD,
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
    'POSSIBLE_DUPLICATE',
];
const MS_PER_DAY = 86400000;
// ---------------------------------------------------------------- input readers
function formatDay(day) {
    return new Date(day * MS_PER_DAY).toISOString().substring(0, 10);
}
function requireRegistrationStatus(input, key) {
    const value = requireString(input[key], key);
    if (!REGISTRATION_STATUSES.includes(value)) {
        throw new RuleError('UNKNOWN_STATUS', `${key} ${value} is not a registration status`);
    }
    return value;
}
function requireConflictStatus(input, key) {
    const value = requireString(input[key], key);
    if (!CONFLICT_STATUSES.includes(value)) {
        throw new RuleError('UNKNOWN_STATUS', `${key} ${value} is not a conflict status`);
    }
    return value;
}
function readPolicy(input) {
    return optObject(input.policy, 'policy', 'INVALID_POLICY');
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
 * - `POSSIBLE_DUPLICATE` (info): an account no key matches whose name scores at or above the
 *   policy threshold against the subject's `name` (`companySimilarity`); the message explains
 *   the score. It never changes the status: a reviewer is shown it, nothing is blocked.
 * Errors matched on the domain alone become warnings. Rejected, Expired, Converted and
 * Closed registrations, and approved ones past their expiry, never count. Order: severity,
 * then type as listed, then record id. Status: Conflict with an error, Needs Review with a
 * warning, else None.
 * @param input `{ registration, accounts?, opportunities?, registrations?, today }`
 * @returns the conflict status and the findings
 */
export function detectConflicts(input) {
    const raw = input;
    const subjectRaw = requireObject(raw.registration, 'registration');
    const subject = {
        id: optText(subjectRaw.id, 'id'),
        partnerAccountId: requireString(subjectRaw.partnerAccountId, 'partnerAccountId'),
        companyKey: optText(subjectRaw.companyKey, 'companyKey'),
        domainKey: optText(subjectRaw.domainKey, 'domainKey'),
        name: optText(subjectRaw.name, 'name'),
    };
    const threshold = optNumber(readPolicy(raw).possibleDuplicateThreshold, 'possibleDuplicateThreshold', DEFAULT_POSSIBLE_DUPLICATE_THRESHOLD, 'INVALID_POLICY');
    if (threshold < 0 || threshold > 1) {
        throw new RuleError('INVALID_POLICY', 'possibleDuplicateThreshold must be between 0 and 1');
    }
    const today = requireDate(raw.today, 'today').epochDay;
    const accounts = optObjects(raw.accounts, 'accounts');
    const opportunities = optObjects(raw.opportunities, 'opportunities');
    const registrations = optObjects(raw.registrations, 'registrations');
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
        const id = requireString(account.id, 'id');
        const isPartner = optBoolean(account.isPartner, 'isPartner', false);
        const isCustomer = optBoolean(account.isCustomer, 'isCustomer', false);
        const namedAccountOwner = optBoolean(account.namedAccountOwner, 'namedAccountOwner', false);
        const name = optString(account.name, 'name');
        const ownerId = optString(account.ownerId, 'ownerId');
        const matchedOn = matchOn(subject, optText(account.companyKey, 'companyKey'), optText(account.domainKey, 'domainKey'));
        if (id === subject.partnerAccountId || (isPartner && !isCustomer)) {
            ignoredAccounts.add(id);
            continue;
        }
        if (matchedOn === null) {
            const similar = subject.name ? nameSimilarity(subject.name, name, threshold) : null;
            if (similar?.possibleDuplicate) {
                add({
                    type: 'POSSIBLE_DUPLICATE',
                    severity: 'info',
                    recordId: id,
                    ownerId,
                    matchedOn: 'similarName',
                    message: `Possible duplicate of ${name ?? id}: ${explainSimilarity(similar)}`,
                });
            }
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
        const id = requireString(opportunity.id, 'id');
        const accountId = optText(opportunity.accountId, 'accountId');
        const isClosed = optBoolean(opportunity.isClosed, 'isClosed', false);
        const ownerId = optString(opportunity.ownerId, 'ownerId');
        const ownMatch = matchOn(subject, optText(opportunity.companyKey, 'companyKey'), null);
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
        const id = requireString(other.id, 'id');
        const partnerAccountId = requireString(other.partnerAccountId, 'partnerAccountId');
        const status = requireRegistrationStatus(other, 'status');
        const expiresOn = optDate(other.expiresOn, 'expiresOn')?.epochDay ?? null;
        const matchedOn = matchOn(subject, optText(other.companyKey, 'companyKey'), optText(other.domainKey, 'domainKey'));
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
    const amount = optNumber(raw.amount, 'amount', null, 'INVALID_INPUT');
    if (amount === null || amount < 0) {
        throw new RuleError('INVALID_INPUT', 'amount must be a number of at least 0');
    }
    const conflictStatus = requireConflictStatus(raw, 'conflictStatus');
    const policy = readPolicy(raw);
    const autoApproveThreshold = optNumber(policy.autoApproveThreshold, 'autoApproveThreshold', null, 'INVALID_POLICY') ??
        DEFAULT_DEAL_REGISTRATION_POLICY.autoApproveThreshold;
    const directorThreshold = optNumber(policy.directorThreshold, 'directorThreshold', null, 'INVALID_POLICY') ??
        DEFAULT_DEAL_REGISTRATION_POLICY.directorThreshold;
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
    const approvedOn = requireDate(raw.approvedOn, 'approvedOn').epochDay;
    const protectionDays = optWhole(raw.protectionDays, 'protectionDays', DEFAULT_DEAL_REGISTRATION_POLICY.protectionDays, 1, 'INVALID_POLICY');
    return formatDay(approvedOn + protectionDays);
}
function renewalFacts(input) {
    const raw = input;
    const today = requireDate(raw.today, 'today').epochDay;
    const expiresOn = requireDate(raw.expiresOn, 'expiresOn').epochDay;
    const renewalCount = optWhole(raw.renewalCount, 'renewalCount', 0, 0, 'INVALID_INPUT');
    const policy = readPolicy(raw);
    const defaults = DEFAULT_DEAL_REGISTRATION_POLICY;
    const windowDays = optWhole(policy.renewalWindowDays, 'renewalWindowDays', defaults.renewalWindowDays, 0, 'INVALID_POLICY');
    const maxRenewals = optWhole(policy.maxRenewals, 'maxRenewals', defaults.maxRenewals, 0, 'INVALID_POLICY');
    const renewalDays = optWhole(policy.renewalDays, 'renewalDays', defaults.renewalDays, 1, 'INVALID_POLICY');
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
    const today = requireDate(raw.today, 'today').epochDay;
    const expiresOn = requireDate(raw.expiresOn, 'expiresOn').epochDay;
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
        : optWhole(raw.lastWarningDays, 'lastWarningDays', 0, 0, 'INVALID_INPUT');
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
    const today = requireDate(raw.today, 'today').epochDay;
    const expiresOn = optDate(raw.expiresOn, 'expiresOn')?.epochDay ?? null;
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
const DAY_OPTIONS = {
    calendar: 'gregory',
    numberingSystem: 'latn',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
};
/**
 * Rule `localToday`: the calendar date at instant `now` in an IANA time zone.
 * @param input `{ now, timeZone }`
 * @returns `YYYY-MM-DD`
 */
export function localToday(input) {
    const raw = input;
    const now = parseUtcDatetime(requireString(raw.now, 'now'), 'now');
    const timeZone = requireString(raw.timeZone, 'timeZone');
    const format = zoneFormat('calendar day', timeZone, DAY_OPTIONS);
    if (format === undefined) {
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
