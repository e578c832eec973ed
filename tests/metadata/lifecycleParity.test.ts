/**
 * The lifecycle validation rules are the last line of defence behind the rule engine: they
 * must allow exactly the status changes the shared rules allow, or a change the service
 * makes is refused at save (or a forbidden one slips through a data load without automation).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  canTransition,
  LEAD_SHARE_STATUSES,
  leadCanTransition,
  REGISTRATION_STATUSES,
  type RegistrationStatus,
} from '../../lwc-ts-src/prmRules/prmRules';
import { PROJECT_ROOT } from '../../scripts/lib/project';

const OBJECTS = path.join(PROJECT_ROOT, 'force-app', 'main', 'default', 'objects');

/** The `'|From:To|...|'` list a transition validation rule tests with CONTAINS. */
export function allowedPairs(validationRuleFile: string): Set<string> {
  const xml = readFileSync(validationRuleFile, 'utf8');
  const list = /'(\|[^']*\|)'/.exec(xml)?.[1];
  if (!list) {
    throw new Error(`${validationRuleFile}: no '|From:To|' list found`);
  }
  return new Set(list.split('|').filter((pair) => pair.includes(':')));
}

function pairs(statuses: readonly string[], allowed: (from: string, to: string) => boolean): Set<string> {
  const out = new Set<string>();
  for (const from of statuses) {
    for (const to of statuses) {
      if (from !== to && allowed(from, to)) {
        out.add(`${from}:${to}`);
      }
    }
  }
  return out;
}

describe('lifecycle validation rules match the shared rules', () => {
  it('Deal_Registration__c.Status__c', () => {
    const rule = allowedPairs(
      path.join(
        OBJECTS,
        'Deal_Registration__c',
        'validationRules',
        'Status_Transition_Allowed.validationRule-meta.xml',
      ),
    );
    const engine = pairs(REGISTRATION_STATUSES, (from, to) =>
      canTransition({ from: from as RegistrationStatus, to: to as RegistrationStatus }),
    );
    expect([...rule].sort()).toEqual([...engine].sort());
  });

  it('Lead.Partner_Share_Status__c (blank = not shared)', () => {
    const rule = allowedPairs(
      path.join(OBJECTS, 'Lead', 'validationRules', 'Share_Status_Transition_Allowed.validationRule-meta.xml'),
    );
    const statuses = ['', ...LEAD_SHARE_STATUSES];
    const engine = pairs(
      statuses,
      (from, to) => leadCanTransition({ from: from || null, to: to || null, reason: 'Not a fit' }).allowed,
    );
    expect([...rule].sort()).toEqual([...engine].sort());
  });

  it('reads the allowed list of a rule', () => {
    const file = path.join(
      OBJECTS,
      'Lead',
      'validationRules',
      'Share_Status_Transition_Allowed.validationRule-meta.xml',
    );
    expect(allowedPairs(file).has('Offered:Accepted')).toBe(true);
  });
});
