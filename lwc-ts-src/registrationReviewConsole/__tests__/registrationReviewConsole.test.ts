import RegistrationReviewConsole, { decidedRows, formatAge, queueRows } from 'c/registrationReviewConsole';
import getReviewQueue from '@salesforce/apex/RegistrationReviewController.getReviewQueue';
import decide from '@salesforce/apex/RegistrationReviewController.decide';
import decideRenewal from '@salesforce/apex/RegistrationReviewController.decideRenewal';
import { $, $$, $status, apexMock, expectAccessible, flush, mount, unmountAll } from '../../../tests/lwc/lwcTest';

jest.mock('@salesforce/apex/RegistrationReviewController.getReviewQueue', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/RegistrationReviewController.decide', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RegistrationReviewController.decideRenewal', () => ({ default: jest.fn() }), {
  virtual: true,
});

const loadQueue = apexMock(getReviewQueue);
const decideRegistration = apexMock(decide);
const decideRenewalRequest = apexMock(decideRenewal);

const OLDEST = {
  id: 'a01000000000001AAA',
  name: 'DR-000001',
  kind: 'Registration',
  partnerName: 'Northwind Partners',
  prospectCompany: 'Contoso',
  amount: 12000,
  status: 'Pending Approval',
  approvalRoute: 'Manager',
  conflictStatus: 'Conflict',
  ageHours: 75.5,
  expectedCloseDate: '2030-09-01',
  evidence: [
    {
      type: 'OPEN_OPPORTUNITY',
      severity: 'error',
      recordId: '006000000000001AAA',
      recordName: 'Contoso expansion',
      ownerName: 'Riley Rep',
      matchedOn: 'both',
      message: 'Open opportunity for this prospect',
      advice: 'Talk to the opportunity owner.',
    },
  ],
};

const RENEWAL = {
  id: 'a01000000000002AAA',
  name: 'DR-000002',
  kind: 'Renewal',
  partnerName: 'Litware Partners',
  prospectCompany: 'Fabrikam',
  amount: 30000,
  status: 'Approved',
  approvalRoute: 'Auto',
  conflictStatus: 'None',
  ageHours: 20,
  renewalRequestedOn: '2030-06-14',
  expiresOn: '2030-06-20',
  renewalCount: 1,
  evidence: [],
};

async function render() {
  const element = mount('c-registration-review-console', RegistrationReviewConsole);
  await flush();
  return element;
}

function queue(overrides: Record<string, unknown> = {}) {
  return {
    items: [OLDEST, RENEWAL],
    recentDecisions: [
      {
        id: 'a01000000000009AAA',
        name: 'DR-000009',
        prospectCompany: 'Tailspin Toys',
        status: 'Approved',
        decidedByName: 'Automatic',
        decidedAt: '2030-06-14T10:00:00.000Z',
        decisionHours: 0,
      },
    ],
    medianDecisionHours: 0,
    canDecide: true,
    ...overrides,
  };
}

function click(element: HTMLElement, selector: string) {
  $(element, selector)!.dispatchEvent(new CustomEvent('click'));
}

afterEach(() => {
  unmountAll();
  jest.resetAllMocks();
});

describe('formatAge', () => {
  it('reads hours, then days', () => {
    expect(formatAge(0.4)).toBe('less than 1 h');
    expect(formatAge(5.9)).toBe('5 h');
    expect(formatAge(47.9)).toBe('47 h');
    expect(formatAge(48)).toBe('2 days');
    expect(formatAge(75.5)).toBe('3 days 3 h');
  });
});

describe('queueRows', () => {
  it('labels registrations and renewals and puts advice next to the evidence', () => {
    const rows = queueRows([OLDEST, RENEWAL], RENEWAL.id);
    expect(rows[0]).toMatchObject({
      heading: 'DR-000001 · Contoso',
      approveLabel: 'Approve',
      rejectLabel: 'Reject',
      conflictStatus: 'Conflict',
      ageText: 'Waiting 3 days 3 h',
      isRejecting: false,
    });
    expect(rows[0].evidence[0].text).toBe(
      'Open opportunity: Contoso expansion (owner Riley Rep) — Talk to the opportunity owner.',
    );
    expect(rows[0].evidence[0].className).toBe('slds-text-color_error');
    expect(rows[1]).toMatchObject({ approveLabel: 'Grant renewal', conflictStatus: '', isRejecting: true });
    expect(rows[1].detail).toContain('renewed 1 times');
  });
});

describe('decidedRows', () => {
  it('shows the decision time in hours', () => {
    expect(decidedRows(queue().recentDecisions)[0].decisionText).toBe('0 h');
    expect(decidedRows([{ id: 'x', decisionHours: undefined }])[0].decisionText).toBe('—');
  });
});

