/**
 * Properties of the deal registration rules beyond the shared vectors: conflict results do
 * not depend on input order, routes rise with the amount, date arithmetic agrees with an
 * independent calendar, and a daily warning job sends each warning once.
 */
import {
  approvalRoute,
  detectConflicts,
  expiryDate,
  expiryWarningsDue,
  renew,
  renewalEligibility,
  type ConflictAccount,
  type ConflictOpportunity,
  type ConflictRegistration,
  type RegistrationConflictStatus,
} from '../dealRegistration';
import { RuleError } from '../ruleError';

const accounts: ConflictAccount[] = [
  { id: '001-a', name: 'Acme A', companyKey: 'acme', isCustomer: true },
  { id: '001-b', name: 'Acme B', companyKey: 'acme', domainKey: 'acme.com', namedAccountOwner: true, isCustomer: true },
  { id: '001-c', name: 'Acme Europe', companyKey: 'acmeeurope', domainKey: 'acme.com', isCustomer: true },
  { id: '001-p', name: 'Partner', companyKey: 'acme', isPartner: true },
];
const opportunities: ConflictOpportunity[] = [
  { id: '006-1', accountId: '001-a', ownerId: '005-1' },
  { id: '006-2', accountId: '001-c', ownerId: '005-2' },
  { id: '006-3', accountId: '001-p', ownerId: '005-3' },
  { id: '006-4', accountId: null, companyKey: 'acme', ownerId: '005-4' },
  { id: '006-5', accountId: '001-b', isClosed: true },
];
const registrations: ConflictRegistration[] = [
  { id: 'a01-1', partnerAccountId: '001-x', companyKey: 'acme', status: 'Approved', expiresOn: '2025-07-01' },
  { id: 'a01-2', partnerAccountId: '001-me', domainKey: 'acme.com', status: 'Draft' },
  { id: 'a01-3', partnerAccountId: '001-y', companyKey: 'acme', status: 'Submitted' },
  { id: 'a01-4', partnerAccountId: '001-y', companyKey: 'acme', status: 'Approved', expiresOn: '2025-06-01' },
];

function rotations<T>(items: readonly T[]): T[][] {
  return items.map((_, shift) => [...items.slice(shift), ...items.slice(0, shift)]);
}

function dayString(base: string, days: number): string {
  const date = new Date(`${base}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().substring(0, 10);
}

describe('detectConflicts', () => {
  const run = (a: ConflictAccount[], o: ConflictOpportunity[], r: ConflictRegistration[]) =>
    detectConflicts({
      registration: { partnerAccountId: '001-me', companyKey: 'acme', domainKey: 'acme.com' },
      accounts: a,
      opportunities: o,
      registrations: r,
      today: '2025-06-15',
    });

  it('gives the same result whatever the order of the candidates', () => {
    const reference = run(accounts, opportunities, registrations);
    expect(reference.status).toBe('Conflict');
    // 4 from accounts (001-b twice), 3 opportunities, 3 registrations.
    expect(reference.findings.length).toBe(10);
    for (const a of rotations(accounts)) {
      for (const o of rotations(opportunities)) {
        for (const r of rotations([...registrations].reverse())) {
          expect(run(a, o, r)).toEqual(reference);
        }
      }
    }
  });

  it('never reports the partner account or a closed opportunity', () => {
    const ids = run(accounts, opportunities, registrations).findings.map((finding) => finding.recordId);
    expect(ids).not.toContain('001-p');
    expect(ids).not.toContain('006-3');
    expect(ids).not.toContain('006-5');
    expect(ids).not.toContain('a01-4');
  });
});

describe('approvalRoute', () => {
  const rank = { Auto: 0, Manager: 1, Director: 2 };

  it('never routes a larger amount to a lower level', () => {
    const statuses: RegistrationConflictStatus[] = ['None', 'Needs Review', 'Conflict'];
    for (const conflictStatus of statuses) {
      let previous = -1;
      for (let amount = 0; amount <= 300000; amount += 2500) {
        const level = rank[approvalRoute({ amount, conflictStatus })];
        expect(level).toBeGreaterThanOrEqual(previous);
        previous = level;
      }
    }
  });

  it('never approves a conflict automatically', () => {
    for (let amount = 0; amount < 60000; amount += 500) {
      expect(approvalRoute({ amount, conflictStatus: 'Conflict' })).not.toBe('Auto');
      expect(approvalRoute({ amount, conflictStatus: 'Needs Review' })).not.toBe('Auto');
    }
  });
});

describe('protection dates', () => {
  it('adds protection days like an independent calendar, every day of 2023 to 2025', () => {
    for (let offset = 0; offset < 3 * 366; offset++) {
      const approvedOn = dayString('2023-01-01', offset);
      for (const protectionDays of [1, 30, 90, 365]) {
        expect(expiryDate({ approvedOn, protectionDays })).toBe(dayString(approvedOn, protectionDays));
      }
    }
  });

  it('allows exactly maxRenewals renewals, each from the previous expiry', () => {
    const first = renew({ today: '2024-02-29', expiresOn: '2024-02-29', renewalCount: 0 });
    const second = renew({ today: first.expiresOn, expiresOn: first.expiresOn, renewalCount: first.renewalCount });
    const third = { today: second.expiresOn, expiresOn: second.expiresOn, renewalCount: second.renewalCount };

    expect(first).toEqual({ expiresOn: dayString('2024-02-29', 90), renewalCount: 1 });
    expect(second).toEqual({ expiresOn: '2024-08-27', renewalCount: 2 });
    expect(renewalEligibility(third)).toEqual({
      eligible: false,
      reason: 'MAX_RENEWALS_REACHED',
      opensOn: '2024-08-13',
    });
    expect(() => renew(third)).toThrow(RuleError);
    expect(() => renew(third)).toThrow('MAX_RENEWALS_REACHED');
  });
});

describe('expiryWarningsDue as a daily job', () => {
  function simulate(expiresOn: string, from: string, days: number, skip: (day: number) => boolean): number[] {
    const sent: number[] = [];
    let lastWarningDays: number | null = null;
    for (let day = 0; day < days; day++) {
      if (skip(day)) {
        continue;
      }
      const today = dayString(from, day);
      for (let run = 0; run < 2; run++) {
        const { dueWarning } = expiryWarningsDue({ today, expiresOn, lastWarningDays });
        if (dueWarning !== null) {
          sent.push(dueWarning);
          lastWarningDays = dueWarning;
        }
      }
    }
    return sent;
  }

  it('sends 14 then 3 once each when it runs twice a day', () => {
    expect(simulate('2024-03-01', '2024-01-01', 90, () => false)).toEqual([14, 3]);
  });

  it('after missing days sends the most urgent warning only once', () => {
    // Day 46 is 2024-02-16, 14 days before expiry; the job is down until the expiry day (day 60).
    expect(simulate('2024-03-01', '2024-01-01', 90, (day) => day >= 46 && day < 60)).toEqual([3]);
  });
});
