/**
 * Partner accounts: the plan made before any partner is written (Ids, status, memberships),
 * then one cluster per partner (account, contacts, application, memberships, training,
 * activity, registrations, shared and submitted leads, costs).
 */
import { syntheticId } from '../snapshot/schema';
import { engagementScore } from '../audit/rules';
import { addDays, dateOf, datetimeOf, MS_PER_DAY, msOfDate } from './calendar';
import { person, place } from './names';
import type { SeedContext } from './context';
import type { ProgramInfo, MembershipPlan, PartnerInfo, Cluster } from './model';
import { staleKey, missing } from './problems';
import { generateApplication } from './applications';
import { generateMemberships } from './memberships';
import { generateCertifications, generateActivities } from './engagement';
import { generateFeedback } from './feedback';
import { adoptionFields } from './adoption';
import { generateRegistration } from './registrations';
import { generatePartnerCosts } from './commissions';
import { generateSharedLead, generatePartnerLead } from './leads';

const PARTNER_STATUSES: ReadonlyArray<readonly [string, number]> = [
  ['Active', 85],
  ['Onboarding', 7],
  ['Suspended', 5],
  ['Terminated', 3],
];

export function planPartners(ctx: SeedContext): void {
  const keys = ctx.partnerKeys;
  for (let i = 0; i < ctx.options.partners; i++) {
    const { name, key } = ctx.uniqueCompany(keys, 'p');
    const { website, domain } = ctx.website(key);
    const status = ctx.random.weighted(PARTNER_STATUSES);
    const id = syntheticId(ctx.schema.get('Account')?.keyPrefix ?? '001', ctx.peekNext('Account') + i);
    const since = status === 'Onboarding' ? dateOf(ctx.msDaysAgo(5, 50)) : dateOf(ctx.msDaysAgo(120, 1500));
    const primary = ctx.random.weighted(ctx.programs.map((p) => [p, p.def.weight] as const));
    const memberships = [planMembership(ctx, primary, status)];
    if (status === 'Active' && ctx.random.chance(0.2)) {
      const other = ctx.random.pick(ctx.programs.filter((p) => p !== primary));
      memberships.push(planMembership(ctx, other, 'Secondary'));
    }
    ctx.partners.push({
      id,
      ext: '',
      name,
      website,
      domain,
      place: place(ctx.random),
      status,
      active: status === 'Active' || status === 'Onboarding',
      since,
      memberships,
    });
    ctx.partnerIndex.set(id, ctx.partners[ctx.partners.length - 1]);
  }
}

function planMembership(ctx: SeedContext, program: ProgramInfo, status: string): MembershipPlan {
  const rungs = program.tiers.length;
  if (status === 'Onboarding') {
    return { program, qualifiedIndex: 0, heldIndex: 0, pendingSince: null, stale: null };
  }
  const shares = program.tiers.map((t, index) => [index, t.def.share] as const);
  let index = status === 'Secondary' ? ctx.random.int(0, 1) : ctx.random.weighted(shares);
  index = Math.min(index, rungs - 1);
  const grace = program.def.graceDays;
  if (index > 0 && status === 'Active' && ctx.planter.should('stale-tier')) {
    if (ctx.random.chance(0.5)) {
      return {
        program,
        qualifiedIndex: index,
        heldIndex: index - 1,
        pendingSince: null,
        stale: 'qualifies for a higher tier',
      };
    }
    const since = addDays(ctx.today, -(grace + ctx.random.int(5, 60)));
    return { program, qualifiedIndex: index - 1, heldIndex: index, pendingSince: since, stale: 'downgrade overdue' };
  }
  if (index > 0 && status !== 'Secondary' && ctx.random.chance(0.1)) {
    const since = addDays(ctx.today, -ctx.random.int(1, grace - 1));
    return { program, qualifiedIndex: index - 1, heldIndex: index, pendingSince: since, stale: null };
  }
  return { program, qualifiedIndex: index, heldIndex: index, pendingSince: null, stale: null };
}

export function generateCluster(ctx: SeedContext, partner: PartnerInfo): void {
  const account = ctx.base('Account', msOfDate(partner.since) - ctx.random.int(1, 30) * MS_PER_DAY);
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
    firstSteps: { login: null, registration: null, leadAccepted: null, deal: null },
  };
  generateContacts(ctx, cluster);
  generateApplication(ctx, cluster);
  const primary = generateMemberships(ctx, cluster);
  generateCertifications(ctx, cluster);
  generateActivities(ctx, cluster);
  generateFeedback(ctx, cluster, primary);
  const registrations =
    partner.status === 'Onboarding' ? ctx.random.poisson(1) : ctx.random.poisson(partner.active ? 6 : 2);
  for (let i = 0; i < registrations; i++) {
    generateRegistration(ctx, cluster);
  }
  if (partner.active && partner.status !== 'Onboarding') {
    const leads = ctx.random.poisson(7);
    for (let i = 0; i < leads; i++) {
      generateSharedLead(ctx, cluster);
    }
    const submitted = ctx.random.poisson(1.5);
    for (let i = 0; i < submitted; i++) {
      generatePartnerLead(ctx, cluster);
    }
  }
  if (ctx.random.chance(0.3)) {
    generatePartnerCosts(ctx, partner);
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
    NumberOfEmployees: Math.round(ctx.random.logNormal(80, 1)) + 3,
    Is_Partner__c: true,
    Partner_Status__c: partner.status,
    Partner_Since__c: partner.status === 'Onboarding' ? null : partner.since,
    Primary_Program__c: primary.program.id,
    Current_Tier__c: tier.id,
    Partner_Score__c: score,
    Lead_Capacity__c: ctx.random.chance(0.3) ? null : ctx.random.int(5, 30),
    Open_Partner_Leads__c: cluster.openLeads,
    Partner_Territories__c: `${partner.place.country}\n${partner.place.country}-${partner.place.region}`,
    Last_Lead_Offered_At__c: null,
    ...ctx.keys(partner.name, partner.website, null),
    ...adoptionFields(ctx, cluster),
  });
  if (partner.status === 'Active' && !staleKey(ctx, 'Account', account)) {
    missing(ctx, 'Account', account, ['Partner_Since__c']);
  }
  ctx.emit('Account', account);
}

function generateContacts(ctx: SeedContext, cluster: Cluster): void {
  const count = ctx.random.int(2, 4);
  for (let i = 0; i < count; i++) {
    const who = person(ctx.random);
    const email = ctx.email(who, cluster.partner.domain);
    const contact = ctx.base('Contact', msOfDate(cluster.partner.since) + i * MS_PER_DAY);
    Object.assign(contact, {
      FirstName: who.firstName,
      LastName: who.lastName,
      Email: email,
      Title: ctx.random.pick(['Partner Manager', 'Sales Director', 'Solutions Engineer', 'CEO', 'Marketing Lead']),
      AccountId: cluster.partner.id,
      Is_Primary_Partner_Contact__c: i === 0,
      Partner_Role__c: i === 0 ? 'Executive' : ctx.random.pick(['Sales', 'Technical', 'Marketing', 'Operations']),
      Last_Portal_Login__c: ctx.random.chance(0.8) ? datetimeOf(ctx.msDaysAgo(0, 60)) : null,
    });
    missing(ctx, 'Contact', contact, ['Email']);
    ctx.emit('Contact', contact);
    cluster.contacts.push({ id: String(contact.Id), person: who, email });
  }
}
