/**
 * Names both ways between our un-prefixed names (snapshots, the loader, the audit) and an org
 * where the managed package is installed under its namespace (`pspm__Deal_Registration__c`).
 * Only custom names without a namespace of their own are mapped (`X__c`, `X__r`, `X__mdt`,
 * `X__e`); standard names stay. Every custom name `prm` reads or writes is the package's own:
 * the snapshot schema lists nothing else.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { OrgApiError } from './errors';

const CUSTOM = /\b([A-Za-z][A-Za-z0-9_]*?)__(c|r|mdt|e)\b/g;
/** An object every install of the package has: it tells which namespace the package is under. */
export const MARKER_OBJECT = 'Deal_Registration__c';
/** The namespace of the managed package (sfdx-project.packaging.json). */
export const PACKAGE_NAMESPACE = 'pspm';

export class NamespaceMap {
  private readonly prefix: string;

  /** @param namespace the installed namespace; empty or undefined for an org without one */
  constructor(readonly namespace?: string) {
    this.prefix = namespace ? `${namespace}__` : '';
  }

  /** `Program__r.External_Id__c` → `pspm__Program__r.pspm__External_Id__c`; also inside SOQL. */
  toOrg(text: string): string {
    if (this.prefix === '') {
      return text;
    }
    // A name whose base holds `__` has a namespace already (`other__Field__c`): left alone.
    return text.replace(CUSTOM, (whole: string, base: string) =>
      base.includes('__') ? whole : `${this.prefix}${whole}`,
    );
  }

  /** `pspm__Program__r.pspm__External_Id__c` → `Program__r.External_Id__c`. */
  fromOrg(text: string): string {
    if (this.prefix === '') {
      return text;
    }
    const pattern = new RegExp(`\\b${this.prefix}(?=[A-Za-z][A-Za-z0-9_]*?__(?:c|r|mdt|e)\\b)`, 'gi');
    return text.replace(pattern, '');
  }

  /** A REST record with un-prefixed keys. */
  recordFromOrg(record: Record<string, unknown>): Record<string, unknown> {
    return this.prefix === ''
      ? record
      : Object.fromEntries(Object.entries(record).map(([key, value]) => [this.fromOrg(key), value]));
  }

  /** Bulk CSV with its header row mapped (`toOrg` or `fromOrg`); the data rows are left as they are. */
  csvHeader(csv: string, direction: 'toOrg' | 'fromOrg'): string {
    if (this.prefix === '' || csv === '') {
      return csv;
    }
    const end = csv.indexOf('\n');
    const headerLine = end < 0 ? csv : csv.slice(0, end);
    const header = (parse(headerLine) as string[][])[0] ?? [];
    const mapped = stringify([header.map((h) => this[direction](h))]).replace(/\n$/, '');
    return end < 0 ? mapped : `${mapped}${csv.slice(end)}`;
  }
}

/**
 * The namespace the package is installed under, read from the org's object list.
 * @param objectNames names from a global describe
 * @param label the org, for the message
 * @returns the namespace, or '' when the package's objects are there without one (a development org)
 */
export function namespaceFromObjects(objectNames: string[], label: string): string {
  const marker = MARKER_OBJECT.toLowerCase();
  for (const name of objectNames) {
    const lower = name.toLowerCase();
    if (lower === marker) {
      return '';
    }
    if (lower.endsWith(`__${marker}`) && lower.split('__').length === 3) {
      return name.slice(0, name.indexOf('__'));
    }
  }
  throw new OrgApiError(
    `The Partner Success package is not installed in ${label}: no ${MARKER_OBJECT} object, with or without a namespace. ` +
      'Install it (or deploy force-app/main), or name the namespace with --namespace.',
    'PACKAGE_NOT_INSTALLED',
  );
}
