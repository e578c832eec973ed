/**
 * Business fields the program needs at each stage of a record. The platform's required
 * fields are enforced by the org; these are the ones it cannot enforce because they depend
 * on the stage (a submitted registration needs an amount, an offered lead a deadline).
 */
import type { SnapshotRecord } from '../../snapshot/format';
import type { Auditor, AuditorFactory } from '../types';
import { bool, key15, refOf, str } from '../values';

interface Requirement {
  fields: string[];
  /** Applies only when this holds; always when absent. */
  when?: (record: SnapshotRecord, context: { partnerAccounts: Set<string> }) => boolean;
}

const status =
  (field: string, ...values: string[]) =>
  (record: SnapshotRecord) =>
    values.includes(str(record, field) ?? '');

export const REQUIREMENTS: Readonly<Record<string, Requirement[]>> = {
  Partner_Program__c: [{ fields: ['Name', 'Program_Type__c'] }],
  Partner_Tier__c: [{ fields: ['Name', 'Program__c', 'Rank__c'] }],
  Training_Module__c: [{ fields: ['Name'] }],
  Account: [
    { fields: ['Partner_Status__c', 'Primary_Program__c'], when: (r) => bool(r, 'Is_Partner__c') },
    { fields: ['Partner_Since__c'], when: (r) => bool(r, 'Is_Partner__c') && str(r, 'Partner_Status__c') === 'Active' },
    { fields: ['BillingCountry'], when: (r) => !bool(r, 'Is_Partner__c') },
  ],
  Contact: [{ fields: ['Email'], when: (r, c) => c.partnerAccounts.has(key15(str(r, 'AccountId')) ?? '') }],
  Partner_Application__c: [
    { fields: ['Company_Name__c', 'Contact_Email__c', 'Country__c', 'Status__c'] },
    { fields: ['Decided_At__c'], when: status('Status__c', 'Approved', 'Rejected') },
    { fields: ['Resulting_Account__c'], when: status('Status__c', 'Approved') },
    { fields: ['Decision_Reason__c'], when: status('Status__c', 'Rejected') },
  ],
  Program_Membership__c: [
    { fields: ['Partner_Account__c', 'Program__c', 'Status__c'] },
    { fields: ['Tier__c', 'Tier_Since__c'], when: status('Status__c', 'Active') },
  ],
  Tier_Change__c: [{ fields: ['Program_Membership__c', 'Change_Type__c', 'Effective_Date__c', 'To_Tier__c'] }],
  Partner_Certification__c: [
    { fields: ['Contact__c', 'Training_Module__c', 'Status__c'] },
    { fields: ['Completed_On__c'], when: status('Status__c', 'Completed', 'Expired') },
    { fields: ['Due_Date__c'], when: status('Status__c', 'Assigned', 'In Progress') },
  ],
  Partner_Activity__c: [{ fields: ['Partner_Account__c', 'Activity_Type__c', 'Occurred_At__c'] }],
  Deal_Registration__c: [
    { fields: ['Partner_Account__c', 'Prospect_Company__c', 'Status__c'] },
    {
      fields: ['Amount__c', 'Expected_Close_Date__c', 'Submitted_At__c', 'Prospect_Country__c'],
      when: status('Status__c', 'Submitted', 'Pending Approval', 'Approved', 'Rejected', 'Expired', 'Converted'),
    },
    {
      fields: ['Approved_On__c', 'Expires_On__c', 'Decided_At__c'],
      when: status('Status__c', 'Approved', 'Expired', 'Converted'),
    },
    { fields: ['Decided_At__c', 'Decision_Reason__c'], when: status('Status__c', 'Rejected') },
  ],
  Opportunity: [
    { fields: ['Name', 'StageName', 'CloseDate'] },
    {
      fields: ['Amount'],
      when: (r) => str(r, 'Sourcing_Partner__c') !== null || str(r, 'Source_Registration__c') !== null,
    },
  ],
  Partner_Attribution__c: [
    { fields: ['Opportunity__c', 'Partner_Account__c', 'Role__c', 'Weight_Percent__c', 'Attributed_Amount__c'] },
  ],
  Partner_Commission__c: [
    { fields: ['Opportunity__c', 'Partner_Account__c', 'Program__c', 'Amount__c', 'Status__c', 'Period__c'] },
    // A payout run pays a confirmed export: a Paid commission names its payout batch (CommissionPayoutRun).
    { fields: ['Paid_On__c', 'Payout_Batch__c'], when: status('Status__c', 'Paid') },
  ],
  Program_Cost__c: [{ fields: ['Program__c', 'Amount__c', 'Cost_Type__c', 'Period__c'] }],
  Lead: [
    { fields: ['Partner_Direction__c'], when: (r) => str(r, 'Partner_Share_Status__c') !== null },
    {
      fields: ['Partner_Account__c'],
      when: status('Partner_Share_Status__c', 'Submitted', 'Offered', 'Accepted', 'Working'),
    },
    { fields: ['Offered_At__c', 'Accept_By__c'], when: status('Partner_Share_Status__c', 'Offered') },
    { fields: ['Accepted_At__c'], when: status('Partner_Share_Status__c', 'Accepted', 'Working') },
    { fields: ['Rejection_Reason__c'], when: status('Partner_Share_Status__c', 'Rejected') },
  ],
  Lead_Offer__c: [
    { fields: ['Lead__c', 'Partner_Account__c', 'Offered_At__c', 'Accept_By__c', 'Outcome__c'] },
    { fields: ['Outcome_At__c'], when: status('Outcome__c', 'Accepted', 'Rejected', 'Recalled', 'Expired') },
    { fields: ['Rejection_Reason__c'], when: status('Outcome__c', 'Rejected') },
  ],
};

export const missingFields: AuditorFactory = (): Auditor => {
  const context = { partnerAccounts: new Set<string>() };
  return {
    checks: ['missing-field'],
    objects: Object.keys(REQUIREMENTS),
    requires: [],
    onRecord(objectName, record, emit) {
      if (objectName === 'Account' && bool(record, 'Is_Partner__c')) {
        context.partnerAccounts.add(key15(str(record, 'Id')) ?? '');
      }
      const missing: string[] = [];
      for (const requirement of REQUIREMENTS[objectName]) {
        if (requirement.when && !requirement.when(record, context)) {
          continue;
        }
        for (const field of requirement.fields) {
          // A column the data set does not carry at all is not reported record by record.
          if (field in record && record[field] === null && !missing.includes(field)) {
            missing.push(field);
          }
        }
      }
      if (missing.length > 0) {
        const stage = str(record, 'Status__c') ?? str(record, 'Partner_Share_Status__c') ?? str(record, 'Outcome__c');
        emit(
          'missing-field',
          refOf(objectName, record),
          `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} blank${stage === null ? '' : ` (status ${stage})`}`,
          `Fill in ${missing.join(', ')}.`,
        );
      }
    },
  };
};
