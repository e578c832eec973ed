import PartnerPerformance, { quarterRows } from 'c/partnerPerformance';
import getPerformance from '@salesforce/apex/PortalPerformanceController.getPerformance';
import { engagementScore } from 'c/prmRules';
import { $, $$, $status, expectAccessible, flush, mount, unmountAll, wireMock } from '../../../tests/lwc/lwcTest';

jest.mock(
  '@salesforce/apex/PortalPerformanceController.getPerformance',
  () => jest.requireActual('../../../tests/lwc/lwcTest').apexWireModule(),
  { virtual: true },
);

const performanceWire = wireMock(getPerformance);

const MONTHS = [
  { month: '2029-04', amount: 1000, deals: 1 },
  { month: '2029-05', amount: 0.1, deals: 1 },
  { month: '2030-01', amount: 300, deals: 1 },
  { month: '2030-04', amount: 1500.2, deals: 2 },
];

const render = () => mount('c-partner-performance', PartnerPerformance);

function performance(overrides: Record<string, unknown> = {}) {
  return {
    partnerName: 'Alpha Partners',
    currencyIsoCode: 'EUR',
    today: '2030-05-15',
    pipelineAmount: 2500,
    pipelineDeals: 3,
    wonByMonth: MONTHS,
    registrationsByStatus: [
      { status: 'Approved', total: 4 },
      { status: 'Submitted', total: 1 },
    ],
    registrations: 5,
    leadsSubmitted: 2,
    leadsAccepted: 6,
    logins: 12,
    resourceDownloads: 3,
    trainingsCompleted: 1,
    revenueT12M: 1800.2,
    ...overrides,
  };
}

function value(element: HTMLElement, selector: string): unknown {
  return ($(element, selector) as unknown as { value: unknown }).value;
}

describe('quarterRows', () => {
  it('sets the last four quarters beside the same quarters a year earlier, in cents', () => {
    const rows = quarterRows(MONTHS, '2030-05-15');
    expect(rows.map((row) => [row.quarter, row.lastYearQuarter])).toEqual([
      ['2030-Q2', '2029-Q2'],
      ['2030-Q1', '2029-Q1'],
      ['2029-Q4', '2028-Q4'],
      ['2029-Q3', '2028-Q3'],
    ]);
    expect(rows[0]).toMatchObject({ won: 1500.2, lastYear: 1000.1, changePercent: 50 });
    expect(rows[1]).toMatchObject({ won: 300, lastYear: 0, changePercent: null });
  });

  it('crosses the year boundary in the first quarter', () => {
    const rows = quarterRows([], '2030-02-01');
    expect(rows.map((row) => row.quarter)).toEqual(['2030-Q1', '2029-Q4', '2029-Q3', '2029-Q2']);
    expect(rows.every((row) => row.won === 0 && row.changePercent === null)).toBe(true);
  });
});

describe('c-partner-performance', () => {
  afterEach(unmountAll);

  it('shows pipeline, registrations, leads and the engagement score of the shared rule', async () => {
    const element = render();
    performanceWire.emit(performance());
    await flush();

    expect(value(element, '[data-id="pipeline"] lightning-formatted-number')).toBe(2500);
    expect($(element, '[data-id="pipeline-deals"]')!.textContent).toContain('3 open deals');
    expect($(element, '[data-id="registrations"]')!.textContent).toBe('5');
    expect($(element, '[data-id="leads"]')!.textContent).toContain('6 accepted');
    expect($(element, '[data-id="logins"]')!.textContent).toContain('12 portal logins');
    const expected = engagementScore({
      activities: { logins: 12, resourceDownloads: 3, trainingsCompleted: 1, registrations: 5, leadsAccepted: 6 },
      revenueT12M: 1800.2,
    }).score;
    expect(expected).toBeGreaterThan(0);
    expect($(element, '[data-id="engagement"]')!.textContent).toBe(`${expected} / 100`);
    await expectAccessible(element);
  });

  it('lists won revenue by quarter with last year and the change', async () => {
    const element = render();
    performanceWire.emit(performance());
    await flush();

    expect($$(element, '[data-id="quarters"] tbody tr').map((row) => row.dataset.quarter)).toEqual([
      '2030-Q2',
      '2030-Q1',
      '2029-Q4',
      '2029-Q3',
    ]);
    expect(value(element, '[data-quarter="2030-Q2"] [data-id="quarter-won"] lightning-formatted-number')).toBe(1500.2);
    expect(value(element, '[data-quarter="2030-Q2"] [data-id="quarter-last-year"] lightning-formatted-number')).toBe(
      1000.1,
    );
    expect($(element, '[data-quarter="2030-Q2"] [data-id="quarter-change"]')!.textContent).toBe('+50 %');
    expect($(element, '[data-quarter="2030-Q1"] [data-id="quarter-change"]')!.textContent).toBe('new');
  });

  it('lists registrations by status, or explains there are none', async () => {
    const element = render();
    performanceWire.emit(performance());
    await flush();
    expect($$(element, '[data-id="registration-statuses"] li').map((li) => li.textContent)).toEqual([
      'Approved: 4',
      'Submitted: 1',
    ]);

    performanceWire.emit(performance({ registrationsByStatus: [] }));
    await flush();
    expect($(element, '[data-id="no-registrations"]')!.textContent).toContain('No registrations yet');
  });

  it('shows a load error as an alert', async () => {
    const element = render();
    performanceWire.error({ message: 'Your performance is shown to partner users only.' });
    await flush();

    const alert = $status(element, '[data-id="error"]');
    expect(alert!.getAttribute('role')).toBe('alert');
    expect(alert!.textContent).toBe('Your performance is shown to partner users only.');
    expect($(element, '[data-id="summary"]')).toBeNull();
  });

  it('shows a spinner while loading', () => {
    const element = render();
    expect($status(element, 'lightning-spinner')).not.toBeNull();
  });
});
