/**
 * The columns each audit check reads, per object (besides Id and External_Id__c, which only
 * label findings). A snapshot CSV may leave columns out; a check that reads a missing column
 * would report every record as lacking it, so the audit skips that check and says why.
 * tests/audit/checkColumns.test.ts runs the checks over a seeded snapshot and fails when these
 * lists and the fields the checks actually read differ.
 */
import type { CheckId } from '../checkIds';

/** Object API name → field API names. */
export type ColumnsRead = Readonly<Record<string, readonly string[]>>;

const ACCOUNT_DUPLICATES: ColumnsRead = {
  Account: ['CreatedDate', 'Is_Partner__c', 'Name'],
};

const ACCOUNT_POSSIBLE_DUPLICATES: ColumnsRead = {
  Account: ['Is_Partner__c', 'Name'],
};

const MATCH_KEYS: ColumnsRead = {
  Account: ['Domain_Key__c', 'Match_Key__c', 'Name', 'Website'],
  Deal_Registration__c: [
    'Domain_Key__c',
    'Match_Key__c',
    'Prospect_Company__c',
    'Prospect_Email__c',
    'Prospect_Website__c',
  ],
  Lead: ['Company', 'Domain_Key__c', 'Email', 'Match_Key__c', 'Website'],
  Partner_Application__c: ['Company_Name__c', 'Contact_Email__c', 'Domain_Key__c', 'Match_Key__c', 'Website__c'],
};

const REQUIRED_FIELDS: ColumnsRead = {
  Account: ['BillingCountry', 'Is_Partner__c', 'Partner_Since__c', 'Partner_Status__c', 'Primary_Program__c'],
  Contact: ['AccountId', 'Email'],
  Deal_Registration__c: [
    'Amount__c',
    'Approved_On__c',
    'Decided_At__c',
    'Decision_Reason__c',
    'Expected_Close_Date__c',
    'Expires_On__c',
    'Partner_Account__c',
    'Prospect_Company__c',
    'Prospect_Country__c',
    'Status__c',
    'Submitted_At__c',
  ],
  Lead: [
    'Accept_By__c',
    'Accepted_At__c',
    'Offered_At__c',
    'Partner_Account__c',
    'Partner_Direction__c',
    'Partner_Share_Status__c',
    'Rejection_Reason__c',
  ],
  Lead_Offer__c: [
    'Accept_By__c',
    'Lead__c',
    'Offered_At__c',
    'Outcome_At__c',
    'Outcome__c',
    'Partner_Account__c',
    'Rejection_Reason__c',
  ],
  Opportunity: ['Amount', 'CloseDate', 'Name', 'Source_Registration__c', 'Sourcing_Partner__c', 'StageName'],
  Partner_Activity__c: ['Activity_Type__c', 'Occurred_At__c', 'Partner_Account__c'],
  Partner_Application__c: [
    'Company_Name__c',
    'Contact_Email__c',
    'Country__c',
    'Decided_At__c',
    'Decision_Reason__c',
    'Resulting_Account__c',
    'Status__c',
  ],
  Partner_Attribution__c: [
    'Attributed_Amount__c',
    'Opportunity__c',
    'Partner_Account__c',
    'Role__c',
    'Weight_Percent__c',
  ],
  Partner_Certification__c: ['Completed_On__c', 'Contact__c', 'Due_Date__c', 'Status__c', 'Training_Module__c'],
  Partner_Commission__c: [
    'Amount__c',
    'Opportunity__c',
    'Paid_On__c',
    'Partner_Account__c',
    'Payout_Batch__c',
    'Period__c',
    'Program__c',
    'Status__c',
  ],
  Partner_Program__c: ['Name', 'Program_Type__c'],
  Partner_Tier__c: ['Name', 'Program__c', 'Rank__c'],
  Program_Cost__c: ['Amount__c', 'Cost_Type__c', 'Period__c', 'Program__c'],
  Program_Membership__c: ['Partner_Account__c', 'Program__c', 'Status__c', 'Tier_Since__c', 'Tier__c'],
  Tier_Change__c: ['Change_Type__c', 'Effective_Date__c', 'Program_Membership__c', 'To_Tier__c'],
  Training_Module__c: ['Name'],
};

const REFERENCES: ColumnsRead = {
  Account: ['Current_Tier__c', 'Primary_Program__c'],
  Contact: ['AccountId'],
  Deal_Registration__c: [
    'Competing_Registration__c',
    'Converted_Opportunity__c',
    'Matched_Account__c',
    'Matched_Opportunity__c',
    'Partner_Account__c',
    'Partner_Contact__c',
  ],
  Lead: ['Partner_Account__c', 'Rejected_By_Partner__c'],
  Lead_Offer__c: ['Lead__c', 'Partner_Account__c'],
  Opportunity: ['AccountId', 'Source_Registration__c', 'Sourcing_Partner__c'],
  Partner_Activity__c: ['Contact__c', 'Partner_Account__c'],
  Partner_Application__c: [
    'Duplicate_Of_Account__c',
    'Program_Interest__c',
    'Requested_Tier__c',
    'Resulting_Account__c',
  ],
  Partner_Attribution__c: ['Opportunity__c', 'Partner_Account__c', 'Source_Registration__c'],
  Partner_Certification__c: ['Contact__c', 'Partner_Account__c', 'Training_Module__c'],
  Partner_Commission__c: ['Attribution__c', 'Opportunity__c', 'Partner_Account__c', 'Program__c'],
  Partner_Feedback__c: ['Partner_Account__c', 'Program__c', 'Tier__c'],
  Partner_Program__c: ['Entry_Tier__c'],
  Partner_Tier__c: ['Program__c'],
  Program_Cost__c: ['Partner_Account__c', 'Program__c'],
  Program_Membership__c: ['Partner_Account__c', 'Pending_Tier__c', 'Program__c', 'Tier__c'],
  Tier_Change__c: ['From_Tier__c', 'Program_Membership__c', 'To_Tier__c'],
  Training_Module__c: ['Program__c'],
};

