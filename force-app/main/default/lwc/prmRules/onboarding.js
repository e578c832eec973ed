// Generated from lwc-ts-src/prmRules/onboarding.ts by `npm run build`. Do not edit.
/**
 * Onboarding rules: how a partner application is routed, which training modules a new
 * member must complete by when, and when a member counts as activated.
 * Apex twin: `OnboardingRules.cls`.
 *
 * Company and domain keys of the application and of the records it is compared with are
 * inputs, computed beforehand with the match-key rules (`matchKeys`). Whether the contact
 * e-mail is a business address is decided here with the match-key module's `domainKeyOf`:
 * an address whose domain yields no domain key (a free-mail provider such as gmail.com,
 * or no valid host name) is not a business address.
 */
import { domainKeyOf } from './matchKey';
import { RuleError } from './ruleError';
import { addDays, compareDates, formatIsoDate, parseIsoDate, parseOptionalIsoDate } from './tiersCalendar';
import { isBlank, optBoolean, optList, optNumber, optObject, optString, optWholeNonNegative, requireObject, requireString, trimControl, } from './ruleInput';
/** Due days of a required module that does not set its own. */
export const DEFAULT_MODULE_DUE_DAYS = 30;
/** Upper-cases ASCII letters only, so no locale (Turkish dotted i) changes the result. */
function asciiUpperCase(value) {
    let result = '';
    for (let i = 0; i < value.length; i++) {
        const code = value.charCodeAt(i);
        result += code >= 97 && code <= 122 ? String.fromCharCode(code - 32) : value.charAt(i);
    }
    return result;
}
function sameKey(a, b) {
    return !isBlank(a) && !isBlank(b) && a === b;
}
function readKeyedRecords(value, key) {
    return optList(value, key).map((item, index) => {
        const record = requireObject(item, `${key}[${index}]`);
        return {
            id: requireString(record.id, `${key}[${index}].id`),
            companyKey: optString(record.companyKey, `${key}[${index}].companyKey`),
            domainKey: optString(record.domainKey, `${key}[${index}].domainKey`),
        };
    });
}
/** The id of the first record sharing the company or the domain key, skipping `selfId`. */
function firstMatch(records, selfId, companyKey, domainKey) {
    for (const record of records) {
        if (selfId !== null && record.id === selfId) {
            continue;
        }
        if (sameKey(companyKey, record.companyKey ?? null) || sameKey(domainKey, record.domainKey ?? null)) {
            return record.id;
        }
    }
    return null;
}
/**
 * Routes a partner application. Duplicates (same company key or domain key as an existing
 * partner, or as another open application) are never created: route "Duplicate". Otherwise
 * the application is auto-approved only when the policy allows it and required fields are
 * present, the e-mail is a valid business address (when required) and the country is
 * allowed; any failing check sends it to "Manual Review". All applicable reasons are listed.
 */
export function applicationDecision(input) {
    const application = requireObject(input.application, 'application');
    const policy = optObject(input.policy, 'policy');
    const autoApprove = optBoolean(policy.autoApprove, 'policy.autoApprove', false);
    const requireBusinessEmail = optBoolean(policy.requireBusinessEmail, 'policy.requireBusinessEmail', true);
    const allowedCountries = optList(policy.allowedCountries, 'policy.allowedCountries').map((country, index) => asciiUpperCase(trimControl(requireString(country, `policy.allowedCountries[${index}]`))));
    const selfId = optString(application.id, 'application.id');
    const companyKey = optString(application.companyKey, 'application.companyKey');
    const domainKey = optString(application.domainKey, 'application.domainKey');
    const companyName = optString(application.companyName, 'application.companyName');
    const email = optString(application.email, 'application.email');
    const country = optString(application.country, 'application.country');
    const programId = optString(application.programId, 'application.programId');
    optString(application.website, 'application.website');
    const extraFieldsPresent = optBoolean(application.requiredFieldsPresent, 'application.requiredFieldsPresent', true);
    const existingPartners = readKeyedRecords(input.existingPartners, 'existingPartners');
    const openApplications = readKeyedRecords(input.openApplications, 'openApplications');
    const duplicateOfAccountId = firstMatch(existingPartners, null, companyKey, domainKey);
    const duplicateOfApplicationId = firstMatch(openApplications, isBlank(selfId) ? null : selfId, companyKey, domainKey);
    const reasons = [];
    if (duplicateOfAccountId !== null) {
        reasons.push('DUPLICATE_PARTNER');
    }
    if (duplicateOfApplicationId !== null) {
        reasons.push('DUPLICATE_APPLICATION');
    }
    if (isBlank(companyName) || isBlank(email) || isBlank(country) || isBlank(programId) || !extraFieldsPresent) {
        reasons.push('REQUIRED_FIELDS_MISSING');
    }
    if (email !== null && !isBlank(email)) {
        const address = trimControl(email);
        const at = address.lastIndexOf('@');
        if (at <= 0 || at === address.length - 1) {
            reasons.push('INVALID_EMAIL');
        }
        else if (requireBusinessEmail && domainKeyOf(address) === null) {
            reasons.push('NOT_BUSINESS_EMAIL');
        }
    }
    if (country !== null && !isBlank(country) && allowedCountries.length > 0) {
        if (!allowedCountries.includes(asciiUpperCase(trimControl(country)))) {
            reasons.push('COUNTRY_NOT_ALLOWED');
        }
    }
    if (!autoApprove) {
        reasons.push('AUTO_APPROVE_DISABLED');
    }
    let route = 'Auto';
    if (duplicateOfAccountId !== null || duplicateOfApplicationId !== null) {
        route = 'Duplicate';
    }
    else if (reasons.length > 0) {
        route = 'Manual Review';
    }
    return { route, reasons, duplicateOfAccountId, duplicateOfApplicationId };
}
/**
 * The training a new member must complete: active modules required for onboarding, each
 * due `dueDays` calendar days after enrolment (0: on the enrolment day). Sorted by due date,
 * then sequence (modules without one last), then module id.
 */
