/**
 * Deterministic generator of a partner program's data: programs and tier ladders, partner
 * accounts with contacts, memberships, tier history, certifications and activity, customer
 * accounts, deal registrations, opportunities, attribution, commissions, shared leads with
 * their offers, and program costs. Derived values (match keys, expiry dates, approval
 * routes, accept-by deadlines, tiers, credit splits, commissions, engagement scores) come
 * from the shared rules, so clean data passes every audit check; the Planter then plants
 * known problems and records each one in the ground truth.
 *
 * Records stream to a sink one by one, partner by partner, so memory holds only the
 * reference data (programs, customers, partner summaries) and the current partner.
 */
import { loadSnapshotSchema, syntheticId, type SnapshotSchema } from '../snapshot/schema';
import type { CellValue } from '../snapshot/format';
import type { ProgramPolicy } from '../audit/policy';
import {
  approvalRoute,
  attributeCredit,
  commissionFor,
  companyKeyOf,
  engagementScore,
  evaluateTier,
  expiryDate,
  leadAcceptBy,
  leadSlaStatus,
  localToday,
  matchKeys,
  renew,
  type AttributionCreditRow,
  type RegistrationApprovalRoute,
  type RegistrationConflictStatus,
  type TierDefinition,
} from '../audit/rules';
import { Random } from './random';
import { Planter, type GroundTruth } from './plants';
import { addDays, addMonths, dateOf, datetimeOf, daysBetween, MS_PER_DAY, MS_PER_HOUR, msOfDate } from './calendar';
import {
  INDUSTRIES,
  PRODUCTS,
  TLDS,
  companyName,
  emailPart,
  nameVariant,
  person,
  place,
  type Person,
  type Place,
} from './names';
import { LADDER, MODULES, OPEN_STAGES, PROGRAMS, type ProgramDef, type TierDef } from './programCatalog';

export type SeedRecord = Record<string, CellValue>;

export interface SeedOptions {
  seed: number;
  /** The generated data's "now" (ISO-8601 UTC); every date is relative to it. */
  asOf: string;
  partners: number;
  customers: number;
  /** Share of eligible records that receive each kind of problem; 0 generates clean data. */
  problemRate: number;
  policy: ProgramPolicy;
}

export const SCALES: Readonly<Record<'small' | 'medium' | 'large', { partners: number; customers: number }>> =
  Object.freeze({
    small: { partners: 30, customers: 250 },
    medium: { partners: 300, customers: 2500 },
    large: { partners: 3000, customers: 25000 },
  });

export interface SeedSink {
  write(objectName: string, record: SeedRecord): void;
}

export interface SeedResult {
  groundTruth: GroundTruth;
  /** Records written per object. */
  counts: Record<string, number>;
}

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
};

interface ProgramInfo {
  id: string;
  def: ProgramDef;
  tiers: { id: string; def: TierDef }[];
  ladder: TierDefinition[];
}

interface CustomerInfo {
  id: string;
  name: string;
  website: string;
  domain: string;
  place: Place;
}

interface MembershipPlan {
  program: ProgramInfo;
  /** Tier index the stored metrics qualify for. */
  qualifiedIndex: number;
  /** Tier index stored on the membership. */
  heldIndex: number;
  pendingSince: string | null;
  /** Planted stale tier, for the ground truth. */
  stale: string | null;
}

interface PartnerInfo {
  id: string;
  ext: string;
  name: string;
  website: string;
  domain: string;
  place: Place;
  status: string;
  active: boolean;
  since: string;
  memberships: MembershipPlan[];
}

interface Cluster {
  partner: PartnerInfo;
  contacts: { id: string; person: Person; email: string }[];
  activity: {
    logins: number;
    resourceDownloads: number;
    trainingsCompleted: number;
    registrations: number;
    leadsAccepted: number;
  };
  openLeads: number;
  revenueT12M: number;
}

const PARTNER_STATUSES: ReadonlyArray<readonly [string, number]> = [
  ['Active', 85],
  ['Onboarding', 7],
  ['Suspended', 5],
  ['Terminated', 3],
];

type RegistrationKind = 'draft' | 'pending' | 'rejected' | 'approvedRecent' | 'converted' | 'expired' | 'withdrawn';

const REGISTRATION_KINDS: ReadonlyArray<readonly [RegistrationKind, number]> = [
  ['draft', 5],
  ['pending', 10],
  ['rejected', 10],
  ['approvedRecent', 5],
  ['converted', 55],
  ['expired', 10],
  ['withdrawn', 5],
];

const HISTORICAL_KINDS: ReadonlyArray<readonly [RegistrationKind, number]> = [
  ['rejected', 20],
  ['converted', 60],
  ['expired', 20],
];

type LeadKind = 'Offered' | 'Accepted' | 'Working' | 'Converted' | 'Lost' | 'Rejected' | 'Recalled';

const LEAD_KINDS: ReadonlyArray<readonly [LeadKind, number]> = [
  ['Offered', 12],
  ['Accepted', 18],
  ['Working', 22],
  ['Converted', 14],
  ['Lost', 10],
  ['Rejected', 14],
  ['Recalled', 10],
];

const REJECTION_REASONS = ['Not a fit', 'No capacity', 'Already engaged', 'Bad data', 'Other'];
const TOUCH_TYPES = ['Co-sell', 'Technical Win', 'Marketing', 'Referral'];
const ACTIVITY_TYPES: ReadonlyArray<readonly [string, number, number]> = [
  ['Login', 45, 1],
  ['Resource Download', 20, 2],
  ['Training Completed', 8, 10],
  ['Deal Registered', 12, 5],
  ['Lead Submitted', 5, 5],
  ['Lead Accepted', 10, 3],
];

/**
 * Generates a data set into a sink.
 * @param options seed, scale, as-of time, problem rate and policy
 * @param sink receives every record
 * @param schema snapshot schema (key prefixes, auto-number names)
 */
