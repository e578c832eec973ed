// Generated from lwc-ts-src/prmRules/commissions.ts by `npm run build`. Do not edit.
/**
 * Commissions: what partners earn from attributed revenue, when it is payable, and program ROI.
 *
 * - Rate (`commissionRate`): the program's base percent (referral fee, reseller margin or
 *   technology influence fee; defaults Referral 10, Reseller 20, Technology 5 when the program
 *   sets none) plus the tier's uplift in percentage points (default 0, may be negative),
 *   rounded half-up to 2 decimals; the result must lie in 0–100 (RATE_OUT_OF_RANGE).
 *   The role (Sourced or Influenced) does not change the rate.
 * - Ledger (`commissionFor`): one ledger entry per opportunity, partner and role, key
 *   `<opportunityId>:<partnerId>:<role>` (the attribution row's key); corrections after payment
 *   get their own entries `<key>:ADJ-<n>`. A commission is earned only on Closed Won with an amount above 0:
 *   attributed amount × rate / 100, half-up to the cent. The rule compares what should be
 *   earned with the existing entries and returns the changes that reconcile them:
 *   - Paid entries never change; what is still needed is `earned − Σ paid`.
 *   - If nothing is needed, every Pending or Approved entry is reversed (status Reversed):
 *     a lost, reopened or zero-amount deal cancels what was not paid yet.
 *   - Otherwise one entry carries the needed amount: the first Pending/Approved entry, else
 *     the first Reversed one (revived), else a new entry (Create). A paid commission on a
 *     deal that is lost or reopened thus yields a negative adjustment (a clawback), and a
 *     paid commission that must grow yields a positive one. Any change of amount, rate or
 *     period sends the carrier back to Pending for approval.
 *   - Every existing entry gets one change (None when it stays as it is), in input order
 *     per key, and a Create comes after its key's entries. Keys come in attribution order,
 *     then keys only the ledger knows (a partner no longer attributed), in ledger order.
 *   - Applying the changes and running again gives only None: the rule is idempotent.
 *   - The period is the close date's month (`YYYY-MM`).
 * - Payout period (`payoutPeriod`): `YYYY-MM` (Monthly) or `YYYY-Qn` (Quarterly, calendar).
 * - ROI (`programRoi`): attributed revenue / (commissions + program costs), half-up to 2
 *   decimals; null when that cost is 0 or less (no meaningful ratio).
 *
 * Money is exact decimal arithmetic (see attributionDecimal.ts). Apex twin: `CommissionsRules`.
 */
import { RuleError } from './ruleError';
import { readAttributionRole } from './attribution';
import { centsOf, exactAdd, exactDivide, exactFromScaled, exactMultiply, exactOf, exactRound, exactSign, hundredthsToNumber, } from './attributionDecimal';
import { optBoolean, optNumber, optObject, optObjects, optText, readDate, requireString } from './ruleInput';
/** Base commission percent per program type when the program sets none. */
export const DEFAULT_COMMISSION_PERCENT = Object.freeze({
    Referral: 10,
    Reseller: 20,
    Technology: 5,
});
const ZERO = BigInt(0);
const ONE_HUNDRED_PERCENT = BigInt(10000);
const ADJUSTMENT_MARK = ':ADJ-';
const HUNDRED = { units: BigInt(100), scale: 0 };
const STATUSES = ['Pending', 'Approved', 'Paid', 'Reversed'];
/** The ledger key of an opportunity, partner and role. */
export function commissionKey(opportunityId, partnerId, role) {
    return `${opportunityId}:${partnerId}:${role}`;
}
/** The key an adjustment entry belongs to (the key itself for a main entry). */
export function commissionBaseKey(uniqueKey) {
    const mark = uniqueKey.indexOf(ADJUSTMENT_MARK);
    return mark >= 0 ? uniqueKey.substring(0, mark) : uniqueKey;
}
/** Rate in hundredths of a percent. */
function rateHundredths(programType, basePercent, upliftPercent) {
    if (programType === null || !Object.prototype.hasOwnProperty.call(DEFAULT_COMMISSION_PERCENT, programType)) {
        throw new RuleError('UNKNOWN_PROGRAM_TYPE', 'programType must be Referral, Reseller or Technology');
    }
    const base = exactOf(basePercent ?? DEFAULT_COMMISSION_PERCENT[programType], 'basePercent');
    const uplift = exactOf(upliftPercent ?? 0, 'tierUpliftPercent');
    const rate = exactRound(exactAdd(base, uplift), 2);
    if (exactSign(base) < 0 || rate < ZERO || rate > ONE_HUNDRED_PERCENT) {
        throw new RuleError('RATE_OUT_OF_RANGE', 'the commission rate must lie between 0 and 100 percent');
    }
    return rate;
}
/**
 * Commission percent of a program type and tier (see the module comment).
 * Refusals: UNKNOWN_PROGRAM_TYPE, RATE_OUT_OF_RANGE, INVALID_INPUT.
 */
