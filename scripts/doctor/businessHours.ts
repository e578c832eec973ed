/** The lead acceptance SLA is measured in the business hours the routing policy names, with holidays. */
import { records, type DoctorCheck } from './check';

export const businessHours: DoctorCheck = {
  id: 'business-hours',
  title: 'Business hours and holidays',
  describe:
    'the business hours of the lead SLA (Lead_Routing_Policy__mdt.Business_Hours_Name__c, else the default) are active, with holidays',
  async run(context) {
    const policy = await records(
      context,
      context.names.toOrg(
        "SELECT Business_Hours_Name__c FROM Lead_Routing_Policy__mdt WHERE DeveloperName = 'Default'",
      ),
    );
    const wanted = policy.length > 0 ? context.names.recordFromOrg(policy[0]).Business_Hours_Name__c : undefined;
    const hours = await records(context, 'SELECT Id, Name, IsDefault FROM BusinessHours WHERE IsActive = true');
    const chosen =
      (typeof wanted === 'string' && wanted !== '' ? hours.find((h) => h.Name === wanted) : undefined) ??
      hours.find((h) => h.IsDefault === true);
    if (!chosen) {
      return {
        status: 'fail',
        detail:
          typeof wanted === 'string' && wanted !== ''
            ? `no active business hours named ${wanted}`
            : 'no active default business hours',
        fix: 'Setup › Business Hours: create the SLA calendar (or fix Business_Hours_Name__c in the Default lead routing policy).',
      };
    }
    const holidays = await records(context, 'SELECT Id FROM Holiday');
    return holidays.length > 0
      ? { status: 'pass', detail: `${String(chosen.Name)}, ${holidays.length} holiday(s)` }
      : {
          status: 'warn',
          detail: `${String(chosen.Name)}, no holidays: the SLA clock runs on public holidays`,
          fix: 'Setup › Holidays: add the public holidays and link them to the business hours.',
        };
  },
};
