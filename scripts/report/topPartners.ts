/**
 * Partners ranked by the revenue attributed to them on deals won in a period: the same
 * attributed amounts the audit's `partner-revenue` metric adds up, split by partner.
 */
import type { SnapshotRecord } from '../snapshot/format';
import { key15, num, str } from '../audit/values';
import type { RecordListener } from './figures';

export interface PartnerRevenue {
  id: string;
  name: string;
  sourced: number;
  influenced: number;
  total: number;
}

export class TopPartnersCollector implements RecordListener {
  private readonly names = new Map<string, string>();
  private readonly won = new Set<string>();
  private readonly revenue = new Map<string, { sourced: number; influenced: number }>();

  onRecord(objectName: string, record: SnapshotRecord): void {
    const id = key15(str(record, 'Id')) ?? '';
    if (objectName === 'Account') {
      this.names.set(id, str(record, 'Name') ?? id);
    } else if (objectName === 'Opportunity' && record.IsWon === true) {
      this.won.add(id);
    } else if (objectName === 'Partner_Attribution__c' && this.won.has(key15(str(record, 'Opportunity__c')) ?? '')) {
      const partner = key15(str(record, 'Partner_Account__c')) ?? '';
      const row = this.revenue.get(partner) ?? { sourced: 0, influenced: 0 };
      const amount = num(record, 'Attributed_Amount__c') ?? 0;
      if (str(record, 'Role__c') === 'Sourced') {
        row.sourced += amount;
      } else {
        row.influenced += amount;
      }
      this.revenue.set(partner, row);
    }
  }

  /** Every partner with attributed won revenue, highest first (ties by name). */
  ranking(): PartnerRevenue[] {
    return [...this.revenue.entries()]
      .map(([id, row]) => ({ id, name: this.names.get(id) ?? id, ...row, total: row.sourced + row.influenced }))
      .sort((a, b) => b.total - a.total || (a.name < b.name ? -1 : 1));
  }
}
