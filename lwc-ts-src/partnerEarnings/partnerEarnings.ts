/**
 * The partner's earnings in the portal: attributed pipeline (open deals credited to the
 * partner), won revenue, and commissions earned, approved, pending and paid by payout period.
 * The server totals by month; months are regrouped into payout periods (monthly or quarterly)
 * with the `payoutPeriod` rule, and money is added in whole cents so totals never drift.
 */
import { LightningElement, wire } from 'lwc';
import getEarnings from '@salesforce/apex/PortalEarningsController.getEarnings';
import { payoutPeriod, type PayoutCadence } from 'c/prmRules';
import { errorMessage } from 'c/errorUtils';

type ApexEarnings = PrmApex.PortalEarningsController_Earnings;
type ApexPeriod = PrmApex.PortalEarningsController_PeriodTotal;

/** Totals of one payout period, in cents while adding up. */
interface PeriodCents {
  period: string;
  earned: number;
  approved: number;
  pending: number;
  paid: number;
}

export interface PeriodRow {
  key: string;
  period: string;
  earned: number;
  approved: number;
  pending: number;
  paid: number;
  outstanding: number;
}

const CADENCE_OPTIONS = [
  { label: 'Monthly', value: 'Monthly' },
  { label: 'Quarterly', value: 'Quarterly' },
];

function cents(value: number | null | undefined): number {
  return Math.round(Number(((value ?? 0) * 100).toFixed(6)));
}

/**
 * Regroups monthly totals (`YYYY-MM`) into payout periods, newest first.
 * @param months the server's monthly totals
 * @param cadence Monthly or Quarterly
 */
export function periodRows(months: ApexPeriod[], cadence: PayoutCadence): PeriodRow[] {
  const groups = new Map<string, PeriodCents>();
  for (const month of months) {
    if (!month.period) {
      continue;
    }
    const period = payoutPeriod({ earnedOn: `${month.period}-01`, cadence });
    const group = groups.get(period) ?? { period, earned: 0, approved: 0, pending: 0, paid: 0 };
    group.earned += cents(month.earned);
    group.approved += cents(month.approved);
    group.pending += cents(month.pending);
    group.paid += cents(month.paid);
    groups.set(period, group);
  }
  return [...groups.values()]
    .sort((a, b) => (a.period < b.period ? 1 : a.period > b.period ? -1 : 0))
    .map((group) => ({
      key: group.period,
      period: group.period,
      earned: group.earned / 100,
      approved: group.approved / 100,
      pending: group.pending / 100,
      paid: group.paid / 100,
      outstanding: (group.earned - group.paid) / 100,
    }));
}

export default class PartnerEarnings extends LightningElement {
  earnings?: ApexEarnings;
  error?: string;
  cadence: PayoutCadence = 'Monthly';

  readonly cadenceOptions = CADENCE_OPTIONS;

  @wire(getEarnings, {})
  wiredEarnings({ data, error }: { data?: ApexEarnings; error?: unknown }) {
    if (data) {
      this.earnings = data;
      this.error = undefined;
    } else if (error) {
      this.earnings = undefined;
      this.error = errorMessage(error, 'Your earnings could not be loaded. Reload the page to try again.');
    }
  }

  get isLoading(): boolean {
    return !this.earnings && !this.error;
  }

  get currencyCode(): string {
    return this.earnings?.currencyIsoCode ?? 'USD';
  }

  get title(): string {
    return this.earnings?.partnerName ? `Earnings of ${this.earnings.partnerName}` : 'Earnings';
  }

  get pipelineAmount(): number {
    return this.earnings?.pipelineAmount ?? 0;
  }

  get pipelineDeals(): number {
    return this.earnings?.pipelineDeals ?? 0;
  }

  get wonAmount(): number {
    return this.earnings?.wonAmount ?? 0;
  }

  get wonDeals(): number {
    return this.earnings?.wonDeals ?? 0;
  }

  get periods(): PeriodRow[] {
    return periodRows(this.earnings?.periods ?? [], this.cadence);
  }

  get hasPeriods(): boolean {
    return this.periods.length > 0;
  }

  get totals(): { earned: number; paid: number; outstanding: number } {
    let earned = 0;
    let paid = 0;
    for (const row of this.periods) {
      earned += cents(row.earned);
      paid += cents(row.paid);
    }
    return { earned: earned / 100, paid: paid / 100, outstanding: (earned - paid) / 100 };
  }

  get deals() {
    return (this.earnings?.deals ?? []).map((deal, index) => ({
      ...deal,
      key: `${deal.opportunityName ?? 'deal'}-${index}`,
      isSourced: deal.role === 'Sourced',
    }));
  }

  get hasDeals(): boolean {
    return this.deals.length > 0;
  }

  handleCadenceChange(event: CustomEvent<{ value: string }>) {
    this.cadence = event.detail.value === 'Quarterly' ? 'Quarterly' : 'Monthly';
  }
}
