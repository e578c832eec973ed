/** The org may send e-mail: registration, onboarding and lead alerts are e-mails. */
import type { DoctorCheck } from './check';

/** Reserving capacity for one e-mail fails when deliverability is not "All email". */
export const PROBE = 'Messaging.reserveSingleEmailCapacity(1);';

export const emailDeliverability: DoctorCheck = {
  id: 'email',
  title: 'E-mail deliverability',
  describe: 'the org can send e-mail to partners (Deliverability access level "All email")',
  async run(context) {
    const result = await context.client.executeAnonymous(PROBE);
    if (result.compiled && result.success) {
      return { status: 'pass', detail: 'the org can send e-mail' };
    }
    return {
      status: 'fail',
      detail: result.exceptionMessage ?? 'the e-mail probe failed',
      fix: 'Setup › Deliverability › Access level: All email (sandboxes start at "System email only").',
    };
  },
};
