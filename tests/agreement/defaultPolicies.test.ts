/**
 * The packaged `Default` policy records (force-app/main/default/customMetadata/*.Default.md-meta.xml)
 * must hold the defaults the admin guide documents and the rules apply when a value is blank.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadMetadata } from '../../scripts/lib/metadataModel';
import {
  DEFAULT_ATTRIBUTION_POLICY,
  DEFAULT_DEAL_REGISTRATION_POLICY,
  LEAD_DEFAULT_MAX_OFFERS,
  LEAD_DEFAULT_SLA_HOURS,
} from '../../lwc-ts-src/prmRules/prmRules';
import { differences, documentedDefaults, recordValues, type PolicyValue, type PolicyValues } from './policyDefaults';

const ROOT = path.resolve(__dirname, '..', '..');
const model = loadMetadata(path.join(ROOT, 'force-app', 'main', 'default'));
const guide = readFileSync(path.join(ROOT, 'docs', 'admin-guide.md'), 'utf8');

const defaultRecords = model.customMetadataRecords.filter((record) => record.name === 'Default');
const packaged: PolicyValues = new Map(defaultRecords.map((record) => [record.type, recordValues(model, record)]));

/** The defaults the rules apply to a blank policy value, by the field that holds the value. */
const RULE_DEFAULTS: PolicyValues = new Map<string, Map<string, PolicyValue>>([
  [
    'Deal_Registration_Policy__mdt',
    new Map<string, PolicyValue>([
      ['Auto_Approve_Threshold__c', DEFAULT_DEAL_REGISTRATION_POLICY.autoApproveThreshold],
      ['Director_Threshold__c', DEFAULT_DEAL_REGISTRATION_POLICY.directorThreshold],
      ['Protection_Days__c', DEFAULT_DEAL_REGISTRATION_POLICY.protectionDays],
      ['Renewal_Days__c', DEFAULT_DEAL_REGISTRATION_POLICY.renewalDays],
      ['Renewal_Window_Days__c', DEFAULT_DEAL_REGISTRATION_POLICY.renewalWindowDays],
      ['Max_Renewals__c', DEFAULT_DEAL_REGISTRATION_POLICY.maxRenewals],
      ['Warning_Days__c', DEFAULT_DEAL_REGISTRATION_POLICY.warningDays.join(',')],
      ['Possible_Duplicate_Threshold__c', DEFAULT_DEAL_REGISTRATION_POLICY.possibleDuplicateThreshold],
    ]),
  ],
  [
    'Attribution_Policy__mdt',
    new Map<string, PolicyValue>([
      ['First_Weight_Percent__c', DEFAULT_ATTRIBUTION_POLICY.firstWeight],
      ['Middle_Weight_Percent__c', DEFAULT_ATTRIBUTION_POLICY.middleWeight],
      ['Last_Weight_Percent__c', DEFAULT_ATTRIBUTION_POLICY.lastWeight],
      ['Half_Life_Days__c', DEFAULT_ATTRIBUTION_POLICY.halfLifeDays],
      ['Influence_Window_Days__c', DEFAULT_ATTRIBUTION_POLICY.influenceWindowDays],
      ['Max_Sourced_Partners__c', DEFAULT_ATTRIBUTION_POLICY.maxSourcedPartners],
    ]),
  ],
  [
    'Lead_Routing_Policy__mdt',
    new Map<string, PolicyValue>([
      ['Accept_Within_Hours__c', LEAD_DEFAULT_SLA_HOURS],
      ['Max_Offers__c', LEAD_DEFAULT_MAX_OFFERS],
    ]),
  ],
]);

/** Policy types whose Default record the guide's table documents field by field. */
const POLICY_TYPES = [
  'Deal_Registration_Policy__mdt',
  'Lead_Routing_Policy__mdt',
  'Attribution_Policy__mdt',
  'Portal_Guard_Policy__mdt',
];

