/**
 * What a business review shows beyond the audit's metrics, read from one partner's records:
 * memberships and tier progress (the shared tierProgress rule), open pipeline, training and
 * certifications, and commissions of the quarter.
 */
import { tierProgress, type TierCriterionProgress, type TierDefinition } from '../../lwc-ts-src/prmRules/prmRules';
import type { SnapshotRecord } from '../snapshot/format';
import { key15, num, str } from '../audit/values';
import type { RecordListener } from './figures';
import { monthWithin, within, type Period } from './period';

export interface MembershipFacts {
  program: string;
  tier: string | null;
  status: string | null;
  tierSince: string | null;
  revenueT12M: number;
  activeCertifications: number;
  closedDealsT12M: number;
  nextTier: string | null;
  progress: TierCriterionProgress[];
}

export interface PartnerFacts {
  score: number | null;
  status: string | null;
  partnerSince: string | null;
  memberships: MembershipFacts[];
  pipeline: { count: number; amount: number; byStage: { stage: string; count: number; amount: number }[] };
  training: { active: number; completedInPeriod: number; open: number; overdue: number; expiringNextQuarter: number };
  commissions: { total: number; byStatus: { status: string; amount: number }[] };
}

interface TierRow extends TierDefinition {
  name: string;
  program: string;
}

export class PartnerFactsCollector implements RecordListener {
  private account: SnapshotRecord | undefined;
  private readonly programs = new Map<string, string>();
  private readonly tiers = new Map<string, TierRow>();
  private readonly memberships: SnapshotRecord[] = [];
  private readonly stages = new Map<string, { count: number; amount: number }>();
  private readonly training = { active: 0, completedInPeriod: 0, open: 0, overdue: 0, expiringNextQuarter: 0 };
  private readonly commissions = new Map<string, number>();

  constructor(
    private readonly period: Period,
    private readonly next: Period,
    private readonly today: string,
  ) {}

  onRecord(objectName: string, record: SnapshotRecord): void {
    const id = key15(str(record, 'Id')) ?? '';
    switch (objectName) {
      case 'Account':
        this.account = record;
        break;
      case 'Partner_Program__c':
        this.programs.set(id, str(record, 'Name') ?? id);
        break;
      case 'Partner_Tier__c':
        this.tiers.set(id, {
          id,
          name: str(record, 'Name') ?? id,
          program: key15(str(record, 'Program__c')) ?? '',
          rank: num(record, 'Rank__c') ?? 0,
          minRevenue: num(record, 'Min_Revenue_T12M__c'),
          minActiveCertifications: num(record, 'Min_Active_Certifications__c'),
          minClosedDeals: num(record, 'Min_Closed_Deals__c'),
        });
        break;
      case 'Program_Membership__c':
        this.memberships.push(record);
        break;
      case 'Opportunity':
        if (record.IsClosed !== true) {
          const stage = str(record, 'StageName') ?? 'Unknown';
          const row = this.stages.get(stage) ?? { count: 0, amount: 0 };
          row.count += 1;
          row.amount += num(record, 'Amount') ?? 0;
          this.stages.set(stage, row);
        }
        break;
      case 'Partner_Certification__c':
        this.certification(record);
        break;
      case 'Partner_Commission__c':
        if (monthWithin(this.period, str(record, 'Period__c')) && str(record, 'Status__c') !== 'Reversed') {
          const status = str(record, 'Status__c') ?? 'Blank';
          this.commissions.set(status, (this.commissions.get(status) ?? 0) + (num(record, 'Amount__c') ?? 0));
        }
        break;
    }
  }

  private certification(record: SnapshotRecord): void {
    const completed = str(record, 'Completed_On__c');
    const expires = str(record, 'Expires_On__c');
    const due = str(record, 'Due_Date__c');
    if (completed === null) {
      this.training.open += 1;
      if (due !== null && due < this.today) {
        this.training.overdue += 1;
      }
      return;
    }
    if (expires === null || expires >= this.today) {
      this.training.active += 1;
    }
    if (within(this.period, completed)) {
      this.training.completedInPeriod += 1;
    }
    if (within(this.next, expires)) {
      this.training.expiringNextQuarter += 1;
    }
  }

  finish(): PartnerFacts {
    const account = this.account ?? {};
    const byStage = [...this.stages.entries()]
      .map(([stage, row]) => ({ stage, ...row }))
      .sort((a, b) => b.amount - a.amount || (a.stage < b.stage ? -1 : 1));
    const byStatus = [...this.commissions.entries()]
      .map(([status, amount]) => ({ status, amount }))
      .sort((a, b) => (a.status < b.status ? -1 : 1));
    return {
      score: num(account, 'Partner_Score__c'),
      status: str(account, 'Partner_Status__c'),
      partnerSince: str(account, 'Partner_Since__c'),
      memberships: this.memberships.map((m) => this.membership(m)),
      pipeline: {
        count: byStage.reduce((sum, s) => sum + s.count, 0),
        amount: byStage.reduce((sum, s) => sum + s.amount, 0),
        byStage,
      },
      training: { ...this.training },
      commissions: { total: byStatus.reduce((sum, s) => sum + s.amount, 0), byStatus },
    };
  }

  private membership(record: SnapshotRecord): MembershipFacts {
    const program = key15(str(record, 'Program__c')) ?? '';
    const tierId = key15(str(record, 'Tier__c'));
    const ladder = [...this.tiers.values()].filter((t) => t.program === program);
    const metrics = {
      revenueT12M: num(record, 'T12M_Revenue__c') ?? 0,
      activeCertifications: num(record, 'Active_Certifications__c') ?? 0,
      closedDealsT12M: num(record, 'Closed_Deals_T12M__c') ?? 0,
    };
    const held = tierId !== null && ladder.some((t) => t.id === tierId) ? tierId : null;
    const progress =
      ladder.length === 0
        ? { nextTierId: null, criteria: [] }
        : tierProgress({ tiers: ladder, metrics, currentTierId: held });
    return {
      program: this.programs.get(program) ?? program,
      tier: held === null ? null : (this.tiers.get(held)?.name ?? held),
      status: str(record, 'Status__c'),
      tierSince: str(record, 'Tier_Since__c'),
      ...metrics,
      nextTier:
        progress.nextTierId === null ? null : (this.tiers.get(progress.nextTierId)?.name ?? progress.nextTierId),
      progress: progress.criteria,
    };
  }
}
