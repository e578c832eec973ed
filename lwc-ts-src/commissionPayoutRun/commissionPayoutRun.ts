/**
 * The payout run of one period for finance and partner operations: approve the earned
 * commissions, export the approved ones (CSV with ledger keys, one batch per period), and mark
 * the batch Paid once finance confirms it. Each step is idempotent on the server
 * (`CommissionPayoutRun`), so pressing a button twice changes nothing more.
 */
import { LightningElement } from 'lwc';
import approve from '@salesforce/apex/CommissionPayoutController.approve';
import exportBatch from '@salesforce/apex/CommissionPayoutController.exportBatch';
import confirm from '@salesforce/apex/CommissionPayoutController.confirm';
import { errorMessage } from 'c/errorUtils';

type ApexExport = PrmApex.CommissionPayoutRun_Export;

/** `YYYY-MM` of the month before `today`: the period a run usually pays. */
export function previousPeriod(today: Date): string {
  const month = today.getUTCMonth() === 0 ? 12 : today.getUTCMonth();
  const year = today.getUTCMonth() === 0 ? today.getUTCFullYear() - 1 : today.getUTCFullYear();
  return `${year}-${String(month).padStart(2, '0')}`;
}

export default class CommissionPayoutRun extends LightningElement {
  period = previousPeriod(new Date());
  paidOn = '';
  busy = false;
  error?: string;
  announcement?: string;
  exported?: ApexExport;

  get hasExport(): boolean {
    return !!this.exported;
  }

  get downloadHref(): string {
    return `data:text/csv;charset=utf-8,${encodeURIComponent(this.exported?.csv ?? '')}`;
  }

  get downloadName(): string {
    return `${this.exported?.batch ?? 'payout'}.csv`;
  }

  get confirmDisabled(): boolean {
    return this.busy || !this.exported || this.paidOn === '';
  }

  handlePeriod(event: CustomEvent<{ value?: string }>) {
    this.period = String(event.detail?.value ?? '').trim();
    this.exported = undefined;
  }

  handlePaidOn(event: CustomEvent<{ value?: string }>) {
    this.paidOn = String(event.detail?.value ?? '');
  }

  private async run(step: () => Promise<string>, fallback: string) {
    this.busy = true;
    this.error = undefined;
    this.announcement = undefined;
    try {
      this.announcement = await step();
    } catch (error) {
      this.error = errorMessage(error, fallback);
    } finally {
      this.busy = false;
    }
  }

  async handleApprove() {
    await this.run(async () => {
      const count = await approve({ period: this.period });
      return `${count} earned commission(s) of ${this.period} approved.`;
    }, 'The commissions could not be approved.');
  }

  async handleExport() {
    await this.run(async () => {
      this.exported = await exportBatch({ period: this.period });
      return `${this.exported.rows ?? 0} approved commission(s) of ${this.period} in batch ${this.exported.batch ?? ''}, total ${this.exported.total ?? 0}. Download the file for finance.`;
    }, 'The export could not be made.');
  }

  async handleConfirm() {
    const batch = this.exported?.batch ?? '';
    await this.run(async () => {
      const count = await confirm({ batch, paidOn: this.paidOn });
      return `${count} commission(s) of batch ${batch} marked Paid on ${this.paidOn}.`;
    }, 'The export could not be marked paid.');
  }
}
