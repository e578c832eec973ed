import PartnerHome, { checklist, membershipCard, riskMessages, scorecard } from 'c/partnerHome';
import getHome from '@salesforce/apex/PortalPartnerHomeController.getHome';
import { $, $$, $status, expectAccessible, flush, mount, unmountAll, wireMock } from '../../../tests/lwc/lwcTest';

jest.mock(
  '@salesforce/apex/PortalPartnerHomeController.getHome',
  () => jest.requireActual('../../../tests/lwc/lwcTest').apexWireModule(),
  { virtual: true },
);

const homeWire = wireMock(getHome);

const LADDER = [
  { id: 't1', name: 'Registered', rank: 1, minRevenue: 0, minActiveCertifications: 0, minClosedDeals: 0 },
  {
    id: 't2',
    name: 'Silver',
    rank: 2,
    minRevenue: 100000,
    minActiveCertifications: 1,
    minClosedDeals: 2,
    benefits: '10% discount\nDeal registration protection',
  },
  { id: 't3', name: 'Gold', rank: 3, minRevenue: 250000, minActiveCertifications: 3, minClosedDeals: 5 },
];

const render = () => mount('c-partner-home', PartnerHome);

function membership(overrides: Record<string, unknown> = {}) {
  return {
    membershipId: 'm1',
    programName: 'Reseller Program',
    status: 'Active',
    tierId: 't2',
    tierName: 'Silver',
    atRisk: false,
    revenueT12M: 150000,
    activeCertifications: 1,
    closedDealsT12M: 5,
    tiers: LADDER,
    ...overrides,
  };
}

function home(overrides: Record<string, unknown> = {}) {
  return {
    accountName: 'Alpha Partners',
    memberships: [membership()],
    certificationsCompleted: 1,
    portalLogins: 10,
    registrations: 0,
    leadsSubmitted: 0,
    resourceDownloads: 5,
    trainingsCompleted: 1,
    leadsAccepted: 0,
    revenueT12M: 150000,
    overdueTrainings: 0,
    today: '2030-03-01',
    ...overrides,
  };
}

describe('membershipCard', () => {
  it('measures each criterion of the next tier with the tierProgress rule', () => {
    const card = membershipCard(membership(), 0);
    expect(card.nextTierName).toBe('Gold');
    expect(card.criteria.map((c) => [c.key, c.percent, c.met])).toEqual([
      ['revenueT12M', 60, false],
      ['activeCertifications', 33, false],
      ['closedDealsT12M', 100, true],
    ]);
    expect(card.criteria[0].summary).toBe('150,000 of 250,000: 100,000 to go');
    expect(card.criteria[2].summary).toBe('5 of 5: met');
    expect(card.benefits).toEqual(['10% discount', 'Deal registration protection']);
  });

  it('knows the top tier, a missing ladder and a pending downgrade', () => {
    expect(membershipCard(membership({ tierId: 't3', tierName: 'Gold' }), 0)).toMatchObject({
      nextTierName: null,
      isTopTier: true,
      criteria: [],
    });
    expect(membershipCard(membership({ tiers: [] }), 0)).toMatchObject({ progressUnavailable: true, isTopTier: false });
    const pending = membershipCard(
      membership({ downgradePendingSince: '2030-02-01', pendingTierName: 'Registered', atRisk: true }),
      0,
    );
    expect(pending.pendingMessage).toContain('since 2030-02-01');
    expect(pending.pendingMessage).toContain('becomes Registered');
  });
});

describe('riskMessages', () => {
  it('explains each stored reason and leaves the pending-downgrade note to its own message', () => {
    expect(riskMessages('CERTIFICATIONS_EXPIRING, DOWNGRADE_PENDING until 2030-05-01, UNKNOWN')).toEqual([
      'Certifications expiring in the next 30 days would take you below this tier: renew them.',
      'UNKNOWN',
    ]);
    expect(riskMessages(null)).toEqual([]);
  });
});

describe('checklist and scorecard', () => {
  it('lists the activation milestones with the activationStatus rule', () => {
    const result = checklist(home());
    expect(result.activated).toBe(false);
    expect(result.items.map((item) => [item.key, item.done])).toEqual([
      ['FIRST_CERTIFICATION', true],
      ['PORTAL_LOGIN', true],
      ['FIRST_REGISTRATION_OR_LEAD', false],
    ]);
    expect(checklist(home({ leadsSubmitted: 1 })).activated).toBe(true);
  });

  it('scores engagement with the default weights', () => {
    const result = scorecard(home());
    // logins 10/20 of 15 = 7.5, downloads 5/10 of 10 = 5, trainings 1/5 of 20 = 4, revenue 150k/500k of 20 = 6
    expect(result.score).toBe(22.5);
    expect(result.rows.map((row) => row.key)).toEqual([
      'logins',
      'resourceDownloads',
      'trainingsCompleted',
      'registrations',
      'leadsAccepted',
      'revenueT12M',
    ]);
    expect(result.rows[0]).toMatchObject({ value: 10, cap: 20, weight: 15, points: 7.5 });
    const revenue = result.rows.find((row) => row.key === 'revenueT12M');
    expect(revenue?.displayCap).toBe('500,000');
  });
});

describe('c-partner-home', () => {
  afterEach(unmountAll);

  it('shows the tier badge, the progress bars, the checklist and the score', async () => {
    const element = render();
    expect($status(element, 'lightning-spinner')).not.toBeNull();
    homeWire.emit(home());
    await flush();

    expect($status(element, 'lightning-spinner')).toBeNull();
    expect(($(element, '[data-id="tier-badge"]') as unknown as { label: string }).label).toBe('Silver');
    expect($(element, '[data-id="next-tier"]')!.textContent).toBe('Progress to Gold');
    const bars = $$(element, 'lightning-progress-bar') as unknown as { value: number }[];
    expect(bars.map((bar) => bar.value)).toEqual([60, 33, 100]);
    expect($$(element, '[data-id="milestone"]')).toHaveLength(3);
    expect($(element, '[data-id="score"]')!.textContent).toBe('22.5');
    expect($$(element, '[data-id="score-row"]')).toHaveLength(6);
    expect($(element, '[data-id="overdue"]')).toBeNull();
    await expectAccessible(element);
  });

  it('warns about risks, pending downgrades and overdue training, and hides the checklist once activated', async () => {
    const element = render();
    homeWire.emit(
      home({
        leadsSubmitted: 2,
        overdueTrainings: 2,
        memberships: [
          membership({
            atRisk: true,
            atRiskReason: 'REVENUE_TRENDING_BELOW_TIER',
            downgradePendingSince: '2030-02-01',
            pendingTierName: 'Registered',
          }),
        ],
      }),
    );
    await flush();

    expect($(element, '[data-id="risks"]')!.textContent).toContain('At the current pace');
    expect($(element, '[data-id="pending"]')!.getAttribute('role')).toBe('status');
    expect($(element, '[data-id="overdue"]')!.textContent).toContain('2 trainings are overdue.');
    expect($(element, '[data-id="checklist"]')).toBeNull();
    await expectAccessible(element);
  });

  it('says when the partner is in no program', async () => {
    const element = render();
    homeWire.emit(home({ memberships: [] }));
    await flush();
    expect($(element, '[data-id="no-membership"]')).not.toBeNull();
    expect($(element, '[data-id="scorecard"]')).not.toBeNull();
  });

  it('shows the server error as an alert', async () => {
    const element = render();
    homeWire.error({ message: 'This page is for partner users: sign in to the partner portal.' });
    await flush();
    const error = $status(element, '[data-id="error"]')!;
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('partner users');
  });
});
