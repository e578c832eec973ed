/** Opportunities: converted registrations and direct deals, with their partner attribution. */
import { attributeCredit, renew, type AttributionCreditRow } from '../audit/rules';
import { addDays, dateOf, daysBetween, MS_PER_DAY, MS_PER_HOUR, msOfDate } from './calendar';
import { noteStep } from './adoption';
import { PRODUCTS } from './names';
import { OPEN_STAGES } from './programCatalog';
import { roundTo, type SeedContext } from './context';
import type { SeedRecord, CustomerInfo, Cluster } from './model';
import { registrationPlants } from './problems';
import { emitCommissions } from './commissions';

const TOUCH_TYPES = ['Co-sell', 'Technical Win', 'Marketing', 'Referral'];

export function convertRegistration(
  ctx: SeedContext,
  cluster: Cluster,
  record: SeedRecord,
  prospect: CustomerInfo,
  decidedMs: number,
  submittedMs: number,
): void {
  const partner = cluster.partner;
  const policy = ctx.options.policy;
  const expiresOn = String(record.Expires_On__c);
  const window = policy.dealRegistration.renewalWindowDays;
  if (addDays(expiresOn, -window) <= ctx.today && ctx.random.chance(0.12)) {
    // Renewed during the renewal window, which has already opened.
    const renewed = renew({ today: expiresOn, expiresOn, renewalCount: 0, policy: policy.dealRegistration });
    const latest = expiresOn < ctx.today ? expiresOn : ctx.today;
    record.Expires_On__c = renewed.expiresOn;
    record.Renewal_Count__c = renewed.renewalCount;
    record.Renewal_Requested_On__c = addDays(
      latest,
      -ctx.random.int(0, Math.max(0, daysBetween(addDays(expiresOn, -window), latest))),
    );
  }
  if (ctx.planter.should('registration-no-opportunity')) {
    const sinceApproval = daysBetween(String(record.Approved_On__c), ctx.today);
    const stillProtected = String(record.Expires_On__c) >= ctx.today;
    if (sinceApproval > policy.conversionGraceDays && stillProtected) {
      record.Status__c = 'Approved';
      ctx.plant(
        'registration-no-opportunity',
        'Deal_Registration__c',
        record,
        `approved ${sinceApproval} days ago, no opportunity`,
      );
    } else {
      record.Status__c = 'Converted';
      ctx.plant('registration-no-opportunity', 'Deal_Registration__c', record, 'Converted without an opportunity');
    }
    ctx.emit('Deal_Registration__c', record);
    return;
  }

  const oppCreatedMs = Math.min(decidedMs + ctx.random.int(1, 48) * MS_PER_HOUR, ctx.nowMs - MS_PER_HOUR);
  const createdDay = dateOf(oppCreatedMs);
  let closeDate = addDays(String(record.Expected_Close_Date__c), ctx.random.int(-20, 40));
  if (closeDate < addDays(createdDay, 7)) {
    closeDate = addDays(createdDay, ctx.random.int(7, 40));
  }
  const closed = closeDate <= ctx.today;
  const won = closed && ctx.random.chance(0.5);
  const stage = closed ? (won ? 'Closed Won' : 'Closed Lost') : ctx.random.pick(OPEN_STAGES);
  const amount = Math.max(500, roundTo(Number(record.Amount__c) * (0.8 + ctx.random.next() * 0.5), 100));
  const opportunity = ctx.base('Opportunity', oppCreatedMs);
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
  if (won) {
    noteStep(cluster, 'deal', msOfDate(closeDate));
  }
  Object.assign(record, {
    Status__c: closed && ctx.random.chance(0.5) ? 'Closed' : 'Converted',
    Converted_Opportunity__c: opportunity.Id,
    Opportunity_Stage__c: stage,
    Opportunity_Amount__c: amount,
  });

  let planted = registrationPlants(ctx, record, true);
  if (!planted && ctx.planter.should('registration-opportunity-sync')) {
    if (ctx.random.chance(0.5)) {
      record.Opportunity_Stage__c = ctx.random.pick(
        [...OPEN_STAGES, 'Closed Won', 'Closed Lost'].filter((s) => s !== stage),
      );
    } else {
      record.Opportunity_Amount__c = amount + roundTo(ctx.random.int(1000, 20000), 100);
    }
    ctx.plant(
      'registration-opportunity-sync',
      'Deal_Registration__c',
      record,
      'opportunity stage or amount not copied back',
    );
    planted = true;
  }
  ctx.emit('Deal_Registration__c', record);
  if (!planted && ctx.planter.should('partner-deal-no-attribution')) {
    ctx.plant(
      'partner-deal-no-attribution',
      'Opportunity',
      opportunity,
      'partner-sourced deal with no attribution rows',
    );
    ctx.emit('Opportunity', opportunity);
    return;
  }
  ctx.emit('Opportunity', opportunity);

  const touches = [
    {
      partnerId: partner.id,
      touchDate: dateOf(submittedMs),
      touchType: 'Registration',
      sourcedRegistrationId: String(record.Id),
    },
  ];
  const lastTouchDay = closeDate < ctx.today ? closeDate : ctx.today;
  const influencers = ctx.random.weighted([
    [0, 6],
    [1, 3],
    [2, 1],
  ] as const);
  for (const other of ctx.otherPartners(partner, influencers)) {
    const span = Math.max(0, daysBetween(dateOf(submittedMs), lastTouchDay));
    touches.push({
      partnerId: other.id,
      touchDate: addDays(dateOf(submittedMs), ctx.random.int(0, span)),
      touchType: ctx.random.pick(TOUCH_TYPES),
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
  emitAttributedDeal(ctx, opportunity, rows, planted, oppCreatedMs);
}

/** Writes the attribution rows of a deal and, when it is won, its commissions; may plant one problem. */
function emitAttributedDeal(
  ctx: SeedContext,
  opportunity: SeedRecord,
  rows: AttributionCreditRow[],
  alreadyPlanted: boolean,
  createdMs: number,
): void {
  const records = rows.map((row) => {
    const attribution = ctx.base('Partner_Attribution__c', createdMs + MS_PER_HOUR);
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
  if (!planted && splittable && ctx.planter.should('attribution-duplicate')) {
    const weight = Math.round(Number(splittable.Weight_Percent__c) * 100);
    const cents = Math.round(Number(splittable.Attributed_Amount__c) * 100);
    const duplicate = ctx.base('Partner_Attribution__c', createdMs + 2 * MS_PER_DAY);
    Object.assign(duplicate, {
      Opportunity__c: splittable.Opportunity__c,
      Partner_Account__c: splittable.Partner_Account__c,
      Role__c: splittable.Role__c,
      Weight_Percent__c: (weight - Math.floor(weight / 2)) / 100,
      Attributed_Amount__c: (cents - Math.floor(cents / 2)) / 100,
      Touch_Date__c: splittable.Touch_Date__c,
      Touch_Type__c: ctx.random.pick(TOUCH_TYPES),
      Model__c: 'Manual',
      Source_Registration__c: splittable.Source_Registration__c,
      Unique_Key__c: null,
    });
    splittable.Weight_Percent__c = Math.floor(weight / 2) / 100;
    splittable.Attributed_Amount__c = Math.floor(cents / 2) / 100;
    ctx.plant(
      'attribution-duplicate',
      'Partner_Attribution__c',
      duplicate,
      'same partner and role twice, credit split',
    );
    extra.push(duplicate);
    planted = true;
  }
  if (!planted && records.length > 0 && ctx.planter.should('attribution-weights')) {
    const row = records[0];
    const weight = Number(row.Weight_Percent__c);
    row.Weight_Percent__c = weight > 90 ? weight - 5 : weight + 5;
    ctx.plant('attribution-weights', 'Opportunity', opportunity, 'weights edited to no longer add up to 100');
    planted = true;
  }
  if (!planted && records.length > 0 && ctx.planter.should('attribution-amount-mismatch')) {
    const row = records[0];
    row.Attributed_Amount__c = Math.round((Number(row.Attributed_Amount__c) + ctx.random.int(100, 5000)) * 100) / 100;
    ctx.plant(
      'attribution-amount-mismatch',
      'Opportunity',
      opportunity,
      'attributed amounts no longer add up to the amount',
    );
    planted = true;
  }
  for (const record of [...records, ...extra]) {
    ctx.emit('Partner_Attribution__c', record);
  }
  if (opportunity.IsWon === true && rows.length > 0) {
    emitCommissions(ctx, opportunity, rows, records, planted);
  }
}

export function generateDirectDeals(ctx: SeedContext): void {
  const count = Math.round(ctx.customers.length * 0.5);
  for (let i = 0; i < count; i++) {
    const customer = ctx.random.pick(ctx.customers);
    const createdMs = ctx.msDaysAgo(1, 420);
    const createdDay = dateOf(createdMs);
    const closeDate = addDays(createdDay, Math.max(7, Math.round(ctx.random.logNormal(75, 0.5))));
    const closed = closeDate <= ctx.today;
    const won = closed && ctx.random.chance(0.28);
    const stage = closed ? (won ? 'Closed Won' : 'Closed Lost') : ctx.random.pick(OPEN_STAGES);
    const amount = Math.max(1000, roundTo(ctx.random.logNormal(35000, 0.9), 100));
    const opportunity = ctx.base('Opportunity', createdMs);
    Object.assign(opportunity, {
      Name: `${customer.name} - ${ctx.random.pick(PRODUCTS)}`,
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
      ctx.partners.length > 1 && ctx.random.chance(0.12)
        ? ctx.otherPartners(ctx.partners[0], ctx.random.int(1, 2))
        : [];
    if (influencers.length === 0) {
      ctx.emit('Opportunity', opportunity);
      continue;
    }
    const lastTouchDay = closeDate < ctx.today ? closeDate : ctx.today;
    const span = Math.max(0, daysBetween(createdDay, lastTouchDay));
    const rows = attributeCredit({
      model: 'PositionBased',
      amount,
      closeDate,
      touches: influencers.map((p) => ({
        partnerId: p.id,
        touchDate: addDays(createdDay, ctx.random.int(0, Math.min(span, 170))),
        touchType: ctx.random.pick(TOUCH_TYPES),
      })),
    }).rows;
    opportunity.Partner_Involved__c = rows.length > 0;
    ctx.emit('Opportunity', opportunity);
    emitAttributedDeal(ctx, opportunity, rows, false, createdMs);
  }
}
