/**
 * A record source narrowed to what one report looks at: one partner, one period. The audit's
 * metric collector reads it exactly as it reads a whole snapshot, so a report's figures are
 * the audit's figures on that slice of the data.
 */
import type { SnapshotRecord } from '../snapshot/format';
import type { SnapshotObject } from '../snapshot/schema';
import type { RecordSource } from '../audit/sources';
import { bool, key15, str } from '../audit/values';
import { UsageError } from '../audit/cliSupport';
import { monthWithin, within, type Period } from './period';

/** Which records a report keeps; sees each object's records in load order (parents first). */
export interface Scope {
  keep(objectName: string, record: SnapshotRecord): boolean;
}

export class ScopedSource implements RecordSource {
  readonly description: string;
  readonly takenAt?: string;
  readonly objects: SnapshotObject[];

  constructor(
    private readonly inner: RecordSource,
    private readonly scope: Scope,
    what: string,
  ) {
    this.description = `${inner.description}, ${what}`;
    this.takenAt = inner.takenAt;
    this.objects = inner.objects;
  }

  async *records(object: SnapshotObject): AsyncGenerator<SnapshotRecord> {
    for await (const record of this.inner.records(object)) {
      if (this.scope.keep(object.name, record)) {
        yield record;
      }
    }
  }
}

/** Reads every record of one object of a source, when the source holds it. */
export async function* recordsOf(source: RecordSource, objectName: string): AsyncGenerator<SnapshotRecord> {
  const object = source.objects.find((o) => o.name === objectName);
  if (object) {
    yield* source.records(object);
  }
}

/** The partner account a user named by record Id (15 or 18 characters) or external id. */
export interface PartnerRef {
  id: string;
  name: string;
  externalId: string | null;
  record: SnapshotRecord;
}

export async function findPartner(source: RecordSource, wanted: string): Promise<PartnerRef> {
  for await (const account of recordsOf(source, 'Account')) {
    const id = str(account, 'Id');
    const externalId = str(account, 'External_Id__c');
    if (externalId === wanted || (id !== null && key15(id) === key15(wanted) && wanted.length >= 15)) {
      if (!bool(account, 'Is_Partner__c')) {
        throw new UsageError(`--partner ${wanted}: ${str(account, 'Name') ?? wanted} is not a partner account.`);
      }
      return { id: key15(id) ?? wanted, name: str(account, 'Name') ?? wanted, externalId, record: account };
    }
  }
  throw new UsageError(`--partner ${wanted}: no account with this Id or External_Id__c in ${source.description}.`);
}

/** Opportunities (15-character Ids) that carry an attribution row for the partner. */
export async function attributedOpportunities(source: RecordSource, partnerId: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for await (const row of recordsOf(source, 'Partner_Attribution__c')) {
    const opportunity = key15(str(row, 'Opportunity__c'));
    if (key15(str(row, 'Partner_Account__c')) === partnerId && opportunity !== null) {
      ids.add(opportunity);
    }
  }
  return ids;
}

const ref = (record: SnapshotRecord, field: string) => key15(str(record, field));

/**
 * The activity of one period: deals closed, registrations submitted, leads offered, tier
 * changes effective, commissions and costs booked in it. Catalogue and account records stay.
 * @param period the period
 * @param partner when given, only that partner's records (and deals it sourced or is attributed on)
 */
export function periodScope(period: Period, partner?: { id: string; opportunities: Set<string> }): Scope {
  const opportunities = new Set<string>();
  const memberships = new Set<string>();
  const mine = (record: SnapshotRecord, field: string) => partner === undefined || ref(record, field) === partner.id;
  return {
    keep(objectName, record) {
      switch (objectName) {
        case 'Account':
          return partner === undefined || ref(record, 'Id') === partner.id;
        case 'Contact':
          return mine(record, 'AccountId');
        case 'Partner_Application__c':
          return partner === undefined;
        case 'Program_Membership__c':
          if (mine(record, 'Partner_Account__c')) {
            memberships.add(ref(record, 'Id') ?? '');
            return true;
          }
          return false;
        case 'Tier_Change__c':
          return (
            memberships.has(ref(record, 'Program_Membership__c') ?? '') &&
            within(period, str(record, 'Effective_Date__c'))
          );
        case 'Partner_Certification__c':
        case 'Lead':
          return mine(record, 'Partner_Account__c');
        case 'Partner_Activity__c':
          return mine(record, 'Partner_Account__c') && within(period, str(record, 'Occurred_At__c'));
        case 'Deal_Registration__c':
          return (
            mine(record, 'Partner_Account__c') &&
            within(period, str(record, 'Submitted_At__c') ?? str(record, 'CreatedDate'))
          );
        case 'Opportunity': {
          const id = ref(record, 'Id') ?? '';
          const involved =
            partner === undefined || ref(record, 'Sourcing_Partner__c') === partner.id || partner.opportunities.has(id);
          if (involved && within(period, str(record, 'CloseDate'))) {
            opportunities.add(id);
            return true;
          }
          return false;
        }
        case 'Partner_Attribution__c':
          return mine(record, 'Partner_Account__c') && opportunities.has(ref(record, 'Opportunity__c') ?? '');
        case 'Partner_Commission__c':
        case 'Program_Cost__c':
          return mine(record, 'Partner_Account__c') && monthWithin(period, str(record, 'Period__c'));
        case 'Lead_Offer__c':
          return mine(record, 'Partner_Account__c') && within(period, str(record, 'Offered_At__c'));
        default:
          return true;
      }
    },
  };
}

/** Everything of one partner, whatever its date: pipeline, certifications, memberships. */
export function partnerScope(partnerId: string): Scope {
  return {
    keep(objectName, record) {
      switch (objectName) {
        case 'Account':
          return ref(record, 'Id') === partnerId;
        case 'Contact':
          return ref(record, 'AccountId') === partnerId;
        case 'Opportunity':
          return ref(record, 'Sourcing_Partner__c') === partnerId;
        case 'Partner_Application__c':
        case 'Tier_Change__c':
        case 'Partner_Attribution__c':
          return false;
        case 'Partner_Program__c':
        case 'Partner_Tier__c':
        case 'Training_Module__c':
          return true;
        default:
          return ref(record, 'Partner_Account__c') === partnerId;
      }
    },
  };
}
