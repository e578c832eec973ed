/** Partner applications: the approved one behind each partner, and other applicants. */
import { datetimeOf, MS_PER_DAY, MS_PER_HOUR, msOfDate } from './calendar';
import { person, place, type Person, type Place } from './names';
import { roundTo, pad, type SeedContext } from './context';
import type { SeedRecord, ProgramInfo, Cluster } from './model';
import { staleKey, missing } from './problems';

function applicationRecord(
  ctx: SeedContext,
  name: string,
  website: string | null,
  who: Person,
  domain: string,
  where: Place,
  program: ProgramInfo,
  createdMs: number,
): SeedRecord {
  const application = ctx.base('Partner_Application__c', createdMs);
  const email = ctx.email(who, domain);
  Object.assign(application, {
    Company_Name__c: name,
    Website__c: website,
    Contact_First_Name__c: who.firstName,
    Contact_Last_Name__c: who.lastName,
    Contact_Email__c: email,
    Contact_Phone__c: `+1 555 01${pad(ctx.random.int(0, 99), 2)}`,
    Country__c: where.country,
    Employees__c: ctx.random.int(5, 900),
    Annual_Revenue__c: roundTo(ctx.random.logNormal(5000000, 1.2), 1000),
    Program_Interest__c: program.id,
    Terms_Accepted__c: true,
    Certifications__c: null,
    ...ctx.keys(name, website, email),
  });
  return application;
}

export function generateApplication(ctx: SeedContext, cluster: Cluster): void {
  const partner = cluster.partner;
  const program = partner.memberships[0].program;
  const submittedMs = msOfDate(partner.since) - ctx.random.int(3, 30) * MS_PER_DAY;
  const application = applicationRecord(
    ctx,
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
    Decided_At__c: datetimeOf(submittedMs + ctx.random.int(1, 72) * MS_PER_HOUR),
    Resulting_Account__c: partner.id,
  });
  emitApplication(ctx, application);
  if (ctx.random.chance(0.3)) {
    const { name, key } = ctx.uniqueCompany(ctx.partnerKeys, null); // an applicant, not an account yet
    const { website, domain } = ctx.website(key);
    const createdMs = ctx.msDaysAgo(1, 300);
    const other = applicationRecord(
      ctx,
      name,
      website,
      person(ctx.random),
      domain,
      place(ctx.random),
      program,
      createdMs,
    );
    const status = ctx.random.weighted([
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
    emitApplication(ctx, other);
  }
}

function emitApplication(ctx: SeedContext, application: SeedRecord): void {
  if (!staleKey(ctx, 'Partner_Application__c', application)) {
    missing(ctx, 'Partner_Application__c', application, ['Contact_Email__c', 'Country__c']);
  }
  ctx.emit('Partner_Application__c', application);
}
