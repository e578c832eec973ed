/** Partner user licences left for new partner users. */
import { records, type DoctorCheck } from './check';

/** The licences a partner portal user can hold. */
export const PARTNER_LICENCES = ['Partner Community', 'Partner Community Login', 'Gold Partner', 'Silver Partner'];

export const partnerLicences: DoctorCheck = {
  id: 'partner-licences',
  title: 'Partner licences free',
  describe: `at least one free licence of ${PARTNER_LICENCES.join(', ')}`,
  async run(context) {
    const licences = await records(
      context,
      `SELECT Name, TotalLicenses, UsedLicenses FROM UserLicense WHERE Name IN (${PARTNER_LICENCES.map((n) => `'${n}'`).join(', ')})`,
    );
    const free = licences.map((l) => ({
      name: String(l.Name),
      free: Number(l.TotalLicenses) - Number(l.UsedLicenses),
    }));
    const total = free.reduce((sum, l) => sum + Math.max(0, l.free), 0);
    const detail =
      free.length === 0 ? 'no partner licence in this org' : free.map((l) => `${l.name}: ${l.free} free`).join(', ');
    return total > 0
      ? { status: 'pass', detail }
      : {
          status: 'fail',
          detail,
          fix: 'Approved applicants cannot get portal users: buy Partner Community licences or deactivate unused partner users.',
        };
  },
};
