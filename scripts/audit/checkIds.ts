/** Identifiers of the audit checks; the seed's ground truth names planted problems by them. */
export const CHECK_IDS = [
  'duplicate-account',
  'possible-duplicate-account',
  'match-key-stale',
  'missing-field',
  'orphan-reference',
  'registration-expired-open',
  'registration-expiry-mismatch',
  'registration-route-mismatch',
  'registration-no-opportunity',
  'registration-opportunity-sync',
  'lead-offer-overdue',
  'lead-accept-by-mismatch',
  'attribution-duplicate',
  'attribution-weights',
  'attribution-amount-mismatch',
  'partner-deal-no-attribution',
  'stale-tier',
  'commission-mismatch',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];

export type Severity = 'error' | 'warning' | 'info';

/** Severity order for `--fail-on`: a finding fails the run when it is at or above the threshold. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = Object.freeze({ error: 3, warning: 2, info: 1 });
