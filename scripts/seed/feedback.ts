/**
 * Pulse survey answers: each quarter of the last year a share of a partner's portal users
 * answer (at most once a quarter, as the portal allows), with scores that rise with the
 * partner's tier and drift by quarter, so the audit's NPS by program, tier and quarter differ.
 * Quarter and class come from the shared feedback rules. The answers draw from their own
 * random stream, so adding them left every other generated record as it was.
 */
import { feedbackCategory, feedbackQuarter } from '../audit/rules';
import { addDays, daysBetween, msOfDate } from './calendar';
import type { SeedContext } from './context';
import type { Cluster, MembershipPlan } from './model';

/** Quarters of answers before the current one (plus the current one, answered so far). */
const PAST_QUARTERS = 4;
/** Share of portal users who answer in a quarter. */
const ANSWER_RATE = 0.55;
const COMMENTS: readonly string[] = [
  'Deal registration is quick now.',
  'Lead quality varies; more context on each lead would help.',
  'Training paths are clear.',
  'Commission statements arrive late.',
  'Our partner manager answers fast.',
  'The portal is easy to find things in.',
];

/** Per program (in catalogue order): how much better or worse its partners feel than the baseline. */
const PROGRAM_MOODS: readonly number[] = [0.6, -0.5, 0.2];

/** Salt of this module's random stream (SeedContext.sideStream). */
const STREAM_SALT = 0x5eedfb;

/** First day of the quarter `offset` quarters before the one `today` is in. */
function quarterStart(today: string, offset: number): string {
  const year = Number(today.slice(0, 4));
  const index = Math.floor((Number(today.slice(5, 7)) - 1) / 3) - offset;
  const y = year + Math.floor(index / 4);
  const q = ((index % 4) + 4) % 4;
  return `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`;
}

export function generateFeedback(ctx: SeedContext, cluster: Cluster, primary: MembershipPlan): void {
  const partner = cluster.partner;
  if (!partner.active) {
    return;
  }
  const random = ctx.sideStream(STREAM_SALT);
  const tier = primary.program.tiers[primary.heldIndex];
  // Higher tiers are happier; each program has its own mood; Onboarding partners are unsure.
  const programMood = PROGRAM_MOODS[ctx.programs.indexOf(primary.program) % PROGRAM_MOODS.length];
  const baseline = 6.2 + primary.heldIndex * 1.1 + programMood - (partner.status === 'Onboarding' ? 1 : 0);
  for (let offset = PAST_QUARTERS; offset >= 0; offset--) {
    const start = quarterStart(ctx.today, offset);
    const end = offset === 0 ? ctx.today : addDays(quarterStart(ctx.today, offset - 1), -1);
    if (end < partner.since) {
      continue;
    }
    const from = start < partner.since ? partner.since : start;
    // Scores improve over the year as the programme settles in.
    const trend = (PAST_QUARTERS - offset) * 0.35;
    for (const contact of cluster.contacts) {
      if (!random.chance(ANSWER_RATE)) {
        continue;
      }
      const submittedOn = addDays(from, random.int(0, daysBetween(from, end)));
      const score = Math.max(0, Math.min(10, Math.round(baseline + trend + random.normal() * 1.8)));
      const quarter = feedbackQuarter({ date: submittedOn });
      const record = ctx.base('Partner_Feedback__c', msOfDate(submittedOn) + random.int(8, 18) * 3600000);
      Object.assign(record, {
        Partner_Account__c: partner.id,
        Program__c: primary.program.id,
        Tier__c: tier.id,
        Score__c: score,
        Category__c: feedbackCategory({ score }),
        Quarter__c: quarter,
        Submitted_On__c: submittedOn,
        Comment__c: random.chance(0.4) ? random.pick(COMMENTS) : null,
        Unique_Key__c: `${contact.id}|${quarter}`,
      });
      ctx.emit('Partner_Feedback__c', record);
    }
  }
}
