/**
 * Properties of the lead-sharing rules beyond the shared vectors: a batch split at any point
 * across calls gives the placements of one call for every strategy; nobody is skipped or
 * doubled in a round; weights hold exactly; exclusions and capacity are never violated;
 * local times convert to UTC and back across a whole year of two DST zones; an all-day
 * calendar counts real elapsed time.
 */
import {
  leadAcceptBy,
  leadDistribute,
  leadLocalToUtc,
  leadZoneOffset,
  type LeadAssignment,
  type LeadDistributeResult,
  type LeadDistributionCursor,
  type LeadRoutingLead,
  type LeadRoutingPartner,
} from '../leadSharing';

const STRATEGIES = ['RoundRobin', 'Weighted', 'Territory', 'Capacity'] as const;
const HOUR = 3600000;

/** Deterministic pseudo-random numbers (LCG), so failures reproduce. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function pick<T>(next: () => number, values: readonly T[]): T {
  return values[Math.floor(next() * values.length)];
}

const TERRITORIES = ['US', 'US-CA', 'US-CA-94*', 'US-CA-941*', 'US-NY', 'DE', 'GB-*-SW1*'];
const PLACES: readonly [string, string, string][] = [
  ['US', 'CA', '94107'],
  ['US', 'CA', '94301'],
  ['US', 'CA', '90210'],
  ['US', 'NY', '10001'],
  ['US', 'TX', '73301'],
  ['DE', 'BY', '80331'],
  ['GB', '', 'SW1A 1AA'],
  ['FR', '', '75001'],
];

function scenario(seed: number): { partners: LeadRoutingPartner[]; leads: LeadRoutingLead[] } {
  const next = random(seed);
  const partners: LeadRoutingPartner[] = [];
  for (let i = 0; i < 6; i++) {
    partners.push({
      id: `P${Math.floor(next() * 90) + 10}-${i}`,
      tierRank: Math.floor(next() * 4),
      openLeads: Math.floor(next() * 3),
      capacity: next() < 0.5 ? null : 3 + Math.floor(next() * 5),
      territories: [pick(next, TERRITORIES), pick(next, TERRITORIES)],
    });
  }
  const leads: LeadRoutingLead[] = [];
  for (let i = 0; i < 24; i++) {
    const [country, state, postalCode] = pick(next, PLACES);
    leads.push({
      id: `L${i}`,
      country,
      state,
      postalCode,
      excludePartnerIds: next() < 0.25 ? [pick(next, partners).id] : [],
    });
  }
  return { partners, leads };
}

/** What the next transaction would read: open-lead counts raised by the placements so far. */
function refreshed(partners: LeadRoutingPartner[], placed: LeadAssignment[]): LeadRoutingPartner[] {
  return partners.map((partner) => ({
    ...partner,
    openLeads: (partner.openLeads ?? 0) + placed.filter((a) => a.partnerId === partner.id).length,
  }));
}

/** Fresh copies, so a rule that changed its input could not pass by accident. */
function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function run(
  strategy: string,
  leads: LeadRoutingLead[],
  partners: LeadRoutingPartner[],
  cursor: LeadDistributionCursor | null,
): LeadDistributeResult {
  return leadDistribute({
    strategy: strategy as 'RoundRobin',
    leads: clone(leads),
    partners: clone(partners),
    cursor: clone(cursor),
  });
}

