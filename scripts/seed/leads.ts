/**
 * Leads: shared leads with their offers and SLA deadlines, partner-submitted leads and
 * internal leads.
 */
import { companyKeyOf, leadAcceptBy, leadSlaStatus } from '../audit/rules';
import { datetimeOf, MS_PER_HOUR } from './calendar';
import { PRODUCTS, companyName, person, place } from './names';
import type { SeedContext } from './context';
import type { SeedRecord, Cluster } from './model';
import { staleKey, missing } from './problems';
import { noteStep } from './adoption';

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

function slaDeadline(ctx: SeedContext, offeredMs: number): string {
  const routing = ctx.options.policy.leadRouting;
  return leadAcceptBy({
    offeredAt: datetimeOf(offeredMs),
    hours: routing.acceptWithinHours,
    calendar: routing.calendar,
  });
}

function isOverdue(ctx: SeedContext, acceptBy: string): boolean {
  return leadSlaStatus({ now: datetimeOf(ctx.nowMs), acceptBy, status: 'Offered' }).overdue;
}

function leadBase(ctx: SeedContext, createdMs: number, direction: string | null): SeedRecord {
  const who = person(ctx.random);
  const company = companyName(ctx.random);
  const key = companyKeyOf(company) ?? 'prospect';
  const { website, domain } = ctx.website(key);
  const email = ctx.email(who, domain);
  const where = place(ctx.random);
  const lead = ctx.base('Lead', createdMs);
  Object.assign(lead, {
    FirstName: who.firstName,
    LastName: who.lastName,
    Company: company,
    Email: email,
    Website: ctx.random.chance(0.7) ? website : null,
    Country: where.country,
    State: where.region,
    PostalCode: where.postalCode,
    Partner_Direction__c: direction,
    Partner_Lead_Score__c: direction === null ? ctx.random.int(10, 90) : ctx.random.int(40, 98),
    Segment__c: ctx.random.pick(['SMB', 'Mid-Market', 'Enterprise']),
    Product_Interest__c: ctx.random.pick(PRODUCTS),
    Offer_Count__c: 0,
  });
  Object.assign(lead, ctx.keys(company, lead.Website as string | null, email));
  return lead;
}

function offer(
  ctx: SeedContext,
  leadId: string,
  partnerId: string,
  offeredMs: number,
  acceptBy: string,
  outcome: string,
  outcomeMs: number | null,
  reason: string | null,
): void {
  const offer = ctx.base('Lead_Offer__c', offeredMs);
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
  ctx.emit('Lead_Offer__c', offer);
}

