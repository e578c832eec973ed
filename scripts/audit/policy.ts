/**
 * The program policy the audit judges stored values against, and the seed generates with:
 * the packaged Default custom metadata records unless `--policy FILE` overrides them.
 * Values mirror `Deal_Registration_Policy__mdt`, `Lead_Routing_Policy__mdt` and
 * `Attribution_Policy__mdt`; the business-hours calendar of the SLA is given here because
 * an offline snapshot does not carry the org's BusinessHours.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  DEFAULT_ATTRIBUTION_POLICY,
  DEFAULT_DEAL_REGISTRATION_POLICY,
  LEAD_DEFAULT_SLA_HOURS,
  type LeadBusinessCalendar,
} from './rules';

export interface ProgramPolicy {
  dealRegistration: {
    autoApproveThreshold: number;
    directorThreshold: number;
    protectionDays: number;
    renewalDays: number;
    renewalWindowDays: number;
    maxRenewals: number;
    /** Name score from which two accounts are a possible duplicate (0 to 1). */
    possibleDuplicateThreshold: number;
  };
  /** Days an approved registration may wait for its opportunity before the audit flags it. */
  conversionGraceDays: number;
  leadRouting: {
    acceptWithinHours: number;
    /** Business hours the SLA counts in; null counts around the clock. */
    calendar: LeadBusinessCalendar | null;
  };
  attribution: { maxSourcedPartners: number };
}

export const DEFAULT_POLICY: ProgramPolicy = Object.freeze({
  dealRegistration: {
    autoApproveThreshold: DEFAULT_DEAL_REGISTRATION_POLICY.autoApproveThreshold,
    directorThreshold: DEFAULT_DEAL_REGISTRATION_POLICY.directorThreshold,
    protectionDays: DEFAULT_DEAL_REGISTRATION_POLICY.protectionDays,
    renewalDays: DEFAULT_DEAL_REGISTRATION_POLICY.renewalDays,
    renewalWindowDays: DEFAULT_DEAL_REGISTRATION_POLICY.renewalWindowDays,
    maxRenewals: DEFAULT_DEAL_REGISTRATION_POLICY.maxRenewals,
    possibleDuplicateThreshold: DEFAULT_DEAL_REGISTRATION_POLICY.possibleDuplicateThreshold,
  },
  conversionGraceDays: 14,
  leadRouting: { acceptWithinHours: LEAD_DEFAULT_SLA_HOURS, calendar: null },
  attribution: { maxSourcedPartners: DEFAULT_ATTRIBUTION_POLICY.maxSourcedPartners },
}) as ProgramPolicy;

const nonNegative = z.number().nonnegative();
const window = z.object({ start: z.string(), end: z.string() });

const policyFile = z
  .object({
    dealRegistration: z
      .object({
        autoApproveThreshold: nonNegative,
        directorThreshold: nonNegative,
        protectionDays: z.number().int().positive(),
        renewalDays: z.number().int().positive(),
        renewalWindowDays: z.number().int().nonnegative(),
        maxRenewals: z.number().int().nonnegative(),
        possibleDuplicateThreshold: z.number().min(0).max(1),
      })
      .partial()
      .strict(),
    conversionGraceDays: z.number().int().nonnegative(),
    leadRouting: z
      .object({
        acceptWithinHours: z.number().positive(),
        calendar: z
          .object({
            timeZone: z.string(),
            week: z.record(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']), z.array(window)),
            holidays: z.array(z.string()).optional(),
          })
          .nullable(),
      })
      .partial()
      .strict(),
    attribution: z.object({ maxSourcedPartners: z.number().int().nonnegative() }).partial().strict(),
  })
  .partial()
  .strict();

/** An unreadable or invalid policy file. */
export class PolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyError';
  }
}

/**
 * Reads a policy file (every key optional) over the defaults.
 * @param file JSON file path
 */
export function readPolicy(file: string): ProgramPolicy {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PolicyError(`${file}: cannot read the policy (${(error as Error).message})`);
  }
  const parsed = policyFile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PolicyError(`${file}: ${issue.path.join('.') || 'root'}: ${issue.message}`);
  }
  const p = parsed.data;
  return {
    dealRegistration: { ...DEFAULT_POLICY.dealRegistration, ...p.dealRegistration },
    conversionGraceDays: p.conversionGraceDays ?? DEFAULT_POLICY.conversionGraceDays,
    leadRouting: {
      acceptWithinHours: p.leadRouting?.acceptWithinHours ?? DEFAULT_POLICY.leadRouting.acceptWithinHours,
      calendar:
        (p.leadRouting?.calendar as LeadBusinessCalendar | null | undefined) ?? DEFAULT_POLICY.leadRouting.calendar,
    },
    attribution: { ...DEFAULT_POLICY.attribution, ...p.attribution },
  };
}
