import PartnerApplicationForm, { applicationInput, type ApplicationValues } from 'c/partnerApplicationForm';
import getPrograms from '@salesforce/apex/PortalPartnerApplicationController.getPrograms';
import submitApplication from '@salesforce/apex/PortalPartnerApplicationController.submitApplication';
import verifyApplication from '@salesforce/apex/PortalPartnerApplicationController.verifyApplication';
import { $, $status, apexMock, expectAccessible, flush, mount, unmountAll, wireMock } from '../../../tests/lwc/lwcTest';

jest.mock(
  '@salesforce/apex/PortalPartnerApplicationController.getPrograms',
  () => jest.requireActual('../../../tests/lwc/lwcTest').apexWireModule(),
  { virtual: true },
);
jest.mock('@salesforce/apex/PortalPartnerApplicationController.submitApplication', () => ({ default: jest.fn() }), {
  virtual: true,
});

jest.mock('@salesforce/apex/PortalPartnerApplicationController.verifyApplication', () => ({ default: jest.fn() }), {
  virtual: true,
});

const programsWire = wireMock(getPrograms);
const submitMock = apexMock(submitApplication);
const verifyMock = apexMock(verifyApplication);

const PROGRAMS = [
  {
    id: 'a00000000000001AAA',
    name: 'Reseller Program',
    programType: 'Reseller',
    description: 'Resell our products.',
    tiers: [
      { id: 'a01000000000001AAA', name: 'Registered', minRevenue: 0, minActiveCertifications: 0, minClosedDeals: 0 },
      { id: 'a01000000000002AAA', name: 'Gold', minRevenue: 250000, minActiveCertifications: 3, minClosedDeals: 5 },
    ],
  },
  { id: 'a00000000000002AAA', name: 'Referral Program', programType: 'Referral', tiers: [] },
];

const render = () => mount('c-partner-application-form', PartnerApplicationForm);

function type(element: HTMLElement, field: string, value: string | boolean) {
  const input = $(element, `[data-field="${field}"]`)!;
  const detail = typeof value === 'boolean' ? { checked: value } : { value };
  input.dispatchEvent(new CustomEvent('change', { detail }));
}

async function fillIn(element: HTMLElement) {
  type(element, 'companyName', '  Acme Widgets ');
  type(element, 'website', 'www.acme.example');
  type(element, 'lastName', 'Lovelace');
  type(element, 'email', 'ada@acme.example');
  type(element, 'country', 'de');
  type(element, 'programId', 'a00000000000001AAA');
  type(element, 'employees', '12.7');
  type(element, 'termsAccepted', true);
  await flush();
}

describe('applicationInput', () => {
  it('trims, drops blanks, capitalises the country and parses numbers', () => {
    const values: ApplicationValues = {
      companyName: ' Acme ',
      website: '',
      firstName: ' ',
      lastName: 'Lovelace',
      email: 'ada@acme.example ',
      phone: '',
      country: 'us',
      programId: 'p1',
      annualRevenue: '1000.5',
      employees: '3.9',
      certifications: '',
      requestedTierId: '',
      partnerRevenueT12M: '',
      closedDealsT12M: '',
      termsAccepted: true,
    };
    expect(applicationInput(values)).toEqual({
      companyName: 'Acme',
      website: undefined,
      firstName: undefined,
      lastName: 'Lovelace',
      email: 'ada@acme.example',
      phone: undefined,
      country: 'US',
      programId: 'p1',
      annualRevenue: 1000.5,
      employees: 3,
      certifications: undefined,
      requestedTierId: undefined,
      partnerRevenueT12M: undefined,
      closedDealsT12M: undefined,
      termsAccepted: true,
    });
    expect(applicationInput({ ...values, annualRevenue: 'abc', employees: '' })).toMatchObject({
      annualRevenue: undefined,
      employees: undefined,
    });
  });
});

