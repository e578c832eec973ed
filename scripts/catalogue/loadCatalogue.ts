/**
 * Loads the starter catalogue into an org through the REST and Bulk API 2.0 client: creates the
 * catalogue programs whose External_Id__c the org does not have yet, with their ladders and entry
 * tiers, by upsert on External_Id__c (parents first, references by external ID). A program that
 * exists is kept as it is, tiers included: the catalogue never overwrites an admin's edits, and
 * a second run creates nothing.
 */
import { stringify } from 'csv-stringify/sync';
import { OrgApiError } from '../salesforce/errors';
import type { IngestResult, SalesforceClient } from '../salesforce/client';
import { entryTier, type CatalogueProgram, type FieldRecord } from './starterCatalogue';

export interface CatalogueLoadResult {
  dryRun: boolean;
  /** External IDs of the programs created (or, with a dry run, that would be). */
  createdPrograms: string[];
  /** Tiers created with those programs. */
  createdTiers: number;
  /** External IDs of catalogue programs the org has already: left as they are. */
  keptPrograms: string[];
}

async function externalIds(client: SalesforceClient, objectName: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for await (const record of client.query(`SELECT External_Id__c FROM ${objectName}`)) {
    if (typeof record.External_Id__c === 'string') {
      ids.add(record.External_Id__c.toLowerCase());
    }
  }
  return ids;
}

function csv(records: FieldRecord[]): string {
  const columns = [...new Set(records.flatMap((record) => Object.keys(record)))];
  return stringify([columns, ...records.map((record) => columns.map((c) => record[c] ?? ''))]);
}

function failIfRowsFailed(objectName: string, result: IngestResult): void {
  const failed = [...result.failed, ...result.unprocessed];
  if (failed.length > 0) {
    const first = failed[0];
    throw new OrgApiError(
      `${failed.length} ${objectName} row(s) were not saved; first: ${first.External_Id__c ?? '?'}: ${first.sf__Error ?? 'not processed'}. ` +
        'Run the command again: it creates only what is still missing.',
      'CATALOGUE_ROWS_FAILED',
    );
  }
}

/**
 * Creates the missing catalogue programs (with their tiers and entry tier) in the org.
 * @param client the org client
 * @param catalogue the validated catalogue
 * @param dryRun report what would be created, write nothing
 */
export async function loadCatalogue(
  client: SalesforceClient,
  catalogue: CatalogueProgram[],
  dryRun: boolean,
): Promise<CatalogueLoadResult> {
  const existing = await externalIds(client, 'Partner_Program__c');
  const missing = catalogue.filter((program) => !existing.has(String(program.fields.External_Id__c).toLowerCase()));
  const result: CatalogueLoadResult = {
    dryRun,
    createdPrograms: missing.map((program) => String(program.fields.External_Id__c)),
    createdTiers: missing.reduce((sum, program) => sum + program.tiers.length, 0),
    keptPrograms: catalogue
      .filter((program) => !missing.includes(program))
      .map((program) => String(program.fields.External_Id__c)),
  };
  if (dryRun || missing.length === 0) {
    return result;
  }
  failIfRowsFailed(
    'Partner_Program__c',
    await client.bulkUpsert('Partner_Program__c', 'External_Id__c', csv(missing.map((program) => program.fields))),
  );
  const tiers = missing.flatMap((program) =>
    program.tiers.map((tier) => ({ ...tier, 'Program__r.External_Id__c': program.fields.External_Id__c ?? null })),
  );
  failIfRowsFailed('Partner_Tier__c', await client.bulkUpsert('Partner_Tier__c', 'External_Id__c', csv(tiers)));
  const links = missing.map((program) => ({
    External_Id__c: program.fields.External_Id__c ?? null,
    'Entry_Tier__r.External_Id__c': entryTier(program).External_Id__c ?? null,
  }));
  failIfRowsFailed('Partner_Program__c', await client.bulkUpsert('Partner_Program__c', 'External_Id__c', csv(links)));
  return result;
}
