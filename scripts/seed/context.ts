/**
 * The state one seed run shares across its modules: options, the random stream, the planter,
 * Id counters and the reference data (programs, modules, customers, partners), plus record
 * plumbing (Ids and external Ids, emitting, planting, names, websites and match keys).
 * Every module draws from the same random stream in a fixed order, so the output depends only
 * on the options.
 */
import { syntheticId, type SnapshotSchema } from '../snapshot/schema';
import { companyKeyOf, companyTokensOf, localToday, matchKeys, NameComparer, type TokenIds } from '../audit/rules';
import { MAX_PER_BLOCK } from '../audit/checks/possibleDuplicates';
import { Random } from './random';
import { Planter } from './plants';
import { datetimeOf, MS_PER_DAY } from './calendar';
import { TLDS, companyName, emailPart, type Person } from './names';
import type { CustomerInfo, PartnerInfo, ProgramInfo, SeedOptions, SeedRecord, SeedSink } from './model';

/** Partner (`p`) or customer (`c`) account: the audit compares names within a kind only. */
export type AccountKind = 'p' | 'c';

const CODES: Readonly<Record<string, string>> = {
  Partner_Program__c: 'PRG',
  Partner_Tier__c: 'TIER',
  Training_Module__c: 'TRN',
  Account: 'ACC',
  Contact: 'CON',
  Partner_Application__c: 'APP',
  Program_Membership__c: 'MEM',
  Tier_Change__c: 'TCH',
  Partner_Certification__c: 'CRT',
  Partner_Activity__c: 'ACT',
  Deal_Registration__c: 'REG',
  Opportunity: 'OPP',
  Partner_Attribution__c: 'ATT',
  Partner_Commission__c: 'COM',
  Program_Cost__c: 'CST',
  Lead: 'LEAD',
  Lead_Offer__c: 'OFR',
  Partner_Feedback__c: 'FBK',
};

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

export interface TrainingModuleInfo {
  id: string;
  grantsCertification: boolean;
  validMonths: number | null;
  dueDays: number;
  program: string | null;
}

export class SeedContext {
  readonly random: Random;
  readonly planter: Planter;
  readonly nowMs: number;
  readonly today: string;
  readonly counts: Record<string, number> = {};
  readonly programs: ProgramInfo[] = [];
  readonly modules: TrainingModuleInfo[] = [];
  readonly customers: CustomerInfo[] = [];
  readonly partners: PartnerInfo[] = [];
  readonly partnerIndex = new Map<string, PartnerInfo>();
  readonly companyKeys = new Set<string>();
  readonly partnerKeys = new Set<string>();
  private readonly counters = new Map<string, number>();
  private readonly autoNamed: Set<string>;

  constructor(
    readonly options: SeedOptions,
    private readonly sink: SeedSink,
    readonly schema: SnapshotSchema,
  ) {
    this.random = new Random(options.seed);
    this.planter = new Planter(options.seed, options.problemRate);
    this.nowMs = Date.parse(options.asOf);
    if (Number.isNaN(this.nowMs)) {
      throw new Error(`asOf ${options.asOf} is not an ISO-8601 datetime`);
    }
    this.today = localToday({ now: datetimeOf(this.nowMs), timeZone: 'UTC' });
    this.autoNamed = new Set(
      schema.objects.filter((o) => o.fields.some((f) => f.name === 'Name' && !f.writable)).map((o) => o.name),
    );
  }

  base(objectName: string, createdMs: number): SeedRecord {
    const n = (this.counters.get(objectName) ?? 0) + 1;
    this.counters.set(objectName, n);
    const object = this.schema.get(objectName);
    if (!object) {
      throw new Error(`The snapshot schema has no ${objectName}`);
    }
    const record: SeedRecord = {
      Id: syntheticId(object.keyPrefix, n),
      External_Id__c: `PSP-${CODES[objectName]}-${pad(n, 7)}`,
      CreatedDate: datetimeOf(Math.min(createdMs, this.nowMs)),
    };
    if (this.autoNamed.has(objectName)) {
      record.Name = `${CODES[objectName]}-${pad(n, 6)}`;
    }
    return record;
  }

  emit(objectName: string, record: SeedRecord): void {
    this.sink.write(objectName, record);
    this.counts[objectName] = (this.counts[objectName] ?? 0) + 1;
  }

  plant(check: Parameters<Planter['record']>[0], objectName: string, record: SeedRecord, detail: string): void {
    this.planter.record(check, objectName, String(record.External_Id__c), detail);
  }

