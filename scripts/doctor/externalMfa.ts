/** Every active partner user must use multi-factor authentication, by profile or permission set. */
import { field, records, type DoctorCheck } from './check';

export const externalMfa: DoctorCheck = {
  id: 'mfa',
  title: 'MFA for external users',
  describe:
    'every active partner user holds "Multi-Factor Authentication for User Interface Logins" (profile or permission set)',
  async run(context) {
    const withoutByProfile = await records(
      context,
      "SELECT Id FROM User WHERE IsActive = true AND UserType = 'PowerPartner' AND Profile.PermissionsForceTwoFactor = false",
    );
    const byPermissionSet = await records(
      context,
      "SELECT AssigneeId FROM PermissionSetAssignment WHERE PermissionSet.PermissionsForceTwoFactor = true AND Assignee.UserType = 'PowerPartner' AND Assignee.IsActive = true",
    );
    const covered = new Set(byPermissionSet.map((a) => String(field(a, 'AssigneeId'))));
    const uncovered = withoutByProfile.filter((u) => !covered.has(String(u.Id))).length;
    return uncovered === 0
      ? { status: 'pass', detail: 'every active partner user must use MFA' }
      : {
          status: 'fail',
          detail: `${uncovered} active partner user(s) can log in without MFA`,
          fix: 'Give the partner profile or a permission set "Multi-Factor Authentication for User Interface Logins".',
        };
  },
};
