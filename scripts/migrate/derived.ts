/**
 * Values the package derives, computed by the shared rules exactly as the org's automation
 * and `prm seed` do: match keys on accounts, registrations and leads (`matchKeys`), the
 * approval route (`approvalRoute`), for approved registrations the approval date and
 * protection end (`expiryDate`), and for leads offered to a partner the accept-by deadline
 * (`leadAcceptBy`, with the policy's SLA hours and business calendar).
 */
import { approvalRoute, expiryDate, leadAcceptBy, matchKeys } from '../../lwc-ts-src/prmRules/prmRules';
import type { ProgramPolicy } from '../audit/policy';
import type { LegacyRecord } from './legacyRecords';

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** Statuses whose registration was approved at its decision. */
const APPROVED_AT_DECISION = new Set(['Approved', 'Converted', 'Expired']);

function deriveRegistration(record: LegacyRecord, policy: ProgramPolicy): void {
  const f = record.fields;
  const keys = matchKeys({
    name: text(f.Prospect_Company__c),
    website: text(f.Prospect_Website__c),
    email: text(f.Prospect_Email__c),
  });
  f.Match_Key__c = keys.companyKey;
  f.Domain_Key__c = keys.domainKey;
  f.Conflict_Status__c ??= 'None';
  if (typeof f.Amount__c === 'number' && f.Amount__c >= 0) {
    f.Approval_Route__c = approvalRoute({
      amount: f.Amount__c,
      conflictStatus: f.Conflict_Status__c as 'None',
      policy: policy.dealRegistration,
    });
  }
  const decided = text(f.Decided_At__c);
  if (APPROVED_AT_DECISION.has(String(f.Status__c)) && decided !== null) {
    f.Approved_On__c ??= decided.substring(0, 10);
    f.Expires_On__c = expiryDate({
      approvedOn: String(f.Approved_On__c),
      protectionDays: policy.dealRegistration.protectionDays,
    });
  }
}

/**
 * Sets the derived fields of a valid legacy record in place.
 * @param record a record without problems
 * @param policy the program policy (protection days, thresholds)
 */
export function deriveValues(record: LegacyRecord, policy: ProgramPolicy): void {
  const f = record.fields;
  f.External_Id__c = record.externalId;
  if (record.entity === 'partner' || record.entity === 'customer') {
    const keys = matchKeys({ name: text(f.Name), website: text(f.Website) });
    f.Is_Partner__c = record.entity === 'partner';
    f.Match_Key__c = keys.companyKey;
    f.Domain_Key__c = keys.domainKey;
  } else if (record.entity === 'registration') {
    deriveRegistration(record, policy);
  } else {
    const keys = matchKeys({ name: text(f.Company), website: text(f.Website), email: text(f.Email) });
    f.Match_Key__c = keys.companyKey;
    f.Domain_Key__c = keys.domainKey;
    const offeredAt = text(f.Offered_At__c);
    if (offeredAt !== null && f.Accept_By__c === undefined) {
      const routing = policy.leadRouting;
      f.Accept_By__c = leadAcceptBy({ offeredAt, hours: routing.acceptWithinHours, calendar: routing.calendar });
    }
  }
}
