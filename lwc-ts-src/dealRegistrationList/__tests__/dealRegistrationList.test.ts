import DealRegistrationList, { expiryText, registrationRows } from 'c/dealRegistrationList';
import getMyRegistrations from '@salesforce/apex/PortalDealRegistrationController.getMyRegistrations';
import requestRenewal from '@salesforce/apex/PortalDealRegistrationController.requestRenewal';
import {
  $,
  $$,
  $status,
  apexMock,
  expectAccessible,
  flush,
  mount,
  unmountAll,
  wireMock,
} from '../../../tests/lwc/lwcTest';

jest.mock(
  '@salesforce/apex/PortalDealRegistrationController.getMyRegistrations',
  () => jest.requireActual('../../../tests/lwc/lwcTest').apexWireModule(),
  { virtual: true },
);
jest.mock('@salesforce/apex/PortalDealRegistrationController.requestRenewal', () => ({ default: jest.fn() }), {
  virtual: true,
});

const registrationsWire = wireMock(getMyRegistrations);
const renew = apexMock(requestRenewal);

const REGISTRATIONS = [
  {
    id: 'a01000000000001AAA',
    name: 'DR-000001',
    prospectCompany: 'Contoso',
    amount: 12000,
    status: 'Approved',
    expiresOn: '2030-06-20',
    daysToExpiry: 5,
    canRenew: true,
    renewalCount: 0,
  },
  {
    id: 'a01000000000002AAA',
    name: 'DR-000002',
    prospectCompany: 'Fabrikam',
    amount: 30000,
    status: 'Approved',
    expiresOn: '2030-08-30',
    daysToExpiry: 76,
    canRenew: false,
    renewalNote: 'Renewal opens on 2030-08-16.',
  },
  {
    id: 'a01000000000003AAA',
    name: 'DR-000003',
    prospectCompany: 'Tailspin Toys',
    amount: 400000,
    status: 'Pending Approval',
    verdict: 'Needs review: our team will check this registration and get back to you.',
  },
  {
    id: 'a01000000000004AAA',
    name: 'DR-000004',
    prospectCompany: 'Litware',
    amount: 5000,
    status: 'Rejected',
    decisionReason: 'Existing customer deal',
  },
];

const render = () => mount('c-deal-registration-list', DealRegistrationList);

afterEach(() => {
  unmountAll();
  jest.clearAllMocks();
});

describe('expiryText', () => {
  it('counts the days of protection left', () => {
    expect(expiryText(14)).toBe('14 days left');
    expect(expiryText(1)).toBe('1 day left');
    expect(expiryText(0)).toBe('Last protected day');
    expect(expiryText(-1)).toBe('Protection ended');
    expect(expiryText(null)).toBe('');
  });
});

describe('registrationRows', () => {
  it('keeps active registrations, flags urgent expiries and explains each row', () => {
    const rows = registrationRows(REGISTRATIONS, 'active');
    expect(rows.map((row) => row.name)).toEqual(['DR-000001', 'DR-000002', 'DR-000003']);
    expect(rows[0]).toMatchObject({ expiryText: '5 days left', expiryClass: 'slds-text-color_error', canRenew: true });
    expect(rows[1]).toMatchObject({ expiryClass: 'slds-text-color_weak', note: 'Renewal opens on 2030-08-16.' });
    expect(rows[2].note).toContain('Needs review');
  });

  it('shows closed registrations with their reason under All', () => {
    const rows = registrationRows(REGISTRATIONS, 'all');
    expect(rows).toHaveLength(4);
    expect(rows[3]).toMatchObject({ status: 'Rejected', note: 'Existing customer deal', expiryText: '' });
  });
});

