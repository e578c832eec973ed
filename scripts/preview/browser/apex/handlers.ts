/**
 * The registry of Apex stand-ins: `<Class>.<method>` → handler. Each area file answers the
 * methods one controller exposes, from the demo data, shaped like that controller's DTOs.
 * Business rules are never re-implemented here: where the server decides (a conflict
 * verdict, an approval route, an SLA), the handler calls the `c/prmRules` function the
 * Apex twin mirrors.
 */
import type { ApexHandler } from './api';
import { ATTRIBUTION } from './attribution';
import { COMMISSION_PAYOUT } from './commissionPayout';
import { LEADS } from './leads';
import { PORTAL } from './portal';
import { PORTAL_DEAL_REGISTRATION } from './portalDealRegistration';
import { PORTAL_EARNINGS } from './portalEarnings';
import { PORTAL_FEEDBACK } from './portalFeedback';
import { PORTAL_SUPPORT } from './portalSupport';
import { PORTAL_PERFORMANCE } from './portalPerformance';
import { REGISTRATION_CONFLICT_PANEL } from './registrationConflictPanel';
import { REGISTRATION_REVIEW } from './registrationReview';
import { TIERS } from './tiers';

export { ApexError, type ApexHandler, type ApexParams } from './api';

export const APEX_HANDLERS: Readonly<Record<string, ApexHandler>> = Object.freeze({
  ...ATTRIBUTION,
  ...COMMISSION_PAYOUT,
  ...LEADS,
  ...PORTAL,
  ...PORTAL_DEAL_REGISTRATION,
  ...PORTAL_EARNINGS,
  ...PORTAL_FEEDBACK,
  ...PORTAL_SUPPORT,
  ...PORTAL_PERFORMANCE,
  ...REGISTRATION_CONFLICT_PANEL,
  ...REGISTRATION_REVIEW,
  ...TIERS,
});
