/**
 * Duplicate accounts and stale match keys, both judged with the shared `matchKeys` rule.
 * Memory: duplicates are judged per company key, in load order, once the pass ends; until then
 * every account waits as one packed string in a partitioned spill (spill.ts), in memory up to
 * the budget and on disk past it, so the check needs about one partition's accounts at a time.
 */
import type { SnapshotRecord } from '../../snapshot/format';
import { matchKeys } from '../rules';
import { auditSpill } from '../spill';
import type { Auditor, AuditorFactory, Emit } from '../types';
import { bool, refOf, str } from '../values';

interface Survivor {
  id: string;
  externalId: string | null;
  name: string;
  createdDate: string;
}

const SEPARATOR = '\u0001';

/** An account as its group key and fields in one string; the name goes last (it may hold anything). */
function pack(groupKey: string, s: Survivor): string {
  return [groupKey, s.createdDate, s.id, s.externalId ?? '', s.name].join(SEPARATOR);
}

function unpack(packed: string): { groupKey: string; account: Survivor } {
  const [groupKey, createdDate, id, externalId, ...name] = packed.split(SEPARATOR);
  return {
    groupKey,
    account: { createdDate, id, externalId: externalId === '' ? null : externalId, name: name.join(SEPARATOR) },
  };
}

/** Older first: by CreatedDate, then Id (Ids grow over time within an object). */
function isOlder(a: Survivor, b: Survivor): boolean {
  return a.createdDate < b.createdDate || (a.createdDate === b.createdDate && a.id < b.id);
}

export const duplicateAccounts: AuditorFactory = (context): Auditor => {
  const accounts = auditSpill(context);
  const report = (emit: Emit, duplicate: Survivor, kept: Survivor): void => {
    emit(
      'duplicate-account',
      { object: 'Account', recordId: duplicate.id, externalId: duplicate.externalId },
      `"${duplicate.name}" duplicates "${kept.name}" (${kept.externalId ?? kept.id}): same company match key`,
      `Merge it into ${kept.externalId ?? kept.id} (${kept.id}), the older account.`,
    );
  };
  return {
    checks: ['duplicate-account'],
    objects: ['Account'],
    requires: ['Account'],
    onRecord(_objectName, record) {
      const id = str(record, 'Id');
      const name = str(record, 'Name');
      const key = matchKeys({ name }).companyKey;
      if (id === null || name === null || key === null) {
        return;
      }
      const groupKey = `${bool(record, 'Is_Partner__c') ? 'p' : 'c'}${key}`;
      const account: Survivor = {
        id,
        externalId: str(record, 'External_Id__c'),
        name,
        createdDate: str(record, 'CreatedDate') ?? '',
      };
      accounts.add(groupKey, pack(groupKey, account));
    },
    finish(emit) {
      // Each company key lies in one partition, its accounts in load order: the oldest so far is kept.
      for (const partition of accounts.drain()) {
        const survivors = new Map<string, Survivor>();
        for (const packed of partition) {
          const { groupKey, account } = unpack(packed);
          const kept = survivors.get(groupKey);
          if (kept === undefined) {
            survivors.set(groupKey, account);
          } else if (isOlder(account, kept)) {
            survivors.set(groupKey, account);
            report(emit, kept, account);
          } else {
            report(emit, account, kept);
          }
        }
      }
    },
    dispose() {
      accounts.dispose();
    },
  };
};

/** Which fields feed the keys of each object. */
const KEY_SOURCES: Readonly<Record<string, { name: string; website: string; email: string | null }>> = {
  Account: { name: 'Name', website: 'Website', email: null },
  Deal_Registration__c: { name: 'Prospect_Company__c', website: 'Prospect_Website__c', email: 'Prospect_Email__c' },
  Lead: { name: 'Company', website: 'Website', email: 'Email' },
  Partner_Application__c: { name: 'Company_Name__c', website: 'Website__c', email: 'Contact_Email__c' },
};

export const staleMatchKeys: AuditorFactory = (): Auditor => ({
  checks: ['match-key-stale'],
  objects: Object.keys(KEY_SOURCES),
  requires: [],
  onRecord(objectName: string, record: SnapshotRecord, emit: Emit) {
    const sources = KEY_SOURCES[objectName];
    if (!('Match_Key__c' in record) || !('Domain_Key__c' in record)) {
      return;
    }
    const expected = matchKeys({
      name: str(record, sources.name),
      website: str(record, sources.website),
      email: sources.email === null ? null : str(record, sources.email),
    });
    const problems: string[] = [];
    const storedCompany = str(record, 'Match_Key__c');
    const storedDomain = str(record, 'Domain_Key__c');
    if (storedCompany !== expected.companyKey) {
      problems.push(
        `Match_Key__c is ${JSON.stringify(storedCompany)}, expected ${JSON.stringify(expected.companyKey)}`,
      );
    }
    if (storedDomain !== expected.domainKey) {
      problems.push(`Domain_Key__c is ${JSON.stringify(storedDomain)}, expected ${JSON.stringify(expected.domainKey)}`);
    }
    if (problems.length > 0) {
      emit('match-key-stale', refOf(objectName, record), problems.join('; '));
    }
  },
});