export function generateSharedLead(ctx: SeedContext, cluster: Cluster): void {
  const partner = cluster.partner;
  const kind = ctx.random.weighted(LEAD_KINDS);
  const previous = ctx.random.chance(0.25) ? ctx.otherPartners(partner, ctx.random.chance(0.3) ? 2 : 1) : [];
  const slaMs = ctx.options.policy.leadRouting.acceptWithinHours * MS_PER_HOUR;
  let plantOverdue = false;
  let plantAcceptBy = false;
  let offeredMs: number;
  if (kind === 'Offered') {
    plantOverdue = ctx.planter.should('lead-offer-overdue');
    plantAcceptBy = !plantOverdue && ctx.planter.should('lead-accept-by-mismatch');
    offeredMs = plantOverdue
      ? ctx.nowMs - slaMs - ctx.random.int(60, 240) * 60000
      : ctx.nowMs - Math.min(slaMs * 0.8, ctx.random.int(1, 40) * MS_PER_HOUR);
    // With a business-hours calendar the deadline is later: step back until the offer is overdue.
    for (let i = 0; plantOverdue && i < 60 && !isOverdue(ctx, slaDeadline(ctx, offeredMs)); i++) {
      offeredMs -= 12 * MS_PER_HOUR;
    }
  } else {
    offeredMs = ctx.msDaysAgo(3, 300);
  }
  // Earlier offers went to other partners before this one, a day or two apart.
  const firstMs = offeredMs - previous.length * (slaMs + ctx.random.int(1, 24) * MS_PER_HOUR);
  const lead = leadBase(ctx, firstMs - ctx.random.int(1, 72) * MS_PER_HOUR, 'To Partner');
  previous.forEach((other, i) => {
    const at = firstMs + i * (slaMs + MS_PER_HOUR);
    const deadline = slaDeadline(ctx, at);
    if (ctx.random.chance(0.6)) {
      offer(
        ctx,
        String(lead.Id),
        other.id,
        at,
        deadline,
        'Rejected',
        at + ctx.random.int(1, 20) * MS_PER_HOUR,
        ctx.random.pick(REJECTION_REASONS),
      );
    } else {
      offer(
        ctx,
        String(lead.Id),
        other.id,
        at,
        deadline,
        'Expired',
        Date.parse(deadline) + ctx.random.int(5, 50) * 60000,
        null,
      );
    }
  });

  let acceptBy = slaDeadline(ctx, offeredMs);
  const offeredAt = datetimeOf(offeredMs);
  const leadId = String(lead.Id);
  let acceptedMs: number | null = null;
  let leadStatus = 'Open - Not Contacted';
  switch (kind) {
    case 'Offered': {
      const overdue = isOverdue(ctx, acceptBy);
      if (overdue !== plantOverdue) {
        throw new Error(`seed: offered lead overdue=${overdue}, planned ${plantOverdue}`);
      }
      if (plantAcceptBy) {
        acceptBy = datetimeOf(Date.parse(acceptBy) + ctx.random.int(4, 24) * MS_PER_HOUR);
      }
      offer(ctx, leadId, partner.id, offeredMs, acceptBy, 'Pending', null, null);
      cluster.openLeads += 1;
      break;
    }
    case 'Rejected': {
      const reason = ctx.random.pick(REJECTION_REASONS);
      offer(
        ctx,
        leadId,
        partner.id,
        offeredMs,
        acceptBy,
        'Rejected',
        offeredMs + ctx.random.int(1, 30) * MS_PER_HOUR,
        reason,
      );
      Object.assign(lead, { Rejection_Reason__c: reason, Rejected_By_Partner__c: partner.id });
      break;
    }
    case 'Recalled':
      offer(
        ctx,
        leadId,
        partner.id,
        offeredMs,
        acceptBy,
        'Expired',
        Date.parse(acceptBy) + ctx.random.int(5, 240) * 60000,
        null,
      );
      break;
    default: {
      const late = ctx.random.chance(0.08);
      const delay = late
        ? slaMs + ctx.random.int(1, 30) * MS_PER_HOUR
        : Math.min(slaMs - 60000, Math.round(ctx.random.logNormal(8, 1) * MS_PER_HOUR));
      acceptedMs = Math.min(offeredMs + Math.max(60000, delay), ctx.nowMs - 60000);
      offer(ctx, leadId, partner.id, offeredMs, acceptBy, 'Accepted', acceptedMs, null);
      cluster.activity.leadsAccepted += 1;
      noteStep(cluster, 'leadAccepted', acceptedMs);
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
    ctx.plant('lead-offer-overdue', 'Lead', lead, `offered ${offeredAt}, accept by ${acceptBy}`);
  } else if (plantAcceptBy) {
    ctx.plant('lead-accept-by-mismatch', 'Lead', lead, 'Accept_By__c set later than the SLA allows');
  } else if (!staleKey(ctx, 'Lead', lead)) {
    missing(ctx, 'Lead', lead, ['Partner_Direction__c']);
  }
  ctx.emit('Lead', lead);
}

export function generatePartnerLead(ctx: SeedContext, cluster: Cluster): void {
  const partner = cluster.partner;
  const submittedMs = ctx.msDaysAgo(1, 300);
  const lead = leadBase(ctx, submittedMs, 'From Partner');
  const status = ctx.random.weighted([
    ['Submitted', 3],
    ['Accepted', 2],
    ['Working', 3],
    ['Converted', 2],
    ['Rejected', 1],
  ] as const);
  const acceptedMs =
    status === 'Submitted' || status === 'Rejected' ? null : submittedMs + ctx.random.int(2, 96) * MS_PER_HOUR;
  Object.assign(lead, {
    Status:
      status === 'Working'
        ? 'Working - Contacted'
        : status === 'Converted'
          ? 'Closed - Converted'
          : 'Open - Not Contacted',
    Partner_Share_Status__c: status,
    Partner_Account__c: partner.id,
    Accepted_At__c: acceptedMs === null ? null : datetimeOf(Math.min(acceptedMs, ctx.nowMs)),
    Rejection_Reason__c: status === 'Rejected' ? 'Already engaged' : null,
    Routing_Reason__c: 'Submitted by the partner',
  });
  if (status === 'Submitted' || status === 'Accepted' || status === 'Working') {
    cluster.openLeads += 1;
  }
  ctx.emit('Lead', lead);
}

export function generateInternalLeads(ctx: SeedContext): void {
  const count = Math.round(ctx.customers.length * 0.1);
  for (let i = 0; i < count; i++) {
    const lead = leadBase(ctx, ctx.msDaysAgo(0, 200), null);
    lead.Status = ctx.random.pick(['Open - Not Contacted', 'Working - Contacted', 'Closed - Not Converted']);
    ctx.emit('Lead', lead);
  }
}
