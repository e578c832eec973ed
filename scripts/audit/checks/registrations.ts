/**
 * Deal registrations: lifecycle (expired but open, approved without opportunity), stored
 * values against the rules (expiry, approval route) and the copy of the opportunity's stage
 * and amount. Memory: one packed string per converted registration until its opportunity streams.
 */
import type { SnapshotRecord } from '../../snapshot/format';
import {
  RuleError,
  approvalRoute,
  expiryDate,
  isExpired,
  renew,
  type RegistrationConflictStatus,
  type RegistrationStatus,
} from '../rules';
import type { AuditContext, Auditor, AuditorFactory, Emit, RecordRef } from '../types';
import { cents, daysBetween, key15, num, refOf, str } from '../values';

const STATUSES: readonly string[] = [
  'Draft',
  'Submitted',
  'Pending Approval',
  'Approved',
  'Rejected',
  'Expired',
  'Converted',
  'Closed',
];
const CONFLICT_STATUSES: readonly string[] = ['None', 'Needs Review', 'Conflict'];

/** The expiry the policy gives: approval plus protection, extended by each renewal. */
function expectedExpiry(
  context: AuditContext,
  approvedOn: string,
  renewals: number,
): { expiresOn: string } | { error: string } {
  const policy = context.policy.dealRegistration;
  let expiresOn = expiryDate({ approvedOn, protectionDays: policy.protectionDays });
  for (let i = 0; i < renewals; i++) {
    try {
      // Each renewal was requested within its window; the last protected day is inside it.
      expiresOn = renew({ today: expiresOn, expiresOn, renewalCount: i, policy }).expiresOn;
    } catch (error) {
      if (error instanceof RuleError) {
        return { error: `Renewal_Count__c is ${renewals} but the policy allows ${policy.maxRenewals} renewals` };
      }
      throw error;
    }
  }
  return { expiresOn };
}

function checkRegistration(context: AuditContext, record: SnapshotRecord, emit: Emit): void {
  const status = str(record, 'Status__c');
  if (status === null || !STATUSES.includes(status)) {
    return;
  }
  const ref = refOf('Deal_Registration__c', record);
  const expiresOn = str(record, 'Expires_On__c');
  const approvedOn = str(record, 'Approved_On__c');
  const expired = isExpired({ today: context.today, expiresOn, status: status as RegistrationStatus });

  if (status === 'Approved' && expired) {
    emit(
      'registration-expired-open',
      ref,
      `protection ended on ${String(expiresOn)} (${daysBetween(String(expiresOn), context.today)} days ago) but the status is still Approved`,
    );
  }

  if (approvedOn !== null && expiresOn !== null) {
    const renewals = num(record, 'Renewal_Count__c') ?? 0;
    const expected = expectedExpiry(context, approvedOn, renewals);
    if ('error' in expected) {
      emit('registration-expiry-mismatch', ref, expected.error);
    } else if (expected.expiresOn !== expiresOn) {
      emit(
        'registration-expiry-mismatch',
        ref,
        `Expires_On__c is ${expiresOn}; approval on ${approvedOn} with ${renewals} renewal(s) gives ${expected.expiresOn}`,
        `Set Expires On to ${expected.expiresOn}, or record the renewal that explains ${expiresOn}.`,
      );
    }
  }

  const route = str(record, 'Approval_Route__c');
  const amount = num(record, 'Amount__c');
  const conflict = str(record, 'Conflict_Status__c') ?? 'None';
  if (route !== null && amount !== null && amount >= 0 && CONFLICT_STATUSES.includes(conflict)) {
    const expected = approvalRoute({
      amount,
      conflictStatus: conflict as RegistrationConflictStatus,
      policy: context.policy.dealRegistration,
    });
    if (expected !== route) {
      emit(
        'registration-route-mismatch',
        ref,
        `Approval_Route__c is ${route}; an amount of ${amount} with conflict status ${conflict} routes to ${expected}`,
        `Set the route to ${expected}${route === 'Auto' ? ' and have the registration reviewed' : ''}.`,
      );
    }
  }

  const opportunity = str(record, 'Converted_Opportunity__c');
  if (opportunity === null && status === 'Converted') {
    emit('registration-no-opportunity', ref, 'status is Converted but no opportunity is linked');
  } else if (opportunity === null && status === 'Approved' && approvedOn !== null && !expired) {
    const waiting = daysBetween(approvedOn, context.today);
    if (waiting > context.policy.conversionGraceDays) {
      emit(
        'registration-no-opportunity',
        ref,
        `approved ${waiting} days ago (on ${approvedOn}) and still has no opportunity (grace: ${context.policy.conversionGraceDays} days)`,
      );
    }
  }
}

