/** What each audit check looks for, how severe it is, which rule decides it and how to fix it. */
import type { CheckId, Severity } from '../checkIds';

export interface CheckInfo {
  id: CheckId;
  severity: Severity;
  title: string;
  /** What the check compares, and which shared rule decides. */
  description: string;
  /** Default fix; findings may give a more specific one. */
  fix: string;
}

export const CHECKS: Readonly<Record<CheckId, CheckInfo>> = {
  'duplicate-account': {
    id: 'duplicate-account',
    severity: 'warning',
    title: 'Duplicate accounts',
    description:
      'Accounts of the same kind (partner or customer) whose names give the same company match key (matchKeys); the oldest is kept, every later one is reported.',
    fix: 'Merge the duplicate into the oldest account, then re-point its contacts, opportunities and registrations.',
  },
  'possible-duplicate-account': {
    id: 'possible-duplicate-account',
    severity: 'info',
    title: 'Possible duplicate accounts',
    description:
      'Accounts of the same kind whose names are alike but give different company keys (companySimilarity at or above the policy threshold, default 0.8), compared within their blocking key (the first word after legal forms); each later account is reported with the score and the words that matched.',
    fix: 'Review the pair: merge it into the older account when it is the same company.',
  },
  'match-key-stale': {
    id: 'match-key-stale',
    severity: 'info',
    title: 'Stale match keys',
    description:
      'Stored Match_Key__c / Domain_Key__c that differ from the keys matchKeys computes from the name, website and e-mail, so conflict and duplicate lookups miss the record.',
    fix: 'Save the record again with automation on (the trigger recomputes the keys) or run the match-key backfill.',
  },
  'missing-field': {
    id: 'missing-field',
    severity: 'warning',
    title: 'Missing business fields',
    description:
      'Fields the partner program needs at the record’s stage (e.g. amount and close date once a registration is submitted, Accept By on an offered lead).',
    fix: 'Fill in the listed fields.',
  },
  'orphan-reference': {
    id: 'orphan-reference',
    severity: 'error',
    title: 'References to missing records',
    description: 'Lookups whose target is not in the data set (deleted, or invisible to the auditing user).',
    fix: 'Point the lookup at an existing record or clear it.',
  },
  'registration-expired-open': {
    id: 'registration-expired-open',
    severity: 'error',
    title: 'Expired registrations still open',
    description: 'Approved registrations past their protection end (isExpired) that still show as Approved.',
    fix: 'Set the status to Expired (the daily expiry job does this; check that it is scheduled).',
  },
  'registration-expiry-mismatch': {
    id: 'registration-expiry-mismatch',
    severity: 'warning',
    title: 'Wrong expiry dates',
    description:
      'Expires_On__c that differs from the approval date plus the protection period and renewals (expiryDate, renew).',
    fix: 'Set Expires On to the date the policy gives, or record the renewal that explains it.',
  },
  'registration-route-mismatch': {
    id: 'registration-route-mismatch',
    severity: 'warning',
    title: 'Wrong approval routes',
    description:
      'Approval_Route__c that differs from the route approvalRoute gives for the amount and conflict status.',
    fix: 'Correct the route; if the approval was made at the wrong level, have it reviewed at the right one.',
  },
  'registration-no-opportunity': {
    id: 'registration-no-opportunity',
    severity: 'warning',
    title: 'Approved registrations without an opportunity',
    description:
      'Converted registrations with no opportunity, and approved ones still without one after the conversion grace period.',
    fix: 'Convert the registration (creates the opportunity) or close it.',
  },
  'registration-opportunity-sync': {
    id: 'registration-opportunity-sync',
    severity: 'warning',
    title: 'Registration and opportunity out of sync',
    description:
      'Registrations whose copied opportunity stage or amount differ from their opportunity, or whose opportunity points to another registration.',
    fix: 'Copy the opportunity’s stage and amount back to the registration and fix Source Registration on the opportunity.',
  },
  'lead-offer-overdue': {
    id: 'lead-offer-overdue',
    severity: 'error',
    title: 'Overdue lead offers',
    description: 'Leads still Offered after their accept-by deadline (leadSlaStatus).',
    fix: 'Recall the offer and route the lead to the next partner (the hourly SLA monitor does this).',
  },
  'lead-accept-by-mismatch': {
    id: 'lead-accept-by-mismatch',
    severity: 'warning',
    title: 'Wrong accept-by deadlines',
    description: 'Accept_By__c that differs from the SLA leadAcceptBy computes from the offer time and routing policy.',
    fix: 'Recompute Accept By from the offer time (business hours of the routing policy).',
  },
  'attribution-duplicate': {
    id: 'attribution-duplicate',
    severity: 'error',
    title: 'Duplicate attribution',
    description: 'The same partner and role credited twice on one opportunity (validateAttributions).',
    fix: 'Merge the rows into one and recompute the split.',
  },
  'attribution-weights': {
    id: 'attribution-weights',
    severity: 'error',
    title: 'Attribution weights invalid',
    description:
      'Opportunities whose attribution weights do not add up to 100 %, fall outside 0–100, or name too many sourcing partners (validateAttributions).',
    fix: 'Recompute the attribution with the policy model.',
  },
  'attribution-amount-mismatch': {
    id: 'attribution-amount-mismatch',
    severity: 'warning',
    title: 'Attributed amounts do not add up',
    description: 'Opportunities whose attributed amounts do not add up to the opportunity amount.',
    fix: 'Recompute the attribution after the last amount change.',
  },
  'partner-deal-no-attribution': {
    id: 'partner-deal-no-attribution',
    severity: 'warning',
    title: 'Partner deals without attribution',
    description:
      'Opportunities with a sourcing partner, a source registration or the partner-involved flag but no attribution rows.',
    fix: 'Run attribution for the opportunity so the partner is credited.',
  },
  'stale-tier': {
    id: 'stale-tier',
    severity: 'warning',
    title: 'Stale tiers',
    description:
      'Memberships whose stored metrics call for an upgrade or a downgrade whose grace period is over (evaluateTier), i.e. the nightly evaluation did not apply.',
    fix: 'Run the tier evaluation for the membership (or the nightly job).',
  },
  'commission-mismatch': {
    id: 'commission-mismatch',
    severity: 'error',
    title: 'Commission ledger out of date',
    description:
      'Ledger entries that commissionFor would change (amount, rate, period, reversal) or entries that are missing for won partner deals.',
    fix: 'Recalculate the opportunity’s commissions; correct paid entries with an adjustment.',
  },
};