describe('c-partner-application-form', () => {
  afterEach(() => {
    unmountAll();
    jest.clearAllMocks();
  });

  it('offers the open programs and describes the chosen one', async () => {
    const element = render();
    expect($status(element, 'lightning-spinner')).not.toBeNull();
    programsWire.emit(PROGRAMS);
    await flush();

    const combobox = $(element, '[data-field="programId"]') as unknown as { options: { label: string }[] };
    expect(combobox.options.map((option) => option.label)).toEqual([
      'Reseller Program (Reseller)',
      'Referral Program (Referral)',
    ]);
    type(element, 'programId', 'a00000000000001AAA');
    await flush();
    expect($(element, '[data-id="program-description"]')!.textContent).toBe('Resell our products.');
    await expectAccessible(element);
  });

  it('lets the applicant ask for a tier with evidence and says a higher tier is reviewed', async () => {
    submitMock.mockResolvedValue({ received: true, message: 'Thank you.', errors: [] });
    const element = render();
    programsWire.emit(PROGRAMS);
    await flush();
    await fillIn(element);

    const tiers = $(element, '[data-field="requestedTierId"]') as unknown as { options: { label: string }[] };
    expect(tiers.options.map((option) => option.label)).toEqual(['Registered (entry tier)', 'Gold']);
    expect($(element, '[data-id="tier-criteria"]')).toBeNull();
    type(element, 'requestedTierId', 'a01000000000002AAA');
    type(element, 'partnerRevenueT12M', '300000');
    type(element, 'closedDealsT12M', '6.4');
    await flush();
    expect($(element, '[data-id="tier-criteria"]')!.textContent).toContain(
      'revenue of 250000, 3 active certifications and 5 deals',
    );
    await expectAccessible(element);

    $(element, '[data-id="submit"]')!.click();
    await flush();
    expect(submitMock).toHaveBeenCalledWith({
      application: expect.objectContaining({
        requestedTierId: 'a01000000000002AAA',
        partnerRevenueT12M: 300000,
        closedDealsT12M: 6,
      }),
    });
  });

  it('starts again at the entry tier when the program changes', async () => {
    const element = render();
    programsWire.emit(PROGRAMS);
    await flush();
    type(element, 'programId', 'a00000000000001AAA');
    await flush();
    type(element, 'requestedTierId', 'a01000000000002AAA');
    await flush();
    type(element, 'programId', 'a00000000000002AAA');
    await flush();
    // The Referral program has no tiers: no tier to ask for, and the Gold request is gone.
    expect($(element, '[data-field="requestedTierId"]')).toBeNull();
    type(element, 'programId', 'a00000000000001AAA');
    await flush();
    expect(($(element, '[data-field="requestedTierId"]') as unknown as { value: string }).value).toBe('');
  });

  it('sends the application and shows the neutral confirmation', async () => {
    submitMock.mockResolvedValue({ received: true, message: 'Thank you. We will email you.', errors: [] });
    const element = render();
    programsWire.emit(PROGRAMS);
    await flush();
    await fillIn(element);

    $(element, '[data-id="submit"]')!.click();
    await flush();

    expect(submitMock).toHaveBeenCalledWith({
      application: expect.objectContaining({
        companyName: 'Acme Widgets',
        country: 'DE',
        employees: 12,
        termsAccepted: true,
        programId: 'a00000000000001AAA',
      }),
    });
    expect($(element, '[data-id="confirmation"]')!.textContent).toContain('Thank you. We will email you.');
    expect($(element, '[data-field="companyName"]')).toBeNull();
  });

  it('sends how long the form was open and the empty honeypot, then confirms the e-mailed code', async () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
    submitMock.mockResolvedValue({
      received: true,
      awaitingCode: true,
      message: 'Thank you. We have e-mailed you a code.',
      errors: [],
    });
    verifyMock.mockResolvedValueOnce({
      received: false,
      message: 'This code is not valid or has expired.',
      errors: [],
    });
    verifyMock.mockResolvedValueOnce({ received: true, message: 'Your e-mail address is confirmed.', errors: [] });
    const element = render();
    programsWire.emit(PROGRAMS);
    await flush();
    await fillIn(element);
    now.mockReturnValue(1_045_000);

    $(element, '[data-id="submit"]')!.click();
    await flush();

    expect(submitMock).toHaveBeenCalledWith({
      application: expect.objectContaining({ companyName: 'Acme Widgets', fillMillis: 45_000, fax: undefined }),
    });
    expect($(element, '[data-id="confirmation"]')!.textContent).toContain('e-mailed you a code');
    await expectAccessible(element);

    $(element, '[data-id="confirm"]')!.click();
    await flush();
    expect(verifyMock).not.toHaveBeenCalled();
    expect($(element, '[data-id="code-message"]')!.textContent).toBe('Enter the code from the e-mail.');

    $(element, '[data-id="code"]')!.dispatchEvent(new CustomEvent('change', { detail: { value: 'BAD' } }));
    $(element, '[data-id="confirm"]')!.click();
    await flush();
    expect(verifyMock).toHaveBeenCalledWith({ code: 'BAD' });
    expect($(element, '[data-id="code-message"]')!.textContent).toContain('not valid');

    $(element, '[data-id="code"]')!.dispatchEvent(new CustomEvent('change', { detail: { value: 'A1B2 C3D4' } }));
    $(element, '[data-id="confirm"]')!.click();
    await flush();
    expect(verifyMock).toHaveBeenLastCalledWith({ code: 'A1B2 C3D4' });
    expect($(element, '[data-id="verified"]')!.textContent).toContain('confirmed');
    expect($(element, '[data-id="code-step"]')).toBeNull();
    now.mockRestore();
  });

  it('passes on what a bot typed into the hidden honeypot field', async () => {
    submitMock.mockResolvedValue({ received: true, awaitingCode: true, message: 'Thank you.', errors: [] });
    const element = render();
    programsWire.emit(PROGRAMS);
    await flush();
    await fillIn(element);
    const trap = $(element, '[data-id="trap"]') as HTMLInputElement;
    trap.value = '555-0100';
    trap.dispatchEvent(new CustomEvent('change'));

    $(element, '[data-id="submit"]')!.click();
    await flush();

    expect(submitMock).toHaveBeenCalledWith({ application: expect.objectContaining({ fax: '555-0100' }) });
  });

  it('lists the fields the server refused in an alert and keeps the form', async () => {
    submitMock.mockResolvedValue({
      received: false,
      message: 'Please correct the highlighted fields.',
      errors: [{ field: 'email', message: 'Enter a valid business email address.' }],
    });
    const element = render();
    programsWire.emit(PROGRAMS);
    await flush();
    await fillIn(element);

    $(element, '[data-id="submit"]')!.click();
    await flush();

    const errors = $(element, '[data-id="errors"]')!;
    expect(errors.getAttribute('role')).toBe('alert');
    expect(errors.textContent).toContain('Business email: Enter a valid business email address.');
    expect($(element, '[data-field="email"]')).not.toBeNull();
    expect($(element, '[data-id="confirmation"]')).toBeNull();
    await expectAccessible(element);
  });

  it('does not send when the browser finds invalid fields', async () => {
    const element = render();
    programsWire.emit(PROGRAMS);
    await flush();
    const email = $(element, '[data-field="email"]') as unknown as { reportValidity: () => boolean };
    Object.defineProperty(email, 'reportValidity', { value: () => false });

    $(element, '[data-id="submit"]')!.click();
    await flush();

    expect(submitMock).not.toHaveBeenCalled();
    expect($(element, '[data-id="errors"]')!.textContent).toContain('Please complete the highlighted fields.');
  });

  it('reports a failed submission and programs that cannot load', async () => {
    submitMock.mockRejectedValue({ body: { message: 'Your application could not be saved. Please try again later.' } });
    const element = render();
    programsWire.emit(PROGRAMS);
    await flush();
    await fillIn(element);
    $(element, '[data-id="submit"]')!.click();
    await flush();
    expect($(element, '[data-id="errors"]')!.textContent).toContain('could not be saved');

    const failing = render();
    programsWire.error({ message: 'Service unavailable' });
    await flush();
    expect($status(failing, '[data-id="error"]')!.getAttribute('role')).toBe('alert');
  });

  it('says when no program is open', async () => {
    const element = render();
    programsWire.emit([]);
    await flush();
    expect($(element, '[data-id="no-programs"]')).not.toBeNull();
    expect($(element, '[data-id="submit"]')).toBeNull();
  });
});
