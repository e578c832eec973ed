/**
 * Stand-in for CommissionPayoutController: the payout run on the demo ledger — approve a period's
 * Pending commissions, export the Approved ones as one batch (CSV, ledger key first), mark the
 * batch Paid. Same checks, messages and columns as `CommissionPayoutRun`.
 */
import type { DemoStore } from '../store';
import { ApexError, type ApexHandler } from './api';
import { text } from './common';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const COLUMNS = [
  'Ledger_Key',
  'Commission',
  'Payout_Batch',
  'Period',
  'Partner_Account_Id',
  'Partner',
  'Opportunity_Id',
  'Program',
  'Rate_Percent',
  'Amount',
  'Earned_On',
];

function requirePeriod(period: string | null): string {
  if (period === null || !PERIOD.test(period)) {
    throw new ApexError('Give the period as YYYY-MM, for example 2025-06.');
  }
  return period;
}

const ofPeriod = (store: DemoStore, period: string, status: string) =>
  store.list('Partner_Commission__c').filter((c) => c.Period__c === period && c.Status__c === status);

/**
 * A cell as the Apex export writes it: RFC 4180 quoting, and a leading = + - @ prefixed with '
 * so no spreadsheet runs it as a formula. (The preview runs in the browser: no CSV library.)
 */
const cell = (value: unknown): string => {
  const raw = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

const approve: ApexHandler = (params, store) => {
  const pending = ofPeriod(store, requirePeriod(text(params, 'period')), 'Pending');
  for (const commission of pending) {
    store.update(commission.Id, { Status__c: 'Approved' });
  }
  return pending.length;
};

const exportBatch: ApexHandler = (params, store) => {
  const period = requirePeriod(text(params, 'period'));
  const approved = ofPeriod(store, period, 'Approved').sort((a, b) => String(a.Name).localeCompare(String(b.Name)));
  const batch =
    (approved.find((c) => c.Payout_Batch__c)?.Payout_Batch__c as string | undefined) ??
    `PAYOUT-${period}-${store.now.replace(/\D/g, '').slice(0, 14)}`;
  let total = 0;
  const rows = approved.map((c) => {
    store.update(c.Id, { Payout_Batch__c: batch });
    total += Number(c.Amount__c ?? 0);
    const partner = store.get(String(c.Partner_Account__c));
    const program = store.get(String(c.Program__c));
    return [
      c.Unique_Key__c ?? c.Name,
      c.Name,
      batch,
      c.Period__c,
      c.Partner_Account__c,
      partner?.Name,
      c.Opportunity__c,
      program?.Name,
      c.Rate_Percent__c,
      c.Amount__c,
      c.Earned_On__c,
    ].map(cell);
  });
  return {
    batch,
    rows: approved.length,
    total: Math.round(total * 100) / 100,
    csv: [COLUMNS, ...rows].map((r) => r.join(',')).join('\n') + '\n',
  };
};

const confirm: ApexHandler = (params, store) => {
  const batch = text(params, 'batch');
  const paidOn = text(params, 'paidOn');
  if (batch === null || paidOn === null) {
    throw new ApexError('Give the batch key of the export and the date it was paid.');
  }
  const paid = store
    .list('Partner_Commission__c')
    .filter((c) => c.Payout_Batch__c === batch && c.Status__c === 'Approved');
  for (const commission of paid) {
    store.update(commission.Id, { Status__c: 'Paid', Paid_On__c: paidOn });
  }
  return paid.length;
};

export const COMMISSION_PAYOUT: Readonly<Record<string, ApexHandler>> = {
  'CommissionPayoutController.approve': approve,
  'CommissionPayoutController.exportBatch': exportBatch,
  'CommissionPayoutController.confirm': confirm,
};
