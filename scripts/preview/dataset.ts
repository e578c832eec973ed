/**
 * The preview's demo data: the seed generator's output (the same generator behind
 * `prm seed`), kept in memory at a small scale with no planted problems, plus the
 * identity of the partner whose portal the preview shows.
 */
import { DEFAULT_POLICY } from '../audit/policy';
import { generateSeed } from '../seed/generator';
import { syntheticId } from '../snapshot/schema';
import type { DemoDataset, DemoRecord } from './browser/types';

export interface DemoDatasetOptions {
  /** The data's "now" (ISO datetime); defaults to the start of the current UTC hour. */
  asOf?: string;
  seed?: number;
  partners?: number;
  customers?: number;
}

export const DEFAULT_SEED = 20261123;

/** The start of the current UTC hour: recent enough that SLA countdowns and expiries look live. */
export function currentHour(now: number = Date.now()): string {
  return new Date(Math.floor(now / 3600000) * 3600000).toISOString();
}

function count(records: DemoRecord[], field: string, id: string): number {
  return records.filter((r) => r[field] === id).length;
}

/**
 * Generates the demo data and picks the portal partner: the active partner with the most
 * to show (registrations, offered leads, memberships).
 */
export function demoDataset(options: DemoDatasetOptions = {}): DemoDataset {
  const asOf = options.asOf ?? currentHour();
  const records: Record<string, DemoRecord[]> = {};
  generateSeed(
    {
      seed: options.seed ?? DEFAULT_SEED,
      asOf,
      partners: options.partners ?? 8,
      customers: options.customers ?? 80,
      problemRate: 0,
      policy: DEFAULT_POLICY,
    },
    {
      write: (objectName, record) => {
        (records[objectName] ??= []).push(record as DemoRecord);
      },
    },
  );
  const partners = (records.Account ?? []).filter((a) => a.Is_Partner__c === true && a.Partner_Status__c === 'Active');
  if (partners.length === 0) {
    throw new Error('The seed generator produced no active partner account');
  }
  const score = (id: string): number =>
    count(records.Deal_Registration__c ?? [], 'Partner_Account__c', id) +
    count(
      (records.Lead ?? []).filter((l) => l.Partner_Share_Status__c === 'Offered'),
      'Partner_Account__c',
      id,
    ) *
      3 +
    count(records.Program_Membership__c ?? [], 'Partner_Account__c', id) * 2;
  const partner = [...partners].sort((a, b) => score(b.Id) - score(a.Id) || a.Id.localeCompare(b.Id))[0];
  const contacts = (records.Contact ?? []).filter((c) => c.AccountId === partner.Id);
  const contact = contacts.find((c) => c.Is_Primary_Partner_Contact__c === true) ?? contacts[0];
  if (!contact) {
    throw new Error(`Partner ${partner.Name} has no contact to act as the portal user`);
  }
  return {
    asOf,
    timeZone: 'UTC',
    partnerAccountId: partner.Id,
    contactId: contact.Id,
    userId: syntheticId('005', 1),
    records,
  };
}
