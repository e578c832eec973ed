/**
 * The platform's standard objects and fields that this package's code may name.
 * Offline there is no describe call, so the SOQL gate and the generated
 * `@salesforce/schema` types resolve standard names against this catalogue.
 * A name missing here is reported, never assumed: add it (from the Object Reference)
 * when the code genuinely needs it.
 */

/** A field: its reference targets when it is a lookup, and the relationship name to traverse it. */
export interface StandardField {
  referenceTo?: string[];
  relationshipName?: string;
}

export interface StandardObject {
  fields: Record<string, StandardField>;
  /** Child relationship name → child object, for parent-to-child subqueries. */
  children?: Record<string, string>;
}

const plain = (...names: string[]): Record<string, StandardField> =>
  Object.fromEntries(names.map((name) => [name, {}]));

const ref = (relationshipName: string, ...referenceTo: string[]): StandardField => ({ relationshipName, referenceTo });

/** Fields every object has. */
export const SYSTEM_FIELDS: Record<string, StandardField> = {
  ...plain('Id', 'IsDeleted', 'CreatedDate', 'LastModifiedDate', 'SystemModstamp'),
  CreatedById: ref('CreatedBy', 'User'),
  LastModifiedById: ref('LastModifiedBy', 'User'),
};

/** Fields every custom object has besides SYSTEM_FIELDS (OwnerId unless it is a detail). */
export const CUSTOM_OBJECT_FIELDS: Record<string, StandardField> = {
  ...plain('Name', 'LastViewedDate', 'LastReferencedDate', 'LastActivityDate'),
};

export const CUSTOM_METADATA_FIELDS: Record<string, StandardField> = {
  ...plain('DeveloperName', 'MasterLabel', 'Label', 'QualifiedApiName', 'NamespacePrefix', 'Language'),
};

const owner: Record<string, StandardField> = { OwnerId: ref('Owner', 'User', 'Group') };

