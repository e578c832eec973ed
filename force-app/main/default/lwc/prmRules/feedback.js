// Generated from lwc-ts-src/prmRules/feedback.ts by `npm run build`. Do not edit.
/**
 * Partner feedback rules: the pulse survey a partner user answers at most once per calendar
 * quarter (a 0–10 score and a comment), how a score is classed (promoter 9–10, passive 7–8,
 * detractor 0–6: the Net Promoter convention) and the net score of a set of answers.
 * Twin: Apex `FeedbackRules`; vectors: spec/vectors/feedback.json.
 */
import { RuleError } from './ruleError';
import { optDate, optList, readDate } from './ruleInput';
const INVALID_INPUT = 'INVALID_INPUT';
/** Highest score of a detractor; at or below it the partner manager is alerted. */
export const DETRACTOR_MAX_SCORE = 6;
/** Lowest score of a promoter. */
export const PROMOTER_MIN_SCORE = 9;
/** A score must be a whole number from 0 to 10. */
function readScore(value, key) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 10) {
        throw new RuleError(INVALID_INPUT, `${key} must be a whole number from 0 to 10`);
    }
    return value;
}
function quarterOf(date) {
    return `${date.year}-Q${Math.floor((date.month - 1) / 3) + 1}`;
}
/** The first day of the quarter after the one `date` is in, `YYYY-MM-DD`. */
function nextQuarterStart(date) {
    const quarterIndex = Math.floor((date.month - 1) / 3);
    const year = quarterIndex === 3 ? date.year + 1 : date.year;
    const month = quarterIndex === 3 ? 1 : quarterIndex * 3 + 4;
    return `${year}-${String(month).padStart(2, '0')}-01`;
}
/**
 * The calendar quarter of a date, `YYYY-Qn`: the period a partner user answers once.
 * @param input `{ date }`
 */
export function feedbackQuarter(input) {
    return quarterOf(readDate(input.date, 'date'));
}
/**
 * Whether a partner user may answer the pulse survey today: once per calendar quarter.
 * @param input today and the last answer's date
 */
export function feedbackEligibility(input) {
    const today = readDate(input.today, 'today');
    const last = optDate(input.lastSubmittedOn, 'lastSubmittedOn');
    if (last !== null && last.epochDay > today.epochDay) {
        throw new RuleError(INVALID_INPUT, 'lastSubmittedOn must not be after today');
    }
    const quarter = quarterOf(today);
    const answered = last !== null && quarterOf(last) === quarter;
    return { eligible: !answered, quarter, opensOn: answered ? nextQuarterStart(today) : null };
}
/**
 * The class of a score: Promoter (9–10), Passive (7–8) or Detractor (0–6).
 * @param input `{ score }`
 */
export function feedbackCategory(input) {
    const score = readScore(input.score, 'score');
    if (score >= PROMOTER_MIN_SCORE) {
        return 'Promoter';
    }
    return score > DETRACTOR_MAX_SCORE ? 'Passive' : 'Detractor';
}
/**
 * The net promoter score of a set of answers, computed in whole numbers so both runtimes round
 * the same way.
 * @param input `{ scores }`
 */
export function netPromoterScore(input) {
    const scores = optList(input.scores, 'scores').map((value, i) => readScore(value, `scores[${i}]`));
    const promoters = scores.filter((s) => s >= PROMOTER_MIN_SCORE).length;
    const detractors = scores.filter((s) => s <= DETRACTOR_MAX_SCORE).length;
    const responses = scores.length;
    let score = null;
    if (responses > 0) {
        // Tenths of a point: round(1000 × difference ÷ responses), halves away from zero.
        const difference = promoters - detractors;
        const tenths = Math.floor((2000 * Math.abs(difference) + responses) / (2 * responses));
        score = (Math.sign(difference) * tenths) / 10;
    }
    return { responses, promoters, passives: responses - promoters - detractors, detractors, score };
}
export const feedbackRules = {
    feedbackQuarter: (input) => feedbackQuarter(input),
    feedbackEligibility: (input) => feedbackEligibility(input),
    feedbackCategory: (input) => feedbackCategory(input),
    netPromoterScore: (input) => netPromoterScore(input),
};