interface Copy {
  ref: RecordRef;
  registrationId: string;
  stage: string | null;
  amount: number | null;
}

const SEPARATOR = '\u0001';

/** A registration's copy as one flat string: a map of millions of objects would not fit. */
function packCopy(copy: Copy): string {
  return [
    copy.ref.recordId ?? '',
    copy.ref.externalId ?? '',
    copy.registrationId,
    copy.amount === null ? '' : String(copy.amount),
    copy.stage ?? '',
  ].join(SEPARATOR);
}

function unpackCopy(packed: string): Copy {
  const [recordId, externalId, registrationId, amount, ...stage] = packed.split(SEPARATOR);
  const stageText = stage.join(SEPARATOR);
  return {
    ref: {
      object: 'Deal_Registration__c',
      recordId: recordId === '' ? null : recordId,
      externalId: externalId === '' ? null : externalId,
    },
    registrationId,
    amount: amount === '' ? null : Number(amount),
    stage: stage.length === 1 && stageText === '' ? null : stageText,
  };
}

export const registrationChecks: AuditorFactory = (context): Auditor => ({
  checks: [
    'registration-expired-open',
    'registration-expiry-mismatch',
    'registration-route-mismatch',
    'registration-no-opportunity',
  ],
  objects: ['Deal_Registration__c'],
  requires: ['Deal_Registration__c'],
  onRecord(_objectName, record, emit) {
    checkRegistration(context, record, emit);
  },
});

/** The registration's copy of its opportunity (stage, amount) and the link back. */
export const registrationSync: AuditorFactory = (): Auditor => {
  const converted = new Map<string, string>();
  return {
    checks: ['registration-opportunity-sync'],
    objects: ['Deal_Registration__c', 'Opportunity'],
    requires: ['Deal_Registration__c', 'Opportunity'],
    onRecord(objectName, record, emit) {
      if (objectName === 'Deal_Registration__c') {
        const opportunityId = key15(str(record, 'Converted_Opportunity__c'));
        const id = str(record, 'Id');
        if (opportunityId !== null && id !== null) {
          converted.set(
            opportunityId,
            packCopy({
              ref: refOf(objectName, record),
              registrationId: id,
              stage: str(record, 'Opportunity_Stage__c'),
              amount: num(record, 'Opportunity_Amount__c'),
            }),
          );
        }
        return;
      }
      const id = key15(str(record, 'Id'));
      const packed = id === null ? undefined : converted.get(id);
      if (packed === undefined || id === null) {
        return;
      }
      const copy = unpackCopy(packed);
      converted.delete(id);
      const problems: string[] = [];
      const stage = str(record, 'StageName');
      const amount = num(record, 'Amount');
      if (copy.stage !== stage) {
        problems.push(
          `Opportunity_Stage__c is ${JSON.stringify(copy.stage)} but the opportunity is at ${JSON.stringify(stage)}`,
        );
      }
      if ((copy.amount === null ? null : cents(copy.amount)) !== (amount === null ? null : cents(amount))) {
        problems.push(
          `Opportunity_Amount__c is ${String(copy.amount)} but the opportunity amount is ${String(amount)}`,
        );
      }
      const source = key15(str(record, 'Source_Registration__c'));
      if (source !== key15(copy.registrationId)) {
        problems.push(
          `the opportunity's Source_Registration__c is ${String(str(record, 'Source_Registration__c'))}, not this registration`,
        );
      }
      if (problems.length > 0) {
        emit('registration-opportunity-sync', copy.ref, problems.join('; '));
      }
    },
  };
};
