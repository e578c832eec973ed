import LeadRoutingPanel, { exclusionRows, hopRows, outcomeText, partnerOptions, slaText } from 'c/leadRoutingPanel';
import getRouting from '@salesforce/apex/LeadRoutingPanelController.getRouting';
import rerouteToNext from '@salesforce/apex/LeadRoutingPanelController.rerouteToNext';
import offerToPartner from '@salesforce/apex/LeadRoutingPanelController.offerToPartner';
import returnToQueue from '@salesforce/apex/LeadRoutingPanelController.returnToQueue';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { $, $status, apexMock, expectAccessible, flush, mount, unmountAll } from '../../../tests/lwc/lwcTest';

jest.mock('@salesforce/apex/LeadRoutingPanelController.getRouting', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/LeadRoutingPanelController.rerouteToNext', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/LeadRoutingPanelController.offerToPartner', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/LeadRoutingPanelController.returnToQueue', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('lightning/uiRecordApi', () => ({ notifyRecordUpdateAvailable: jest.fn(() => Promise.resolve()) }), {
  virtual: true,
});

const load = apexMock(getRouting);
const next = apexMock(rerouteToNext);
const offer = apexMock(offerToPartner);
const queue = apexMock(returnToQueue);
const notify = apexMock(notifyRecordUpdateAvailable);

const LEAD_ID = '00Q000000000001AAA';
const ALPHA = '001000000000001AAA';
const BETA = '001000000000002AAA';
const GAMMA = '001000000000003AAA';

const render = () => mount('c-lead-routing-panel', LeadRoutingPanel, { recordId: LEAD_ID });

function routing(overrides: Record<string, unknown> = {}) {
  return {
    leadId: LEAD_ID,
    status: 'Offered',
    direction: 'To Partner',
    partnerId: ALPHA,
    partnerName: 'Alpha Partners',
    offeredAt: '2030-03-04T09:00:00.000Z',
    acceptBy: '2030-03-06T09:00:00.000Z',
    offerCount: 1,
    maxOffers: 3,
    strategy: 'Round Robin',
    routingReason: 'Round robin: next partner in turn',
    serverNow: '2030-03-06T07:30:00.000Z',
    canRoute: true,
    hops: [
      {
        id: 'a0L000000000001AAA',
        name: 'LO-000001',
        partnerName: 'Alpha Partners',
        offeredAt: '2030-03-04T09:00:00.000Z',
        outcome: 'Pending',
        strategy: 'Round Robin',
        reason: 'Round robin: next partner in turn',
      },
    ],
    candidates: [
      { partnerId: BETA, name: 'Beta Resellers', eligible: true, openLeads: 2, capacity: 10 },
      { partnerId: GAMMA, name: 'Gamma Group', eligible: true, openLeads: 0 },
      { partnerId: ALPHA, name: 'Alpha Partners', eligible: false, reason: 'EXCLUDED_FOR_LEAD', openLeads: 1 },
    ],
    ...overrides,
  };
}

function button(element: Element, action: string) {
  return $(element, `lightning-button[data-action="${action}"]`) as unknown as HTMLElement & { disabled: boolean };
}

describe('panel helpers', () => {
  it('measure the SLA with the rule', () => {
    expect(slaText(routing() as never, '2030-03-06T07:30:00.000Z')).toEqual({
      text: '1h 30m left to accept',
      overdue: false,
    });
    expect(slaText(routing() as never, '2030-03-06T09:20:00.000Z')).toEqual({ text: 'Overdue by 20m', overdue: true });
    expect(slaText(routing({ status: 'Accepted' }) as never, '2030-03-06T09:20:00.000Z').text).toBe('');
  });

  it('describe hops, choices and exclusions', () => {
    expect(
      hopRows([{ id: 'h', outcome: 'Rejected', strategy: 'Manual', rejectionReason: 'Not a fit' }])[0],
    ).toMatchObject({
      outcomeClass: 'slds-theme_warning',
      detail: 'Manual · Not a fit',
    });
    expect(partnerOptions(routing().candidates)).toEqual([
      { label: 'Beta Resellers (2 open / 10)', value: BETA },
      { label: 'Gamma Group (0 open / no limit)', value: GAMMA },
    ]);
    expect(exclusionRows(routing().candidates)).toEqual([
      { partnerId: ALPHA, name: 'Alpha Partners', why: 'Already offered this lead' },
    ]);
    expect(
      outcomeText(
        routing({
          status: null,
          partnerId: null,
          routingReason: 'No eligible partner with room for the lead',
        }) as never,
      ),
    ).toBe('The lead is back in the internal queue. No eligible partner with room for the lead.');
  });
});

