/**
 * The possible-duplicate-account check: near-miss names of the same kind are reported with
 * the score and the words that matched; exact key matches, other kinds and unlike names are not.
 */
import { possibleDuplicateAccounts } from '../../scripts/audit/checks/possibleDuplicates';
import { DEFAULT_POLICY } from '../../scripts/audit/policy';
import type { Emit } from '../../scripts/audit/types';

const CONTEXT = { now: '2025-06-30T12:00:00.000Z', today: '2025-06-30', timeZone: 'UTC', policy: DEFAULT_POLICY };

function run(accounts: Record<string, string | boolean | null>[], threshold = 0.8): string[] {
  const policy = {
    ...DEFAULT_POLICY,
    dealRegistration: { ...DEFAULT_POLICY.dealRegistration, possibleDuplicateThreshold: threshold },
  };
  const auditor = possibleDuplicateAccounts({ ...CONTEXT, policy });
  const found: string[] = [];
  const emit: Emit = (check, ref, message) => {
    found.push(`${check} ${String(ref.recordId)}: ${message}`);
  };
  for (const record of accounts) {
    auditor.onRecord('Account', record as never, emit);
  }
  // Blocks are judged once the pass ends (the accounts wait in a spill until then).
  auditor.finish?.(emit);
  return found;
}

describe('possible-duplicate-account', () => {
  it('reports the later of two near-miss names with its explanation', () => {
    expect(
      run([
        { Id: 'A1', Name: 'Globex Industries', Is_Partner__c: false, External_Id__c: 'ACC-1' },
        { Id: 'A2', Name: 'Globex Industrial GmbH', Is_Partner__c: false, External_Id__c: 'ACC-2' },
      ]),
    ).toEqual([
      'possible-duplicate-account A2: "Globex Industrial GmbH" may duplicate "Globex Industries" (ACC-1): similar names (0.889): globex = globex, industrial ~ industries (0.778)',
    ]);
  });

  it('leaves exact key matches, partners against customers and unlike names alone', () => {
    expect(
      run([
        { Id: 'A1', Name: 'Globex Industries', Is_Partner__c: false },
        { Id: 'A2', Name: 'GLOBEX Industries Inc.', Is_Partner__c: false },
        { Id: 'A3', Name: 'Globex Industrial', Is_Partner__c: true },
        { Id: 'A4', Name: 'Globex Logistics', Is_Partner__c: false },
      ]),
    ).toEqual([]);
  });

  it('reads its threshold from the policy', () => {
    const pair = [
      { Id: 'A1', Name: 'Northwind Analytics', Is_Partner__c: false },
      { Id: 'A2', Name: 'Northwind Logistics', Is_Partner__c: false },
    ];
    expect(run(pair)).toEqual([]);
    expect(run(pair, 0.5)).toEqual([
      'possible-duplicate-account A2: "Northwind Logistics" may duplicate "Northwind Analytics" (A1): similar names (0.500): northwind = northwind, logistics unmatched, unmatched analytics',
    ]);
  });
});