  msDaysAgo(minDays: number, maxDays: number): number {
    return this.nowMs - (minDays + this.random.next() * (maxDays - minDays)) * MS_PER_DAY;
  }

  /**
   * Tokens of earlier account names by kind and blocking key, at most the audit's MAX_PER_BLOCK
   * each, in load order: exactly the names the possible-duplicate-account check compares a new
   * account with, so clean data stays clean and every planted near miss is found.
   */
  private readonly namesByBlock = new Map<string, TokenIds[]>();
  private readonly names = new NameComparer();

  private blockOf(kind: AccountKind, tokens: string[]): TokenIds[] | null {
    if (tokens.length === 0) {
      return null;
    }
    const key = `${kind}${tokens[0]}`;
    let names = this.namesByBlock.get(key);
    if (!names) {
      names = [];
      this.namesByBlock.set(key, names);
    }
    return names;
  }

  /**
   * Records an account name as the audit will see it, in load order.
   * @returns whether later accounts of its block are compared with it
   */
  noteAccountName(kind: AccountKind, name: string): boolean {
    const tokens = companyTokensOf(name);
    const names = this.blockOf(kind, tokens);
    if (names === null || names.length >= MAX_PER_BLOCK) {
      return false;
    }
    names.push(this.names.idsOf(tokens));
    return true;
  }

  /**
   * A company name whose key is new and, for an account (`kind`), that is not a possible
   * duplicate of an earlier account of its kind (the audit's possible-duplicate-account check
   * must find only planted problems). The account name is recorded; `comparable` says whether
   * later accounts are compared with it.
   */
  uniqueCompany(used: Set<string>, kind: AccountKind | null): { name: string; key: string; comparable: boolean } {
    for (let attempt = 0; ; attempt++) {
      const base = companyName(this.random);
      // A number first opens a new blocking key when the common ones are crowded.
      const name = attempt > 20 ? `${this.random.int(2, 9999)} ${base}` : base;
      const key = companyKeyOf(name);
      const tokens = companyTokensOf(name);
      const earlier = kind === null ? null : this.blockOf(kind, tokens);
      const ids = this.names.idsOf(tokens);
      if (
        key !== null &&
        !used.has(key) &&
        !(earlier ?? []).some((other) => this.names.possibleDuplicateScore(ids, other) !== null)
      ) {
        used.add(key);
        return { name, key, comparable: kind !== null && this.noteAccountName(kind, name) };
      }
    }
  }

  website(key: string): { website: string; domain: string } {
    const tld = this.random.pick(TLDS);
    return { website: `https://www.${key}.${tld}`, domain: `${key}.${tld}` };
  }

  email(who: Person, domain: string): string {
    return `${emailPart(who.firstName)}.${emailPart(who.lastName)}@${domain}`;
  }

  /** Stored match keys from the rule; the stale-key plant replaces them with a former name's. */
  keys(
    name: string,
    website: string | null,
    email: string | null,
  ): { Match_Key__c: string | null; Domain_Key__c: string | null } {
    const keys = matchKeys({ name, website, email });
    return { Match_Key__c: keys.companyKey, Domain_Key__c: keys.domainKey };
  }

  private readonly streams = new Map<number, Random>();

  /**
   * A random stream of its own for data added after the main stream was fixed, so adding it
   * leaves every other generated record as it was.
   * @param salt distinguishes the streams of one run
   */
  sideStream(salt: number): Random {
    let stream = this.streams.get(salt);
    if (!stream) {
      stream = new Random((this.options.seed ^ salt) >>> 0);
      this.streams.set(salt, stream);
    }
    return stream;
  }

  peekNext(objectName: string): number {
    return (this.counters.get(objectName) ?? 0) + 1;
  }

  otherPartners(partner: PartnerInfo, count: number): PartnerInfo[] {
    const chosen: PartnerInfo[] = [];
    for (let attempt = 0; chosen.length < count && attempt < 10; attempt++) {
      const other = this.random.pick(this.partners);
      if (other !== partner && other.active && other.status !== 'Onboarding' && !chosen.includes(other)) {
        chosen.push(other);
      }
    }
    return chosen;
  }

  partnerById(id: string): PartnerInfo {
    const partner = this.partnerIndex.get(id);
    if (!partner) {
      throw new Error(`seed: unknown partner ${id}`);
    }
    return partner;
  }
}