export function commissionRate(input) {
    return hundredthsToNumber(rateHundredths(optText(input.programType, 'programType'), optNumber(input.basePercent, 'basePercent', null), optNumber(input.tierUpliftPercent, 'tierUpliftPercent', null)));
}
function readEntries(value) {
    const keys = new Set();
    return optObjects(value, 'existing').map((e, index) => {
        const key = `existing[${index}]`;
        const uniqueKey = requireString(e.uniqueKey, `${key}.uniqueKey`);
        if (keys.has(uniqueKey)) {
            throw new RuleError('INVALID_INPUT', `${key}.uniqueKey ${uniqueKey} appears twice`);
        }
        keys.add(uniqueKey);
        const status = optText(e.status, `${key}.status`) ?? '';
        if (!STATUSES.includes(status)) {
            throw new RuleError('INVALID_INPUT', `${key}.status must be Pending, Approved, Paid or Reversed`);
        }
        const amount = optNumber(e.amount, `${key}.amount`, null);
        if (amount === null) {
            throw new RuleError('INVALID_INPUT', `${key}.amount is required`);
        }
        const rate = optNumber(e.ratePercent, `${key}.ratePercent`, null);
        return {
            uniqueKey,
            status: status,
            cents: centsOf(amount, `${key}.amount`),
            partnerId: optText(e.partnerId, `${key}.partnerId`),
            rate: rate === null ? null : centsOf(rate, `${key}.ratePercent`),
            period: optText(e.period, `${key}.period`),
        };
    });
}
function isOpen(entry) {
    return entry.status === 'Pending' || entry.status === 'Approved';
}
function keep(action, entry, partnerId) {
    return {
        action,
        uniqueKey: entry.uniqueKey,
        partnerId,
        amount: hundredthsToNumber(entry.cents),
        ratePercent: entry.rate === null ? null : hundredthsToNumber(entry.rate),
        period: entry.period,
        status: action === 'Reverse' ? 'Reversed' : entry.status,
    };
}
function adjustmentKey(baseKey, entries) {
    const used = new Set(entries.map((e) => e.uniqueKey));
    if (!used.has(baseKey)) {
        return baseKey;
    }
    let n = entries.length;
    while (used.has(`${baseKey}${ADJUSTMENT_MARK}${n}`)) {
        n++;
    }
    return `${baseKey}${ADJUSTMENT_MARK}${n}`;
}
/**
 * The ledger changes that make an opportunity's commissions match its state (see the module
 * comment). Refusals: DUPLICATE_PARTNER_ROLE, UNKNOWN_PROGRAM_TYPE, RATE_OUT_OF_RANGE,
 * INVALID_INPUT (also when isWon is true but isClosed is not, or an amount is negative).
 */
