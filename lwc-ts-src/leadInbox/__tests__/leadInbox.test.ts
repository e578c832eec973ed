import LeadInbox, { activeRows, countdownText, offerRows } from 'c/leadInbox';
import getInbox from '@salesforce/apex/PortalLeadInboxController.getInbox';
import acceptLead from '@salesforce/apex/PortalLeadInboxController.accept';
import rejectLead from '@salesforce/apex/PortalLeadInboxController.reject';
import updateLeadStatus from '@salesforce/apex/PortalLeadInboxController.updateStatus';
import { $, $status, apexMock, expectAccessible, flush, mount, unmountAll } from '../../../tests/lwc/lwcTest';

jest.mock('@salesforce/apex/PortalLeadInboxController.getInbox', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/PortalLeadInboxController.accept', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/PortalLeadInboxController.reject', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/PortalLeadInboxController.updateStatus', () => ({ default: jest.fn() }), {
  virtual: true,
});

const load = apexMock(getInbox);
const accept = apexMock(acceptLead);
const reject = apexMock(rejectLead);
const update = apexMock(updateLeadStatus);

const SERVER_NOW = '2030-03-04T09:00:00.000Z';

const render = () => mount('c-lead-inbox', LeadInbox);

function inbox(overrides: Record<string, unknown> = {}) {
  return {
    serverNow: SERVER_NOW,
    offered: [
      {
        id: '00Q000000000001AAA',
        name: 'Ada Lovelace',
        company: 'Analytical Engines',
        city: 'London',
        country: 'GB',
        segment: 'SMB',
        productInterest: 'Analytics',
        status: 'Offered',
        acceptBy: '2030-03-04T12:00:00.000Z',
      },
      {
        id: '00Q000000000002AAA',
        name: 'Grace Hopper',
        company: 'Compilers Inc',
        status: 'Offered',
        acceptBy: '2030-03-06T09:00:00.000Z',
      },
    ],
    active: [
      {
        id: '00Q000000000003AAA',
        name: 'Alan Turing',
        company: 'Bletchley',
        email: 'alan@bletchley.example.com',
        status: 'Accepted',
      },
    ],
    rejectionReasons: [
      { label: 'Not a fit', value: 'Not a fit' },
      { label: 'No capacity', value: 'No capacity' },
    ],
    ...overrides,
  };
}

function button(element: Element, action: string, leadId?: string): HTMLElement {
  const selector = leadId
    ? `lightning-button[data-action="${action}"][data-id="${leadId}"]`
    : `lightning-button[data-action="${action}"]`;
  const found = $(element, selector);
  if (!found) {
    throw new Error(`no button ${selector}`);
  }
  return found;
}

describe('countdownText', () => {
  it('reads days, hours and minutes, and overdue time', () => {
    expect(countdownText(null)).toBe('');
    expect(countdownText(59)).toBe('59m left');
    expect(countdownText(180)).toBe('3h 0m left');
    expect(countdownText(2 * 1440 + 61)).toBe('2d 1h left');
    expect(countdownText(-75)).toBe('Overdue by 1h 15m');
  });
});

describe('offerRows and activeRows', () => {
  it('measure the SLA with the rule and mark urgent and overdue offers', () => {
    const rows = offerRows(inbox().offered, '2030-03-04T13:00:00.000Z', '00Q000000000002AAA');
    expect(rows[0]).toMatchObject({ overdue: true, countdown: 'Overdue by 1h 0m', isRejecting: false });
    expect(rows[0].countdownClass).toBe('slds-text-color_error');
    expect(rows[0].place).toBe('London, GB');
    expect(rows[0].interest).toBe('SMB · Analytics');
    expect(rows[1]).toMatchObject({ overdue: false, countdown: '1d 20h left', isRejecting: true });
    expect(rows[1].countdownClass).toBe('slds-text-color_weak');
  });

  it('offer only the moves the lifecycle allows a partner', () => {
    const [accepted, working] = activeRows([
      { id: 'a', status: 'Accepted', company: 'A' },
      { id: 'b', status: 'Working', company: 'B' },
    ]);
    expect(accepted.statusOptions.map((option) => option.value)).toEqual(['Working', 'Converted', 'Lost']);
    expect(working.statusOptions.map((option) => option.value)).toEqual(['Converted', 'Lost']);
    expect(activeRows([{ id: 'c', status: 'Converted' }])[0].canMove).toBe(false);
  });
});

