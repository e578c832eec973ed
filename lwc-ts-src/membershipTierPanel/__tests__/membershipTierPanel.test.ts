import MembershipTierPanel, { snapshotFacts } from 'c/membershipTierPanel';
import getTierHistory from '@salesforce/apex/MembershipTierController.getTierHistory';
import { $, $$, $status, expectAccessible, flush, mount, unmountAll, wireMock } from '../../../tests/lwc/lwcTest';

jest.mock(
  '@salesforce/apex/MembershipTierController.getTierHistory',
  () => jest.requireActual('../../../tests/lwc/lwcTest').apexWireModule(),
  { virtual: true },
);

const historyWire = wireMock(getTierHistory);

const SNAPSHOT = JSON.stringify({
  evaluatedOn: '2030-03-01',
  metrics: { revenueT12M: 120000, activeCertifications: 1, closedDealsT12M: 2 },
  revenueRunRate: 130000,
  risk: { reasons: ['CERTIFICATIONS_EXPIRING'] },
  score: 42.5,
});

const HISTORY = [
  {
    membershipId: 'a01000000000001AAA',
    programName: 'Reseller Program',
    status: 'Active',
    tierName: 'Gold',
    atRisk: true,
    atRiskReason: 'CERTIFICATIONS_EXPIRING',
    revenueT12M: 120000,
    activeCertifications: 1,
    closedDealsT12M: 2,
    score: 42.5,
    changes: [
      {
        id: 'a02000000000002AAA',
        changeType: 'Upgrade',
        fromTierName: 'Silver',
        toTierName: 'Gold',
        effectiveDate: '2030-03-01',
        reason: 'Qualifies for Gold',
        metricsSnapshot: SNAPSHOT,
      },
      {
        id: 'a02000000000001AAA',
        changeType: 'Initial',
        toTierName: 'Silver',
        effectiveDate: '2029-01-10',
        reason: 'Enrolled at this tier.',
      },
    ],
  },
  {
    membershipId: 'a01000000000002AAA',
    programName: 'Technology Program',
    status: 'Onboarding',
    tierName: 'Registered',
    atRisk: false,
    changes: [],
  },
];

const render = (recordId = '001000000000001AAA') => mount('c-membership-tier-panel', MembershipTierPanel, { recordId });

describe('snapshotFacts', () => {
  it('reads the figures the evaluation stored', () => {
    expect(snapshotFacts(SNAPSHOT)).toEqual({
      revenueT12M: 120000,
      activeCertifications: 1,
      closedDealsT12M: 2,
      revenueRunRate: 130000,
      score: 42.5,
      riskReasons: ['CERTIFICATIONS_EXPIRING'],
      evaluatedOn: '2030-03-01',
    });
  });

  it('returns null for missing or unreadable snapshots and tolerates missing parts', () => {
    expect(snapshotFacts(undefined)).toBeNull();
    expect(snapshotFacts('not json')).toBeNull();
    expect(snapshotFacts('42')).toBeNull();
    expect(snapshotFacts('{}')).toMatchObject({ revenueT12M: null, riskReasons: [], evaluatedOn: null });
  });
});

describe('c-membership-tier-panel', () => {
  afterEach(unmountAll);

  it('asks for the history of the record page account', async () => {
    render('001000000000009AAA');
    await flush();
    expect(historyWire.getLastConfig()).toEqual({ accountId: '001000000000009AAA' });
  });

  it('shows each membership with its tier, risk and history newest first', async () => {
    const element = render();
    historyWire.emit(HISTORY);
    await flush();

    const sections = $$(element, '[data-id="membership"]');
    expect(sections).toHaveLength(2);
    expect(sections[0].querySelector('[data-id="tier"]')!.textContent).toBe('Gold');
    expect(sections[0].querySelector('[data-id="at-risk"]')!.textContent).toContain('CERTIFICATIONS_EXPIRING');
    expect(sections[1].querySelector('[data-id="at-risk"]')).toBeNull();
    const changes = Array.from(sections[0].querySelectorAll('[data-id="change"]')) as HTMLElement[];
    expect(changes.map((row) => row.dataset.change)).toEqual(['Upgrade', 'Initial']);
    expect(changes[0].textContent).toContain('Silver → Gold');
    expect(changes[1].querySelector('[data-id="toggle"]')).toBeNull();
    expect(sections[1].querySelector('[data-id="no-history"]')).not.toBeNull();
    await expectAccessible(element);
  });

  it('reveals the figures behind a change with a keyboard-operable button', async () => {
    const element = render();
    historyWire.emit(HISTORY);
    await flush();

    const toggle = $(element, '[data-id="toggle"]') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect($(element, '[data-id="figures"]')).toBeNull();
    toggle.click();
    await flush();

    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect($(element, '[data-id="figure-revenue"]')!.textContent).toBe('120000');
    expect($(element, '[data-id="figure-deals"]')!.textContent).toBe('2');
    toggle.click();
    await flush();
    expect($(element, '[data-id="figures"]')).toBeNull();
    await expectAccessible(element);
  });

  it('says when the account is in no program', async () => {
    const element = render();
    historyWire.emit([]);
    await flush();
    expect($(element, '[data-id="empty"]')).not.toBeNull();
    expect($status(element, 'lightning-spinner')).toBeNull();
  });

  it('shows the server error as an alert', async () => {
    const element = render();
    historyWire.error({ message: 'Insufficient access' });
    await flush();
    const error = $status(element, '[data-id="error"]')!;
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toBe('Insufficient access');
  });
});