export const STANDARD_OBJECTS: Record<string, StandardObject> = {
  Account: {
    fields: {
      ...owner,
      ...plain(
        'Name',
        'Website',
        'Phone',
        'Industry',
        'Type',
        'AnnualRevenue',
        'NumberOfEmployees',
        'Description',
        'BillingStreet',
        'BillingCity',
        'BillingState',
        'BillingPostalCode',
        'BillingCountry',
        'BillingStateCode',
        'BillingCountryCode',
        'ShippingCountry',
        'IsPartner',
        'IsCustomerPortal',
        'AccountNumber',
        'Site',
        'Rating',
        'LastActivityDate',
        'CurrencyIsoCode',
      ),
      ParentId: ref('Parent', 'Account'),
    },
    children: {
      Contacts: 'Contact',
      Opportunities: 'Opportunity',
      ChildAccounts: 'Account',
      Users: 'User',
      Program_Memberships__r: 'Program_Membership__c',
    },
  },
  Contact: {
    fields: {
      ...owner,
      ...plain(
        'Name',
        'FirstName',
        'LastName',
        'Email',
        'Phone',
        'MobilePhone',
        'Title',
        'Department',
        'MailingCountry',
        'MailingState',
        'MailingPostalCode',
        'MailingCountryCode',
        'IsPersonAccount',
        'CurrencyIsoCode',
      ),
      AccountId: ref('Account', 'Account'),
      ReportsToId: ref('ReportsTo', 'Contact'),
    },
    children: { Users: 'User' },
  },
  Lead: {
    fields: {
      ...owner,
      ...plain(
        'Name',
        'FirstName',
        'LastName',
        'Company',
        'Email',
        'Phone',
        'Website',
        'Title',
        'Status',
        'LeadSource',
        'Industry',
        'Rating',
        'Country',
        'State',
        'City',
        'PostalCode',
        'Street',
        'CountryCode',
        'StateCode',
        'IsConverted',
        'ConvertedDate',
        'NumberOfEmployees',
        'AnnualRevenue',
        'Description',
        'CurrencyIsoCode',
      ),
      ConvertedAccountId: ref('ConvertedAccount', 'Account'),
      ConvertedContactId: ref('ConvertedContact', 'Contact'),
      ConvertedOpportunityId: ref('ConvertedOpportunity', 'Opportunity'),
    },
  },
  Opportunity: {
    fields: {
      ...owner,
      ...plain(
        'Name',
        'Amount',
        'CloseDate',
        'StageName',
        'Probability',
        'IsClosed',
        'IsWon',
        'Type',
        'LeadSource',
        'ForecastCategoryName',
        'Description',
        'NextStep',
        'ExpectedRevenue',
        'FiscalYear',
        'FiscalQuarter',
        'CurrencyIsoCode',
        'HasOpportunityLineItem',
        'LastStageChangeDate',
      ),
      AccountId: ref('Account', 'Account'),
      CampaignId: ref('Campaign', 'Campaign'),
    },
    children: { Partner_Attributions__r: 'Partner_Attribution__c' },
  },
  User: {
    fields: {
      ...plain(
        'Name',
        'FirstName',
        'LastName',
        'Username',
        'Email',
        'Alias',
        'IsActive',
        'UserType',
        'TimeZoneSidKey',
        'LocaleSidKey',
        'LanguageLocaleKey',
        'EmailEncodingKey',
        'CommunityNickname',
        'IsPortalEnabled',
        'LastLoginDate',
        'FederationIdentifier',
      ),
      ProfileId: ref('Profile', 'Profile'),
      UserRoleId: ref('UserRole', 'UserRole'),
      ContactId: ref('Contact', 'Contact'),
      AccountId: ref('Account', 'Account'),
      ManagerId: ref('Manager', 'User'),
    },
  },
  Profile: { fields: plain('Name', 'UserLicenseId', 'UserType') },
  UserRole: {
    fields: { ...plain('Name', 'DeveloperName', 'PortalType'), PortalAccountId: ref('PortalAccount', 'Account') },
  },
  PermissionSet: { fields: plain('Name', 'Label', 'IsOwnedByProfile', 'Type') },
  PermissionSetAssignment: {
    fields: {
      AssigneeId: ref('Assignee', 'User'),
      PermissionSetId: ref('PermissionSet', 'PermissionSet'),
      PermissionSetGroupId: ref('PermissionSetGroup', 'PermissionSetGroup'),
    },
  },
  PermissionSetGroup: { fields: plain('DeveloperName', 'MasterLabel', 'Status') },
  ObjectPermissions: {
    fields: {
      ...plain(
        'SobjectType',
        'PermissionsRead',
        'PermissionsEdit',
        'PermissionsViewAllRecords',
        'PermissionsModifyAllRecords',
      ),
      ParentId: ref('Parent', 'PermissionSet'),
    },
  },
  OpportunityStage: { fields: plain('ApiName', 'MasterLabel', 'IsActive', 'IsClosed', 'IsWon', 'SortOrder') },
  Group: { fields: { ...plain('Name', 'DeveloperName', 'Type', 'Email'), RelatedId: ref('Related', 'UserRole') } },
  GroupMember: { fields: { GroupId: ref('Group', 'Group'), UserOrGroupId: {} } },
  StaticResource: { fields: plain('Name', 'Body', 'ContentType', 'BodyLength', 'NamespacePrefix') },
  BusinessHours: {
    fields: plain(
      'Name',
      'IsActive',
      'IsDefault',
      'TimeZoneSidKey',
      'MondayStartTime',
      'MondayEndTime',
      'TuesdayStartTime',
      'TuesdayEndTime',
      'WednesdayStartTime',
      'WednesdayEndTime',
      'ThursdayStartTime',
      'ThursdayEndTime',
      'FridayStartTime',
      'FridayEndTime',
      'SaturdayStartTime',
      'SaturdayEndTime',
      'SundayStartTime',
      'SundayEndTime',
    ),
  },
  Holiday: {
    fields: plain('Name', 'ActivityDate', 'IsAllDay', 'IsRecurrence', 'StartTimeInMinutes', 'EndTimeInMinutes'),
  },
  CustomNotificationType: { fields: plain('DeveloperName', 'MasterLabel', 'CustomNotifTypeName') },
  EmailTemplate: { fields: plain('Name', 'DeveloperName', 'Subject', 'HtmlValue', 'Body', 'IsActive', 'TemplateType') },
  OrgWideEmailAddress: { fields: plain('Address', 'DisplayName') },
  Organization: {
    fields: plain('Name', 'IsSandbox', 'OrganizationType', 'TimeZoneSidKey', 'DefaultLocaleSidKey', 'NamespacePrefix'),
  },
  AsyncApexJob: {
    fields: plain(
      'Status',
      'JobType',
      'NumberOfErrors',
      'JobItemsProcessed',
      'TotalJobItems',
      'ExtendedStatus',
      'CompletedDate',
      'MethodName',
    ),
  },
  CronTrigger: {
    fields: {
      ...plain('State', 'NextFireTime', 'CronExpression'),
      CronJobDetailId: ref('CronJobDetail', 'CronJobDetail'),
    },
  },
  CronJobDetail: { fields: plain('Name', 'JobType') },
  Network: { fields: plain('Name', 'Status', 'UrlPathPrefix') },
  NetworkMember: { fields: { MemberId: ref('Member', 'User'), NetworkId: ref('Network', 'Network') } },
  ContentDocument: { fields: plain('Title', 'FileType', 'FileExtension', 'LatestPublishedVersionId', 'ContentSize') },
  ContentVersion: {
    fields: {
      ...plain('Title', 'PathOnClient', 'VersionData', 'FileType', 'IsLatest'),
      ContentDocumentId: ref('ContentDocument', 'ContentDocument'),
    },
  },
  ContentDocumentLink: {
    fields: {
      ...plain('ShareType', 'Visibility', 'LinkedEntityId'),
      ContentDocumentId: ref('ContentDocument', 'ContentDocument'),
    },
  },
  RecordType: { fields: plain('Name', 'DeveloperName', 'SobjectType', 'IsActive') },
  Campaign: { fields: plain('Name', 'Status', 'Type', 'IsActive') },
  Task: {
    fields: { ...owner, ...plain('Subject', 'Status', 'ActivityDate', 'WhatId', 'WhoId', 'Type', 'Description') },
  },
  DatedConversionRate: { fields: plain('IsoCode', 'ConversionRate', 'StartDate', 'NextStartDate') },
  CurrencyType: { fields: plain('IsoCode', 'ConversionRate', 'IsCorporate', 'IsActive', 'DecimalPlaces') },
  AccountShare: {
    fields: {
      ...plain(
        'AccountAccessLevel',
        'OpportunityAccessLevel',
        'CaseAccessLevel',
        'ContactAccessLevel',
        'RowCause',
        'UserOrGroupId',
      ),
      AccountId: ref('Account', 'Account'),
    },
  },
  LeadShare: { fields: { ...plain('LeadAccessLevel', 'RowCause', 'UserOrGroupId'), LeadId: ref('Lead', 'Lead') } },
  OpportunityShare: {
    fields: {
      ...plain('OpportunityAccessLevel', 'RowCause', 'UserOrGroupId'),
      OpportunityId: ref('Opportunity', 'Opportunity'),
    },
  },
};
