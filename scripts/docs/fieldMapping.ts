/**
 * Generates docs/field-mapping.md, the registration → Opportunity field mapping, from the
 * `Registration_Field_Map__mdt` records: which registration field fills which Opportunity field,
 * and which side is the source of truth for it afterwards (`Sync_Mode__c`). The ownership is
 * checked with the same rule the sync runs (`fieldSyncWrites`), so a map the sync would refuse
 * cannot be documented.
 *
 *   npx tsx scripts/docs/fieldMapping.ts            write the document
 *   npx tsx scripts/docs/fieldMapping.ts --check    exit 1 when the committed document is stale
 *
 * The output is deterministic (sorted, no timestamps) so the staleness check can compare text.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fieldSyncWrites, SYNC_MODES, type FieldMapping } from '../../lwc-ts-src/prmRules/dealRegistrationFieldSync';
import { DEFAULT_SOURCE_DIR, loadMetadata, type MetadataModel } from '../lib/metadataModel';
import { PROJECT_ROOT } from '../lib/project';
import { cell } from './dataDictionary';

export const FIELD_MAPPING_PATH = 'docs/field-mapping.md';
const REGENERATE = 'npx tsx scripts/docs/fieldMapping.ts';
const MAP_TYPE = 'Registration_Field_Map__mdt';

/** What each sync mode means after conversion, as the sync implements it. */
const MODE_MEANING: Record<string, string> = {
  'Copy Once': 'copied when the Opportunity is created; afterwards each side keeps its own value',
  'Registration Owns': 'a change on the registration is written to the Opportunity',
  'Opportunity Owns': 'a change on the Opportunity is written back to the registration',
};

/** The field map records as the rule reads them, by developer name. */
export function fieldMappings(model: MetadataModel): FieldMapping[] {
  return model.customMetadataRecords
    .filter((record) => record.type === MAP_TYPE)
    .map((record) => {
      const value = (field: string) => record.values.find((v) => v.field === field)?.value;
      return {
        name: record.name,
        sourceField: value('Source_Field__c') ?? '',
        targetField: value('Target_Field__c') ?? '',
        targetObject: value('Target_Object__c') ?? null,
        syncMode: value('Sync_Mode__c') ?? null,
        active: value('Active__c') !== 'false',
      };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function label(model: MetadataModel, object: string, field: string): string {
  const known = model.objects.get(object)?.fields.get(field)?.label;
  return known ? `${known} (\`${field}\`)` : `\`${field}\``;
}

/** Renders the document from a metadata source folder (e.g. `force-app/main/default`). */
export function renderFieldMapping(sourceDir: string): string {
  const model = loadMetadata(sourceDir);
  const mappings = fieldMappings(model);
  // Refuses unknown modes and two owners of one field, exactly as the sync would.
  fieldSyncWrites({ mappings, changedOn: 'Registration', changedFields: [] });
  fieldSyncWrites({ mappings, changedOn: 'Opportunity', changedFields: [] });
  const lines = [
    '# Registration → Opportunity field mapping',
    '',
    `Generated from the \`${MAP_TYPE}\` records by \`${REGENERATE}\` (\`npm run docs:field-mapping\`).`,
    'Do not edit by hand: change the records (Setup › Custom Metadata Types › Registration Field Map) and',
    'regenerate; a test fails when this file is stale.',
    '',
    'When a registration is approved, `DealRegistrationConversion` creates its Opportunity and copies every',
    'active mapping below. Afterwards `DealRegistrationSync` keeps the two records in step field by field,',
    'as the mapping’s sync mode says (rule `fieldSyncWrites`, vectors in `spec/vectors/dealRegistration.json`):',
    '',
    ...SYNC_MODES.map((mode) => `- **${mode}**: ${MODE_MEANING[mode]}.`),
    '',
    'A blank sync mode counts as Copy Once. Two mappings that own the same field are refused.',
    '',
    '| Mapping | Registration field | Opportunity field | Sync mode | Source of truth after conversion | Active |',
    '|---|---|---|---|---|---|',
  ];
  for (const mapping of mappings) {
    const mode = mapping.syncMode?.trim() || 'Copy Once';
    const target = mapping.targetObject?.trim() || 'Opportunity';
    const owner =
      mode === 'Registration Owns' ? 'registration' : mode === 'Opportunity Owns' ? 'Opportunity' : 'each side its own';
    lines.push(
      `| \`${mapping.name}\` | ${cell(label(model, 'Deal_Registration__c', mapping.sourceField))} | ${cell(
        target === 'Opportunity'
          ? label(model, 'Opportunity', mapping.targetField)
          : `${target}.${mapping.targetField}`,
      )} | ${mode} | ${owner} | ${mapping.active === false ? 'no' : 'yes'} |`,
    );
  }
  lines.push(
    '',
    '## Kept in step whatever the map says',
    '',
    '- The Opportunity’s stage and amount are written to the registration’s `Opportunity_Stage__c` and',
    '  `Opportunity_Amount__c` (the partner’s registered `Amount__c` stays as submitted); a won Opportunity',
    '  converts the registration, a lost one closes it.',
    '- The Opportunity always names its registration (`Source_Registration__c`) and sourcing partner',
    '  (`Sourcing_Partner__c`), and gets a Sourced attribution row.',
    '',
  );
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Compares the committed document with a fresh rendering. */
export function checkFieldMapping(sourceDir: string, documentFile: string): { ok: boolean; message: string } {
  const expected = renderFieldMapping(sourceDir);
  if (!existsSync(documentFile)) {
    return { ok: false, message: `${documentFile} is missing: run ${REGENERATE}` };
  }
  return readFileSync(documentFile, 'utf8') === expected
    ? { ok: true, message: `${documentFile} is up to date` }
    : { ok: false, message: `${documentFile} is stale: run ${REGENERATE}` };
}

/** Command line entry: `--check` compares instead of writing; `--root <dir>` picks another project. */
export function main(argv: string[]): number {
  const rootIndex = argv.indexOf('--root');
  const root = rootIndex >= 0 ? path.resolve(argv[rootIndex + 1] ?? '.') : PROJECT_ROOT;
  const sourceDir = path.join(root, DEFAULT_SOURCE_DIR);
  const documentFile = path.join(root, FIELD_MAPPING_PATH);
  if (argv.includes('--check')) {
    const result = checkFieldMapping(sourceDir, documentFile);
    (result.ok ? console.log : console.error)(result.message);
    return result.ok ? 0 : 1;
  }
  mkdirSync(path.dirname(documentFile), { recursive: true });
  writeFileSync(documentFile, renderFieldMapping(sourceDir));
  console.log(`wrote ${FIELD_MAPPING_PATH}`);
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error: unknown) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  }
}
