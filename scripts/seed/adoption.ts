/**
 * Pilot adoption of a partner: when it was invited to the portal and the first login,
 * registration, accepted lead and won deal the other modules generated for it, stored on the
 * partner account as the nightly adoption job stores them (stage, days and stall from the shared
 * `partnerAdoption` rule). The invitation draws from its own random stream, so adding it left
 * every other generated record as it was.
 */
import { partnerAdoption } from '../audit/rules';
import type { CellValue } from '../snapshot/format';
import { addDays, dateOf, datetimeOf, MS_PER_DAY, MS_PER_HOUR, msOfDate } from './calendar';
import type { SeedContext } from './context';
import type { Cluster } from './model';

/** The portal went live this many days before the data's "now": earlier partners were invited then. */
const PORTAL_LAUNCH_DAYS_AGO = 400;
/** Share of partners never invited (accounts kept off the portal). */
const NOT_INVITED_RATE = 0.08;

export type AdoptionStep = keyof Cluster['firstSteps'];

/** Records a step when it is the partner's earliest of its kind. */
export function noteStep(cluster: Cluster, step: AdoptionStep, ms: number): void {
  const current = cluster.firstSteps[step];
  if (current === null || ms < current) {
    cluster.firstSteps[step] = ms;
  }
}

/** Salt of this module's random stream (SeedContext.sideStream). */
const STREAM_SALT = 0xad0917;

/** The invitation instant: a few days after the partner joined, or after the portal went live. */
function invitedMs(ctx: SeedContext, cluster: Cluster): number | null {
  const random = ctx.sideStream(STREAM_SALT);
  if (random.chance(NOT_INVITED_RATE)) {
    return null;
  }
  const launch = addDays(ctx.today, -PORTAL_LAUNCH_DAYS_AGO);
  const from = cluster.partner.since > launch ? cluster.partner.since : launch;
  const ms = msOfDate(from) + random.int(0, 3) * MS_PER_DAY + random.int(8, 17) * MS_PER_HOUR;
  return Math.min(ms, ctx.nowMs - MS_PER_HOUR);
}

const dateOfMs = (ms: number | null): string | null => (ms === null ? null : dateOf(ms));
const datetimeOfMs = (ms: number | null): string | null => (ms === null ? null : datetimeOf(ms));

/** The partner account's adoption fields. */
export function adoptionFields(ctx: SeedContext, cluster: Cluster): Record<string, CellValue> {
  const invited = invitedMs(ctx, cluster);
  const steps = cluster.firstSteps;
  const firstDealOn = dateOfMs(steps.deal);
  const adoption = partnerAdoption({
    today: ctx.today,
    invitedOn: dateOfMs(invited),
    firstLoginOn: dateOfMs(steps.login),
    firstRegistrationOn: dateOfMs(steps.registration),
    firstLeadAcceptedOn: dateOfMs(steps.leadAccepted),
    firstDealOn,
  });
  return {
    Portal_Invited_At__c: datetimeOfMs(invited),
    First_Login_At__c: datetimeOfMs(steps.login),
    First_Registration_At__c: datetimeOfMs(steps.registration),
    First_Lead_Accepted_At__c: datetimeOfMs(steps.leadAccepted),
    First_Deal_On__c: firstDealOn,
    Days_To_First_Deal__c: adoption.daysToFirstDeal,
    Adoption_Stage__c: adoption.stage,
    Adoption_Stalled__c: adoption.stalled,
  };
}
