import LeadSubmissionForm, { duplicateKey } from 'c/leadSubmissionForm';
import getFormOptions from '@salesforce/apex/PortalLeadSubmissionController.getFormOptions';
import submitLead from '@salesforce/apex/PortalLeadSubmissionController.submit';
import { $, $status, apexMock, expectAccessible, flush, mount, unmountAll, wireMock } from '../../../tests/lwc/lwcTest';

jest.mock(
  '@salesforce/apex/PortalLeadSubmissionController.getFormOptions',
  () => jest.requireActual('../../../tests/lwc/lwcTest').apexWireModule(),
  { virtual: true },
);
jest.mock('@salesforce/apex/PortalLeadSubmissionController.submit', () => ({ default: jest.fn() }), {
  virtual: true,
});

const optionsWire = wireMock(getFormOptions);
const submit = apexMock(submitLead);

const SUBMITTED = {
  success: true,
  leadId: '00Q000000000009AAA',
  verdict: 'NEW',
  needsConfirmation: false,
  message: 'Thank you: the lead was submitted for review.',
};
const OWN_COMPANY = {
  success: false,
  verdict: 'POSSIBLE_DUPLICATE',
  needsConfirmation: true,
  message: 'Your partnership already has a lead for this company.',
};
const OWN_PERSON = {
  success: false,
  verdict: 'DUPLICATE',
  needsConfirmation: false,
  message: 'Your partnership already has a lead with this e-mail address.',
};
const DRAFT = { lastName: 'Prospect', company: 'Acme Inc', email: 'pat@acme.example.com' };

const render = () => mount('c-lead-submission-form', LeadSubmissionForm);

