import PartnerAttributionPanel from 'c/partnerAttributionPanel';
import getPanel from '@salesforce/apex/AttributionController.getPanel';
import saveAttribution from '@salesforce/apex/AttributionController.saveAttribution';
import deleteAttribution from '@salesforce/apex/AttributionController.deleteAttribution';
import { getRecord } from 'lightning/uiRecordApi';
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
  '@salesforce/apex/AttributionController.getPanel',
  () => jest.requireActual('../../../tests/lwc/lwcTest').apexWireModule(),
  { virtual: true },
);
jest.mock('@salesforce/apex/AttributionController.saveAttribution', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/AttributionController.deleteAttribution', () => ({ default: jest.fn() }), {
  virtual: true,
});

const panelWire = wireMock(getPanel);
const recordWire = wireMock(getRecord);
const save = apexMock(saveAttribution);
const remove = apexMock(deleteAttribution);

const OPPORTUNITY = '006000000000001AAA';
const ALPHA = '001000000000001AAA';
const BETA = '001000000000002AAA';

const render = () => mount('c-partner-attribution-panel', PartnerAttributionPanel, { recordId: OPPORTUNITY });

function panel(overrides: Record<string, unknown> = {}) {
  return {
    opportunityId: OPPORTUNITY,
    amount: 1000,
    closeDate: '2030-06-30',
    currencyIsoCode: 'EUR',
    model: 'Position Based',
    policy: {
      firstWeight: 40,
      middleWeight: 20,
      lastWeight: 40,
      halfLifeDays: 30,
      influenceWindowDays: 180,
      maxSourcedPartners: 1,
    },
    touchTypes: [
      { label: 'Registration', value: 'Registration' },
      { label: 'Co-sell', value: 'Co-sell' },
    ],
    canEdit: true,
    rows: [
      {
        id: 'a01000000000001AAA',
        name: 'ATT-000001',
        partnerId: ALPHA,
        partnerName: 'Alpha Partners',
        role: 'Sourced',
        touchDate: '2030-05-01',
        touchType: 'Registration',
        sourceRegistrationId: 'a02000000000001AAA',
        weightPercent: 100,
        attributedAmount: 1000,
        model: 'Position Based',
      },
    ],
    ...overrides,
  };
}

function change(target: HTMLElement | null, detail: Record<string, unknown>) {
  target!.dispatchEvent(new CustomEvent('change', { detail }));
}

function values(element: HTMLElement, selector: string): unknown[] {
  return $$(element, selector).map((node) => (node as unknown as { value: unknown }).value);
}

async function openAddForm(element: HTMLElement, partnerId: string, role: string, touchDate: string) {
  $(element, '[data-id="add"]')!.click();
  await flush();
  change($(element, '[data-id="partner"]'), { recordId: partnerId });
  change($(element, '[data-id="role"]'), { value: role });
  change($(element, '[data-id="touch-date"]'), { value: touchDate });
  await flush();
}

