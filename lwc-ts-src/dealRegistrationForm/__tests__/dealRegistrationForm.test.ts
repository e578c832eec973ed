import DealRegistrationForm, {
  browserToday,
  previewOf,
  registrationInput,
  validateRegistration,
  type RegistrationValues,
} from 'c/dealRegistrationForm';
import getPolicy from '@salesforce/apex/PortalDealRegistrationController.getPolicy';
import saveRegistration from '@salesforce/apex/PortalDealRegistrationController.saveRegistration';
import { $, apexMock, expectAccessible, flush, mount, unmountAll, wireMock } from '../../../tests/lwc/lwcTest';

jest.mock(
  '@salesforce/apex/PortalDealRegistrationController.getPolicy',
  () => jest.requireActual('../../../tests/lwc/lwcTest').apexWireModule(),
  { virtual: true },
);
jest.mock('@salesforce/apex/PortalDealRegistrationController.saveRegistration', () => ({ default: jest.fn() }), {
  virtual: true,
});

const policyWire = wireMock(getPolicy);
const save = apexMock(saveRegistration);

const POLICY = { autoApproveThreshold: 20000, directorThreshold: 100000, protectionDays: 90 };

const render = () => mount('c-deal-registration-form', DealRegistrationForm);

function values(overrides: Partial<RegistrationValues> = {}): RegistrationValues {
  return {
    prospectCompany: 'Contoso, Inc.',
    prospectWebsite: 'https://www.contoso.com/buy',
    prospectContactName: 'Dana Buyer',
    prospectEmail: 'dana@contoso.com',
    prospectCountry: 'de',
    prospectState: '',
    prospectPostalCode: '',
    amount: '15000',
    expectedCloseDate: '2999-01-31',
    products: '',
    ...overrides,
  };
}