function type(element: Element, field: string, value: string) {
  $(element, `[data-field="${field}"]`)!.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function click(element: Element, action: string) {
  $(element, `lightning-button[data-action="${action}"]`)!.click();
}

function isDisabled(element: Element, action: string): boolean {
  return ($(element, `lightning-button[data-action="${action}"]`) as unknown as { disabled: boolean }).disabled;
}

async function fillLead(element: Element) {
  type(element, 'lastName', 'Prospect');
  type(element, 'company', 'Acme Inc');
  type(element, 'email', 'pat@acme.example.com');
  await flush();
}

describe('duplicateKey', () => {
  it('changes only when the match keys or the e-mail change', () => {
    expect(duplicateKey({ company: 'Acme Inc' })).toBe(duplicateKey({ company: 'ACME, Inc.' }));
    expect(duplicateKey({ company: 'Acme', website: 'https://www.acme.example.com' })).toBe(
      duplicateKey({ company: 'Acme', website: 'acme.example.com/about' }),
    );
    expect(duplicateKey({ company: 'Acme', email: 'a@x.example.com' })).not.toBe(
      duplicateKey({ company: 'Acme', email: 'b@x.example.com' }),
    );
  });
});

describe('c-lead-submission-form', () => {
  afterEach(() => {
    unmountAll();
    jest.clearAllMocks();
  });

  it('offers the segments from the server', async () => {
    const element = render();
    optionsWire.emit({ segments: [{ label: 'SMB', value: 'SMB' }] });
    await flush();
    const segment = $(element, '[data-field="segment"]') as unknown as { options: unknown[] };
    expect(segment.options).toEqual([{ label: 'SMB', value: 'SMB' }]);
  });

  it('has no separate duplicate check: a new lead is answered only by submitting it', async () => {
    submit.mockResolvedValue(SUBMITTED);
    const element = render();
    expect($(element, 'lightning-button[data-action="check"]')).toBeNull();
    await fillLead(element);

    click(element, 'submit');
    await flush();

    expect(submit).toHaveBeenCalledTimes(1);
    expect(submit).toHaveBeenCalledWith({ draft: DRAFT, confirmPossibleDuplicate: false });
    const announcement = $status(element, '[data-id="announcement"]')!;
    expect(announcement.textContent).toBe(SUBMITTED.message);
    expect(announcement.className).not.toBe('slds-text-color_error');
    expect(($(element, '[data-field="company"]') as unknown as { value?: string }).value).toBeUndefined();
    await expectAccessible(element);
  });

  it('shows the refusal of a person the partner already has as an alert and blocks the submit', async () => {
    submit.mockResolvedValue(OWN_PERSON);
    const element = render();
    await fillLead(element);
    click(element, 'submit');
    await flush();

    const verdict = $(element, '[data-id="verdict"]')!;
    expect(verdict.getAttribute('role')).toBe('alert');
    expect(verdict.textContent).toBe(OWN_PERSON.message);
    expect(isDisabled(element, 'submit')).toBe(true);
    await expectAccessible(element);

    type(element, 'email', 'someone.else@acme.example.com');
    await flush();
    expect($(element, '[data-id="verdict"]')).toBeNull();
    expect(isDisabled(element, 'submit')).toBe(false);
  });

  it('asks for confirmation of a company the partner already has, then submits it confirmed', async () => {
    submit.mockResolvedValueOnce(OWN_COMPANY).mockResolvedValueOnce({ ...SUBMITTED, verdict: 'POSSIBLE_DUPLICATE' });
    const element = render();
    await fillLead(element);
    click(element, 'submit');
    await flush();

    expect($(element, '[data-id="verdict"]')!.textContent).toBe(OWN_COMPANY.message);
    expect(isDisabled(element, 'submit')).toBe(true);
    $(element, '[data-id="confirm"]')!.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
    await flush();
    expect(isDisabled(element, 'submit')).toBe(false);
    click(element, 'submit');
    await flush();

    expect(submit).toHaveBeenLastCalledWith({ draft: DRAFT, confirmPossibleDuplicate: true });
    expect($status(element, '[data-id="announcement"]')!.textContent).toBe(SUBMITTED.message);
    expect($(element, '[data-id="verdict"]')).toBeNull();
  });

  it('forgets a confirmation when the company changes, not when the phone does', async () => {
    submit.mockResolvedValue(OWN_COMPANY);
    const element = render();
    await fillLead(element);
    click(element, 'submit');
    await flush();
    $(element, '[data-id="confirm"]')!.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
    await flush();

    type(element, 'phone', '+1 555 0100');
    await flush();
    expect($(element, '[data-id="verdict"]')).not.toBeNull();
    expect(isDisabled(element, 'submit')).toBe(false);
    type(element, 'company', 'Globex');
    await flush();
    expect($(element, '[data-id="verdict"]')).toBeNull();
    expect($(element, '[data-id="confirm"]')).toBeNull();
  });

  it('announces other refusals, such as the hourly limit, as errors', async () => {
    submit.mockResolvedValue({
      success: false,
      needsConfirmation: false,
      message: 'You have submitted many leads in the last hour. Please wait a while before submitting more.',
    });
    const element = render();
    await fillLead(element);
    click(element, 'submit');
    await flush();

    const announcement = $status(element, '[data-id="announcement"]')!;
    expect(announcement.textContent).toContain('many leads in the last hour');
    expect(announcement.className).toBe('slds-text-color_error');
    expect($(element, '[data-id="verdict"]')).toBeNull();
  });

  it('stops on invalid required fields', async () => {
    const element = render();
    await fillLead(element);
    ($(element, '[data-field="lastName"]') as unknown as { reportValidity: () => boolean }).reportValidity = () =>
      false;

    click(element, 'submit');
    await flush();

    expect(submit).not.toHaveBeenCalled();
    expect($status(element, '[data-id="announcement"]')!.textContent).toBe('Fill in the required fields.');
  });

  it('reports a server error', async () => {
    submit.mockRejectedValue({ body: { message: 'This page is for partner users: sign in to the partner portal.' } });
    const element = render();
    await fillLead(element);
    click(element, 'submit');
    await flush();
    expect($status(element, '[data-id="announcement"]')!.textContent).toBe(
      'This page is for partner users: sign in to the partner portal.',
    );
    expect($(element, '[data-id="verdict"]')).toBeNull();
  });
});
