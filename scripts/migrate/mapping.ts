/**
 * The mapping file (JSON or YAML) that describes legacy spreadsheets: which table holds which
 * kind of record, which column is its legacy key, and which column fills which field of the
 * package (with legacy values translated onto our picklists and lifecycles). Validated with
 * zod; every problem names the file and the place in it.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { SnapshotInputError } from '../snapshot/format';

/** What a legacy table holds, and the object it becomes. */
export const ENTITY_OBJECTS = Object.freeze({
  partner: 'Account',
  customer: 'Account',
  registration: 'Deal_Registration__c',
  lead: 'Lead',
} as const);

export type Entity = keyof typeof ENTITY_OBJECTS;

const fieldRule = z.union([
  z.string().min(1),
  z
    .object({
      /** The legacy column; leave it out to write `default` on every row. */
      column: z.string().min(1).optional(),
      required: z.boolean().optional(),
      /** Legacy value → package value (matched ignoring case and surrounding spaces). */
      values: z.record(z.string(), z.string()).optional(),
      /** A value written when the cell is blank. */
      default: z.string().optional(),
    })
    .strict()
    .refine((rule) => rule.column !== undefined || rule.default !== undefined, 'give a column or a default'),
]);

const sourceSchema = z
  .object({
    file: z.string().min(1),
    sheet: z.string().min(1).optional(),
    entity: z.enum(['partner', 'customer', 'registration', 'lead']),
    /** Row number of the header (1-based); by default the first row that holds every mapped column. */
    headerRow: z.number().int().min(1).optional(),
    /** Column with the legacy record's own identifier; becomes the external ID. */
    key: z.string().min(1),
    /** registration and lead: the column naming the partner (matched by company key). */
    partner: z.string().min(1).optional(),
    /** partner: columns for `--cohort-by tier|region` (read, not written). */
    tier: z.string().min(1).optional(),
    region: z.string().min(1).optional(),
    fields: z.record(z.string().regex(/^[A-Za-z]\w*$/, 'a field API name'), fieldRule),
  })
  .strict();

const mappingSchema = z
  .object({
    version: z.literal(1),
    /** Date formats (dayjs tokens) tried in order; ISO dates and Excel dates are always read. */
    dateFormats: z.array(z.string().min(1)).default([]),
    /** Prefix of the external IDs the migration writes (`LEG` gives `LEG-PARTNER-P-0012`). */
    externalIdPrefix: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,20}$/)
      .default('LEG'),
    sources: z.array(sourceSchema).min(1),
  })
  .strict();

export type FieldRule = z.infer<typeof fieldRule>;
export type LegacySource = z.infer<typeof sourceSchema>;
export type Mapping = z.infer<typeof mappingSchema>;

/** A field rule in its long form. */
export function fieldSpec(rule: FieldRule): {
  column?: string;
  required: boolean;
  values?: Record<string, string>;
  default?: string;
} {
  return typeof rule === 'string' ? { column: rule, required: false } : { required: false, ...rule };
}

/**
 * Reads and validates a mapping file (`.json`, or YAML for any other name).
 * @param file path of the mapping
 */
export function readMapping(file: string): Mapping {
  let raw: unknown;
  const text = readFileSync(file, 'utf8');
  try {
    raw = /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new SnapshotInputError(
      file,
      `not valid ${/\.json$/i.test(file) ? 'JSON' : 'YAML'}: ${(error as Error).message}`,
    );
  }
  const parsed = mappingSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SnapshotInputError(file, `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return parsed.data;
}
