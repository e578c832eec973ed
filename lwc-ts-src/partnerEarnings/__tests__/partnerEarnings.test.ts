import { createElement } from 'lwc';
import PartnerEarnings, { periodRows } from 'c/partnerEarnings';
import getEarnings from '@salesforce/apex/PortalEarningsController.getEarnings';

jest.mock(
  '@salesforce/apex/PortalEarningsController.getEarnings',
  () => {
    const { createApexTestWireAdapter } = jest.requireActual('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true },
);

interface WireMock {
  emit(value: unknown): void;
  error(body?: unknown): void;
}

const earningsWire = getEarnings as unknown as WireMock;

const MONTHS = [
  { period: '2030-01', earned: 100.1, approved: 0, pending: 0, paid: 100.1 },
  { period: '2030-02', earned: 0.2, approved: 0.2, pending: 0, paid: 0 },
  { period: '2030-04', earned: -50, approved: 0, pending: -50, paid: 0 },
];

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

function mount() {
  const element = createElement('c-partner-earnings', { is: PartnerEarnings });
  document.body.appendChild(element);
  return element;
}

/** Lets wire emissions, re-renders and resolved Apex calls settle. */
async function flush() {
  await Promise.resolve();
  await Promise.resolve();
  await Promise.resolve();
  await Promise.resolve();
}

function $(element: HTMLElement, selector: string): HTMLElement | null {
  return element.shadowRoot!.querySelector(selector);
}

function $$(element: HTMLElement, selector: string): HTMLElement[] {
  return Array.from(element.shadowRoot!.querySelectorAll(selector));
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
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('shows pipeline, won revenue and commission totals', async () => {
    const element = mount();
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
  });

  it('lists commissions by month and switches to quarters', async () => {
    const element = mount();
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
  });

  it('lists the open deals credited to the partner with its own role and share', async () => {
    const element = mount();
    earningsWire.emit(earnings());
    await flush();

    const rows = $$(element, '[data-id="deals"] tbody tr');
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toContain('Cyberdyne expansion');
    expect(rows[0].textContent).toContain('Influenced');
  });

  it('explains empty commissions and deals', async () => {
    const element = mount();
    earningsWire.emit(earnings({ periods: [], deals: [], pipelineDeals: 0, pipelineAmount: 0 }));
    await flush();

    expect($(element, '[data-id="no-commissions"]')!.textContent).toContain('No commissions yet');
    expect($(element, '[data-id="no-deals"]')!.textContent).toContain('No open deals');
    expect($(element, '[data-id="periods"]')).toBeNull();
  });

  it('shows a load error as an alert', async () => {
    const element = mount();
    earningsWire.error({ message: 'Earnings are shown to partner users only.' });
    await flush();

    const alert = $(element, '[data-id="error"]');
    expect(alert!.getAttribute('role')).toBe('alert');
    expect(alert!.textContent).toBe('Earnings are shown to partner users only.');
    expect($(element, '[data-id="summary"]')).toBeNull();
  });

  it('shows a spinner while loading', () => {
    const element = mount();
    expect($(element, 'lightning-spinner')).not.toBeNull();
  });
});
