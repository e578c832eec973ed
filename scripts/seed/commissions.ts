/** Commissions on won, attributed deals, and program costs (MDF, fees, events). */
import { commissionFor, type AttributionCreditRow } from '../audit/rules';
import { addDays, addMonths, daysBetween, MS_PER_DAY, MS_PER_HOUR, msOfDate } from './calendar';
import { roundTo, type SeedContext } from './context';
import type { SeedRecord, ProgramInfo, PartnerInfo } from './model';
import { missing } from './problems';

export function emitCommissions(
  ctx: SeedContext,
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
      const membership = ctx.partnerById(row.partnerId).memberships[0];
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
  const age = daysBetween(closeDate, ctx.today);
  let plantDone = planted;
  for (const change of result.changes) {
    const partner = ctx.partnerById(String(change.partnerId));
    const role = change.uniqueKey.split('|')[2];
    const commission = ctx.base('Partner_Commission__c', msOfDate(closeDate) + 6 * MS_PER_HOUR);
    const paidOn = addDays(closeDate, ctx.random.int(30, 60));
    const status = age > 60 && paidOn <= ctx.today ? 'Paid' : age > 20 ? 'Approved' : 'Pending';
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
      Payout_Batch__c: status === 'Paid' ? `PAYOUT-${String(change.period)}-01` : null,
      Unique_Key__c: null,
    });
    if (!plantDone && status !== 'Paid' && ctx.planter.should('commission-mismatch')) {
      commission.Amount__c = Math.round((Number(commission.Amount__c) + ctx.random.int(50, 900)) * 100) / 100;
      ctx.plant(
        'commission-mismatch',
        'Partner_Commission__c',
        commission,
        'amount differs from attributed amount × rate',
      );
      plantDone = true;
    }
    ctx.emit('Partner_Commission__c', commission);
  }
}

function cost(
  ctx: SeedContext,
  program: ProgramInfo,
  partnerId: string | null,
  type: string,
  amount: number,
  period: string,
  description: string,
): void {
  const record = ctx.base('Program_Cost__c', msOfDate(`${period}-01`) + 3 * MS_PER_DAY);
  Object.assign(record, {
    Program__c: program.id,
    Partner_Account__c: partnerId,
    Cost_Type__c: type,
    Amount__c: amount,
    Period__c: period,
    Description__c: description,
  });
  missing(ctx, 'Program_Cost__c', record, ['Period__c']);
  ctx.emit('Program_Cost__c', record);
}

export function generatePartnerCosts(ctx: SeedContext, partner: PartnerInfo): void {
  const program = partner.memberships[0].program;
  const entries = ctx.random.int(1, 3);
  for (let i = 0; i < entries; i++) {
    const period = addMonths(ctx.today, -ctx.random.int(0, 11));
    cost(
      ctx,
      program,
      partner.id,
      'MDF',
      roundTo(ctx.random.logNormal(6000, 0.6), 50),
      period,
      `Co-marketing funds for ${partner.name}`,
    );
  }
}

export function generateProgramCosts(ctx: SeedContext): void {
  const scale = Math.max(1, ctx.options.partners / 30);
  for (const program of ctx.programs) {
    for (let month = 11; month >= 0; month--) {
      const period = addMonths(ctx.today, -month);
      cost(
        ctx,
        program,
        null,
        'Program Fee',
        roundTo(scale * ctx.random.logNormal(8000, 0.3), 50),
        period,
        'Program operations',
      );
      if (ctx.random.chance(0.4)) {
        cost(
          ctx,
          program,
          null,
          'Event',
          roundTo(scale * ctx.random.logNormal(12000, 0.5), 50),
          period,
          'Partner summit and roadshows',
        );
      }
    }
  }
}
