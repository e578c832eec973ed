/**
 * Figures that quantify the partner program, computed in the same single pass as the checks:
 * registration decision time, attribution coverage, lead acceptance and SLA, tiers and their
 * movement, sourced vs influenced revenue, partner vs direct win rate and cycle time, and ROI
 * by program (programRoi). Rates, the median decision time and how a lead offer counts are the
 * program metrics rules the monthly snapshot job uses too (programMetrics). Memory: one flag byte per opportunity (keyed in a compact index)
 * and a number per measured duration; the rest are counters.
 */
import { medianDecisionDays, offerOutcome, parseIsoDatetime, programRoi, ratePercent } from './rules';
import type { AuditContext, Metric, MetricCollector } from './types';
import { formatNumber } from './report/format';
import { ByteList, KeyIndex } from './keyIndex';
import { bool, daysBetween, key15, num, NumberList, str } from './values';
import { FeedbackCollector } from './metrics/feedback';
import { AdoptionCollector } from './metrics/adoption';

const DAY_MS = 86400000;
const WON = 1;
const PARTNER_DEAL = 2;
const ATTRIBUTED = 4;

function round(value: number | null, decimals: number): number | null {
  if (value === null || !Number.isFinite(value)) {
    return null;
  }
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** A datetime the rules can read, else null (a malformed value counts as absent). */
function datetime(value: string | null): string | null {
  return value !== null && parseIsoDatetime(value) !== null ? value : null;
}

function add(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

class Collector implements MetricCollector {
  readonly objects = [
    'Partner_Program__c',
    'Partner_Tier__c',
    'Account',
    'Program_Membership__c',
    'Tier_Change__c',
    'Deal_Registration__c',
    'Opportunity',
    'Partner_Attribution__c',
    'Partner_Commission__c',
    'Program_Cost__c',
    'Lead_Offer__c',
  ];
  private readonly programNames = new Map<string, string>();
  private readonly tiers = new Map<string, { name: string; rank: number; program: string | null }>();
  private readonly partnerProgram = new Map<string, string | null>();
  private readonly membersPerTier = new Map<string, number>();
  private readonly tierMoves = new Map<string, number>();
  private readonly registrationStatus = new Map<string, number>();
  private readonly decisionMs = new NumberList();
  private readonly opportunityKeys = new KeyIndex();
  private readonly opportunityFlags = new ByteList();
  private readonly closed = { partner: 0, direct: 0 };
  private readonly won = { partner: 0, direct: 0 };
  private readonly cycle = { partner: new NumberList(), direct: new NumberList() };
  private wonRevenue = 0;
  private readonly revenueByRole = new Map<string, number>();
  private readonly revenueByProgram = new Map<string, number>();
  private readonly commissionsByProgram = new Map<string, number>();
  private readonly costsByProgram = new Map<string, number>();
  private readonly offers = { decided: 0, accepted: 0, breached: 0, pendingOverdue: 0 };
  private readonly acceptHours = new NumberList();

  constructor(private readonly context: AuditContext) {}

  onRecord(objectName: string, record: Parameters<MetricCollector['onRecord']>[1]): void {
    const id = key15(str(record, 'Id')) ?? '';
    switch (objectName) {
      case 'Partner_Program__c':
        this.programNames.set(id, str(record, 'Name') ?? id);
        break;
      case 'Partner_Tier__c':
        this.tiers.set(id, {
          name: str(record, 'Name') ?? id,
          rank: num(record, 'Rank__c') ?? 0,
          program: key15(str(record, 'Program__c')),
        });
        break;
      case 'Account':
        if (bool(record, 'Is_Partner__c')) {
          this.partnerProgram.set(id, key15(str(record, 'Primary_Program__c')));
        }
        break;
      case 'Program_Membership__c': {
        const tier = this.tiers.get(key15(str(record, 'Tier__c')) ?? '');
        if (str(record, 'Status__c') === 'Active' && tier) {
          add(this.membersPerTier, `${this.programName(tier.program)} · ${tier.name}`, 1);
        }
        break;
      }
      case 'Tier_Change__c': {
        const effective = str(record, 'Effective_Date__c');
        const type = str(record, 'Change_Type__c');
        if (
          effective !== null &&
          type !== null &&
          effective <= this.context.today &&
          daysBetween(effective, this.context.today) < 365
        ) {
          add(this.tierMoves, type, 1);
        }
        break;
      }
      case 'Deal_Registration__c':
        this.registration(record);
        break;
      case 'Opportunity':
        this.opportunity(id, record);
        break;
      case 'Partner_Attribution__c': {
        const opportunity = this.opportunityKeys.indexOf(key15(str(record, 'Opportunity__c')) ?? '');
        if (opportunity < 0) {
          break;
        }
        const flags = this.opportunityFlags.get(opportunity);
        this.opportunityFlags.set(opportunity, flags | ATTRIBUTED);
        const amount = num(record, 'Attributed_Amount__c') ?? 0;
        if (flags & WON) {
          add(this.revenueByRole, str(record, 'Role__c') ?? 'Unknown', amount);
          const program = this.partnerProgram.get(key15(str(record, 'Partner_Account__c')) ?? '');
          if (program) {
            add(this.revenueByProgram, program, amount);
          }
        }
        break;
      }
      case 'Partner_Commission__c': {
        const program = key15(str(record, 'Program__c'));
        if (program !== null && str(record, 'Status__c') !== 'Reversed') {
          add(this.commissionsByProgram, program, num(record, 'Amount__c') ?? 0);
        }
        break;
      }
      case 'Program_Cost__c': {
        const program = key15(str(record, 'Program__c'));
        if (program !== null) {
          add(this.costsByProgram, program, num(record, 'Amount__c') ?? 0);
        }
        break;
      }
      case 'Lead_Offer__c':
        this.offer(record);
        break;
    }
  }

  private programName(id: string | null): string {
    return id === null ? 'No program' : (this.programNames.get(id) ?? id);
  }

  private registration(record: Parameters<MetricCollector['onRecord']>[1]): void {
    add(this.registrationStatus, str(record, 'Status__c') ?? 'Blank', 1);
    const submitted = str(record, 'Submitted_At__c');
    const decided = str(record, 'Decided_At__c');
    if (submitted !== null && decided !== null) {
      const ms = Date.parse(decided) - Date.parse(submitted);
      if (ms >= 0) {
        this.decisionMs.push(ms);
      }
    }
  }

  private opportunity(id: string, record: Parameters<MetricCollector['onRecord']>[1]): void {
    const partner =
      str(record, 'Sourcing_Partner__c') !== null ||
      str(record, 'Source_Registration__c') !== null ||
      bool(record, 'Partner_Involved__c');
    const won = bool(record, 'IsWon');
    this.opportunityFlags.set(this.opportunityKeys.add(id), (won ? WON : 0) | (partner ? PARTNER_DEAL : 0));
    if (!bool(record, 'IsClosed')) {
      return;
    }
    const group = partner ? 'partner' : 'direct';
    this.closed[group] += 1;
    if (won) {
      this.won[group] += 1;
      this.wonRevenue += num(record, 'Amount') ?? 0;
      const created = str(record, 'CreatedDate');
      const close = str(record, 'CloseDate');
      if (created !== null && close !== null) {
        this.cycle[group].push(daysBetween(created.slice(0, 10), close));
      }
    }
  }

  private offer(record: Parameters<MetricCollector['onRecord']>[1]): void {
    const acceptBy = datetime(str(record, 'Accept_By__c'));
    const offeredAt = str(record, 'Offered_At__c');
    const outcomeAt = datetime(str(record, 'Outcome_At__c'));
    const counted = offerOutcome({ outcome: str(record, 'Outcome__c'), acceptBy, outcomeAt, now: this.context.now });
    this.offers.decided += counted.decided ? 1 : 0;
    this.offers.accepted += counted.accepted ? 1 : 0;
    this.offers.breached += counted.breached ? 1 : 0;
    this.offers.pendingOverdue += counted.openOverdue ? 1 : 0;
    if (counted.accepted && offeredAt !== null && outcomeAt !== null) {
      this.acceptHours.push((Date.parse(outcomeAt) - Date.parse(offeredAt)) / 3600000);
    }
  }

  finish(): Metric[] {
    let partnerDeals = 0;
    let unattributed = 0;
    for (let index = 0; index < this.opportunityKeys.size; index++) {
      const flags = this.opportunityFlags.get(index);
      if (flags & PARTNER_DEAL) {
        partnerDeals += 1;
        if (!(flags & ATTRIBUTED)) {
          unattributed += 1;
        }
      }
    }
    const sourced = this.revenueByRole.get('Sourced') ?? 0;
    const influenced = this.revenueByRole.get('Influenced') ?? 0;
    const programs = [
      ...new Set([...this.programNames.keys(), ...this.costsByProgram.keys(), ...this.commissionsByProgram.keys()]),
    ];
    const roi = programs.map((program) => {
      const revenue = this.revenueByProgram.get(program) ?? 0;
      const result = programRoi({
        attributedRevenue: round(revenue, 2),
        commissions: round(this.commissionsByProgram.get(program) ?? 0, 2),
        programCosts: round(this.costsByProgram.get(program) ?? 0, 2),
      });
      return {
        label: this.programName(program),
        value: result.roi,
        note: `revenue ${formatNumber(revenue)} / cost ${formatNumber(result.totalCost)}`,
      };
    });
    const total = programRoi({
      attributedRevenue: round(sourced + influenced, 2),
      commissions: round(
        [...this.commissionsByProgram.values()].reduce((a, b) => a + b, 0),
        2,
      ),
      programCosts: round(
        [...this.costsByProgram.values()].reduce((a, b) => a + b, 0),
        2,
      ),
    });
    const sortedCounts = (map: Map<string, number>) =>
      [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([label, value]) => ({ label, value }));
    const answered = this.offers.decided + this.offers.pendingOverdue;
    return [
      {
        id: 'registration-decision-median-days',
        title: 'Registration decision time (median)',
        value: medianDecisionDays(this.decisionMs.values()),
        unit: 'days',
        detail: `From Submitted_At__c to Decided_At__c over ${this.decisionMs.length} decided registrations.`,
      },
      {
        id: 'registration-decision-p90-days',
        title: 'Registration decision time (90th percentile)',
        value: round((this.decisionMs.percentile(90) ?? NaN) / DAY_MS, 1),
        unit: 'days',
        detail: '9 in 10 registrations are decided within this time.',
      },
      {
        id: 'registrations-by-status',
        title: 'Registrations by status',
        value: [...this.registrationStatus.values()].reduce((a, b) => a + b, 0),
        unit: 'count',
        detail: 'All deal registrations, by Status__c.',
        breakdown: sortedCounts(this.registrationStatus),
      },
      {
        id: 'partner-deals-without-attribution-percent',
        title: 'Partner deals with no attribution',
        value: ratePercent(unattributed, partnerDeals),
        unit: 'percent',
        detail: `${unattributed} of ${partnerDeals} opportunities with a sourcing partner, source registration or partner flag have no attribution row.`,
      },
      {
        id: 'lead-acceptance-rate-percent',
        title: 'Lead acceptance rate',
        value: ratePercent(this.offers.accepted, this.offers.decided),
        unit: 'percent',
        detail: `${this.offers.accepted} of ${this.offers.decided} answered or lapsed lead offers were accepted.`,
      },
      {
        id: 'lead-time-to-accept-median-hours',
        title: 'Time to accept a lead (median)',
        value: round(this.acceptHours.percentile(50), 1),
        unit: 'hours',
        detail: `From Offered_At__c to acceptance over ${this.acceptHours.length} accepted offers.`,
      },
      {
        id: 'lead-sla-breach-rate-percent',
        title: 'Lead SLA breach rate',
        value: ratePercent(this.offers.breached + this.offers.pendingOverdue, answered),
        unit: 'percent',
        detail: `Offers answered after their deadline or lapsed, plus ${this.offers.pendingOverdue} still open past it, out of ${answered}.`,
      },
      {
        id: 'partners-per-tier',
        title: 'Active partners per tier',
        value: [...this.membersPerTier.values()].reduce((a, b) => a + b, 0),
        unit: 'count',
        detail: 'Active program memberships by program and tier.',
        breakdown: sortedCounts(this.membersPerTier),
      },
      {
        id: 'tier-movement-12m',
        title: 'Tier movement (last 12 months)',
        value: (this.tierMoves.get('Upgrade') ?? 0) + (this.tierMoves.get('Downgrade') ?? 0),
        unit: 'count',
        detail:
          'Upgrades plus downgrades that took effect in the last 12 months; pending downgrades and initial tiers listed too.',
        breakdown: sortedCounts(this.tierMoves),
      },
      {
        id: 'partner-revenue',
        title: 'Partner-attributed revenue (closed won)',
        value: round(sourced + influenced, 2),
        unit: 'currency',
        detail: `Attributed amounts on won deals; ${String(this.wonRevenue === 0 ? null : round((100 * (sourced + influenced)) / this.wonRevenue, 1))} % of all won revenue (${formatNumber(this.wonRevenue)}).`,
        breakdown: [
          { label: 'Sourced', value: round(sourced, 2) },
          { label: 'Influenced', value: round(influenced, 2) },
        ],
      },
      {
        id: 'win-rate-partner-percent',
        title: 'Win rate, partner deals',
        value: ratePercent(this.won.partner, this.closed.partner),
        unit: 'percent',
        detail: `${this.won.partner} won of ${this.closed.partner} closed partner deals.`,
      },
      {
        id: 'win-rate-direct-percent',
        title: 'Win rate, direct deals',
        value: ratePercent(this.won.direct, this.closed.direct),
        unit: 'percent',
        detail: `${this.won.direct} won of ${this.closed.direct} closed direct deals.`,
      },
      {
        id: 'cycle-time-partner-days',
        title: 'Sales cycle, partner deals (median)',
        value: round(this.cycle.partner.percentile(50), 1),
        unit: 'days',
        detail: 'From opportunity creation to close, won partner deals.',
      },
      {
        id: 'cycle-time-direct-days',
        title: 'Sales cycle, direct deals (median)',
        value: round(this.cycle.direct.percentile(50), 1),
        unit: 'days',
        detail: 'From opportunity creation to close, won direct deals.',
      },
      {
        id: 'roi-by-program',
        title: 'Program ROI',
        value: total.roi,
        unit: 'ratio',
        detail: 'Attributed won revenue ÷ (commissions + program costs), overall and per program (programRoi).',
        breakdown: roi,
      },
    ];
  }
}

/** The program collector and the feedback and adoption collectors, fed in one pass. */
class CombinedCollector implements MetricCollector {
  readonly objects: readonly string[];

  constructor(private readonly parts: readonly MetricCollector[]) {
    this.objects = [...new Set(parts.flatMap((part) => part.objects))];
  }

  onRecord(objectName: string, record: Parameters<MetricCollector['onRecord']>[1]): void {
    for (const part of this.parts) {
      if (part.objects.includes(objectName)) {
        part.onRecord(objectName, record);
      }
    }
  }

  finish(): Metric[] {
    return this.parts.flatMap((part) => part.finish());
  }
}

export function metricsCollector(context: AuditContext): MetricCollector {
  return new CombinedCollector([new Collector(context), new FeedbackCollector(), new AdoptionCollector(context)]);
}
