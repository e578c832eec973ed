/**
 * The accounts that exist before a cohort is written, to match legacy rows against: read
 * from an org (Id, name, website, external ID, partner flag) or from a snapshot folder.
 */
import { openSnapshot, readObjectRecords } from '../snapshot/reader';
import type { SnapshotRecord } from '../snapshot/format';
import { loadSnapshotSchema } from '../snapshot/schema';
import type { OrgReader } from '../salesforce/namespacedClient';
import type { ExistingAccount } from './accountMatch';

export interface ExistingAccounts {
  accounts: ExistingAccount[];
  /** The records as read, by Id, for the cohort's snapshot. */
  records: Map<string, SnapshotRecord>;
}

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

function toAccount(record: SnapshotRecord): ExistingAccount {
  return {
    id: String(record.Id),
    name: str(record.Name) ?? '',
    website: str(record.Website),
    externalId: str(record.External_Id__c),
    isPartner: record.Is_Partner__c === true,
  };
}

/**
 * Accounts of a snapshot folder (an empty list when it holds no Account file).
 * @param dir snapshot folder
 */
export async function accountsFromSnapshot(dir: string): Promise<ExistingAccounts> {
  const schema = loadSnapshotSchema();
  const account = openSnapshot(dir, schema).objects.find((o) => o.name === 'Account');
  const result: ExistingAccounts = { accounts: [], records: new Map() };
  if (account) {
    for await (const record of readObjectRecords(dir, account)) {
      result.accounts.push(toAccount(record));
      result.records.set(String(record.Id), record);
    }
  }
  return result;
}

/** Fields read from the org: what matching and the cohort's audit need. */
export const ORG_ACCOUNT_FIELDS = ['Id', 'Name', 'Website', 'External_Id__c', 'Is_Partner__c', 'CreatedDate'] as const;

/**
 * Every account of an org, by REST query pages. Name and website are read rather than the
 * stored match keys, because accounts created before the package carry none.
 * @param client the org client
 */
export async function accountsFromOrg(client: Pick<OrgReader, 'query'>): Promise<ExistingAccounts> {
  const result: ExistingAccounts = { accounts: [], records: new Map() };
  for await (const row of client.query(`SELECT ${ORG_ACCOUNT_FIELDS.join(', ')} FROM Account`)) {
    const record: SnapshotRecord = {};
    for (const field of ORG_ACCOUNT_FIELDS) {
      const value = row[field];
      record[field] = value === undefined ? null : (value as SnapshotRecord[string]);
    }
    if (typeof record.CreatedDate === 'string') {
      record.CreatedDate = new Date(record.CreatedDate.replace(/\+0000$/, 'Z')).toISOString();
    }
    result.accounts.push(toAccount(record));
    result.records.set(String(record.Id), record);
  }
  return result;
}
