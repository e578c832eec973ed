/**
 * Partner adoption during a pilot: how far a partner got after its portal invitation (Invited →
 * Logged In → Registered → Accepted Lead → First Deal), the whole days from the invitation to
 * each first step, and whether it stalled (no new step for a number of days).
 * Twin: Apex `AdoptionRules`; vectors: spec/vectors/adoption.json.
 */
import { RuleError } from './ruleError';
import { optDate, optWhole, readDate, type CalendarDate, type JsonObject } from './ruleInput';

const INVALID_INPUT = 'INVALID_INPUT';

/** The stages in order; a partner is in the furthest one it reached. */
export const ADOPTION_STAGES = [
  'Not Invited',
  'Invited',
  'Logged In',
  'Registered',
  'Accepted Lead',
  'First Deal',
] as const;
export type AdoptionStage = (typeof ADOPTION_STAGES)[number];

/** Days without a new step after which a partner that has not closed a deal counts as stalled. */
export const DEFAULT_STALLED_AFTER_DAYS = 14;

export interface PartnerAdoptionInput {
  /** Today in the org's time zone. */
  today: string;
  /** The date of the first portal invitation; absent when none was sent. */
  invitedOn?: string | null;
  firstLoginOn?: string | null;
  firstRegistrationOn?: string | null;
  firstLeadAcceptedOn?: string | null;
  firstDealOn?: string | null;
  /** Default 14. */
  stalledAfterDays?: number | null;
}

export interface PartnerAdoption {
  stage: AdoptionStage;
  /** Whole days from the invitation to each first step (0 when the step came first); null when either is missing. */
  daysToFirstLogin: number | null;
  daysToFirstRegistration: number | null;
  daysToFirstLeadAccepted: number | null;
  daysToFirstDeal: number | null;
  /** The latest of the invitation and the first steps. */
  lastStepOn: string | null;
  /** Invited, no first deal yet, and no new step for more than `stalledAfterDays` days. */
  stalled: boolean;
}

function daysFrom(invited: CalendarDate | null, step: CalendarDate | null): number | null {
  return invited === null || step === null ? null : Math.max(0, step.epochDay - invited.epochDay);
}

/**
 * A partner's adoption stage, days to each first step and whether it stalled.
 * @param input today, the invitation date and the dates of the first steps
 */
export function partnerAdoption(input: PartnerAdoptionInput): PartnerAdoption {
  const today = readDate(input.today, 'today');
  const invited = optDate(input.invitedOn, 'invitedOn');
  const steps = [
    optDate(input.firstLoginOn, 'firstLoginOn'),
    optDate(input.firstRegistrationOn, 'firstRegistrationOn'),
    optDate(input.firstLeadAcceptedOn, 'firstLeadAcceptedOn'),
    optDate(input.firstDealOn, 'firstDealOn'),
  ];
  const stalledAfterDays = optWhole(
    input.stalledAfterDays,
    'stalledAfterDays',
    DEFAULT_STALLED_AFTER_DAYS,
    1,
    INVALID_INPUT,
  );
  let stageIndex = invited === null ? 0 : 1;
  let lastStep: CalendarDate | null = invited;
  for (const [index, step] of steps.entries()) {
    if (step !== null) {
      stageIndex = index + 2;
      lastStep = lastStep === null || step.epochDay > lastStep.epochDay ? step : lastStep;
    }
  }
  if (lastStep !== null && lastStep.epochDay > today.epochDay) {
    throw new RuleError(INVALID_INPUT, 'a step must not be after today');
  }
  const stage = ADOPTION_STAGES[stageIndex];
  return {
    stage,
    daysToFirstLogin: daysFrom(invited, steps[0]),
    daysToFirstRegistration: daysFrom(invited, steps[1]),
    daysToFirstLeadAccepted: daysFrom(invited, steps[2]),
    daysToFirstDeal: daysFrom(invited, steps[3]),
    lastStepOn: lastStep === null ? null : lastStep.iso,
    stalled:
      invited !== null &&
      stage !== 'First Deal' &&
      lastStep !== null &&
      today.epochDay - lastStep.epochDay > stalledAfterDays,
  };
}

export const adoptionRules: Record<string, (input: JsonObject) => unknown> = {
  partnerAdoption: (input) => partnerAdoption(input as unknown as PartnerAdoptionInput),
};