describe('c-lead-routing-panel', () => {
  beforeEach(() => {
    load.mockResolvedValue(routing());
  });

  afterEach(() => {
    unmountAll();
    jest.clearAllMocks();
  });

  it('shows the offer, its SLA on the server clock, the hops and who else could take it', async () => {
    const element = render();
    await flush();

    expect(load).toHaveBeenCalledWith({ leadId: LEAD_ID });
    expect($(element, '[data-cell="partner"]')!.textContent).toBe('Alpha Partners');
    expect($(element, '[data-cell="offers"]')!.textContent).toBe('1 of 3 offers (Round Robin)');
    expect($(element, '[data-cell="sla"]')!.textContent).toMatch(/left to accept$/);
    expect(element.shadowRoot!.querySelectorAll('[data-hop]')).toHaveLength(1);
    const partner = $(element, 'lightning-combobox[data-id="partner"]') as unknown as { options: unknown[] };
    expect(partner.options).toHaveLength(2);
    expect($(element, `[data-exclusion="${ALPHA}"]`)!.textContent).toBe('Alpha Partners: Already offered this lead');
    expect(button(element, 'offer').disabled).toBe(true);
    await expectAccessible(element);
  });

  it('re-routes to the next partner and refreshes the record', async () => {
    next.mockResolvedValue(routing({ partnerId: BETA, partnerName: 'Beta Resellers', offerCount: 2 }));
    const element = render();
    await flush();

    button(element, 'next').click();
    await flush();

    expect(next).toHaveBeenCalledWith({ leadId: LEAD_ID });
    expect($status(element, '[data-id="announcement"]')!.textContent).toBe('Offered to Beta Resellers.');
    expect($(element, '[data-cell="partner"]')!.textContent).toBe('Beta Resellers');
    expect(notify).toHaveBeenCalledWith([{ recordId: LEAD_ID }]);
  });

  it('offers to a partner chosen by hand', async () => {
    offer.mockResolvedValue(routing({ partnerId: GAMMA, partnerName: 'Gamma Group' }));
    const element = render();
    await flush();

    $(element, 'lightning-combobox[data-id="partner"]')!.dispatchEvent(
      new CustomEvent('change', { detail: { value: GAMMA } }),
    );
    await flush();
    expect(button(element, 'offer').disabled).toBe(false);
    button(element, 'offer').click();
    await flush();

    expect(offer).toHaveBeenCalledWith({ leadId: LEAD_ID, partnerId: GAMMA });
    expect($status(element, '[data-id="announcement"]')!.textContent).toBe('Offered to Gamma Group.');
  });

  it('returns the lead to the queue and says why', async () => {
    queue.mockResolvedValue(
      routing({ status: null, partnerId: null, partnerName: null, routingReason: 'Returned to the queue by Pat' }),
    );
    const element = render();
    await flush();

    button(element, 'queue').click();
    await flush();

    expect(queue).toHaveBeenCalledWith({ leadId: LEAD_ID });
    expect($status(element, '[data-id="announcement"]')!.textContent).toBe(
      'The lead is back in the internal queue. Returned to the queue by Pat.',
    );
    expect(($(element, '[data-cell="status"] lightning-badge') as unknown as { label: string }).label).toBe(
      'Not shared',
    );
  });

  it('reports a refused re-route', async () => {
    next.mockRejectedValue({ body: { message: 'You need edit access to this lead to route it.' } });
    const element = render();
    await flush();
    button(element, 'next').click();
    await flush();
    const announcement = $status(element, '[data-id="announcement"]')!;
    expect(announcement.textContent).toBe('You need edit access to this lead to route it.');
    expect(announcement.className).toBe('slds-text-color_error');
    expect(notify).not.toHaveBeenCalled();
  });

  it('offers no routing for partner submissions', async () => {
    load.mockResolvedValue(routing({ canRoute: false, direction: 'From Partner', status: 'Submitted', hops: [] }));
    const element = render();
    await flush();
    expect($(element, '[data-id="cannot-route"]')).not.toBeNull();
    expect(button(element, 'next')).toBeNull();
    expect($(element, '[data-id="no-hops"]')).not.toBeNull();
  });

  it('shows a load error as an alert', async () => {
    load.mockRejectedValue({ body: { message: 'This lead does not exist or you cannot see it.' } });
    const element = render();
    await flush();
    const error = $status(element, '[data-id="error"]')!;
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toBe('This lead does not exist or you cannot see it.');
  });
});
