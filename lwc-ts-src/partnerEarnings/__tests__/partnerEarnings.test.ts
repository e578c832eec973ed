import PartnerEarnings, { periodRows } from 'c/partnerEarnings';
import getEarnings from '@salesforce/apex/PortalEarningsController.getEarnings';
import { $, $$, $status, expectAccessible, flush, mount, unmountAll, wireMock } from '../../../tests/lwc/lwcTest';

jest.mock(
  '@salesforce/apex/PortalEarningsController.getEarnings',
  () => jest.requireActual('../../../tests/lwc/lwcTest').apexWireModule(),
  { virtual: true },
);

const earningsWire = wireMock(getEarnings);

const MONTHS = [
  { period: '2030-01', earned: 100.1, approved: 0, pending: 0, paid: 100.1 },
  { period: '2030-02', earned: 0.2, approved: 0.2, pending: 0, paid: 0 },
  { period: '2030-04', earned: -50, approved: 0, pending: -50, paid: 0 },
];

const render = () => mount('c-partner-earnings', PartnerEarnings);

function earnings(overrides: Record<string, unknown> = {}) {
  return {
    partnerName: 'Alpha Partners',
    currencyIsoCode: 'EUR',
    pipelineAmount: 1500,
    pipelineDeals: 1,
    wonAmount: 800,
    wonDeals: 1,
    periods: MONTHS,
    deals: [
      {
        opportunityName: 'Cyberdyne expansion',
        stage: 'Negotiation',
        closeDate: '2030-06-30',
        role: 'Influenced',
        weightPercent: 50,
        attributedAmount: 1500,
      },
    ],
    ...overrides,
  };
}

function value(element: HTMLElement, selector: string): unknown {
  return ($(element, selector) as unknown as { value: unknown }).value;
}

describe('periodRows', () => {
  it('keeps months newest first and adds them up in cents', () => {
    const rows = periodRows(MONTHS, 'Monthly');
    expect(rows.map((row) => row.period)).toEqual(['2030-04', '2030-02', '2030-01']);
    expect(rows[0]).toMatchObject({ earned: -50, pending: -50, outstanding: -50 });
  });

  it('regroups months into calendar quarters with the payout rule', () => {
    const rows = periodRows(MONTHS, 'Quarterly');
    expect(rows.map((row) => row.period)).toEqual(['2030-Q2', '2030-Q1']);
    expect(rows[1]).toMatchObject({ earned: 100.3, paid: 100.1, approved: 0.2 });
    expect(rows[1].outstanding).toBe(0.2);
  });
});

describe('c-partner-earnings', () => {
  afterEach(unmountAll);

  it('shows pipeline, won revenue and commission totals', async () => {
    const element = render();
    earningsWire.emit(earnings());
    await flush();

    expect(value(element, '[data-id="pipeline"] lightning-formatted-number')).toBe(1500);
    expect($(element, '[data-id="pipeline-deals"]')!.textContent).toContain('1 open deals');
    expect(value(element, '[data-id="won"] lightning-formatted-number')).toBe(800);
    expect(value(element, '[data-id="earned"] lightning-formatted-number')).toBe(50.3);
    expect(value(element, '[data-id="paid"] lightning-formatted-number')).toBe(100.1);
    expect(value(element, '[data-id="outstanding"] lightning-formatted-number')).toBe(-49.8);
    expect(
      ($(element, '[data-id="pipeline"] lightning-formatted-number') as unknown as { currencyCode: string })
        .currencyCode,
    ).toBe('EUR');
    await expectAccessible(element);
  });

  it('lists commissions by month and switches to quarters', async () => {
    const element = render();
    earningsWire.emit(earnings());
    await flush();
    expect($$(element, '[data-id="periods"] tbody tr').map((row) => row.dataset.period)).toEqual([
      '2030-04',
      '2030-02',
      '2030-01',
    ]);

    $(element, '[data-id="cadence"]')!.dispatchEvent(new CustomEvent('change', { detail: { value: 'Quarterly' } }));
    await flush();

    expect($$(element, '[data-id="periods"] tbody tr').map((row) => row.dataset.period)).toEqual([
      '2030-Q2',
      '2030-Q1',
    ]);
    expect(value(element, '[data-period="2030-Q1"] [data-id="period-earned"] lightning-formatted-number')).toBe(100.3);
    await expectAccessible(element);
  });

  it('lists the open deals credited to the partner with its own role and share', async () => {
    const element = render();
    earningsWire.emit(earnings());
    await flush();

    const rows = $$(element, '[data-id="deals"] tbody tr');
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toContain('Cyberdyne expansion');
    expect(rows[0].textContent).toContain('Influenced');
  });

  it('explains empty commissions and deals', async () => {
    const element = render();
    earningsWire.emit(earnings({ periods: [], deals: [], pipelineDeals: 0, pipelineAmount: 0 }));
    await flush();

    expect($(element, '[data-id="no-commissions"]')!.textContent).toContain('No commissions yet');
    expect($(element, '[data-id="no-deals"]')!.textContent).toContain('No open deals');
    expect($(element, '[data-id="periods"]')).toBeNull();
  });

  it('shows a load error as an alert', async () => {
    const element = render();
    earningsWire.error({ message: 'Earnings are shown to partner users only.' });
    await flush();

    const alert = $status(element, '[data-id="error"]');
    expect(alert!.getAttribute('role')).toBe('alert');
    expect(alert!.textContent).toBe('Earnings are shown to partner users only.');
    expect($(element, '[data-id="summary"]')).toBeNull();
  });

  it('shows a spinner while loading', () => {
    const element = render();
    expect($status(element, 'lightning-spinner')).not.toBeNull();
  });
});
