/**
 * The user flows, one file per component area. A flow names the preview pages it opens and
 * is skipped while one of them is not built.
 */
import type { E2ETest } from '../harness';
import { APPLICATION_FLOWS } from './application';
import { ATTRIBUTION_FLOWS } from './attribution';
import { DEAL_REGISTRATION_FLOWS } from './dealRegistration';
import { FEEDBACK_FLOWS } from './feedback';
import { LEAD_ROUTING_FLOWS } from './leadRouting';
import { LEAD_FLOWS } from './leads';
import { LEAD_SUBMISSION_FLOWS } from './leadSubmission';
import { SUPPORT_FLOWS } from './support';
import { PERFORMANCE_FLOWS } from './performance';
import { REPORT_FLOWS } from './reports';
import { TIER_FLOWS } from './tiers';

export const FLOW_TESTS: E2ETest[] = [
  ...DEAL_REGISTRATION_FLOWS,
  ...LEAD_FLOWS,
  ...LEAD_SUBMISSION_FLOWS,
  ...LEAD_ROUTING_FLOWS,
  ...TIER_FLOWS,
  ...APPLICATION_FLOWS,
  ...ATTRIBUTION_FLOWS,
  ...FEEDBACK_FLOWS,
  ...SUPPORT_FLOWS,
  ...PERFORMANCE_FLOWS,
  ...REPORT_FLOWS,
];
