// Generated from lwc-ts-src/prmRules/prmRules.ts by `npm run build`. Do not edit.
/**
 * The Partner Success rule module: every business rule as a pure function.
 * LWCs import it as `c/prmRules`; the Node scripts import this same file.
 * Inputs are explicit (no hidden clock): callers pass "now", time zones and calendars.
 *
 * `ruleRegistry` maps the rule names used in `spec/vectors/*.json` to functions
 * that take the vector's `input` object and return its `expected` value.
 */
import { matchKeyRules } from './matchKey';
import { attributionRules } from './attribution';
import { commissionsRules } from './commissions';
import { dealRegistrationRules } from './dealRegistration';
import { dealRegistrationFieldSyncRules } from './dealRegistrationFieldSync';
import { onboardingRules } from './onboarding';
import { tiersRules } from './tiers';
import { leadSharingRules } from './leadSharing';
import { feedbackRules } from './feedback';
import { adoptionRules } from './adoption';
import { programMetricsRules } from './programMetrics';
export { RuleError } from './ruleError';
export * from './matchKey';
export * from './attribution';
export * from './commissions';
export * from './dealRegistration';
export * from './dealRegistrationFieldSync';
export * from './onboarding';
export * from './tiers';
export * from './leadSharing';
export * from './feedback';
export * from './adoption';
export * from './programMetrics';
export * from './safeUrl';
export const ruleRegistry = Object.freeze({
    ...matchKeyRules,
    ...attributionRules,
    ...commissionsRules,
    ...dealRegistrationRules,
    ...dealRegistrationFieldSyncRules,
    ...onboardingRules,
    ...tiersRules,
    ...leadSharingRules,
    ...feedbackRules,
    ...adoptionRules,
    ...programMetricsRules,
});