function type(element: HTMLElement, field: string, value: string) {
  const input = $(element, `[data-field="${field}"]`)!;
  (input as unknown as { value: string }).value = value;
  input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function click(element: HTMLElement, id: string) {
  $(element, `[data-id="${id}"]`)!.dispatchEvent(new CustomEvent('click'));
}

afterEach(() => {
  unmountAll();
  jest.clearAllMocks();
});

describe('previewOf', () => {
  it('shows the keys the server matches on, unicode names included', () => {
    const preview = previewOf(
      values({ prospectCompany: 'Müller & Söhne GmbH', prospectWebsite: 'mueller-soehne.de' }),
      POLICY,
    );
    expect(preview.companyKey).toBe('mullerandsohne');
    expect(preview.domainKey).toBe('mueller-soehne.de');
    expect(preview.freeMailOnly).toBe(false);
  });

  it('flags a free-mail address that cannot identify the company', () => {
    const preview = previewOf(values({ prospectWebsite: '', prospectEmail: 'dana@gmail.com' }), POLICY);
    expect(preview.domainKey).toBeNull();
    expect(preview.freeMailOnly).toBe(true);
  });

  it('takes the registrable domain from the e-mail when there is no website', () => {
    const preview = previewOf(values({ prospectWebsite: '', prospectEmail: 'dana@eu.contoso.com' }), POLICY);
    expect(preview.domainKey).toBe('contoso.com');
    expect(preview.freeMailOnly).toBe(false);
  });

  it('previews the route of the amount under the policy, assuming no conflict', () => {
    expect(previewOf(values({ amount: '19999.99' }), POLICY).route).toBe('Auto');
    expect(previewOf(values({ amount: '20000' }), POLICY).route).toBe('Manager');
    expect(previewOf(values({ amount: '100000' }), POLICY).route).toBe('Director');
    expect(previewOf(values({ amount: '49999' }), undefined).route).toBe('Auto');
    const none = previewOf(values({ amount: '' }), POLICY);
    expect(none.route).toBeNull();
    expect(none.routeText).toBe('Enter the amount to see who approves it.');
  });
});

describe('validateRegistration', () => {
  const today = '2030-06-15';

  it('needs only the company for a draft', () => {
    expect(validateRegistration(values({ amount: '', expectedCloseDate: '' }), today, false)).toEqual([]);
    expect(validateRegistration(values({ prospectCompany: '  ' }), today, false).map((e) => e.field)).toEqual([
      'prospectCompany',
    ]);
  });

  it('needs amount and a close date from today on to submit', () => {
    expect(
      validateRegistration(values({ amount: '', expectedCloseDate: '' }), today, true).map((e) => e.field),
    ).toEqual(['amount', 'expectedCloseDate']);
    expect(validateRegistration(values({ expectedCloseDate: '2030-06-14' }), today, true)[0].message).toBe(
      'The expected close date cannot be in the past.',
    );
    expect(validateRegistration(values({ expectedCloseDate: '2030-06-15' }), today, true)).toEqual([]);
  });

  it('refuses a zero amount, a malformed e-mail and a country that is not two letters', () => {
    const errors = validateRegistration(
      values({ amount: '0', prospectEmail: 'dana@', prospectCountry: 'Germany' }),
      today,
      false,
    );
    expect(errors.map((e) => e.field)).toEqual(['prospectEmail', 'prospectCountry', 'amount']);
  });
});

describe('registrationInput', () => {
  it('trims, omits blanks and writes the country in capitals', () => {
    expect(registrationInput(values({ prospectCompany: '  Contoso ', prospectState: ' ', amount: '1500.5' }))).toEqual({
      prospectCompany: 'Contoso',
      prospectWebsite: 'https://www.contoso.com/buy',
      prospectContactName: 'Dana Buyer',
      prospectEmail: 'dana@contoso.com',
      prospectCountry: 'DE',
      prospectState: undefined,
      prospectPostalCode: undefined,
      amount: 1500.5,
      expectedCloseDate: '2999-01-31',
      products: undefined,
    });
  });
});

describe('browserToday', () => {
  it('is a calendar date', () => {
    expect(browserToday(new Date('2030-06-15T12:00:00Z'))).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('c-deal-registration-form', () => {
  it('previews keys and route live as the partner types', async () => {
    const element = render();
    policyWire.emit(POLICY);
    await flush();

    type(element, 'prospectCompany', 'The Fabrikam Group Ltd');
    type(element, 'prospectWebsite', 'http://www.fabrikam.com');
    type(element, 'amount', '150000');
    await flush();

    expect($(element, '[data-id="company-key"]')!.textContent).toBe('fabrikamgroup');
    expect($(element, '[data-id="domain-key"]')!.textContent).toBe('fabrikam.com');
    expect($(element, '[data-id="route"]')!.textContent).toBe('A director approves registrations of this size.');
    expect($(element, '[data-id="route"]')!.closest('[aria-live="polite"]')).not.toBeNull();
    await expectAccessible(element);
  });

  it('uses the standard thresholds and says so when the policy cannot be loaded', async () => {
    const element = render();
    policyWire.error({ message: 'no access' });
    await flush();
    type(element, 'amount', '30000');
    await flush();

    expect($(element, '[data-id="policy-note"]')).not.toBeNull();
    expect($(element, '[data-id="route"]')!.textContent).toBe('Approved at once if our check finds no conflict.');
  });

  it('lists what to correct and sends nothing when the form is incomplete', async () => {
    const element = render();
    await flush();
    type(element, 'prospectCompany', 'Contoso');
    click(element, 'submit');
    await flush();

    const errors = $(element, '[data-id="errors"]')!;
    expect(errors.getAttribute('role')).toBe('alert');
    expect(errors.textContent).toContain('Correct 2 fields.');
    expect(errors.textContent).toContain('Enter the estimated amount to submit the registration.');
    expect(save).not.toHaveBeenCalled();

    type(element, 'amount', '5000');
    await flush();
    expect($(element, '[data-id="errors"]')!.textContent).toContain('Correct 1 field.');
    await expectAccessible(element);
  });

  it('submits and shows the server status and neutral verdict', async () => {
    save.mockResolvedValue({
      id: 'a01000000000001AAA',
      name: 'DR-000042',
      status: 'Pending Approval',
      verdict: 'Needs review: our team will check this registration and get back to you.',
      message: 'Submitted. Your channel manager will review it.',
    });
    const element = render();
    await flush();
    type(element, 'prospectCompany', 'Contoso');
    type(element, 'amount', '12000');
    type(element, 'expectedCloseDate', '2999-03-01');
    type(element, 'prospectCountry', 'us');
    click(element, 'submit');
    await flush();

    expect(save).toHaveBeenCalledWith({
      registration: expect.objectContaining({
        prospectCompany: 'Contoso',
        amount: 12000,
        expectedCloseDate: '2999-03-01',
        prospectCountry: 'US',
      }),
      submit: true,
    });
    expect($(element, '[data-id="result-title"]')!.textContent).toBe('DR-000042 submitted');
    expect($(element, '[data-id="result-verdict"]')!.textContent).toContain('Needs review');
    expect($(element, '[data-id="result"]')!.closest('[aria-live="polite"]')).not.toBeNull();
    expect($(element, '[data-field="prospectCompany"]')).toBeNull();

    click(element, 'another');
    await flush();
    expect(($(element, '[data-field="prospectCompany"]') as unknown as { value: string }).value).toBe('');
    await expectAccessible(element);
  });

  it('shows the protection end of an approval', async () => {
    save.mockResolvedValue({
      id: 'a01000000000002AAA',
      name: 'DR-000043',
      status: 'Approved',
      verdict: 'No conflicts found.',
      expiresOn: '2030-09-13',
      message: 'Approved. Your protection runs until 2030-09-13.',
    });
    const element = render();
    await flush();
    type(element, 'prospectCompany', 'Tailspin Toys');
    type(element, 'amount', '1000');
    type(element, 'expectedCloseDate', '2999-03-01');
    click(element, 'submit');
    await flush();

    expect($(element, '[data-id="result-expiry"]')).not.toBeNull();
    expect($(element, '[data-id="result-verdict"]')!.textContent).toBe('No conflicts found.');
  });

  it('saves a draft without amount or date', async () => {
    save.mockResolvedValue({ id: 'a01000000000003AAA', name: 'DR-000044', status: 'Draft', message: 'Draft saved.' });
    const element = render();
    await flush();
    type(element, 'prospectCompany', 'Northwind Traders');
    click(element, 'save-draft');
    await flush();

    expect(save).toHaveBeenCalledWith({
      registration: expect.objectContaining({ prospectCompany: 'Northwind Traders' }),
      submit: false,
    });
    expect($(element, '[data-id="result-title"]')!.textContent).toBe('Draft DR-000044 saved');
  });

  it('keeps the form and announces the server refusal', async () => {
    save.mockRejectedValue({
      body: { message: 'The expected close date cannot be in the past when you submit a registration.' },
    });
    const element = render();
    await flush();
    type(element, 'prospectCompany', 'Contoso');
    type(element, 'amount', '1000');
    type(element, 'expectedCloseDate', '2999-03-01');
    click(element, 'submit');
    await flush();

    const alert = $(element, '[data-id="server-error"]')!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('expected close date');
    expect($(element, '[data-field="prospectCompany"]')).not.toBeNull();
  });
});
