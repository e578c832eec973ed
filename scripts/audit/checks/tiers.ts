/**
 * Stale tiers: a membership whose stored metrics, evaluated today with `evaluateTier`, call
 * for an upgrade, or for a downgrade whose grace period is over. Memory: the tier ladders.
 */
import { RuleError, evaluateTier, type TierDefinition } from '../rules';
import type { Auditor, AuditorFactory } from '../types';
import { key15, num, refOf, str } from '../values';

export const staleTiers: AuditorFactory = (context): Auditor => {
  const ladders = new Map<string, TierDefinition[]>();
  const tierNames = new Map<string, string>();
  const graceDays = new Map<string, number | null>();
  return {
    checks: ['stale-tier'],
    objects: ['Partner_Program__c', 'Partner_Tier__c', 'Program_Membership__c'],
    requires: ['Partner_Program__c', 'Partner_Tier__c', 'Program_Membership__c'],
    onRecord(objectName, record, emit) {
      const id = str(record, 'Id');
      if (id === null) {
        return;
      }
      if (objectName === 'Partner_Program__c') {
        graceDays.set(key15(id) ?? '', num(record, 'Downgrade_Grace_Days__c'));
        return;
      }
      if (objectName === 'Partner_Tier__c') {
        const program = key15(str(record, 'Program__c'));
        const rank = num(record, 'Rank__c');
        if (program === null || rank === null) {
          return;
        }
        const ladder = ladders.get(program) ?? [];
        ladder.push({
          id,
          rank,
          minRevenue: num(record, 'Min_Revenue_T12M__c'),
          minActiveCertifications: num(record, 'Min_Active_Certifications__c'),
          minClosedDeals: num(record, 'Min_Closed_Deals__c'),
        });
        ladders.set(program, ladder);
        tierNames.set(key15(id) ?? '', str(record, 'Name') ?? id);
        return;
      }
      const status = str(record, 'Status__c');
      const tierId = str(record, 'Tier__c');
      const program = key15(str(record, 'Program__c'));
      const ladder = program === null ? undefined : ladders.get(program);
      if ((status !== 'Active' && status !== 'Suspended') || tierId === null || !ladder || program === null) {
        return;
      }
      const held = ladder.find((t) => key15(t.id) === key15(tierId));
      const ref = refOf(objectName, record);
      if (!held) {
        emit(
          'stale-tier',
          ref,
          `Tier__c ${tierId} is not a tier of the membership's program`,
          'Set a tier of the program.',
        );
        return;
      }
      try {
        const evaluation = evaluateTier({
          today: context.today,
          tiers: ladder,
          metrics: {
            revenueT12M: num(record, 'T12M_Revenue__c'),
            activeCertifications: num(record, 'Active_Certifications__c'),
            closedDealsT12M: num(record, 'Closed_Deals_T12M__c'),
          },
          current: {
            tierId: held.id,
            tierSince: str(record, 'Tier_Since__c'),
            downgradePendingSince: str(record, 'Downgrade_Pending_Since__c'),
          },
          graceDays: graceDays.get(program) ?? null,
        });
        if (evaluation.action === 'Upgrade' || evaluation.action === 'Downgrade') {
          const from = tierNames.get(key15(held.id) ?? '') ?? held.id;
          const to = tierNames.get(key15(evaluation.newTierId) ?? '') ?? evaluation.newTierId;
          emit(
            'stale-tier',
            ref,
            evaluation.action === 'Upgrade'
              ? `holds ${from} but its metrics qualify for ${to}`
              : `holds ${from}; the downgrade to ${to} pending since ${String(str(record, 'Downgrade_Pending_Since__c'))} is past its grace period`,
            `Run the tier evaluation: ${evaluation.action.toLowerCase()} to ${to} effective ${String(evaluation.effectiveDate)}.`,
          );
        }
      } catch (error) {
        if (!(error instanceof RuleError)) {
          throw error;
        }
        emit(
          'stale-tier',
          ref,
          `the tier cannot be evaluated: ${error.message}`,
          'Correct the membership’s tier data.',
        );
      }
    },
  };
};