export function commissionFor(input) {
    const opportunityId = requireString(input.opportunityId, 'opportunityId');
    const isClosed = optBoolean(input.isClosed, 'isClosed', false);
    const isWon = optBoolean(input.isWon, 'isWon', false);
    if (isWon && !isClosed) {
        throw new RuleError('INVALID_INPUT', 'a won opportunity must be closed');
    }
    const amount = optNumber(input.amount, 'amount', null);
    const amountCents = amount === null ? ZERO : centsOf(amount, 'amount');
    const closeDate = readDate(input.closeDate, 'closeDate');
    const period = closeDate.iso.substring(0, 7);
    const earned = isClosed && isWon && amountCents > ZERO;
    const program = optObject(input.program, 'program');
    const tier = optObject(input.tier, 'tier');
    const defaultType = optText(program.programType, 'program.programType');
    const defaultBase = optNumber(program.basePercent, 'program.basePercent', null);
    const defaultUplift = optNumber(tier.upliftPercent, 'tier.upliftPercent', null);
    const earnings = new Map();
    const keyOrder = [];
    optObjects(input.attributions, 'attributions').forEach((row, index) => {
        const key = `attributions[${index}]`;
        const partnerId = requireString(row.partnerId, `${key}.partnerId`);
        const role = readAttributionRole(row.role, `${key}.role`);
        const attributed = optNumber(row.attributedAmount, `${key}.attributedAmount`, null) ?? 0;
        if (attributed < 0) {
            throw new RuleError('INVALID_INPUT', `${key}.attributedAmount must not be negative`);
        }
        const uniqueKey = commissionKey(opportunityId, partnerId, role);
        if (earnings.has(uniqueKey)) {
            throw new RuleError('DUPLICATE_PARTNER_ROLE', `${partnerId} appears twice as ${role}`);
        }
        const rowType = optText(row.programType, `${key}.programType`);
        const rowBase = optNumber(row.basePercent, `${key}.basePercent`, null);
        const rowUplift = optNumber(row.tierUpliftPercent, `${key}.tierUpliftPercent`, null);
        const rate = rowType === null
            ? rateHundredths(defaultType, defaultBase, defaultUplift)
            : rateHundredths(rowType, rowBase, rowUplift);
        const cents = earned
            ? exactDivide(exactMultiply(exactOf(attributed, `${key}.attributedAmount`), exactFromScaled(rate, 2)), HUNDRED, 2)
            : ZERO;
        earnings.set(uniqueKey, { partnerId, rate, cents });
        keyOrder.push(uniqueKey);
    });
    const entries = readEntries(input.existing);
    for (const entry of entries) {
        const baseKey = commissionBaseKey(entry.uniqueKey);
        if (!keyOrder.includes(baseKey)) {
            keyOrder.push(baseKey);
        }
    }
    const changes = [];
    for (const baseKey of keyOrder) {
        const group = entries.filter((e) => commissionBaseKey(e.uniqueKey) === baseKey);
        const earning = earnings.get(baseKey) ?? null;
        const partnerId = earning !== null ? earning.partnerId : (group.find((e) => e.partnerId !== null)?.partnerId ?? null);
        const rate = earning !== null ? earning.rate : (group.find((e) => e.rate !== null)?.rate ?? null);
        let paid = ZERO;
        for (const entry of group) {
            if (entry.status === 'Paid') {
                paid += entry.cents;
            }
        }
        const needed = (earning === null ? ZERO : earning.cents) - paid;
        const carrier = needed === ZERO ? undefined : (group.find(isOpen) ?? group.find((e) => e.status === 'Reversed'));
        const carried = {
            action: 'Update',
            uniqueKey: baseKey,
            partnerId,
            amount: hundredthsToNumber(needed),
            ratePercent: rate === null ? null : hundredthsToNumber(rate),
            period,
            status: 'Pending',
        };
        for (const entry of group) {
            if (entry === carrier) {
                const unchanged = isOpen(entry) && entry.cents === needed && entry.rate === rate && entry.period === period;
                changes.push(unchanged ? keep('None', entry, partnerId) : { ...carried, uniqueKey: entry.uniqueKey });
            }
            else {
                changes.push(keep(isOpen(entry) ? 'Reverse' : 'None', entry, partnerId));
            }
        }
        if (needed !== ZERO && carrier === undefined) {
            changes.push({ ...carried, action: 'Create', uniqueKey: adjustmentKey(baseKey, group) });
        }
    }
    return { changes };
}
/**
 * The payout period a commission earned on a date falls in: `YYYY-MM` or `YYYY-Qn`.
 * Refusals: UNKNOWN_CADENCE, INVALID_INPUT.
 */
export function payoutPeriod(input) {
    const earnedOn = readDate(input.earnedOn, 'earnedOn');
    const cadence = optText(input.cadence, 'cadence');
    if (cadence === 'Monthly') {
        return earnedOn.iso.substring(0, 7);
    }
    if (cadence === 'Quarterly') {
        return `${earnedOn.iso.substring(0, 4)}-Q${Math.floor((earnedOn.month - 1) / 3) + 1}`;
    }
    throw new RuleError('UNKNOWN_CADENCE', 'cadence must be Monthly or Quarterly');
}
/** Program ROI (see the module comment). Refusals: INVALID_INPUT. */
export function programRoi(input) {
    const revenue = exactOf(optNumber(input.attributedRevenue, 'attributedRevenue', null) ?? 0, 'attributedRevenue');
    const commissions = exactOf(optNumber(input.commissions, 'commissions', null) ?? 0, 'commissions');
    const costs = exactOf(optNumber(input.programCosts, 'programCosts', null) ?? 0, 'programCosts');
    const totalCost = exactAdd(commissions, costs);
    return {
        roi: exactSign(totalCost) > 0 ? hundredthsToNumber(exactDivide(revenue, totalCost, 2)) : null,
        totalCost: hundredthsToNumber(exactRound(totalCost, 2)),
    };
}
/** Vector rule names of the commissions area. */
export const commissionsRules = {
    commissionRate: (input) => commissionRate(input),
    commissionFor: (input) => commissionFor(input),
    payoutPeriod: (input) => payoutPeriod(input),
    programRoi: (input) => programRoi(input),
};