export function generateSeed(
  options: SeedOptions,
  sink: SeedSink,
  schema: SnapshotSchema = loadSnapshotSchema(),
): SeedResult {
  return new SeedGenerator(options, sink, schema).run();
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

class SeedGenerator {
  private readonly random: Random;
  private readonly planter: Planter;
  private readonly nowMs: number;
  private readonly today: string;
  private readonly counters = new Map<string, number>();
  private readonly counts: Record<string, number> = {};
  private readonly autoNamed: Set<string>;
  private programs: ProgramInfo[] = [];
  private modules: {
    id: string;
    grantsCertification: boolean;
    validMonths: number | null;
    dueDays: number;
    program: string | null;
  }[] = [];
  private customers: CustomerInfo[] = [];
  private partners: PartnerInfo[] = [];
  private readonly partnerIndex = new Map<string, PartnerInfo>();
  private readonly companyKeys = new Set<string>();
  private readonly partnerKeys = new Set<string>();

  constructor(
    private readonly options: SeedOptions,
    private readonly sink: SeedSink,
    private readonly schema: SnapshotSchema,
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

  run(): SeedResult {
    this.generatePrograms();
    this.generateModules();
    this.generateCustomers();
    this.planPartners();
    for (const partner of this.partners) {
      this.generateCluster(partner);
    }
    this.generateDirectDeals();
    this.generateInternalLeads();
    this.generateProgramCosts();
    const o = this.options;
    return {
      groundTruth: this.planter.groundTruth({
        seed: o.seed,
        asOf: datetimeOf(this.nowMs),
        partners: o.partners,
        customers: o.customers,
        problemRate: o.problemRate,
      }),
      counts: this.counts,
    };
  }

  // ------------------------------------------------------------------ plumbing

  private base(objectName: string, createdMs: number): SeedRecord {
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

  private emit(objectName: string, record: SeedRecord): void {
    this.sink.write(objectName, record);
    this.counts[objectName] = (this.counts[objectName] ?? 0) + 1;
  }

  private plant(check: Parameters<Planter['record']>[0], objectName: string, record: SeedRecord, detail: string): void {
    this.planter.record(check, objectName, String(record.External_Id__c), detail);
  }

  private msDaysAgo(minDays: number, maxDays: number): number {
    return this.nowMs - (minDays + this.random.next() * (maxDays - minDays)) * MS_PER_DAY;
  }

  private uniqueCompany(used: Set<string>): { name: string; key: string } {
    for (let attempt = 0; ; attempt++) {
      const base = companyName(this.random);
      const name = attempt > 20 ? `${base} ${this.random.int(2, 9999)}` : base;
      const key = companyKeyOf(name);
      if (key !== null && !used.has(key)) {
        used.add(key);
        return { name, key };
      }
    }
  }

  private website(key: string): { website: string; domain: string } {
    const tld = this.random.pick(TLDS);
    return { website: `https://www.${key}.${tld}`, domain: `${key}.${tld}` };
  }

  private email(who: Person, domain: string): string {
    return `${emailPart(who.firstName)}.${emailPart(who.lastName)}@${domain}`;
  }

  /** Stored match keys from the rule; the stale-key plant replaces them with a former name's. */
  private keys(
    name: string,
    website: string | null,
    email: string | null,
  ): { Match_Key__c: string | null; Domain_Key__c: string | null } {
    const keys = matchKeys({ name, website, email });
    return { Match_Key__c: keys.companyKey, Domain_Key__c: keys.domainKey };
  }

  private staleKey(objectName: string, record: SeedRecord): boolean {
    if (!this.planter.should('match-key-stale')) {
      return false;
    }
    const former = companyKeyOf(companyName(this.random));
    record.Match_Key__c = former === record.Match_Key__c ? `${String(former)}old` : former;
    this.plant('match-key-stale', objectName, record, 'Match_Key__c kept from a former company name');
    return true;
  }

  private missing(objectName: string, record: SeedRecord, fields: string[]): boolean {
    const candidates = fields.filter((f) => record[f] !== null && record[f] !== undefined);
    if (candidates.length === 0 || !this.planter.should('missing-field')) {
      return false;
    }
    const field = this.random.pick(candidates);
    record[field] = null;
    this.plant('missing-field', objectName, record, `${field} left blank`);
    return true;
  }

  // ------------------------------------------------------------------ reference data

  private generatePrograms(): void {
    const created = this.nowMs - 1200 * MS_PER_DAY;
    for (const def of PROGRAMS) {
      const program = this.base('Partner_Program__c', created);
      const info: ProgramInfo = { id: String(program.Id), def, tiers: [], ladder: [] };
      for (const tierDef of LADDER.slice(0, def.rungs)) {
        const tier = this.base('Partner_Tier__c', created);
        Object.assign(tier, {
          Name: `${def.code === 'TEC' ? 'Alliance ' : ''}${tierDef.name}`,
          Program__c: info.id,
          Rank__c: tierDef.rank,
          Min_Revenue_T12M__c: tierDef.minRevenue,
          Min_Active_Certifications__c: tierDef.minCertifications,
          Min_Closed_Deals__c: tierDef.minDeals,
          Commission_Uplift_Percent__c: tierDef.upliftPercent,
          Discount_Percent__c: tierDef.discountPercent,
          Benefits__c: tierDef.benefits,
        });
        this.emit('Partner_Tier__c', tier);
        info.tiers.push({ id: String(tier.Id), def: tierDef });
        info.ladder.push({
          id: String(tier.Id),
          rank: tierDef.rank,
          minRevenue: tierDef.minRevenue,
          minActiveCertifications: tierDef.minCertifications,
          minClosedDeals: tierDef.minDeals,
        });
      }
      Object.assign(program, {
        Name: def.name,
        Program_Type__c: def.type,
        Commission_Model__c: def.commissionModel,
        Base_Commission_Percent__c: def.basePercent,
        Downgrade_Grace_Days__c: def.graceDays,
        Active__c: true,
        Auto_Approve_Applications__c: def.type === 'Referral',
        Allowed_Countries__c: null,
        Description__c: def.description,
        Entry_Tier__c: info.tiers[0].id,
      });
      this.emit('Partner_Program__c', program);
      this.programs.push(info);
    }
  }

  private generateModules(): void {
    MODULES.forEach((def, index) => {
      const module = this.base('Training_Module__c', this.nowMs - 1100 * MS_PER_DAY);
      const program = def.program === null ? null : (this.programs.find((p) => p.def.code === def.program) ?? null);
      Object.assign(module, {
        Name: def.name,
        Program__c: program?.id ?? null,
        Active__c: true,
        Grants_Certification__c: def.grantsCertification,
        Certification_Valid_Months__c: def.validMonths,
        Due_Days__c: def.dueDays,
        Required_For_Onboarding__c: def.requiredForOnboarding,
        Sequence__c: (index + 1) * 10,
        Url__c: `https://learn.example.com/${emailPart(def.name)}`,
      });
      this.emit('Training_Module__c', module);
      this.modules.push({
        id: String(module.Id),
        grantsCertification: def.grantsCertification,
        validMonths: def.validMonths,
        dueDays: def.dueDays,
        program: program?.id ?? null,
      });
    });
  }

  private generateCustomers(): void {
    const duplicatesOf: { original: CustomerInfo; createdMs: number }[] = [];
    for (let i = 0; i < this.options.customers; i++) {
      const { name, key } = this.uniqueCompany(this.companyKeys);
      const { website, domain } = this.website(key);
      const where = place(this.random);
      const createdMs = this.msDaysAgo(400, 1100);
      const account = this.base('Account', createdMs);
      Object.assign(account, {
        Name: name,
        Website: website,
        Industry: this.random.pick(INDUSTRIES),
        BillingCountry: where.country,
        BillingState: where.region,
        BillingPostalCode: where.postalCode,
        NumberOfEmployees: Math.round(this.random.logNormal(400, 1.3)) + 5,
        Is_Partner__c: false,
        Named_Account_Owner__c: this.random.chance(0.05),
        ...this.keys(name, website, null),
      });
      const info: CustomerInfo = { id: String(account.Id), name, website, domain, place: where };
      if (this.planter.should('duplicate-account')) {
        duplicatesOf.push({ original: info, createdMs });
      } else if (!this.staleKey('Account', account)) {
        this.missing('Account', account, ['BillingCountry']);
      }
      this.emit('Account', account);
      this.customers.push(info);
    }
    // Duplicates come after the originals: later Ids and creation dates, as a second entry would.
    for (const { original, createdMs } of duplicatesOf) {
      let variant = nameVariant(this.random, original.name);
      for (let attempt = 0; companyKeyOf(variant) !== companyKeyOf(original.name); attempt++) {
        variant = attempt > 10 ? original.name.toUpperCase() : nameVariant(this.random, original.name);
      }
      const website = this.random.chance(0.5) ? original.website : null;
      const account = this.base('Account', createdMs + this.random.int(30, 400) * MS_PER_DAY);
      Object.assign(account, {
        Name: variant,
        Website: website,
        Industry: this.random.pick(INDUSTRIES),
        BillingCountry: original.place.country,
        BillingState: original.place.region,
        BillingPostalCode: original.place.postalCode,
        Is_Partner__c: false,
        Named_Account_Owner__c: false,
        ...this.keys(variant, website, null),
      });
      this.plant('duplicate-account', 'Account', account, `"${variant}" duplicates "${original.name}"`);
      this.emit('Account', account);
    }
  }

  // ------------------------------------------------------------------ partners

  private planPartners(): void {
    const keys = this.partnerKeys;
    for (let i = 0; i < this.options.partners; i++) {
      const { name, key } = this.uniqueCompany(keys);
      const { website, domain } = this.website(key);
      const status = this.random.weighted(PARTNER_STATUSES);
      const id = syntheticId(this.schema.get('Account')?.keyPrefix ?? '001', this.peekNext('Account') + i);
      const since = status === 'Onboarding' ? dateOf(this.msDaysAgo(5, 50)) : dateOf(this.msDaysAgo(120, 1500));
      const primary = this.random.weighted(this.programs.map((p) => [p, p.def.weight] as const));
      const memberships = [this.planMembership(primary, status)];
      if (status === 'Active' && this.random.chance(0.2)) {
        const other = this.random.pick(this.programs.filter((p) => p !== primary));
        memberships.push(this.planMembership(other, 'Secondary'));
      }
      this.partners.push({
        id,
        ext: '',
        name,
        website,
        domain,
        place: place(this.random),
        status,
        active: status === 'Active' || status === 'Onboarding',
        since,
        memberships,
      });
      this.partnerIndex.set(id, this.partners[this.partners.length - 1]);
    }
  }

  private peekNext(objectName: string): number {
    return (this.counters.get(objectName) ?? 0) + 1;
  }

  private planMembership(program: ProgramInfo, status: string): MembershipPlan {
    const rungs = program.tiers.length;
    if (status === 'Onboarding') {
      return { program, qualifiedIndex: 0, heldIndex: 0, pendingSince: null, stale: null };
    }
    const shares = program.tiers.map((t, index) => [index, t.def.share] as const);
    let index = status === 'Secondary' ? this.random.int(0, 1) : this.random.weighted(shares);
    index = Math.min(index, rungs - 1);
    const grace = program.def.graceDays;
    if (index > 0 && status === 'Active' && this.planter.should('stale-tier')) {
      if (this.random.chance(0.5)) {
        return {
          program,
          qualifiedIndex: index,
          heldIndex: index - 1,
          pendingSince: null,
          stale: 'qualifies for a higher tier',
        };
      }
      const since = addDays(this.today, -(grace + this.random.int(5, 60)));
      return { program, qualifiedIndex: index - 1, heldIndex: index, pendingSince: since, stale: 'downgrade overdue' };
    }
    if (index > 0 && status !== 'Secondary' && this.random.chance(0.1)) {
      const since = addDays(this.today, -this.random.int(1, grace - 1));
      return { program, qualifiedIndex: index - 1, heldIndex: index, pendingSince: since, stale: null };
    }
    return { program, qualifiedIndex: index, heldIndex: index, pendingSince: null, stale: null };
  }

  private generateCluster(partner: PartnerInfo): void {
    const account = this.base('Account', msOfDate(partner.since) - this.random.int(1, 30) * MS_PER_DAY);
    if (account.Id !== partner.id) {
      throw new Error(`partner Id plan out of step: ${String(account.Id)} != ${partner.id}`);
    }
    partner.ext = String(account.External_Id__c);
    const cluster: Cluster = {
      partner,
      contacts: [],
      activity: { logins: 0, resourceDownloads: 0, trainingsCompleted: 0, registrations: 0, leadsAccepted: 0 },
      openLeads: 0,
      revenueT12M: 0,
    };
    this.generateContacts(cluster);
    this.generateApplication(cluster);
    const primary = this.generateMemberships(cluster);
    this.generateCertifications(cluster);
    this.generateActivities(cluster);
    const registrations =
      partner.status === 'Onboarding' ? this.random.poisson(1) : this.random.poisson(partner.active ? 6 : 2);
    for (let i = 0; i < registrations; i++) {
      this.generateRegistration(cluster);
    }
    if (partner.active && partner.status !== 'Onboarding') {
      const leads = this.random.poisson(7);
      for (let i = 0; i < leads; i++) {
        this.generateSharedLead(cluster);
      }
      const submitted = this.random.poisson(1.5);
      for (let i = 0; i < submitted; i++) {
        this.generatePartnerLead(cluster);
      }
    }
    if (this.random.chance(0.3)) {
      this.generatePartnerCosts(partner);
    }

    const tier = primary.program.tiers[primary.heldIndex];
    const score = engagementScore({ activities: cluster.activity, revenueT12M: cluster.revenueT12M }).score;
    Object.assign(account, {
      Name: partner.name,
      Website: partner.website,
      Industry: 'Technology',
      BillingCountry: partner.place.country,
      BillingState: partner.place.region,
      BillingPostalCode: partner.place.postalCode,
      NumberOfEmployees: Math.round(this.random.logNormal(80, 1)) + 3,
      Is_Partner__c: true,
      Partner_Status__c: partner.status,
      Partner_Since__c: partner.status === 'Onboarding' ? null : partner.since,
      Primary_Program__c: primary.program.id,
      Current_Tier__c: tier.id,
      Partner_Score__c: score,
      Lead_Capacity__c: this.random.chance(0.3) ? null : this.random.int(5, 30),
      Open_Partner_Leads__c: cluster.openLeads,
      Partner_Territories__c: `${partner.place.country}\n${partner.place.country}-${partner.place.region}`,
      Last_Lead_Offered_At__c: null,
      ...this.keys(partner.name, partner.website, null),
    });
    if (partner.status === 'Active' && !this.staleKey('Account', account)) {
      this.missing('Account', account, ['Partner_Since__c']);
    }
    this.emit('Account', account);
  }

  private generateContacts(cluster: Cluster): void {
    const count = this.random.int(2, 4);
    for (let i = 0; i < count; i++) {
      const who = person(this.random);
      const email = this.email(who, cluster.partner.domain);
      const contact = this.base('Contact', msOfDate(cluster.partner.since) + i * MS_PER_DAY);
      Object.assign(contact, {
        FirstName: who.firstName,
        LastName: who.lastName,
        Email: email,
        Title: this.random.pick(['Partner Manager', 'Sales Director', 'Solutions Engineer', 'CEO', 'Marketing Lead']),
        AccountId: cluster.partner.id,
        Is_Primary_Partner_Contact__c: i === 0,
        Partner_Role__c: i === 0 ? 'Executive' : this.random.pick(['Sales', 'Technical', 'Marketing', 'Operations']),
        Last_Portal_Login__c: this.random.chance(0.8) ? datetimeOf(this.msDaysAgo(0, 60)) : null,
      });
      this.missing('Contact', contact, ['Email']);
      this.emit('Contact', contact);
      cluster.contacts.push({ id: String(contact.Id), person: who, email });
    }
  }

  private application(
    name: string,
    website: string | null,
    who: Person,
    domain: string,
    where: Place,
    program: ProgramInfo,
    createdMs: number,
  ): SeedRecord {
    const application = this.base('Partner_Application__c', createdMs);
    const email = this.email(who, domain);
    Object.assign(application, {
      Company_Name__c: name,
      Website__c: website,
      Contact_First_Name__c: who.firstName,
      Contact_Last_Name__c: who.lastName,
      Contact_Email__c: email,
      Contact_Phone__c: `+1 555 01${pad(this.random.int(0, 99), 2)}`,
      Country__c: where.country,
      Employees__c: this.random.int(5, 900),
      Annual_Revenue__c: roundTo(this.random.logNormal(5000000, 1.2), 1000),
      Program_Interest__c: program.id,
      Terms_Accepted__c: true,
      Certifications__c: null,
      ...this.keys(name, website, email),
    });
    return application;
  }

  private generateApplication(cluster: Cluster): void {
    const partner = cluster.partner;
    const program = partner.memberships[0].program;
    const submittedMs = msOfDate(partner.since) - this.random.int(3, 30) * MS_PER_DAY;
    const application = this.application(
      partner.name,
      partner.website,
      cluster.contacts[0].person,
      partner.domain,
      partner.place,
      program,
      submittedMs,
    );
    Object.assign(application, {
      Status__c: 'Approved',
      Decision_Route__c: program.def.type === 'Referral' ? 'Auto' : 'Manual Review',
      Decided_At__c: datetimeOf(submittedMs + this.random.int(1, 72) * MS_PER_HOUR),
      Resulting_Account__c: partner.id,
    });
    this.emitApplication(application);
    if (this.random.chance(0.3)) {
      const { name, key } = this.uniqueCompany(this.partnerKeys);
      const { website, domain } = this.website(key);
      const createdMs = this.msDaysAgo(1, 300);
      const other = this.application(
        name,
        website,
        person(this.random),
        domain,
        place(this.random),
        program,
        createdMs,
      );
      const status = this.random.weighted([
        ['Submitted', 3],
        ['Under Review', 3],
        ['Rejected', 3],
        ['Duplicate', 1],
      ] as const);
      Object.assign(other, {
        Status__c: status,
        Decision_Route__c: status === 'Submitted' ? null : 'Manual Review',
        Decided_At__c: status === 'Rejected' || status === 'Duplicate' ? datetimeOf(createdMs + 2 * MS_PER_DAY) : null,
        Decision_Reason__c:
          status === 'Rejected' ? 'Outside our target markets' : status === 'Duplicate' ? 'Already a partner' : null,
        Duplicate_Of_Account__c: status === 'Duplicate' ? partner.id : null,
      });
      this.emitApplication(other);
    }
  }

  private emitApplication(application: SeedRecord): void {
    if (!this.staleKey('Partner_Application__c', application)) {
      this.missing('Partner_Application__c', application, ['Contact_Email__c', 'Country__c']);
    }
    this.emit('Partner_Application__c', application);
  }

  /** Metrics that qualify exactly for `qualified` (never for the next rung), and below `below` when given. */
  private metricsFor(
    program: ProgramInfo,
    qualified: number,
  ): { revenue: number; certifications: number; deals: number } {
    const tier = program.tiers[qualified].def;
    const next = program.tiers[qualified + 1]?.def;
    const ceiling = next ? next.minRevenue : tier.minRevenue * 2 + 1000000;
    const revenue = roundTo(tier.minRevenue + this.random.next() * (ceiling - tier.minRevenue - 1000), 100);
    return {
      revenue,
      certifications: tier.minCertifications + this.random.int(0, 3),
      deals: tier.minDeals + this.random.int(0, 4),
    };
  }

  private generateMemberships(cluster: Cluster): MembershipPlan {
    const partner = cluster.partner;
    partner.memberships.forEach((plan, index) => {
      const program = plan.program;
      const enrolled = index === 0 ? partner.since : addDays(partner.since, this.random.int(30, 200));
      const enrolledOn = enrolled > this.today ? this.today : enrolled;
      const held = program.tiers[plan.heldIndex];
      const metrics = this.metricsFor(program, plan.qualifiedIndex);
      if (plan.pendingSince !== null) {
        // Falls short on revenue only, so the pending downgrade is about one criterion.
        const heldDef = held.def;
        metrics.certifications = Math.max(metrics.certifications, heldDef.minCertifications);
        metrics.deals = Math.max(metrics.deals, heldDef.minDeals);
      }
      const status = partner.status === 'Onboarding' ? 'Onboarding' : index === 0 ? partner.status : 'Active';
      const tierSinceFloor = plan.pendingSince ?? this.today;
      const span = Math.max(1, daysBetween(enrolledOn, tierSinceFloor) - 1);
      const candidate = plan.heldIndex === 0 ? enrolledOn : addDays(enrolledOn, this.random.int(1, span));
      const tierSince = candidate > this.today ? this.today : candidate;
      const evaluation = evaluateTier({
        today: this.today,
        tiers: program.ladder,
        metrics: {
          revenueT12M: metrics.revenue,
          activeCertifications: metrics.certifications,
          closedDealsT12M: metrics.deals,
        },
        current: { tierId: held.id, tierSince, downgradePendingSince: plan.pendingSince },
        graceDays: program.def.graceDays,
      });
      const expected =
        plan.stale === null
          ? plan.pendingSince === null
            ? 'Hold'
            : 'DowngradePending'
          : plan.heldIndex < plan.qualifiedIndex
            ? 'Upgrade'
            : 'Downgrade';
      if (status !== 'Onboarding' && evaluation.action !== expected) {
        throw new Error(`seed: membership plan gives ${evaluation.action}, expected ${expected}`);
      }
      const membership = this.base('Program_Membership__c', msOfDate(enrolledOn));
      Object.assign(membership, {
        Partner_Account__c: partner.id,
        Program__c: program.id,
        Status__c: status,
        Tier__c: held.id,
        Tier_Since__c: tierSince,
        Enrolled_On__c: enrolledOn,
        Activated_On__c:
          status === 'Onboarding'
            ? null
            : addDays(enrolledOn, Math.min(20, Math.max(0, daysBetween(enrolledOn, this.today)))),
        T12M_Revenue__c: metrics.revenue,
        Active_Certifications__c: metrics.certifications,
        Closed_Deals_T12M__c: metrics.deals,
        Downgrade_Pending_Since__c: plan.pendingSince,
        Pending_Tier__c: plan.pendingSince === null ? null : program.tiers[plan.qualifiedIndex].id,
        At_Risk__c: plan.pendingSince !== null,
        At_Risk_Reason__c: plan.pendingSince === null ? null : 'Trailing revenue below the tier minimum',
        Last_Evaluated_At__c: datetimeOf(this.nowMs - this.random.int(1, 20) * MS_PER_HOUR),
        Score__c: null,
        Unique_Key__c: null,
      });
      if (plan.stale !== null) {
        this.plant('stale-tier', 'Program_Membership__c', membership, plan.stale);
      }
      this.emit('Program_Membership__c', membership);
      if (index === 0) {
        cluster.revenueT12M = metrics.revenue;
      }
      this.generateTierHistory(String(membership.Id), program, plan, enrolledOn, tierSince);
    });
    return partner.memberships[0];
  }

  private generateTierHistory(
    membershipId: string,
    program: ProgramInfo,
    plan: MembershipPlan,
    enrolledOn: string,
    tierSince: string,
  ): void {
    const change = (type: string, from: number | null, to: number, effective: string, reason: string): void => {
      const record = this.base('Tier_Change__c', msOfDate(effective) + 2 * MS_PER_HOUR);
      Object.assign(record, {
        Program_Membership__c: membershipId,
        Change_Type__c: type,
        From_Tier__c: from === null ? null : program.tiers[from].id,
        To_Tier__c: program.tiers[to].id,
        Effective_Date__c: effective,
        Reason__c: reason,
        Metrics_Snapshot__c: JSON.stringify({ tier: program.tiers[to].def.name }),
        Unique_Key__c: null,
      });
      this.emit('Tier_Change__c', record);
    };
    change('Initial', null, 0, enrolledOn, 'Entry tier on enrolment');
    for (let rung = 1; rung <= plan.heldIndex; rung++) {
      const effective =
        rung === plan.heldIndex
          ? tierSince
          : addDays(enrolledOn, Math.floor((daysBetween(enrolledOn, tierSince) * rung) / (plan.heldIndex + 1)));
      change('Upgrade', rung - 1, rung, effective, 'Met every criterion of the next tier');
    }
    if (plan.pendingSince !== null) {
      const downgradeOn = addDays(plan.pendingSince, program.def.graceDays);
      change(
        'Downgrade Pending',
        plan.heldIndex,
        plan.qualifiedIndex,
        downgradeOn,
        'Trailing revenue below the tier minimum',
      );
    }
  }

  private generateCertifications(cluster: Cluster): void {
    const programs = new Set(cluster.partner.memberships.map((m) => m.program.id));
    const eligible = this.modules.filter((m) => m.program === null || programs.has(m.program));
    for (const contact of cluster.contacts) {
      const count = this.random.int(0, 3);
      const taken = new Set<string>();
      for (let i = 0; i < count; i++) {
        const module = this.random.pick(eligible);
        if (taken.has(module.id)) {
          continue;
        }
        taken.add(module.id);
        const assigned = dateOf(this.msDaysAgo(0, 700));
        const due = addDays(assigned, module.dueDays);
        const roll = this.random.next();
        const record = this.base('Partner_Certification__c', msOfDate(assigned));
        let status: string;
        let completedOn: string | null = null;
        let expiresOn: string | null = null;
        if (roll < 0.65 && due < this.today) {
          completedOn = addDays(assigned, this.random.int(1, module.dueDays));
          expiresOn = module.validMonths === null ? null : addDays(completedOn, Math.round(module.validMonths * 30.4));
          status = expiresOn !== null && expiresOn < this.today ? 'Expired' : 'Completed';
          cluster.activity.trainingsCompleted += 1;
        } else {
          status = roll < 0.8 ? 'In Progress' : 'Assigned';
        }
        Object.assign(record, {
          Contact__c: contact.id,
          Partner_Account__c: cluster.partner.id,
          Training_Module__c: module.id,
          Status__c: status,
          Due_Date__c: due,
          Completed_On__c: completedOn,
          Expires_On__c: expiresOn,
          Reminder_Sent_On__c: null,
        });
        if (status === 'In Progress' || status === 'Assigned') {
          this.missing('Partner_Certification__c', record, ['Due_Date__c']);
        }
        this.emit('Partner_Certification__c', record);
      }
    }
  }

  private generateActivities(cluster: Cluster): void {
    const count = this.random.poisson(cluster.partner.active ? 16 : 4);
    for (let i = 0; i < count; i++) {
      const [type, , points] = this.random.weighted(ACTIVITY_TYPES.map((t) => [t, t[1]] as const));
      const occurredMs = this.msDaysAgo(0, 360);
      const record = this.base('Partner_Activity__c', occurredMs);
      Object.assign(record, {
        Partner_Account__c: cluster.partner.id,
        Contact__c: this.random.pick(cluster.contacts).id,
        Activity_Type__c: type,
        Occurred_At__c: datetimeOf(occurredMs),
        Points__c: points,
        Related_Record_Id__c: null,
      });
      if (type === 'Login') {
        cluster.activity.logins += 1;
      } else if (type === 'Resource Download') {
        cluster.activity.resourceDownloads += 1;
      }
      this.emit('Partner_Activity__c', record);
    }
  }

  // ------------------------------------------------------------------ registrations, deals, attribution

  private decisionMs(route: RegistrationApprovalRoute): number {
    if (route === 'Auto') {
      return this.random.int(1, 20) * 60000;
    }
    const median = route === 'Director' ? 5 : 2.5;
    const days = Math.min(route === 'Director' ? 25 : 20, Math.max(0.1, this.random.logNormal(median, 0.7)));
    return Math.round(days * MS_PER_DAY);
  }

  private generateRegistration(cluster: Cluster): void {
    const partner = cluster.partner;
    const policy = this.options.policy.dealRegistration;
    const kind = this.random.weighted(partner.active ? REGISTRATION_KINDS : HISTORICAL_KINDS);
    const prospect = this.random.pick(this.customers);
    const contactPerson = person(this.random);
    const conflictStatus: RegistrationConflictStatus = this.random.chance(0.15) ? 'Needs Review' : 'None';
    let amount = Math.min(2000000, Math.max(2000, roundTo(this.random.logNormal(40000, 0.9), 500)));
    let route = approvalRoute({ amount, conflictStatus, policy });
    if ((kind === 'pending' || kind === 'rejected') && route === 'Auto') {
      amount = policy.autoApproveThreshold + roundTo(this.random.next() * 150000, 500);
      route = approvalRoute({ amount, conflictStatus, policy });
    }

    let submittedMs: number | null = null;
    let decidedMs: number | null = null;
    let createdMs = this.nowMs;
    switch (kind) {
      case 'draft':
        createdMs = this.msDaysAgo(0, 20);
        break;
      case 'pending':
        submittedMs = this.msDaysAgo(0, 9);
        break;
      case 'withdrawn':
        submittedMs = this.msDaysAgo(10, 200);
        break;
      case 'rejected':
      case 'converted':
        submittedMs = this.msDaysAgo(20, 330);
        decidedMs = submittedMs + this.decisionMs(route);
        break;
      case 'approvedRecent':
        decidedMs = this.nowMs - this.random.int(0, 13) * MS_PER_DAY - this.random.int(1, 600) * 60000;
        submittedMs = decidedMs - this.decisionMs(route);
        break;
      case 'expired':
        decidedMs = this.nowMs - (policy.protectionDays + this.random.int(2, 200)) * MS_PER_DAY;
        submittedMs = decidedMs - this.decisionMs(route);
        break;
    }
    if (decidedMs !== null && decidedMs > this.nowMs - MS_PER_HOUR) {
      decidedMs = this.nowMs - MS_PER_HOUR;
    }
    if (submittedMs !== null) {
      createdMs = submittedMs - this.random.int(5, 600) * 60000;
    }
    const record = this.base('Deal_Registration__c', createdMs);
    const company = this.random.chance(0.2) ? nameVariant(this.random, prospect.name) : prospect.name;
    const website = this.random.chance(0.8) ? prospect.website : null;
    const email = this.email(contactPerson, prospect.domain);
    const products = [this.random.pick(PRODUCTS), ...(this.random.chance(0.3) ? [this.random.pick(PRODUCTS)] : [])];
    const expectedClose = addDays(dateOf(submittedMs ?? createdMs), this.random.int(30, 150));
    Object.assign(record, {
      Partner_Account__c: partner.id,
      Partner_Contact__c: this.random.pick(cluster.contacts).id,
      Prospect_Company__c: company,
      Prospect_Website__c: website,
      Prospect_Email__c: email,
      Prospect_Contact_Name__c: `${contactPerson.firstName} ${contactPerson.lastName}`,
      Prospect_Country__c: prospect.place.country,
      Prospect_State__c: prospect.place.region,
      Prospect_Postal_Code__c: prospect.place.postalCode,
      Products__c: [...new Set(products)].join(';'),
      Amount__c: kind === 'draft' && this.random.chance(0.3) ? null : amount,
      Expected_Close_Date__c: expectedClose,
      Conflict_Status__c: kind === 'draft' ? 'None' : conflictStatus,
      Conflict_Summary__c:
        conflictStatus === 'Needs Review' && kind !== 'draft' ? `Matches existing customer ${prospect.name}.` : null,
      Matched_Account__c: conflictStatus === 'Needs Review' && kind !== 'draft' ? prospect.id : null,
      Approval_Route__c: kind === 'draft' ? null : route,
      Submitted_At__c: submittedMs === null ? null : datetimeOf(submittedMs),
      Decided_At__c: decidedMs === null ? null : datetimeOf(decidedMs),
      Renewal_Count__c: null,
      ...this.keys(company, website, email),
    });
    if (kind !== 'draft' && submittedMs !== null && submittedMs > this.nowMs - 365 * MS_PER_DAY) {
      cluster.activity.registrations += 1;
    }

    switch (kind) {
      case 'draft':
        record.Status__c = 'Draft';
        break;
      case 'pending':
        record.Status__c = this.random.chance(0.3) ? 'Submitted' : 'Pending Approval';
        break;
      case 'withdrawn':
        record.Status__c = 'Closed';
        record.Decision_Reason__c = 'Withdrawn by the partner';
        break;
      case 'rejected':
        record.Status__c = 'Rejected';
        record.Decision_Reason__c = this.random.pick([
          'Existing customer owned by direct sales',
          'Insufficient detail',
          'Duplicate of an earlier registration',
        ]);
        break;
      case 'approvedRecent':
        this.approve(record, decidedMs as number);
        record.Status__c = 'Approved';
        break;
      case 'expired':
        this.approve(record, decidedMs as number);
        if (this.planter.should('registration-expired-open')) {
          record.Status__c = 'Approved';
          this.plant(
            'registration-expired-open',
            'Deal_Registration__c',
            record,
            `protection ended on ${String(record.Expires_On__c)}`,
          );
          this.emit('Deal_Registration__c', record);
          return;
        }
        record.Status__c = 'Expired';
        break;
      case 'converted':
        this.approve(record, decidedMs as number);
        this.convert(cluster, record, prospect, decidedMs as number, submittedMs as number);
        return;
    }
    this.registrationPlants(record, false);
    this.emit('Deal_Registration__c', record);
  }

  private approve(record: SeedRecord, decidedMs: number): void {
    const approvedOn = dateOf(decidedMs);
    record.Approved_On__c = approvedOn;
    record.Expires_On__c = expiryDate({
      approvedOn,
      protectionDays: this.options.policy.dealRegistration.protectionDays,
    });
    record.Renewal_Count__c = 0;
    record.Decision_Reason__c = record.Approval_Route__c === 'Auto' ? 'Approved automatically' : 'Approved';
  }

  /** Plants one registration-level problem; returns whether one was planted. */
  private registrationPlants(record: SeedRecord, converted: boolean): boolean {
    if (record.Status__c === 'Draft') {
      return this.staleKey('Deal_Registration__c', record);
    }
    if (converted && this.planter.should('registration-expiry-mismatch')) {
      record.Expires_On__c = addDays(String(record.Expires_On__c), this.random.int(10, 40));
      this.plant('registration-expiry-mismatch', 'Deal_Registration__c', record, 'Expires_On__c moved by hand');
      return true;
    }
    if (this.planter.should('registration-route-mismatch')) {
      const routes = ['Auto', 'Manager', 'Director'].filter((r) => r !== record.Approval_Route__c);
      record.Approval_Route__c = this.random.pick(routes);
      this.plant(
        'registration-route-mismatch',
        'Deal_Registration__c',
        record,
        `route set to ${String(record.Approval_Route__c)}`,
      );
      return true;
    }
    return (
      this.staleKey('Deal_Registration__c', record) ||
      (record.Status__c !== 'Closed' &&
        this.missing('Deal_Registration__c', record, ['Prospect_Country__c', 'Expected_Close_Date__c']))
    );
  }

  private convert(
    cluster: Cluster,
    record: SeedRecord,
    prospect: CustomerInfo,
    decidedMs: number,
    submittedMs: number,
  ): void {
    const partner = cluster.partner;
    const policy = this.options.policy;
    const expiresOn = String(record.Expires_On__c);
    const window = policy.dealRegistration.renewalWindowDays;
    if (addDays(expiresOn, -window) <= this.today && this.random.chance(0.12)) {
      // Renewed during the renewal window, which has already opened.
      const renewed = renew({ today: expiresOn, expiresOn, renewalCount: 0, policy: policy.dealRegistration });
      const latest = expiresOn < this.today ? expiresOn : this.today;
      record.Expires_On__c = renewed.expiresOn;
      record.Renewal_Count__c = renewed.renewalCount;
      record.Renewal_Requested_On__c = addDays(
        latest,
        -this.random.int(0, Math.max(0, daysBetween(addDays(expiresOn, -window), latest))),
      );
    }
    if (this.planter.should('registration-no-opportunity')) {
      const sinceApproval = daysBetween(String(record.Approved_On__c), this.today);
      const stillProtected = String(record.Expires_On__c) >= this.today;
      if (sinceApproval > policy.conversionGraceDays && stillProtected) {
        record.Status__c = 'Approved';
        this.plant(
          'registration-no-opportunity',
          'Deal_Registration__c',
          record,
          `approved ${sinceApproval} days ago, no opportunity`,
        );
      } else {
        record.Status__c = 'Converted';
        this.plant('registration-no-opportunity', 'Deal_Registration__c', record, 'Converted without an opportunity');
      }
      this.emit('Deal_Registration__c', record);
      return;
    }

    const oppCreatedMs = Math.min(decidedMs + this.random.int(1, 48) * MS_PER_HOUR, this.nowMs - MS_PER_HOUR);
    const createdDay = dateOf(oppCreatedMs);
    let closeDate = addDays(String(record.Expected_Close_Date__c), this.random.int(-20, 40));
    if (closeDate < addDays(createdDay, 7)) {
      closeDate = addDays(createdDay, this.random.int(7, 40));
    }
    const closed = closeDate <= this.today;
    const won = closed && this.random.chance(0.5);
    const stage = closed ? (won ? 'Closed Won' : 'Closed Lost') : this.random.pick(OPEN_STAGES);
    const amount = Math.max(500, roundTo(Number(record.Amount__c) * (0.8 + this.random.next() * 0.5), 100));
    const opportunity = this.base('Opportunity', oppCreatedMs);
    Object.assign(opportunity, {
      Name: `${prospect.name} - ${String(record.Products__c).split(';')[0]}`,
      AccountId: prospect.id,
      StageName: stage,
      Amount: amount,
      CloseDate: closeDate,
      IsClosed: closed,
      IsWon: won,
      Source_Registration__c: record.Id,
      Sourcing_Partner__c: partner.id,
      Partner_Involved__c: true,
    });
    Object.assign(record, {
      Status__c: closed && this.random.chance(0.5) ? 'Closed' : 'Converted',
      Converted_Opportunity__c: opportunity.Id,
      Opportunity_Stage__c: stage,
      Opportunity_Amount__c: amount,
    });

    let planted = this.registrationPlants(record, true);
    if (!planted && this.planter.should('registration-opportunity-sync')) {
      if (this.random.chance(0.5)) {
        record.Opportunity_Stage__c = this.random.pick(
          [...OPEN_STAGES, 'Closed Won', 'Closed Lost'].filter((s) => s !== stage),
        );
      } else {
        record.Opportunity_Amount__c = amount + roundTo(this.random.int(1000, 20000), 100);
      }
      this.plant(
        'registration-opportunity-sync',
        'Deal_Registration__c',
        record,
        'opportunity stage or amount not copied back',
      );
      planted = true;
    }
    this.emit('Deal_Registration__c', record);
    if (!planted && this.planter.should('partner-deal-no-attribution')) {
      this.plant(
        'partner-deal-no-attribution',
        'Opportunity',
        opportunity,
        'partner-sourced deal with no attribution rows',
      );
      this.emit('Opportunity', opportunity);
      return;
    }
    this.emit('Opportunity', opportunity);

    const touches = [
      {
        partnerId: partner.id,
        touchDate: dateOf(submittedMs),
        touchType: 'Registration',
        sourcedRegistrationId: String(record.Id),
      },
    ];
    const lastTouchDay = closeDate < this.today ? closeDate : this.today;
    const influencers = this.random.weighted([
      [0, 6],
      [1, 3],
      [2, 1],
    ] as const);
    for (const other of this.otherPartners(partner, influencers)) {
      const span = Math.max(0, daysBetween(dateOf(submittedMs), lastTouchDay));
      touches.push({
        partnerId: other.id,
        touchDate: addDays(dateOf(submittedMs), this.random.int(0, span)),
        touchType: this.random.pick(TOUCH_TYPES),
        sourcedRegistrationId: '',
      });
    }
    const rows = attributeCredit({
      model: 'PositionBased',
      amount,
      closeDate,
      touches: touches.map((t) => ({ ...t, sourcedRegistrationId: t.sourcedRegistrationId || null })),
      policy: { maxSourcedPartners: policy.attribution.maxSourcedPartners },
    }).rows;
    this.emitAttributedDeal(opportunity, rows, planted, oppCreatedMs);
  }

  private otherPartners(partner: PartnerInfo, count: number): PartnerInfo[] {
    const chosen: PartnerInfo[] = [];
    for (let attempt = 0; chosen.length < count && attempt < 10; attempt++) {
      const other = this.random.pick(this.partners);
      if (other !== partner && other.active && other.status !== 'Onboarding' && !chosen.includes(other)) {
        chosen.push(other);
      }
    }
    return chosen;
  }

  private partnerById(id: string): PartnerInfo {
    const partner = this.partnerIndex.get(id);
    if (!partner) {
      throw new Error(`seed: unknown partner ${id}`);
    }
    return partner;
  }

  /** Writes the attribution rows of a deal and, when it is won, its commissions; may plant one problem. */
  private emitAttributedDeal(
    opportunity: SeedRecord,
    rows: AttributionCreditRow[],
    alreadyPlanted: boolean,
    createdMs: number,
  ): void {
    const records = rows.map((row) => {
      const attribution = this.base('Partner_Attribution__c', createdMs + MS_PER_HOUR);
      Object.assign(attribution, {
        Opportunity__c: opportunity.Id,
        Partner_Account__c: row.partnerId,
        Role__c: row.role,
        Weight_Percent__c: row.weightPercent,
        Attributed_Amount__c: row.attributedAmount,
        Touch_Date__c: row.touchDate,
        Touch_Type__c: row.touchType,
        Model__c: 'Position Based',
        Source_Registration__c: row.sourcedRegistrationId,
        Unique_Key__c: null,
      });
      return attribution;
    });
    let planted = alreadyPlanted;
    const extra: SeedRecord[] = [];
    const splittable = records.find((r) => Number(r.Weight_Percent__c) >= 0.02);
    if (!planted && splittable && this.planter.should('attribution-duplicate')) {
      const weight = Math.round(Number(splittable.Weight_Percent__c) * 100);
      const cents = Math.round(Number(splittable.Attributed_Amount__c) * 100);
      const duplicate = this.base('Partner_Attribution__c', createdMs + 2 * MS_PER_DAY);
      Object.assign(duplicate, {
        Opportunity__c: splittable.Opportunity__c,
        Partner_Account__c: splittable.Partner_Account__c,
        Role__c: splittable.Role__c,
        Weight_Percent__c: (weight - Math.floor(weight / 2)) / 100,
        Attributed_Amount__c: (cents - Math.floor(cents / 2)) / 100,
        Touch_Date__c: splittable.Touch_Date__c,
        Touch_Type__c: this.random.pick(TOUCH_TYPES),
        Model__c: 'Manual',
        Source_Registration__c: splittable.Source_Registration__c,
        Unique_Key__c: null,
      });
      splittable.Weight_Percent__c = Math.floor(weight / 2) / 100;
      splittable.Attributed_Amount__c = Math.floor(cents / 2) / 100;
      this.plant(
        'attribution-duplicate',
        'Partner_Attribution__c',
        duplicate,
        'same partner and role twice, credit split',
      );
      extra.push(duplicate);
      planted = true;
    }
    if (!planted && records.length > 0 && this.planter.should('attribution-weights')) {
      const row = records[0];
      const weight = Number(row.Weight_Percent__c);
      row.Weight_Percent__c = weight > 90 ? weight - 5 : weight + 5;
      this.plant('attribution-weights', 'Opportunity', opportunity, 'weights edited to no longer add up to 100');
      planted = true;
    }
    if (!planted && records.length > 0 && this.planter.should('attribution-amount-mismatch')) {
      const row = records[0];
      row.Attributed_Amount__c =
        Math.round((Number(row.Attributed_Amount__c) + this.random.int(100, 5000)) * 100) / 100;
      this.plant(
        'attribution-amount-mismatch',
        'Opportunity',
        opportunity,
        'attributed amounts no longer add up to the amount',
      );
      planted = true;
    }
    for (const record of [...records, ...extra]) {
      this.emit('Partner_Attribution__c', record);
    }
    if (opportunity.IsWon === true && rows.length > 0) {
      this.emitCommissions(opportunity, rows, records, planted);
    }
  }

  private emitCommissions(
    opportunity: SeedRecord,
    rows: AttributionCreditRow[],
    attributions: SeedRecord[],
    planted: boolean,
  ): void {
    const closeDate = String(opportunity.CloseDate);
    const attributionFor = new Map(rows.map((row, i) => [`${row.partnerId}|${row.role}`, attributions[i]]));
    const result = commissionFor({
      opportunityId: String(opportunity.Id),
      isClosed: true,
      isWon: true,
      amount: Number(opportunity.Amount),
      closeDate,
      attributions: rows.map((row) => {
        const membership = this.partnerById(row.partnerId).memberships[0];
        return {
          partnerId: row.partnerId,
          role: row.role,
          attributedAmount: row.attributedAmount,
          programType: membership.program.def.type,
          basePercent: membership.program.def.basePercent,
          tierUpliftPercent: membership.program.tiers[membership.heldIndex].def.upliftPercent,
        };
      }),
      existing: [],
    });
    const age = daysBetween(closeDate, this.today);
    let plantDone = planted;
    for (const change of result.changes) {
      const partner = this.partnerById(String(change.partnerId));
      const role = change.uniqueKey.split('|')[2];
      const commission = this.base('Partner_Commission__c', msOfDate(closeDate) + 6 * MS_PER_HOUR);
      const paidOn = addDays(closeDate, this.random.int(30, 60));
      const status = age > 60 && paidOn <= this.today ? 'Paid' : age > 20 ? 'Approved' : 'Pending';
      Object.assign(commission, {
        Opportunity__c: opportunity.Id,
        Partner_Account__c: partner.id,
        Program__c: partner.memberships[0].program.id,
        Attribution__c: attributionFor.get(`${partner.id}|${role}`)?.Id ?? null,
        Rate_Percent__c: change.ratePercent,
        Amount__c: change.amount,
        Period__c: change.period,
        Earned_On__c: closeDate,
        Status__c: status,
        Paid_On__c: status === 'Paid' ? paidOn : null,
        Unique_Key__c: null,
      });
      if (!plantDone && status !== 'Paid' && this.planter.should('commission-mismatch')) {
        commission.Amount__c = Math.round((Number(commission.Amount__c) + this.random.int(50, 900)) * 100) / 100;
        this.plant(
          'commission-mismatch',
          'Partner_Commission__c',
          commission,
          'amount differs from attributed amount × rate',
        );
        plantDone = true;
      }
      this.emit('Partner_Commission__c', commission);
    }
  }

  private generateDirectDeals(): void {
    const count = Math.round(this.customers.length * 0.5);
    for (let i = 0; i < count; i++) {
      const customer = this.random.pick(this.customers);
      const createdMs = this.msDaysAgo(1, 420);
      const createdDay = dateOf(createdMs);
      const closeDate = addDays(createdDay, Math.max(7, Math.round(this.random.logNormal(75, 0.5))));
      const closed = closeDate <= this.today;
      const won = closed && this.random.chance(0.28);
      const stage = closed ? (won ? 'Closed Won' : 'Closed Lost') : this.random.pick(OPEN_STAGES);
      const amount = Math.max(1000, roundTo(this.random.logNormal(35000, 0.9), 100));
      const opportunity = this.base('Opportunity', createdMs);
      Object.assign(opportunity, {
        Name: `${customer.name} - ${this.random.pick(PRODUCTS)}`,
        AccountId: customer.id,
        StageName: stage,
        Amount: amount,
        CloseDate: closeDate,
        IsClosed: closed,
        IsWon: won,
        Source_Registration__c: null,
        Sourcing_Partner__c: null,
        Partner_Involved__c: false,
      });
      const influencers =
        this.partners.length > 1 && this.random.chance(0.12)
          ? this.otherPartners(this.partners[0], this.random.int(1, 2))
          : [];
      if (influencers.length === 0) {
        this.emit('Opportunity', opportunity);
        continue;
      }
      const lastTouchDay = closeDate < this.today ? closeDate : this.today;
      const span = Math.max(0, daysBetween(createdDay, lastTouchDay));
      const rows = attributeCredit({
        model: 'PositionBased',
        amount,
        closeDate,
        touches: influencers.map((p) => ({
          partnerId: p.id,
          touchDate: addDays(createdDay, this.random.int(0, Math.min(span, 170))),
          touchType: this.random.pick(TOUCH_TYPES),
        })),
      }).rows;
      opportunity.Partner_Involved__c = rows.length > 0;
      this.emit('Opportunity', opportunity);
      this.emitAttributedDeal(opportunity, rows, false, createdMs);
    }
  }

  // ------------------------------------------------------------------ leads

  private acceptBy(offeredMs: number): string {
    const routing = this.options.policy.leadRouting;
    return leadAcceptBy({
      offeredAt: datetimeOf(offeredMs),
      hours: routing.acceptWithinHours,
      calendar: routing.calendar,
    });
  }

  private isOverdue(acceptBy: string): boolean {
    return leadSlaStatus({ now: datetimeOf(this.nowMs), acceptBy, status: 'Offered' }).overdue;
  }

  private leadBase(createdMs: number, direction: string | null): SeedRecord {
    const who = person(this.random);
    const company = companyName(this.random);
    const key = companyKeyOf(company) ?? 'prospect';
    const { website, domain } = this.website(key);
    const email = this.email(who, domain);
    const where = place(this.random);
    const lead = this.base('Lead', createdMs);
    Object.assign(lead, {
      FirstName: who.firstName,
      LastName: who.lastName,
      Company: company,
      Email: email,
      Website: this.random.chance(0.7) ? website : null,
      Country: where.country,
      State: where.region,
      PostalCode: where.postalCode,
      Partner_Direction__c: direction,
      Partner_Lead_Score__c: direction === null ? this.random.int(10, 90) : this.random.int(40, 98),
      Segment__c: this.random.pick(['SMB', 'Mid-Market', 'Enterprise']),
      Product_Interest__c: this.random.pick(PRODUCTS),
      Offer_Count__c: 0,
    });
    Object.assign(lead, this.keys(company, lead.Website as string | null, email));
    return lead;
  }

  private offer(
    leadId: string,
    partnerId: string,
    offeredMs: number,
    acceptBy: string,
    outcome: string,
    outcomeMs: number | null,
    reason: string | null,
  ): void {
    const offer = this.base('Lead_Offer__c', offeredMs);
    Object.assign(offer, {
      Lead__c: leadId,
      Partner_Account__c: partnerId,
      Offered_At__c: datetimeOf(offeredMs),
      Accept_By__c: acceptBy,
      Outcome__c: outcome,
      Outcome_At__c: outcomeMs === null ? null : datetimeOf(outcomeMs),
      Routing_Strategy__c: 'Round Robin',
      Reason__c: 'Next eligible partner in the rotation',
      Rejection_Reason__c: reason,
    });
    this.emit('Lead_Offer__c', offer);
  }

  private generateSharedLead(cluster: Cluster): void {
    const partner = cluster.partner;
    const kind = this.random.weighted(LEAD_KINDS);
    const previous = this.random.chance(0.25) ? this.otherPartners(partner, this.random.chance(0.3) ? 2 : 1) : [];
    const slaMs = this.options.policy.leadRouting.acceptWithinHours * MS_PER_HOUR;
    let plantOverdue = false;
    let plantAcceptBy = false;
    let offeredMs: number;
    if (kind === 'Offered') {
      plantOverdue = this.planter.should('lead-offer-overdue');
      plantAcceptBy = !plantOverdue && this.planter.should('lead-accept-by-mismatch');
      offeredMs = plantOverdue
        ? this.nowMs - slaMs - this.random.int(60, 240) * 60000
        : this.nowMs - Math.min(slaMs * 0.8, this.random.int(1, 40) * MS_PER_HOUR);
      // With a business-hours calendar the deadline is later: step back until the offer is overdue.
      for (let i = 0; plantOverdue && i < 60 && !this.isOverdue(this.acceptBy(offeredMs)); i++) {
        offeredMs -= 12 * MS_PER_HOUR;
      }
    } else {
      offeredMs = this.msDaysAgo(3, 300);
    }
    // Earlier offers went to other partners before this one, a day or two apart.
    const firstMs = offeredMs - previous.length * (slaMs + this.random.int(1, 24) * MS_PER_HOUR);
    const lead = this.leadBase(firstMs - this.random.int(1, 72) * MS_PER_HOUR, 'To Partner');
    previous.forEach((other, i) => {
      const at = firstMs + i * (slaMs + MS_PER_HOUR);
      const deadline = this.acceptBy(at);
      if (this.random.chance(0.6)) {
        this.offer(
          String(lead.Id),
          other.id,
          at,
          deadline,
          'Rejected',
          at + this.random.int(1, 20) * MS_PER_HOUR,
          this.random.pick(REJECTION_REASONS),
        );
      } else {
        this.offer(
          String(lead.Id),
          other.id,
          at,
          deadline,
          'Expired',
          Date.parse(deadline) + this.random.int(5, 50) * 60000,
          null,
        );
      }
    });

    let acceptBy = this.acceptBy(offeredMs);
    const offeredAt = datetimeOf(offeredMs);
    const leadId = String(lead.Id);
    let acceptedMs: number | null = null;
    let leadStatus = 'Open - Not Contacted';
    switch (kind) {
      case 'Offered': {
        const overdue = this.isOverdue(acceptBy);
        if (overdue !== plantOverdue) {
          throw new Error(`seed: offered lead overdue=${overdue}, planned ${plantOverdue}`);
        }
        if (plantAcceptBy) {
          acceptBy = datetimeOf(Date.parse(acceptBy) + this.random.int(4, 24) * MS_PER_HOUR);
        }
        this.offer(leadId, partner.id, offeredMs, acceptBy, 'Pending', null, null);
        cluster.openLeads += 1;
        break;
      }
      case 'Rejected': {
        const reason = this.random.pick(REJECTION_REASONS);
        this.offer(
          leadId,
          partner.id,
          offeredMs,
          acceptBy,
          'Rejected',
          offeredMs + this.random.int(1, 30) * MS_PER_HOUR,
          reason,
        );
        Object.assign(lead, { Rejection_Reason__c: reason, Rejected_By_Partner__c: partner.id });
        break;
      }
      case 'Recalled':
        this.offer(
          leadId,
          partner.id,
          offeredMs,
          acceptBy,
          'Expired',
          Date.parse(acceptBy) + this.random.int(5, 240) * 60000,
          null,
        );
        break;
      default: {
        const late = this.random.chance(0.08);
        const delay = late
          ? slaMs + this.random.int(1, 30) * MS_PER_HOUR
          : Math.min(slaMs - 60000, Math.round(this.random.logNormal(8, 1) * MS_PER_HOUR));
        acceptedMs = Math.min(offeredMs + Math.max(60000, delay), this.nowMs - 60000);
        this.offer(leadId, partner.id, offeredMs, acceptBy, 'Accepted', acceptedMs, null);
        cluster.activity.leadsAccepted += 1;
        if (kind === 'Accepted' || kind === 'Working') {
          cluster.openLeads += 1;
        }
        leadStatus =
          kind === 'Working'
            ? 'Working - Contacted'
            : kind === 'Converted'
              ? 'Closed - Converted'
              : kind === 'Lost'
                ? 'Closed - Not Converted'
                : leadStatus;
      }
    }
    Object.assign(lead, {
      Status: leadStatus,
      Partner_Share_Status__c: kind,
      Partner_Account__c: partner.id,
      Offered_At__c: offeredAt,
      Accept_By__c: acceptBy,
      Accepted_At__c: acceptedMs === null ? null : datetimeOf(acceptedMs),
      Offer_Count__c: previous.length + 1,
      Routing_Reason__c: 'Round Robin: next eligible partner in the rotation',
    });
    if (plantOverdue) {
      this.plant('lead-offer-overdue', 'Lead', lead, `offered ${offeredAt}, accept by ${acceptBy}`);
    } else if (plantAcceptBy) {
      this.plant('lead-accept-by-mismatch', 'Lead', lead, 'Accept_By__c set later than the SLA allows');
    } else if (!this.staleKey('Lead', lead)) {
      this.missing('Lead', lead, ['Partner_Direction__c']);
    }
    this.emit('Lead', lead);
  }

  private generatePartnerLead(cluster: Cluster): void {
    const partner = cluster.partner;
    const submittedMs = this.msDaysAgo(1, 300);
    const lead = this.leadBase(submittedMs, 'From Partner');
    const status = this.random.weighted([
      ['Submitted', 3],
      ['Accepted', 2],
      ['Working', 3],
      ['Converted', 2],
      ['Rejected', 1],
    ] as const);
    const acceptedMs =
      status === 'Submitted' || status === 'Rejected' ? null : submittedMs + this.random.int(2, 96) * MS_PER_HOUR;
    Object.assign(lead, {
      Status:
        status === 'Working'
          ? 'Working - Contacted'
          : status === 'Converted'
            ? 'Closed - Converted'
            : 'Open - Not Contacted',
      Partner_Share_Status__c: status,
      Partner_Account__c: partner.id,
      Accepted_At__c: acceptedMs === null ? null : datetimeOf(Math.min(acceptedMs, this.nowMs)),
      Rejection_Reason__c: status === 'Rejected' ? 'Already engaged' : null,
      Routing_Reason__c: 'Submitted by the partner',
    });
    if (status === 'Submitted' || status === 'Accepted' || status === 'Working') {
      cluster.openLeads += 1;
    }
    this.emit('Lead', lead);
  }

  private generateInternalLeads(): void {
    const count = Math.round(this.customers.length * 0.1);
    for (let i = 0; i < count; i++) {
      const lead = this.leadBase(this.msDaysAgo(0, 200), null);
      lead.Status = this.random.pick(['Open - Not Contacted', 'Working - Contacted', 'Closed - Not Converted']);
      this.emit('Lead', lead);
    }
  }

  // ------------------------------------------------------------------ costs

  private cost(
    program: ProgramInfo,
    partnerId: string | null,
    type: string,
    amount: number,
    period: string,
    description: string,
  ): void {
    const record = this.base('Program_Cost__c', msOfDate(`${period}-01`) + 3 * MS_PER_DAY);
    Object.assign(record, {
      Program__c: program.id,
      Partner_Account__c: partnerId,
      Cost_Type__c: type,
      Amount__c: amount,
      Period__c: period,
      Description__c: description,
    });
    this.missing('Program_Cost__c', record, ['Period__c']);
    this.emit('Program_Cost__c', record);
  }

  private generatePartnerCosts(partner: PartnerInfo): void {
    const program = partner.memberships[0].program;
    const entries = this.random.int(1, 3);
    for (let i = 0; i < entries; i++) {
      const period = addMonths(this.today, -this.random.int(0, 11));
      this.cost(
        program,
        partner.id,
        'MDF',
        roundTo(this.random.logNormal(6000, 0.6), 50),
        period,
        `Co-marketing funds for ${partner.name}`,
      );
    }
  }

  private generateProgramCosts(): void {
    const scale = Math.max(1, this.options.partners / 30);
    for (const program of this.programs) {
      for (let month = 11; month >= 0; month--) {
        const period = addMonths(this.today, -month);
        this.cost(
          program,
          null,
          'Program Fee',
          roundTo(scale * this.random.logNormal(8000, 0.3), 50),
          period,
          'Program operations',
        );
        if (this.random.chance(0.4)) {
          this.cost(
            program,
            null,
            'Event',
            roundTo(scale * this.random.logNormal(12000, 0.5), 50),
            period,
            'Partner summit and roadshows',
          );
        }
      }
    }
  }
}
