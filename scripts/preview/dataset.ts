/**
 * The preview's demo data: the seed generator's output (the same generator behind
 * `prm seed`), kept in memory at a small scale with no planted problems, plus the
 * identity of the partner whose portal the preview shows.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_POLICY } from '../audit/policy';
import { listFiles, PROJECT_ROOT } from '../lib/project';
import { generateSeed } from '../seed/generator';
import { syntheticId } from '../snapshot/schema';
import type { DemoDataset, DemoRecord, PicklistValue } from './browser/types';

export interface DemoDatasetOptions {
  /** The data's "now" (ISO datetime); defaults to the start of the current UTC hour. */
  asOf?: string;
  seed?: number;
  partners?: number;
  customers?: number;
  /** Project root whose metadata gives the picklist values. */
  root?: string;
}

export const DEFAULT_SEED = 20261123;

/** The start of the current UTC hour: recent enough that SLA countdowns and expiries look live. */
export function currentHour(now: number = Date.now()): string {
  return new Date(Math.floor(now / 3600000) * 3600000).toISOString();
}

function count(records: DemoRecord[], field: string, id: string): number {
  return records.filter((r) => r[field] === id).length;
}

const OBJECTS_DIR = path.join('force-app', 'main', 'default', 'objects');
const VALUE_SETS_DIR = path.join('force-app', 'main', 'default', 'globalValueSets');

function unescapeXml(value: string): string {
  return value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function valuesIn(xml: string, element: string): PicklistValue[] {
  const values: PicklistValue[] = [];
  for (const block of xml.matchAll(new RegExp(`<${element}>([\\s\\S]*?)</${element}>`, 'g'))) {
    const value = /<fullName>([^<]*)<\/fullName>/.exec(block[1])?.[1];
    const label = /<label>([^<]*)<\/label>/.exec(block[1])?.[1];
    const inactive = /<isActive>false<\/isActive>/.test(block[1]);
    if (value !== undefined && !inactive) {
      values.push({ value: unescapeXml(value), label: unescapeXml(label ?? value) });
    }
  }
  return values;
}

/** Active picklist values of the package's fields, `Object.Field` → values in metadata order. */
export function picklistValues(root: string = PROJECT_ROOT): Record<string, PicklistValue[]> {
  const result: Record<string, PicklistValue[]> = {};
  const fieldFiles = listFiles(path.join(root, OBJECTS_DIR), (f) => f.endsWith('.field-meta.xml'));
  for (const file of fieldFiles) {
    const xml = readFileSync(file, 'utf8');
    if (!/<type>(Picklist|MultiselectPicklist)<\/type>/.test(xml)) {
      continue;
    }
    const objectName = path.basename(path.dirname(path.dirname(file)));
    const fieldName = path.basename(file, '.field-meta.xml');
    const globalSet = /<valueSetName>([^<]+)<\/valueSetName>/.exec(xml)?.[1];
    const values = globalSet
      ? valuesIn(
          readFileSync(path.join(root, VALUE_SETS_DIR, `${globalSet}.globalValueSet-meta.xml`), 'utf8'),
          'customValue',
        )
      : valuesIn(xml, 'value');
    result[`${objectName}.${fieldName}`] = values;
  }
  return result;
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
    picklists: picklistValues(options.root),
  };
}
