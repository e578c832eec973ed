/**
 * Match preview: each legacy partner or customer against the accounts that exist already,
 * by the shared match keys (`matchKeys` of lwc-ts-src/prmRules): one existing account with
 * the same company or domain key is a match, several are ambiguous (a person decides), none
 * is new. Legacy rows that repeat an earlier row's key (name variants such as
 * "ACME Widgets, LLC" and "Acme Widgets Inc.") are duplicates of that row. Every outcome
 * carries its evidence.
 */
import { matchKeys } from '../../lwc-ts-src/prmRules/prmRules';
import type { LegacyRecord } from './legacyRecords';

export interface ExistingAccount {
  id: string;
  name: string;
  website: string | null;
  externalId: string | null;
  isPartner: boolean;
}

export type MatchOutcome = 'matched' | 'new' | 'ambiguous' | 'duplicate';

export interface AccountMatch {
  record: LegacyRecord;
  outcome: MatchOutcome;
  companyKey: string | null;
  domainKey: string | null;
  /** The existing account a `matched` row is, or the account an earlier run created for it. */
  account?: ExistingAccount;
  /** The earlier legacy row a `duplicate` repeats. */
  duplicateOf?: LegacyRecord;
  candidates: ExistingAccount[];
  evidence: string[];
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** Both keys of a legacy account row, by the shared rule. */
export function keysOf(record: LegacyRecord): { companyKey: string | null; domainKey: string | null } {
  return matchKeys({ name: text(record.fields.Name), website: text(record.fields.Website) });
}

/** Existing accounts indexed by company key and by domain key. */
export class AccountIndex {
  private readonly byCompany = new Map<string, ExistingAccount[]>();
  private readonly byDomain = new Map<string, ExistingAccount[]>();
  private readonly byExternalId = new Map<string, ExistingAccount>();

  constructor(readonly accounts: readonly ExistingAccount[]) {
    for (const account of accounts) {
      const keys = matchKeys({ name: account.name, website: account.website });
      const add = (map: Map<string, ExistingAccount[]>, key: string | null): void => {
        if (key !== null) {
          map.set(key, [...(map.get(key) ?? []), account]);
        }
      };
      add(this.byCompany, keys.companyKey);
      add(this.byDomain, keys.domainKey);
      if (account.externalId) {
        this.byExternalId.set(account.externalId.toLowerCase(), account);
      }
    }
  }

  byKey(companyKey: string | null, domainKey: string | null): ExistingAccount[] {
    const found = [
      ...(companyKey === null ? [] : (this.byCompany.get(companyKey) ?? [])),
      ...(domainKey === null ? [] : (this.byDomain.get(domainKey) ?? [])),
    ];
    return [...new Set(found)];
  }

  withExternalId(externalId: string): ExistingAccount | undefined {
    return this.byExternalId.get(externalId.toLowerCase());
  }
}

function describe(account: ExistingAccount, companyKey: string | null, domainKey: string | null): string {
  const keys = matchKeys({ name: account.name, website: account.website });
  const on = [
    keys.companyKey !== null && keys.companyKey === companyKey ? `company key ${companyKey}` : '',
    keys.domainKey !== null && keys.domainKey === domainKey ? `domain ${domainKey}` : '',
  ].filter(Boolean);
  return `${on.join(' and ')}: ${account.isPartner ? 'partner' : 'customer'} account ${account.id} "${account.name}"`;
}

/**
 * Classifies legacy partner and customer rows (in order: earlier rows win duplicates).
 * @param records legacy account rows
 * @param index existing accounts
 */
export function matchAccounts(records: readonly LegacyRecord[], index: AccountIndex): AccountMatch[] {
  const firstByKey = new Map<string, LegacyRecord>();
  return records.map((record) => {
    const { companyKey, domainKey } = keysOf(record);
    const seenKeys = [
      companyKey && `${record.entity}|c|${companyKey}`,
      domainKey && `${record.entity}|d|${domainKey}`,
    ].filter((k): k is string => typeof k === 'string');
    const earlier = seenKeys.map((k) => firstByKey.get(k)).find((r) => r !== undefined);
    if (earlier) {
      return {
        record,
        outcome: 'duplicate',
        companyKey,
        domainKey,
        duplicateOf: earlier,
        candidates: [],
        evidence: [
          `same ${keysOf(earlier).companyKey === companyKey ? `company key ${companyKey}` : `domain ${domainKey}`} as ${earlier.table} line ${earlier.line} "${String(earlier.fields.Name)}"`,
        ],
      };
    }
    seenKeys.forEach((k) => firstByKey.set(k, record));
    const migrated = index.withExternalId(record.externalId);
    if (migrated) {
      return {
        record,
        outcome: 'new',
        companyKey,
        domainKey,
        account: migrated,
        candidates: [],
        evidence: [`written before as ${migrated.id} (external ID ${record.externalId}): the upsert updates it`],
      };
    }
    const candidates = index
      .byKey(companyKey, domainKey)
      .filter((a) => a.externalId?.toLowerCase() !== record.externalId.toLowerCase());
    const evidence = candidates.map((a) => describe(a, companyKey, domainKey));
    if (candidates.length === 1) {
      return { record, outcome: 'matched', companyKey, domainKey, account: candidates[0], candidates, evidence };
    }
    return {
      record,
      outcome: candidates.length === 0 ? 'new' : 'ambiguous',
      companyKey,
      domainKey,
      candidates,
      evidence:
        candidates.length === 0
          ? [`no account with company key ${companyKey ?? '(none)'} or domain ${domainKey ?? '(none)'}`]
          : evidence,
    };
  });
}