const REGISTRATIONS: ColumnsRead = {
  Deal_Registration__c: [
    'Amount__c',
    'Approval_Route__c',
    'Approved_On__c',
    'Conflict_Status__c',
    'Converted_Opportunity__c',
    'Expires_On__c',
    'Renewal_Count__c',
    'Status__c',
  ],
};

const REGISTRATION_SYNC: ColumnsRead = {
  Deal_Registration__c: ['Converted_Opportunity__c', 'Opportunity_Amount__c', 'Opportunity_Stage__c'],
  Opportunity: ['Amount', 'Source_Registration__c', 'StageName'],
};

const LEADS: ColumnsRead = {
  Lead: ['Accept_By__c', 'Offered_At__c', 'Partner_Direction__c', 'Partner_Share_Status__c'],
};

const ATTRIBUTION: ColumnsRead = {
  Account: ['Current_Tier__c', 'Is_Partner__c', 'Primary_Program__c'],
  Opportunity: [
    'Amount',
    'CloseDate',
    'IsClosed',
    'IsWon',
    'Partner_Involved__c',
    'Source_Registration__c',
    'Sourcing_Partner__c',
  ],
  Partner_Attribution__c: [
    'Attributed_Amount__c',
    'CreatedDate',
    'Opportunity__c',
    'Partner_Account__c',
    'Role__c',
    'Weight_Percent__c',
  ],
  Partner_Commission__c: [
    'Amount__c',
    'Attribution__c',
    'Opportunity__c',
    'Partner_Account__c',
    'Period__c',
    'Rate_Percent__c',
    'Status__c',
    'Unique_Key__c',
  ],
  Partner_Program__c: ['Base_Commission_Percent__c', 'Program_Type__c'],
  Partner_Tier__c: ['Commission_Uplift_Percent__c'],
};

const TIERS: ColumnsRead = {
  Partner_Program__c: ['Downgrade_Grace_Days__c'],
  Partner_Tier__c: [
    'Min_Active_Certifications__c',
    'Min_Closed_Deals__c',
    'Min_Revenue_T12M__c',
    'Name',
    'Program__c',
    'Rank__c',
  ],
  Program_Membership__c: [
    'Active_Certifications__c',
    'Closed_Deals_T12M__c',
    'Downgrade_Pending_Since__c',
    'Program__c',
    'Status__c',
    'T12M_Revenue__c',
    'Tier_Since__c',
    'Tier__c',
  ],
};

/**
 * Checks that look at each column on its own: without one they check less but report nothing
 * wrong (orphan-reference checks every lookup column that is there), so they still run.
 */
export const CHECKS_NARROWED_BY_MISSING_COLUMNS: ReadonlySet<CheckId> = new Set<CheckId>(['orphan-reference']);

/** Check → the columns it reads. */
export const CHECK_COLUMNS: Readonly<Record<CheckId, ColumnsRead>> = {
  'duplicate-account': ACCOUNT_DUPLICATES,
  'possible-duplicate-account': ACCOUNT_POSSIBLE_DUPLICATES,
  'match-key-stale': MATCH_KEYS,
  'missing-field': REQUIRED_FIELDS,
  'orphan-reference': REFERENCES,
  'registration-expired-open': REGISTRATIONS,
  'registration-expiry-mismatch': REGISTRATIONS,
  'registration-route-mismatch': REGISTRATIONS,
  'registration-no-opportunity': REGISTRATIONS,
  'registration-opportunity-sync': REGISTRATION_SYNC,
  'lead-offer-overdue': LEADS,
  'lead-accept-by-mismatch': LEADS,
  'attribution-duplicate': ATTRIBUTION,
  'attribution-weights': ATTRIBUTION,
  'attribution-amount-mismatch': ATTRIBUTION,
  'partner-deal-no-attribution': ATTRIBUTION,
  'commission-mismatch': ATTRIBUTION,
  'stale-tier': TIERS,
};

/** Columns the program metrics read: without one, the figures that use it count it as empty. */
export const METRIC_COLUMNS: ColumnsRead = {
  Account: ['Is_Partner__c', 'Name', 'Portal_Invited_At__c', 'Primary_Program__c'],
  Deal_Registration__c: ['Decided_At__c', 'Partner_Account__c', 'Status__c', 'Submitted_At__c'],
  Lead_Offer__c: ['Accept_By__c', 'Offered_At__c', 'Outcome_At__c', 'Outcome__c', 'Partner_Account__c'],
  Opportunity: [
    'Amount',
    'CloseDate',
    'CreatedDate',
    'IsClosed',
    'IsWon',
    'Partner_Involved__c',
    'Source_Registration__c',
    'Sourcing_Partner__c',
  ],
  Partner_Attribution__c: ['Attributed_Amount__c', 'Opportunity__c', 'Partner_Account__c', 'Role__c'],
  Partner_Activity__c: ['Activity_Type__c', 'Occurred_At__c', 'Partner_Account__c'],
  Partner_Commission__c: ['Amount__c', 'Program__c', 'Status__c'],
  Partner_Feedback__c: ['Program__c', 'Score__c', 'Submitted_On__c', 'Tier__c'],
  Partner_Program__c: ['Name'],
  Partner_Tier__c: ['Name', 'Program__c', 'Rank__c'],
  Program_Cost__c: ['Amount__c', 'Program__c'],
  Program_Membership__c: ['Status__c', 'Tier__c'],
  Tier_Change__c: ['Change_Type__c', 'Effective_Date__c'],
};