describe('leadDistribute fairness contract', () => {
  it.each(STRATEGIES.flatMap((strategy) => [1, 2, 3].map((seed) => [strategy, seed] as const)))(
    '%s (scenario %i): splitting the batch at any point gives the same placements',
    (strategy, seed) => {
      const { partners, leads } = scenario(seed);
      const whole = run(strategy, leads, partners, null);
      expect(whole.assignments.some((a) => a.partnerId !== null)).toBe(true);
      for (let k = 0; k <= leads.length; k++) {
        const first = run(strategy, leads.slice(0, k), partners, null);
        const second = run(strategy, leads.slice(k), refreshed(partners, first.assignments), first.cursor);
        expect([...first.assignments, ...second.assignments]).toEqual(whole.assignments);
        expect(second.cursor).toEqual(whole.cursor);
      }
    },
  );

  it.each(STRATEGIES.flatMap((strategy) => [4, 5, 6, 7].map((seed) => [strategy, seed] as const)))(
    '%s (scenario %i): never an excluded partner, never beyond capacity',
    (strategy, seed) => {
      const { partners, leads } = scenario(seed);
      const result = run(strategy, leads, partners, null);
      const open = new Map(partners.map((p) => [p.id, p.openLeads ?? 0]));
      const violations: string[] = [];
      result.assignments.forEach((assignment, i) => {
        const id = assignment.partnerId;
        if (id === null) {
          return;
        }
        if (leads[i].excludePartnerIds?.includes(id)) {
          violations.push(`${assignment.leadId} went to ${id}, who is excluded`);
        }
        open.set(id, (open.get(id) ?? 0) + 1);
        const capacity = partners.find((p) => p.id === id)?.capacity;
        if (capacity != null && (open.get(id) ?? 0) > capacity) {
          violations.push(`${assignment.leadId} took ${id} over its capacity ${capacity}`);
        }
      });
      expect(violations).toEqual([]);
      expect(result.assignments.filter((a) => a.partnerId !== null).length).toBeGreaterThan(0);
    },
  );

  it('round robin: every round of n leads serves each of n partners exactly once, across calls', () => {
    const partners: LeadRoutingPartner[] = ['D', 'a', 'C', 'b', 'E'].map((id) => ({ id }));
    let cursor: LeadDistributionCursor | null = { lastPartnerId: 'C' };
    const served: string[] = [];
    for (let call = 0; call < 7; call++) {
      const size = (call % 3) + 2;
      const leads = Array.from({ length: size }, (_, i) => ({ id: `L${call}-${i}` }));
      const result = run('RoundRobin', leads, partners, cursor);
      served.push(...result.assignments.map((a) => a.partnerId ?? 'none'));
      cursor = result.cursor;
    }
    for (let round = 0; round + 5 <= served.length; round += 5) {
      expect(new Set(served.slice(round, round + 5)).size).toBe(5);
    }
    expect(served.slice(0, 5)).toEqual(['D', 'E', 'a', 'b', 'C']);
  });

  it('weighted: shares are exact over whole cycles and the heavy partner never waits a whole cycle', () => {
    const partners: LeadRoutingPartner[] = [
      { id: 'gold', weight: 3 },
      { id: 'silver', weight: 2 },
      { id: 'bronze', tierRank: 1 },
    ];
    const leads = Array.from({ length: 60 }, (_, i) => ({ id: `L${i}` }));
    const served = run('Weighted', leads, partners, null).assignments.map((a) => a.partnerId);
    const count = (id: string): number => served.filter((p) => p === id).length;
    expect([count('gold'), count('silver'), count('bronze')]).toEqual([30, 20, 10]);
    for (let i = 0; i + 6 <= served.length; i++) {
      expect(served.slice(i, i + 6)).toContain('gold');
    }
  });
});

describe('leadLocalToUtc', () => {
  it.each(['America/New_York', 'Europe/Berlin'])('%s: every hour of 2025 converts to UTC and back', (zone) => {
    const offsetAt = leadZoneOffset(zone);
    const start = Date.UTC(2025, 0, 1);
    let gaps = 0;
    for (let wall = start; wall < Date.UTC(2026, 0, 1); wall += HOUR / 2) {
      const instant = leadLocalToUtc(wall, offsetAt);
      const back = instant + offsetAt(instant);
      if (back === wall) {
        continue;
      }
      // Only wall times in the spring-forward gap do not exist: they move forward one hour.
      gaps++;
      expect(back).toBe(wall + HOUR);
    }
    expect(gaps).toBe(2);
  });
});

describe('leadAcceptBy', () => {
  const allWeek = {
    timeZone: 'America/New_York',
    week: Object.fromEntries(
      (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => [
        day,
        [{ start: '00:00', end: '24:00' }],
      ]),
    ),
  };

  it('an all-day calendar counts real elapsed time, also across DST changes', () => {
    const next = random(11);
    for (let i = 0; i < 200; i++) {
      const offeredAt = new Date(Date.UTC(2025, 0, 1) + Math.floor(next() * 365 * 24) * HOUR + 1234).toISOString();
      const hours = 1 + Math.floor(next() * 96);
      expect(leadAcceptBy({ offeredAt, hours, calendar: allWeek })).toBe(leadAcceptBy({ offeredAt, hours }));
    }
  });

  it('business time never ends before the same time around the clock, and later offers never end earlier', () => {
    const calendar = {
      timeZone: 'Europe/Berlin',
      week: { mon: [{ start: '09:00', end: '17:00' }], fri: [{ start: '08:00', end: '12:00' }] },
      holidays: ['2025-10-24'],
    };
    let previous = '';
    for (let t = Date.UTC(2025, 9, 20); t < Date.UTC(2025, 10, 3); t += 5 * HOUR + 7 * 60000) {
      const offeredAt = new Date(t).toISOString();
      const deadline = leadAcceptBy({ offeredAt, hours: 6, calendar });
      expect(deadline >= leadAcceptBy({ offeredAt, hours: 6 })).toBe(true);
      expect(deadline >= previous).toBe(true);
      previous = deadline;
    }
  });
});
