/**
 * Program memberships whose stored metrics and tiers agree with the tier rule (unless a
 * stale tier is planted), and the tier history that led there.
 */
import { evaluateTier } from '../audit/rules';
import { addDays, datetimeOf, daysBetween, MS_PER_HOUR, msOfDate } from './calendar';
import { roundTo, type SeedContext } from './context';
import type { ProgramInfo, MembershipPlan, Cluster } from './model';

/** Metrics that qualify exactly for `qualified` (never for the next rung), and below `below` when given. */
function metricsFor(
  ctx: SeedContext,
  program: ProgramInfo,
  qualified: number,
): { revenue: number; certifications: number; deals: number } {
  const tier = program.tiers[qualified].def;
  const next = program.tiers[qualified + 1]?.def;
  const ceiling = next ? next.minRevenue : tier.minRevenue * 2 + 1000000;
  const revenue = roundTo(tier.minRevenue + ctx.random.next() * (ceiling - tier.minRevenue - 1000), 100);
  return {
    revenue,
    certifications: tier.minCertifications + ctx.random.int(0, 3),
    deals: tier.minDeals + ctx.random.int(0, 4),
  };
}

export function generateMemberships(ctx: SeedContext, cluster: Cluster): MembershipPlan {
  const partner = cluster.partner;
  partner.memberships.forEach((plan, index) => {
    const program = plan.program;
    const enrolled = index === 0 ? partner.since : addDays(partner.since, ctx.random.int(30, 200));
    const enrolledOn = enrolled > ctx.today ? ctx.today : enrolled;
    const held = program.tiers[plan.heldIndex];
    const metrics = metricsFor(ctx, program, plan.qualifiedIndex);
    if (plan.pendingSince !== null) {
      // Falls short on revenue only, so the pending downgrade is about one criterion.
      const heldDef = held.def;
      metrics.certifications = Math.max(metrics.certifications, heldDef.minCertifications);
      metrics.deals = Math.max(metrics.deals, heldDef.minDeals);
    }
    const status = partner.status === 'Onboarding' ? 'Onboarding' : index === 0 ? partner.status : 'Active';
    const tierSinceFloor = plan.pendingSince ?? ctx.today;
    const span = Math.max(1, daysBetween(enrolledOn, tierSinceFloor) - 1);
    const candidate = plan.heldIndex === 0 ? enrolledOn : addDays(enrolledOn, ctx.random.int(1, span));
    const tierSince = candidate > ctx.today ? ctx.today : candidate;
    const evaluation = evaluateTier({
      today: ctx.today,
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
    const membership = ctx.base('Program_Membership__c', msOfDate(enrolledOn));
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
          : addDays(enrolledOn, Math.min(20, Math.max(0, daysBetween(enrolledOn, ctx.today)))),
      T12M_Revenue__c: metrics.revenue,
      Active_Certifications__c: metrics.certifications,
      Closed_Deals_T12M__c: metrics.deals,
      Downgrade_Pending_Since__c: plan.pendingSince,
      Pending_Tier__c: plan.pendingSince === null ? null : program.tiers[plan.qualifiedIndex].id,
      At_Risk__c: plan.pendingSince !== null,
      At_Risk_Reason__c: plan.pendingSince === null ? null : 'Trailing revenue below the tier minimum',
      Last_Evaluated_At__c: datetimeOf(ctx.nowMs - ctx.random.int(1, 20) * MS_PER_HOUR),
      Score__c: null,
      Unique_Key__c: null,
    });
    if (plan.stale !== null) {
      ctx.plant('stale-tier', 'Program_Membership__c', membership, plan.stale);
    }
    ctx.emit('Program_Membership__c', membership);
    if (index === 0) {
      cluster.revenueT12M = metrics.revenue;
    }
    generateTierHistory(ctx, String(membership.Id), program, plan, enrolledOn, tierSince);
  });
  return partner.memberships[0];
}

function generateTierHistory(
  ctx: SeedContext,
  membershipId: string,
  program: ProgramInfo,
  plan: MembershipPlan,
  enrolledOn: string,
  tierSince: string,
): void {
  const change = (type: string, from: number | null, to: number, effective: string, reason: string): void => {
    const record = ctx.base('Tier_Change__c', msOfDate(effective) + 2 * MS_PER_HOUR);
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
    ctx.emit('Tier_Change__c', record);
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
