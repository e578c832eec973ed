/** Shared leads: overdue offers (leadSlaStatus) and deadlines that disagree with the SLA (leadAcceptBy). */
import { RuleError, leadAcceptBy, leadSlaStatus } from '../rules';
import type { Auditor, AuditorFactory } from '../types';
import { refOf, str } from '../values';

function hours(minutes: number): string {
  return minutes >= 120 ? `${Math.floor(minutes / 60)} h` : `${minutes} min`;
}

export const leadChecks: AuditorFactory = (context): Auditor => ({
  checks: ['lead-offer-overdue', 'lead-accept-by-mismatch'],
  objects: ['Lead'],
  requires: ['Lead'],
  onRecord(objectName, record, emit) {
    const status = str(record, 'Partner_Share_Status__c');
    const acceptBy = str(record, 'Accept_By__c');
    const offeredAt = str(record, 'Offered_At__c');
    if (status === null || acceptBy === null) {
      return;
    }
    const ref = refOf(objectName, record);
    try {
      const sla = leadSlaStatus({ now: context.now, acceptBy, status });
      if (sla.overdue) {
        emit(
          'lead-offer-overdue',
          ref,
          `offered to the partner and not accepted: the deadline ${acceptBy} passed ${hours(-(sla.remainingMinutes ?? 0))} ago`,
        );
      }
    } catch (error) {
      if (!(error instanceof RuleError)) {
        throw error;
      }
    }
    if (offeredAt === null || str(record, 'Partner_Direction__c') === 'From Partner') {
      return;
    }
    const routing = context.policy.leadRouting;
    const expected = leadAcceptBy({ offeredAt, hours: routing.acceptWithinHours, calendar: routing.calendar });
    if (Date.parse(expected) !== Date.parse(acceptBy)) {
      emit(
        'lead-accept-by-mismatch',
        ref,
        `Accept_By__c is ${acceptBy}; offered at ${offeredAt} with a ${routing.acceptWithinHours} h SLA gives ${expected}`,
        `Set Accept By to ${expected}.`,
      );
    }
  },
});
