/**
 * The shared rule module as the seed and the audit use it. Every business decision (keys,
 * expiry, routes, SLA, tiers, attribution, commissions, ROI, program metrics) comes from here, so the audit
 * judges data by exactly the rules the org enforces, never by a re-implementation.
 */
export {
  RuleError,
  DEFAULT_ATTRIBUTION_POLICY,
  DEFAULT_DEAL_REGISTRATION_POLICY,
  LEAD_DEFAULT_SLA_HOURS,
  approvalRoute,
  attributeCredit,
  commissionFor,
  commissionKey,
  commissionBaseKey,
  blockKeyOf,
  companyKeyOf,
  companyTokensOf,
  explainSimilarity,
  nameSimilarity,
  tokenSimilarityOf,
  engagementScore,
  evaluateTier,
  expiryDate,
  isExpired,
  leadAcceptBy,
  leadSlaStatus,
  localToday,
  matchKeys,
  medianDecisionDays,
  offerOutcome,
  programRoi,
  ratePercent,
  renew,
  validateAttributions,
} from '../../lwc-ts-src/prmRules/prmRules';
export { parseIsoDatetime } from '../../lwc-ts-src/prmRules/ruleInput';
export type {
  AttributionCreditRow,
  AttributionRole,
  CommissionAttribution,
  CommissionLedgerEntry,
  LeadBusinessCalendar,
  RegistrationApprovalRoute,
  RegistrationConflictStatus,
  RegistrationStatus,
  TierDefinition,
} from '../../lwc-ts-src/prmRules/prmRules';