describe('c-registration-review-console', () => {
  it('lists what waits, oldest first, with evidence and decision times', async () => {
    loadQueue.mockResolvedValue(queue());
    const element = await render();

    const rows = $$(element, '[data-row]');
    expect(rows.map((row) => row.dataset.row)).toEqual([OLDEST.id, RENEWAL.id]);
    expect(rows[0].querySelector('[data-cell="age"]')!.textContent).toBe('Waiting 3 days 3 h');
    expect(rows[0].querySelector('[data-cell="evidence"]')!.textContent).toContain('Contoso expansion');
    expect($(element, '[data-id="summary"]')!.textContent).toBe(
      '2 decisions waiting · median decision time 0 h over the last 1 decisions',
    );
    expect($(element, '[data-cell="decision-time"]')!.textContent).toBe('0 h');
    await expectAccessible(element);
  });

  it('approves and announces the decision time', async () => {
    loadQueue.mockResolvedValueOnce(queue()).mockResolvedValueOnce(queue({ items: [RENEWAL] }));
    decideRegistration.mockResolvedValue({
      success: true,
      status: 'Approved',
      message: 'Approved.',
      decisionHours: 75.5,
    });
    const element = await render();

    click(element, `lightning-button[data-id="${OLDEST.id}"][data-action="approve"]`);
    await flush();

    expect(decideRegistration).toHaveBeenCalledWith({ registrationId: OLDEST.id, approve: true, reason: '' });
    const announcement = $status(element, '[data-id="announcement"]')!;
    expect(announcement.textContent).toBe('DR-000001 approved after 75.5 h.');
    expect(announcement.closest('[aria-live="polite"]')).not.toBeNull();
    expect($$(element, '[data-row]')).toHaveLength(1);
  });

  it('needs a reason to reject and sends it', async () => {
    loadQueue.mockResolvedValue(queue());
    decideRegistration.mockResolvedValue({
      success: true,
      status: 'Rejected',
      message: 'Rejected.',
      decisionHours: 76,
    });
    const element = await render();

    click(element, `lightning-button[data-id="${OLDEST.id}"][data-action="reject"]`);
    await flush();
    click(element, '[data-id="confirm-reject"]');
    await flush();
    expect($(element, '[data-id="reason-error"]')!.getAttribute('role')).toBe('alert');
    expect(decideRegistration).not.toHaveBeenCalled();

    $(element, '[data-id="reason"]')!.dispatchEvent(
      new CustomEvent('change', { detail: { value: 'Our rep has worked Contoso for a year' } }),
    );
    click(element, '[data-id="confirm-reject"]');
    await flush();

    expect(decideRegistration).toHaveBeenCalledWith({
      registrationId: OLDEST.id,
      approve: false,
      reason: 'Our rep has worked Contoso for a year',
    });
    expect($status(element, '[data-id="announcement"]')!.textContent).toBe('DR-000001 rejected after 76 h.');
    await expectAccessible(element);
  });

  it('cancels a rejection', async () => {
    loadQueue.mockResolvedValue(queue());
    const element = await render();

    click(element, `lightning-button[data-id="${OLDEST.id}"][data-action="reject"]`);
    await flush();
    expect($(element, '[data-cell="reject-form"]')).not.toBeNull();
    click(element, '[data-id="cancel-reject"]');
    await flush();
    expect($(element, '[data-cell="reject-form"]')).toBeNull();
  });

  it('grants a renewal through the renewal decision', async () => {
    loadQueue.mockResolvedValue(queue());
    decideRenewalRequest.mockResolvedValue({ success: true, message: 'Renewed.', expiresOn: '2030-09-18' });
    const element = await render();

    click(element, `lightning-button[data-id="${RENEWAL.id}"][data-action="approve"]`);
    await flush();

    expect(decideRenewalRequest).toHaveBeenCalledWith({ registrationId: RENEWAL.id, approve: true, reason: '' });
    expect(decideRegistration).not.toHaveBeenCalled();
    expect($status(element, '[data-id="announcement"]')!.textContent).toBe('DR-000002 renewed until 2030-09-18.');
  });

  it('shows a refused decision as an alert and keeps the item', async () => {
    loadQueue.mockResolvedValue(queue());
    decideRegistration.mockResolvedValue({
      success: false,
      message: 'This registration is above the director threshold: a director decides it.',
    });
    const element = await render();

    click(element, `lightning-button[data-id="${OLDEST.id}"][data-action="approve"]`);
    await flush();

    const failure = $status(element, '[data-id="error"]')!;
    expect(failure.getAttribute('role')).toBe('alert');
    expect(failure.textContent).toContain('director');
    expect($$(element, '[data-row]')).toHaveLength(2);
  });

  it('reports a server error on a decision', async () => {
    loadQueue.mockResolvedValue(queue());
    decideRegistration.mockRejectedValue({ body: { message: 'Record locked' } });
    const element = await render();

    click(element, `lightning-button[data-id="${OLDEST.id}"][data-action="approve"]`);
    await flush();

    expect($status(element, '[data-id="error"]')!.textContent).toBe('Record locked');
  });

  it('is read-only for users who may not decide', async () => {
    loadQueue.mockResolvedValue(queue({ canDecide: false }));
    const element = await render();

    expect($(element, '[data-id="read-only"]')).not.toBeNull();
    const buttons = $$(element, 'lightning-button[data-action]') as unknown as { disabled: boolean }[];
    expect(buttons.length).toBe(4);
    expect(buttons.every((button) => button.disabled)).toBe(true);
  });

  it('has an empty state and reloads on refresh', async () => {
    loadQueue.mockResolvedValue(queue({ items: [], recentDecisions: [], medianDecisionHours: null }));
    const element = await render();

    expect($(element, '[data-id="empty"]')!.textContent).toBe('Nothing waits for a decision.');
    expect($(element, '[data-id="summary"]')!.textContent).toBe('0 decisions waiting');
    click(element, '[data-id="refresh"]');
    await flush();
    expect(loadQueue).toHaveBeenCalledTimes(2);
  });

  it('shows a load error as an alert', async () => {
    loadQueue.mockRejectedValue({ body: { message: 'This information is for internal users only.' } });
    const element = await render();

    const error = $status(element, '[data-id="error"]')!;
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toBe('This information is for internal users only.');
  });
});