describe('packaged Default policy records equal the documented defaults', () => {
  const documented = documentedDefaults(guide, model);

  it('reads a Default record of every policy type and the guide table for each', () => {
    expect(defaultRecords.map((record) => record.type).sort()).toEqual(
      expect.arrayContaining([...POLICY_TYPES, 'Alert_Policy__mdt'].sort()),
    );
    expect(documented.problems).toEqual([]);
    expect([...documented.values.keys()].sort()).toEqual([...POLICY_TYPES].sort());
  });

  it('holds the value the admin guide gives for every field of its table', () => {
    expect(differences('the Default record', packaged, 'the admin guide', documented.values)).toEqual([]);
  });

  it('documents every field of each Default policy record in the admin guide', () => {
    const undocumented = POLICY_TYPES.flatMap((type) =>
      [...(packaged.get(type)?.keys() ?? [])]
        .filter((field) => field !== 'Active__c' && !documented.values.get(type)?.has(field))
        .map((field) => `${type}.${field}`),
    );
    expect(undocumented).toEqual([]);
  });

  it('holds the default each rule applies to a blank value', () => {
    expect(differences('the Default record', packaged, 'the rules', RULE_DEFAULTS)).toEqual([]);
  });

  it('ships every Default record active', () => {
    const inactive = defaultRecords
      .filter((record) => packaged.get(record.type)?.get('Active__c') === false)
      .map((record) => record.type);
    expect(inactive).toEqual([]);
  });

  it('ships active the alert policies the guide lists', () => {
    const row = guide.split('\n').find((line) => /^\|\s*Alert Policy\s*\|/.test(line))!;
    const listed = row
      .split('|')[2]
      .split(',')
      .map((label) => label.trim());
    const alerts = model.customMetadataRecords.filter((record) => record.type === 'Alert_Policy__mdt');
    const active = alerts.filter((record) => recordValues(model, record).get('Active__c') === true);
    expect(active.map((record) => record.label ?? record.name).sort()).toEqual([...listed].sort());
  });

  it('reports drift of a record, of the guide and of a rule (planted)', () => {
    const drifted: PolicyValues = new Map([...packaged].map(([type, fields]) => [type, new Map(fields)]));
    drifted.get('Deal_Registration_Policy__mdt')!.set('Protection_Days__c', 60);
    drifted.get('Lead_Routing_Policy__mdt')!.delete('Max_Offers__c');
    expect(differences('the Default record', drifted, 'the admin guide', documented.values)).toEqual([
      'Deal_Registration_Policy__mdt.Protection_Days__c is 60 in the Default record but 90 in the admin guide',
      'Lead_Routing_Policy__mdt.Max_Offers__c is missing from the Default record but 3 in the admin guide',
    ]);

    const editedGuide = guide.replace(
      /^(\|\s*\|\s*Half Life Days\s*\|\s*)30(\s*\|)/m,
      (_all, before: string, after: string) => `${before}45${after}`,
    );
    expect(editedGuide).not.toBe(guide);
    expect(
      differences('the Default record', packaged, 'the admin guide', documentedDefaults(editedGuide, model).values),
    ).toEqual(['Attribution_Policy__mdt.Half_Life_Days__c is 30 in the Default record but 45 in the admin guide']);

    const rules: PolicyValues = new Map([
      ['Lead_Routing_Policy__mdt', new Map<string, PolicyValue>([['Accept_Within_Hours__c', 24]])],
    ]);
    expect(differences('the Default record', packaged, 'the rules', rules)).toEqual([
      'Lead_Routing_Policy__mdt.Accept_Within_Hours__c is 48 in the Default record but 24 in the rules',
    ]);
  });

  it('reports a guide row whose fields and defaults do not line up (planted)', () => {
    const broken = guide.replace('| 14 / 2 / 90 ', '| 14 / 2      ');
    expect(documentedDefaults(broken, model).problems).toEqual([
      'Deal_Registration_Policy__mdt: "Renewal Window Days / Max Renewals / Renewal Days" names 3 fields but "14 / 2" gives 2 defaults',
    ]);
  });
});