describe('c-deal-registration-list', () => {
  it('lists the partner registrations with status and days to expiry', async () => {
    const element = render();
    expect($status(element, 'lightning-spinner')).not.toBeNull();
    registrationsWire.emit(REGISTRATIONS);
    await flush();

    const rows = $$(element, 'tbody tr');
    expect(rows).toHaveLength(3);
    expect(rows[0].querySelector('[data-cell="name"]')!.textContent).toBe('DR-000001');
    expect(rows[0].querySelector('[data-cell="days"]')!.textContent).toBe('5 days left');
    expect((rows[2].querySelector('lightning-badge') as unknown as { label: string }).label).toBe('Pending Approval');
    expect($$(element, 'lightning-button[data-id]')).toHaveLength(1);
    await expectAccessible(element);
  });

  it('switches to all registrations', async () => {
    const element = render();
    registrationsWire.emit(REGISTRATIONS);
    await flush();
    $(element, '[data-id="filter"]')!.dispatchEvent(new CustomEvent('change', { detail: { value: 'all' } }));
    await flush();

    expect($$(element, 'tbody tr')).toHaveLength(4);
  });

  it('requests a renewal and announces the answer', async () => {
    renew.mockResolvedValue({ success: true, message: 'Renewal requested. Your channel manager will decide it.' });
    const element = render();
    registrationsWire.emit(REGISTRATIONS);
    await flush();

    $(element, 'lightning-button[data-id="a01000000000001AAA"]')!.dispatchEvent(new CustomEvent('click'));
    await flush();

    expect(renew).toHaveBeenCalledWith({ registrationId: 'a01000000000001AAA' });
    const announcement = $status(element, '[data-id="announcement"]')!;
    expect(announcement.textContent).toBe('Renewal requested. Your channel manager will decide it.');
    expect(announcement.closest('[aria-live="polite"]')).not.toBeNull();
    expect($(element, 'lightning-button[data-id="a01000000000001AAA"]')).toBeNull();
    expect($$(element, 'tbody tr')[0].querySelector('[data-cell="note"]')!.textContent).toContain('Renewal requested');
  });

  it('says why a renewal was refused and keeps the action', async () => {
    renew.mockResolvedValue({ success: false, message: 'This registration has already expired.' });
    const element = render();
    registrationsWire.emit(REGISTRATIONS);
    await flush();

    $(element, 'lightning-button[data-id="a01000000000001AAA"]')!.dispatchEvent(new CustomEvent('click'));
    await flush();

    const announcement = $status(element, '[data-id="announcement"]')!;
    expect(announcement.className).toContain('slds-text-color_error');
    expect(announcement.textContent).toBe('This registration has already expired.');
    expect($(element, 'lightning-button[data-id="a01000000000001AAA"]')).not.toBeNull();
  });

  it('reports a failed request', async () => {
    renew.mockRejectedValue({ body: { message: 'Server unavailable' } });
    const element = render();
    registrationsWire.emit(REGISTRATIONS);
    await flush();

    $(element, 'lightning-button[data-id="a01000000000001AAA"]')!.dispatchEvent(new CustomEvent('click'));
    await flush();

    expect($status(element, '[data-id="announcement"]')!.textContent).toBe('Server unavailable');
  });

  it('has an empty state for a partner without registrations', async () => {
    const element = render();
    registrationsWire.emit([]);
    await flush();

    expect($(element, '[data-id="empty"]')!.textContent).toBe('You have not registered any deals yet.');
    expect($(element, 'table')).toBeNull();
  });

  it('points to All when only closed registrations exist', async () => {
    const element = render();
    registrationsWire.emit([REGISTRATIONS[3]]);
    await flush();

    expect($(element, '[data-id="empty"]')!.textContent).toBe(
      'No active registrations. Choose All to see closed ones.',
    );
  });

  it('shows a load error as an alert', async () => {
    const element = render();
    registrationsWire.error({ message: 'Insufficient access' });
    await flush();

    const error = $status(element, '[data-id="error"]')!;
    expect(error.getAttribute('role')).toBe('alert');
    expect($status(element, 'lightning-spinner')).toBeNull();
  });
});