describe('c-lead-inbox', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    // The browser clock is an hour behind the server: countdowns follow the server.
    jest.setSystemTime(new Date('2030-03-04T08:00:00.000Z'));
    load.mockResolvedValue(inbox());
  });

  afterEach(() => {
    unmountAll();
    jest.useRealTimers();
    jest.clearAllMocks();
  });

  it('lists offers with a countdown from the server clock and the accepted leads', async () => {
    const element = render();
    await flush();

    const offers = element.shadowRoot!.querySelectorAll('[data-offer]');
    expect(offers).toHaveLength(2);
    expect($(element, '[data-offer="00Q000000000001AAA"] [data-cell="company"]')!.textContent).toBe(
      'Analytical Engines',
    );
    const countdown = $(element, '[data-offer="00Q000000000001AAA"] [data-cell="countdown"]')!;
    expect(countdown.textContent).toBe('3h 0m left');
    expect(countdown.className).toBe('slds-text-color_error');
    expect($(element, '[data-row="00Q000000000003AAA"] [data-cell="company"]')!.textContent).toBe('Bletchley');
    expect(button(element, 'accept', '00Q000000000001AAA').getAttribute('title')).toBe(
      'Accept the lead from Analytical Engines',
    );
    jest.useRealTimers();
    await expectAccessible(element);
  });

  it('ticks the countdown down', async () => {
    const element = render();
    await flush();

    // Two hours later on the browser clock (the tick itself advances it 30 seconds).
    jest.setSystemTime(new Date('2030-03-04T09:59:30.000Z'));
    jest.advanceTimersByTime(30000);
    await flush();

    expect($(element, '[data-offer="00Q000000000001AAA"] [data-cell="countdown"]')!.textContent).toBe('1h 0m left');
  });

  it('accepts an offer, announces it and reloads', async () => {
    accept.mockResolvedValue({ success: true, status: 'Accepted', message: 'Lead accepted: it is yours to work.' });
    const element = render();
    await flush();

    button(element, 'accept', '00Q000000000001AAA').click();
    await flush();

    expect(accept).toHaveBeenCalledWith({ leadId: '00Q000000000001AAA' });
    expect($status(element, '[data-id="announcement"]')!.textContent).toBe('Lead accepted: it is yours to work.');
    expect($status(element, '[data-id="announcement"]')!.className).toBe('slds-text-color_success');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('asks for a reason before rejecting', async () => {
    reject.mockResolvedValue({
      success: true,
      status: 'Rejected',
      message: 'Lead rejected: thank you for telling us why.',
    });
    const element = render();
    await flush();

    button(element, 'reject', '00Q000000000002AAA').click();
    await flush();
    expect($(element, '[data-id="reject-form"]')).not.toBeNull();

    button(element, 'confirm-reject').click();
    await flush();
    expect(reject).not.toHaveBeenCalled();
    expect($status(element, '[data-id="announcement"]')!.textContent).toBe('Choose why you are rejecting the lead.');

    const reason = $(element, 'lightning-combobox[data-id="reason"]')!;
    reason.dispatchEvent(new CustomEvent('change', { detail: { value: 'No capacity' } }));
    await flush();
    button(element, 'confirm-reject').click();
    await flush();

    expect(reject).toHaveBeenCalledWith({ leadId: '00Q000000000002AAA', reason: 'No capacity' });
    expect($(element, '[data-id="reject-form"]')).toBeNull();
    jest.useRealTimers();
    await expectAccessible(element);
  });

  it('cancels a rejection', async () => {
    const element = render();
    await flush();
    button(element, 'reject', '00Q000000000001AAA').click();
    await flush();
    button(element, 'cancel-reject').click();
    await flush();
    expect($(element, '[data-id="reject-form"]')).toBeNull();
  });

  it('moves an accepted lead on and reports a refusal as an error', async () => {
    update.mockResolvedValue({ success: false, code: 'SAVE_FAILED', message: 'This offer moved on.' });
    const element = render();
    await flush();

    button(element, 'save-status', '00Q000000000003AAA').click();
    await flush();
    expect(update).not.toHaveBeenCalled();
    expect($status(element, '[data-id="announcement"]')!.textContent).toBe('Choose the new status first.');

    const picker = $(element, 'lightning-combobox[data-id="00Q000000000003AAA"]')!;
    picker.dispatchEvent(new CustomEvent('change', { detail: { value: 'Working' } }));
    button(element, 'save-status', '00Q000000000003AAA').click();
    await flush();

    expect(update).toHaveBeenCalledWith({ leadId: '00Q000000000003AAA', status: 'Working' });
    const announcement = $status(element, '[data-id="announcement"]')!;
    expect(announcement.textContent).toBe('This offer moved on.');
    expect(announcement.className).toBe('slds-text-color_error');
  });

  it('shows a thrown Apex error', async () => {
    accept.mockRejectedValue({ body: { message: 'Insufficient access' } });
    const element = render();
    await flush();
    button(element, 'accept', '00Q000000000001AAA').click();
    await flush();
    expect($status(element, '[data-id="announcement"]')!.textContent).toBe('Insufficient access');
  });

  it('shows empty states', async () => {
    load.mockResolvedValue(inbox({ offered: [], active: [] }));
    const element = render();
    await flush();
    expect($(element, '[data-id="no-offers"]')).not.toBeNull();
    expect($(element, '[data-id="no-actives"]')).not.toBeNull();
    expect($(element, '[data-id="offers"]')).toBeNull();
  });

  it('shows a load error as an alert', async () => {
    load.mockRejectedValue({ body: { message: 'This page is for partner users: sign in to the partner portal.' } });
    const element = render();
    await flush();
    const error = $status(element, '[data-id="error"]')!;
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toBe('This page is for partner users: sign in to the partner portal.');
  });

  it('stops its clock when removed', async () => {
    const element = render();
    await flush();
    document.body.removeChild(element);
    expect(jest.getTimerCount()).toBe(0);
  });
});