describe('c-partner-attribution-panel', () => {
  afterEach(() => {
    unmountAll();
    jest.clearAllMocks();
  });

  it('shows the credited partners, the model and the policy', async () => {
    const element = render();
    panelWire.emit(panel());
    await flush();

    expect($(element, '[data-id="model"]')!.textContent).toContain('Position Based (40 / 20 / 40)');
    expect($(element, '[data-id="policy"]')!.textContent).toContain('180 days before close; at most 1 Sourced partner');
    const rows = $$(element, '[data-id="rows"] tbody tr');
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toContain('Alpha Partners');
    expect(values(element, '[data-id="rows"] [data-id="weight"] lightning-formatted-number')).toEqual([100]);
    expect(values(element, '[data-id="rows"] [data-id="amount"] lightning-formatted-number')).toEqual([1000]);
    expect($(element, '[data-id="add"]')).not.toBeNull();
    expect($$(element, 'lightning-button-icon[data-action="edit"]')).toHaveLength(1);
    await expectAccessible(element);
  });

  it('says so when no partner is credited', async () => {
    const element = render();
    panelWire.emit(panel({ rows: [] }));
    await flush();

    expect($(element, '[data-id="empty"]')!.textContent).toContain('No partner is credited');
    expect($(element, '[data-id="rows"]')).toBeNull();
  });

  it('shows a load error as an alert', async () => {
    const element = render();
    panelWire.error({ message: 'You cannot see this opportunity.' });
    await flush();

    const alert = $status(element, '[data-id="error"]');
    expect(alert!.getAttribute('role')).toBe('alert');
    expect(alert!.textContent).toBe('You cannot see this opportunity.');
  });

  it('hides editing for a user who cannot edit attribution', async () => {
    const element = render();
    panelWire.emit(panel({ canEdit: false }));
    await flush();

    expect($(element, '[data-id="add"]')).toBeNull();
    expect($$(element, 'lightning-button-icon')).toHaveLength(0);
  });

  it('previews the credit of a new partner and saves it', async () => {
    const element = render();
    panelWire.emit(panel());
    await flush();
    await openAddForm(element, BETA, 'Influenced', '2030-06-01');
    recordWire.emit({ id: BETA, apiName: 'Account', fields: { Name: { value: 'Beta Partners', displayValue: null } } });
    await flush();

    const preview = $$(element, '[data-id="preview-rows"] tbody tr');
    expect(preview.map((row) => row.querySelector('th')!.textContent)).toEqual([
      'Alpha Partners',
      'Beta Partners (this change)',
    ]);
    expect(values(element, '[data-id="preview-rows"] td:nth-child(3) lightning-formatted-number')).toEqual([50, 50]);
    expect(values(element, '[data-id="preview-rows"] td:nth-child(4) lightning-formatted-number')).toEqual([500, 500]);
    expect($(element, '[data-id="preview"]')!.getAttribute('aria-live')).toBe('polite');

    const saved = panel({
      rows: [
        { ...panel().rows[0], weightPercent: 50, attributedAmount: 500 },
        {
          id: 'a01000000000002AAA',
          partnerId: BETA,
          partnerName: 'Beta Partners',
          role: 'Influenced',
          touchDate: '2030-06-01',
          weightPercent: 50,
          attributedAmount: 500,
        },
      ],
    });
    save.mockResolvedValue(saved);
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    const saveButton = $(element, '[data-id="save"]') as unknown as { disabled: boolean; click(): void };
    expect(saveButton.disabled).toBe(false);
    saveButton.click();
    await flush();

    expect(save).toHaveBeenCalledWith({
      row: {
        id: undefined,
        opportunityId: OPPORTUNITY,
        partnerId: BETA,
        role: 'Influenced',
        touchDate: '2030-06-01',
        touchType: undefined,
      },
    });
    expect($(element, '[data-id="form"]')).toBeNull();
    expect($$(element, '[data-id="rows"] tbody tr')).toHaveLength(2);
    expect(toast).toHaveBeenCalledTimes(1);
    await expectAccessible(element);
  });

  it('refuses a partner that already holds the role, with the server message', async () => {
    const element = render();
    panelWire.emit(panel());
    await flush();
    await openAddForm(element, ALPHA, 'Sourced', '2030-06-01');

    const errors = $(element, '[data-id="preview-errors"]');
    expect(errors!.getAttribute('role')).toBe('alert');
    expect(errors!.textContent).toContain(
      'This partner is already credited as Sourced on this opportunity (ATT-000001). Edit that attribution instead of adding another.',
    );
    expect(($(element, '[data-id="save"]') as unknown as { disabled: boolean }).disabled).toBe(true);
  });

  it('refuses a second Sourced partner when the policy allows one', async () => {
    const element = render();
    panelWire.emit(panel());
    await flush();
    await openAddForm(element, BETA, 'Sourced', '2030-06-01');

    expect($(element, '[data-id="preview-errors"]')!.textContent).toContain(
      'At most 1 partner may be Sourced on an opportunity (attribution policy); this change would make 2.',
    );
    expect(($(element, '[data-id="save"]') as unknown as { disabled: boolean }).disabled).toBe(true);
  });

  it('edits a stored row and sends its id', async () => {
    const element = render();
    panelWire.emit(panel());
    await flush();
    $(element, 'lightning-button-icon[data-action="edit"]')!.click();
    await flush();

    expect(($(element, '[data-id="role"]') as unknown as { value: string }).value).toBe('Sourced');
    change($(element, '[data-id="touch-type"]'), { value: 'Co-sell' });
    await flush();
    save.mockResolvedValue(panel());
    ($(element, '[data-id="save"]') as HTMLElement).click();
    await flush();

    expect(save).toHaveBeenCalledWith({
      row: {
        id: 'a01000000000001AAA',
        opportunityId: OPPORTUNITY,
        partnerId: ALPHA,
        role: 'Sourced',
        touchDate: '2030-05-01',
        touchType: 'Co-sell',
      },
    });
  });

  it('shows a refused save as an alert and keeps the form open', async () => {
    const element = render();
    panelWire.emit(panel());
    await flush();
    await openAddForm(element, BETA, 'Influenced', '2030-06-01');
    save.mockRejectedValue({ body: { message: 'insufficient access rights on cross-reference id' } });
    ($(element, '[data-id="save"]') as HTMLElement).click();
    await flush();

    const alert = $(element, '[data-id="action-error"]');
    expect(alert!.getAttribute('role')).toBe('alert');
    expect(alert!.textContent).toContain('insufficient access rights');
    expect($(element, '[data-id="form"]')).not.toBeNull();
  });

  it('removes a partner and shows the remaining credit', async () => {
    const element = render();
    panelWire.emit(
      panel({
        rows: [
          panel().rows[0],
          { id: 'a01000000000002AAA', partnerId: BETA, partnerName: 'Beta Partners', role: 'Influenced' },
        ],
      }),
    );
    await flush();
    remove.mockResolvedValue(panel());
    $$(element, 'lightning-button-icon[data-action="remove"]')[1].click();
    await flush();

    expect(remove).toHaveBeenCalledWith({ attributionId: 'a01000000000002AAA' });
    expect($$(element, '[data-id="rows"] tbody tr')).toHaveLength(1);
  });

  it('closes the form on cancel without saving', async () => {
    const element = render();
    panelWire.emit(panel());
    await flush();
    await openAddForm(element, BETA, 'Influenced', '2030-06-01');
    ($(element, '[data-id="cancel"]') as HTMLElement).click();
    await flush();

    expect($(element, '[data-id="form"]')).toBeNull();
    expect($(element, '[data-id="add"]')).not.toBeNull();
    expect(save).not.toHaveBeenCalled();
  });
});
