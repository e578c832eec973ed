/** Deal registrations in every lifecycle state, with routes and expiry from the rules. */
import {
  approvalRoute,
  expiryDate,
  type RegistrationApprovalRoute,
  type RegistrationConflictStatus,
} from '../audit/rules';
import { addDays, dateOf, datetimeOf, MS_PER_DAY, MS_PER_HOUR } from './calendar';
import { PRODUCTS, nameVariant, person } from './names';
import { roundTo, type SeedContext } from './context';
import type { SeedRecord, Cluster } from './model';
import { registrationPlants } from './problems';
import { noteStep } from './adoption';
import { convertRegistration } from './opportunities';

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

function decisionMs(ctx: SeedContext, route: RegistrationApprovalRoute): number {
  if (route === 'Auto') {
    return ctx.random.int(1, 20) * 60000;
  }
  const median = route === 'Director' ? 5 : 2.5;
  const days = Math.min(route === 'Director' ? 25 : 20, Math.max(0.1, ctx.random.logNormal(median, 0.7)));
  return Math.round(days * MS_PER_DAY);
}

export function generateRegistration(ctx: SeedContext, cluster: Cluster): void {
  const partner = cluster.partner;
  const policy = ctx.options.policy.dealRegistration;
  const kind = ctx.random.weighted(partner.active ? REGISTRATION_KINDS : HISTORICAL_KINDS);
  const prospect = ctx.random.pick(ctx.customers);
  const contactPerson = person(ctx.random);
  const conflictStatus: RegistrationConflictStatus = ctx.random.chance(0.15) ? 'Needs Review' : 'None';
  let amount = Math.min(2000000, Math.max(2000, roundTo(ctx.random.logNormal(40000, 0.9), 500)));
  let route = approvalRoute({ amount, conflictStatus, policy });
  if ((kind === 'pending' || kind === 'rejected') && route === 'Auto') {
    amount = policy.autoApproveThreshold + roundTo(ctx.random.next() * 150000, 500);
    route = approvalRoute({ amount, conflictStatus, policy });
  }

  let submittedMs: number | null = null;
  let decidedMs: number | null = null;
  let createdMs = ctx.nowMs;
  switch (kind) {
    case 'draft':
      createdMs = ctx.msDaysAgo(0, 20);
      break;
    case 'pending':
      submittedMs = ctx.msDaysAgo(0, 9);
      break;
    case 'withdrawn':
      submittedMs = ctx.msDaysAgo(10, 200);
      break;
    case 'rejected':
    case 'converted':
      submittedMs = ctx.msDaysAgo(20, 330);
      decidedMs = submittedMs + decisionMs(ctx, route);
      break;
    case 'approvedRecent':
      decidedMs = ctx.nowMs - ctx.random.int(0, 13) * MS_PER_DAY - ctx.random.int(1, 600) * 60000;
      submittedMs = decidedMs - decisionMs(ctx, route);
      break;
    case 'expired':
      decidedMs = ctx.nowMs - (policy.protectionDays + ctx.random.int(2, 200)) * MS_PER_DAY;
      submittedMs = decidedMs - decisionMs(ctx, route);
      break;
  }
  if (decidedMs !== null && decidedMs > ctx.nowMs - MS_PER_HOUR) {
    decidedMs = ctx.nowMs - MS_PER_HOUR;
  }
  if (submittedMs !== null) {
    createdMs = submittedMs - ctx.random.int(5, 600) * 60000;
  }
  const record = ctx.base('Deal_Registration__c', createdMs);
  const company = ctx.random.chance(0.2) ? nameVariant(ctx.random, prospect.name) : prospect.name;
  const website = ctx.random.chance(0.8) ? prospect.website : null;
  const email = ctx.email(contactPerson, prospect.domain);
  const products = [ctx.random.pick(PRODUCTS), ...(ctx.random.chance(0.3) ? [ctx.random.pick(PRODUCTS)] : [])];
  const expectedClose = addDays(dateOf(submittedMs ?? createdMs), ctx.random.int(30, 150));
  Object.assign(record, {
    Partner_Account__c: partner.id,
    Partner_Contact__c: ctx.random.pick(cluster.contacts).id,
    Prospect_Company__c: company,
    Prospect_Website__c: website,
    Prospect_Email__c: email,
    Prospect_Contact_Name__c: `${contactPerson.firstName} ${contactPerson.lastName}`,
    Prospect_Country__c: prospect.place.country,
    Prospect_State__c: prospect.place.region,
    Prospect_Postal_Code__c: prospect.place.postalCode,
    Products__c: [...new Set(products)].join(';'),
    Amount__c: kind === 'draft' && ctx.random.chance(0.3) ? null : amount,
    Expected_Close_Date__c: expectedClose,
    Conflict_Status__c: kind === 'draft' ? 'None' : conflictStatus,
    Conflict_Summary__c:
      conflictStatus === 'Needs Review' && kind !== 'draft' ? `Matches existing customer ${prospect.name}.` : null,
    Matched_Account__c: conflictStatus === 'Needs Review' && kind !== 'draft' ? prospect.id : null,
    Approval_Route__c: kind === 'draft' ? null : route,
    Submitted_At__c: submittedMs === null ? null : datetimeOf(submittedMs),
    Decided_At__c: decidedMs === null ? null : datetimeOf(decidedMs),
    Renewal_Count__c: null,
    ...ctx.keys(company, website, email),
  });
  if (submittedMs !== null) {
    noteStep(cluster, 'registration', submittedMs);
  }
  if (kind !== 'draft' && submittedMs !== null && submittedMs > ctx.nowMs - 365 * MS_PER_DAY) {
    cluster.activity.registrations += 1;
  }

  switch (kind) {
    case 'draft':
      record.Status__c = 'Draft';
      break;
    case 'pending':
      record.Status__c = ctx.random.chance(0.3) ? 'Submitted' : 'Pending Approval';
      break;
    case 'withdrawn':
      record.Status__c = 'Closed';
      record.Decision_Reason__c = 'Withdrawn by the partner';
      break;
    case 'rejected':
      record.Status__c = 'Rejected';
      record.Decision_Reason__c = ctx.random.pick([
        'Existing customer owned by direct sales',
        'Insufficient detail',
        'Duplicate of an earlier registration',
      ]);
      break;
    case 'approvedRecent':
      approve(ctx, record, decidedMs as number);
      record.Status__c = 'Approved';
      break;
    case 'expired':
      approve(ctx, record, decidedMs as number);
      if (ctx.planter.should('registration-expired-open')) {
        record.Status__c = 'Approved';
        ctx.plant(
          'registration-expired-open',
          'Deal_Registration__c',
          record,
          `protection ended on ${String(record.Expires_On__c)}`,
        );
        ctx.emit('Deal_Registration__c', record);
        return;
      }
      record.Status__c = 'Expired';
      break;
    case 'converted':
      approve(ctx, record, decidedMs as number);
      convertRegistration(ctx, cluster, record, prospect, decidedMs as number, submittedMs as number);
      return;
  }
  registrationPlants(ctx, record, false);
  ctx.emit('Deal_Registration__c', record);
}

function approve(ctx: SeedContext, record: SeedRecord, decidedMs: number): void {
  const approvedOn = dateOf(decidedMs);
  record.Approved_On__c = approvedOn;
  record.Expires_On__c = expiryDate({
    approvedOn,
    protectionDays: ctx.options.policy.dealRegistration.protectionDays,
  });
  record.Renewal_Count__c = 0;
  record.Decision_Reason__c = record.Approval_Route__c === 'Auto' ? 'Approved automatically' : 'Approved';
}
