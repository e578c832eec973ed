/**
 * The starter catalogue (`force-app/main/default/staticresources/PrmStarterCatalogue.json`): the
 * Referral, Reseller and Technology programs with their tier ladders. One file serves both
 * loaders: Apex `StarterCatalogue.loadIfNoProgram()` reads it as a static resource in the org,
 * `prm catalogue load` reads it here. Validation checks it against the package metadata, so a
 * field or picklist value the org would refuse is reported before anything is written.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { UsageError } from '../audit/cliSupport';
import { DEFAULT_SOURCE_DIR, loadMetadata, type MetadataModel } from '../lib/metadataModel';
import { PROJECT_ROOT } from '../lib/project';

export const CATALOGUE_FILE = 'force-app/main/default/staticresources/PrmStarterCatalogue.json';

const FieldValues = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
const Tier = FieldValues;
const Program = z.record(z.string(), z.unknown());
const Catalogue = z.object({ description: z.string().optional(), programs: z.array(Program).min(1) }).strict();

export type FieldRecord = Record<string, string | number | boolean | null>;

export interface CatalogueProgram {
  fields: FieldRecord;
  tiers: FieldRecord[];
}

/** A catalogue that cannot be loaded, with every problem found: an input error (exit 2). */
export class CatalogueError extends UsageError {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'CatalogueError';
  }
}

/** Problems of one record's fields against the object's metadata: unknown fields, bad picklist values. */
function fieldProblems(model: MetadataModel, objectName: string, record: FieldRecord, where: string): string[] {
  const object = model.objects.get(objectName);
  const problems: string[] = [];
  for (const [name, value] of Object.entries(record)) {
    if (name === 'Name') {
      continue;
    }
    const field = object?.fields.get(name);
    if (!field) {
      problems.push(`${where}: ${objectName} has no field ${name}`);
    } else if (field.picklistValues && value !== null && !field.picklistValues.includes(String(value))) {
      problems.push(`${where}: ${String(value)} is not a value of ${objectName}.${name}`);
    }
  }
  if (typeof record.External_Id__c !== 'string' || record.External_Id__c.trim() === '') {
    problems.push(`${where}: External_Id__c is required (records are matched on it)`);
  }
  if (typeof record.Name !== 'string' || record.Name.trim() === '') {
    problems.push(`${where}: Name is required`);
  }
  return problems;
}

/**
 * Reads and validates a catalogue: shape, fields and picklist values against the metadata,
 * unique external IDs, at least one tier per program, unique ranks within a ladder.
 * @param file the catalogue JSON
 * @param sourceDir the package metadata folder
 */
export function readCatalogue(
  file: string = path.join(PROJECT_ROOT, CATALOGUE_FILE),
  sourceDir: string = path.join(PROJECT_ROOT, DEFAULT_SOURCE_DIR),
): CatalogueProgram[] {
  let parsed: z.infer<typeof Catalogue>;
  try {
    parsed = Catalogue.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new CatalogueError(file, [(error as Error).message.split('\n')[0]]);
  }
  const model = loadMetadata(sourceDir);
  const problems: string[] = [];
  const seen = new Set<string>();
  const programs = parsed.programs.map((raw, p) => {
    const { tiers: rawTiers, ...rest } = raw;
    const fields = FieldValues.safeParse(rest);
    const tiers = z.array(Tier).safeParse(rawTiers ?? []);
    if (!fields.success || !tiers.success) {
      problems.push(`programs[${p}]: field values must be text, numbers, booleans or null, and tiers a list`);
      return { fields: {}, tiers: [] };
    }
    problems.push(...fieldProblems(model, 'Partner_Program__c', fields.data, `programs[${p}]`));
    if (tiers.data.length === 0) {
      problems.push(`programs[${p}]: a program needs at least its entry tier`);
    }
    const ranks = new Set<number>();
    tiers.data.forEach((tier, t) => {
      const where = `programs[${p}].tiers[${t}]`;
      problems.push(...fieldProblems(model, 'Partner_Tier__c', tier, where));
      if (typeof tier.Rank__c !== 'number' || ranks.has(tier.Rank__c)) {
        problems.push(`${where}: Rank__c must be a number unique within the ladder`);
      }
      ranks.add(Number(tier.Rank__c));
    });
    for (const record of [fields.data, ...tiers.data]) {
      const key = String(record.External_Id__c ?? '').toLowerCase();
      if (key !== '' && seen.has(key)) {
        problems.push(`External_Id__c ${String(record.External_Id__c)} is used twice`);
      }
      seen.add(key);
    }
    return { fields: fields.data, tiers: tiers.data };
  });
  if (problems.length > 0) {
    throw new CatalogueError(file, problems);
  }
  return programs;
}

/** The lowest-ranked tier of a program: its entry tier. */
export function entryTier(program: CatalogueProgram): FieldRecord {
  return [...program.tiers].sort((a, b) => Number(a.Rank__c) - Number(b.Rank__c))[0];
}