export function onboardingPlan(input) {
    const enrolledOn = parseIsoDate(input.enrolledOn, 'enrolledOn');
    const defaultDueDays = optWholeNonNegative(input.defaultDueDays, 'defaultDueDays', DEFAULT_MODULE_DUE_DAYS);
    const seen = new Set();
    const rows = [];
    optList(input.modules, 'modules').forEach((item, index) => {
        const module = requireObject(item, `modules[${index}]`);
        const id = requireString(module.id, `modules[${index}].id`);
        if (seen.has(id)) {
            throw new RuleError('INVALID_INPUT', `module ${id} is listed twice`);
        }
        seen.add(id);
        const required = optBoolean(module.requiredForOnboarding, `modules[${index}].requiredForOnboarding`, false);
        const active = optBoolean(module.active, `modules[${index}].active`, true);
        const dueDays = optWholeNonNegative(module.dueDays, `modules[${index}].dueDays`, defaultDueDays);
        const sequenceValue = optNumber(module.sequence, `modules[${index}].sequence`, Number.NaN);
        if (required && active) {
            rows.push({
                moduleId: id,
                dueDate: formatIsoDate(addDays(enrolledOn, dueDays)),
                sequence: Number.isNaN(sequenceValue) ? null : sequenceValue,
            });
        }
    });
    rows.sort((a, b) => {
        if (a.dueDate !== b.dueDate) {
            return a.dueDate < b.dueDate ? -1 : 1;
        }
        if (a.sequence !== b.sequence) {
            if (a.sequence === null) {
                return 1;
            }
            if (b.sequence === null) {
                return -1;
            }
            return a.sequence < b.sequence ? -1 : 1;
        }
        return a.moduleId < b.moduleId ? -1 : a.moduleId > b.moduleId ? 1 : 0;
    });
    return rows.map((row) => ({ moduleId: row.moduleId, dueDate: row.dueDate }));
}
/**
 * Whether a member is activated: at least one completed certification, one portal login,
 * and one deal registration or submitted lead. Absent counts are 0.
 */
export function activationStatus(input) {
    const certifications = optWholeNonNegative(input.certificationsCompleted, 'certificationsCompleted', 0);
    const logins = optWholeNonNegative(input.portalLogins, 'portalLogins', 0);
    const registrations = optWholeNonNegative(input.registrations, 'registrations', 0);
    const leads = optWholeNonNegative(input.leadsSubmitted, 'leadsSubmitted', 0);
    const missing = [];
    if (certifications < 1) {
        missing.push('FIRST_CERTIFICATION');
    }
    if (logins < 1) {
        missing.push('PORTAL_LOGIN');
    }
    if (registrations < 1 && leads < 1) {
        missing.push('FIRST_REGISTRATION_OR_LEAD');
    }
    return { activated: missing.length === 0, missing };
}
/** Days before a training due date that its reminder goes out. */
export const DEFAULT_DUE_SOON_DAYS = 7;
/** Days before a certification expires that its reminder goes out. */
export const DEFAULT_EXPIRY_WARNING_DAYS = 30;
/**
 * Which reminder an assignment needs today, so a daily job sends each one once: training due
 * (from `dueSoonDays` before the due date, once), training overdue (once after the due date),
 * certification expiring (once in the last `expiryWarningDays`; a reminder sent before that
 * window does not count) and certification expired (the job then marks it Expired).
 */
export function certificationReminder(input) {
    const today = parseIsoDate(input.today, 'today');
    const status = optString(input.status, 'status');
    const sent = parseOptionalIsoDate(input.reminderSentOn, 'reminderSentOn');
    const dueSoonDays = optWholeNonNegative(input.dueSoonDays, 'dueSoonDays', DEFAULT_DUE_SOON_DAYS);
    const warningDays = optWholeNonNegative(input.expiryWarningDays, 'expiryWarningDays', DEFAULT_EXPIRY_WARNING_DAYS);
    if (status === 'Assigned' || status === 'In Progress') {
        const due = parseOptionalIsoDate(input.dueDate, 'dueDate');
        if (due === null) {
            return { reminder: null };
        }
        if (compareDates(due, today) < 0) {
            return { reminder: sent === null || compareDates(sent, due) <= 0 ? 'TRAINING_OVERDUE' : null };
        }
        return { reminder: compareDates(due, addDays(today, dueSoonDays)) <= 0 && sent === null ? 'TRAINING_DUE' : null };
    }
    if (status === 'Completed') {
        const expires = parseOptionalIsoDate(input.expiresOn, 'expiresOn');
        if (expires === null) {
            return { reminder: null };
        }
        if (compareDates(expires, today) < 0) {
            return { reminder: 'CERTIFICATION_EXPIRED' };
        }
        const warnFrom = addDays(expires, -warningDays);
        const inWindow = compareDates(today, warnFrom) >= 0;
        return {
            reminder: inWindow && (sent === null || compareDates(sent, warnFrom) < 0) ? 'CERTIFICATION_EXPIRING' : null,
        };
    }
    return { reminder: null };
}
/** The onboarding rules by the names the vectors use. */
export const onboardingRules = {
    applicationDecision: (input) => applicationDecision(input),
    onboardingPlan: (input) => onboardingPlan(input),
    activationStatus: (input) => activationStatus(input),
    certificationReminder: (input) => certificationReminder(input),
};
