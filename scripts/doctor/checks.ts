/** Every readiness check of `prm doctor`, in the order of the table. */
import { businessHours } from './businessHours';
import type { DoctorCheck } from './check';
import { currency } from './currency';
import { emailDeliverability } from './emailDeliverability';
import { externalMfa } from './externalMfa';
import { externalSharing } from './externalSharing';
import { namespace } from './namespace';
import { packageVersion } from './packageVersion';
import { partnerLicences } from './partnerLicences';
import { personaAssignments } from './personaAssignments';
import { recurringJobs } from './recurringJobs';
import { sitePublished } from './sitePublished';

export const DOCTOR_CHECKS: DoctorCheck[] = [
  packageVersion,
  namespace,
  partnerLicences,
  externalSharing,
  businessHours,
  personaAssignments,
  recurringJobs,
  sitePublished,
  emailDeliverability,
  currency,
  externalMfa,
];
