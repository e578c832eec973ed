import LeadSubmissionForm, { duplicateKey } from 'c/leadSubmissionForm';
import getFormOptions from '@salesforce/apex/PortalLeadSubmissionController.getFormOptions';
import checkDuplicates from '@salesforce/apex/PortalLeadSubmissionController.checkDuplicates';
import submitLead from '@salesforce/apex/PortalLeadSubmissionController.submit';
import { $, $status, apexMock, expectAccessible, flush, mount, unmountAll, wireMock } from '../../../tests/lwc/lwcTest';

jest.mock(
  '@salesforce/apex/PortalLeadSubmissionController.getFormOptions',
  () => jest.requireActual('../../../tests/lwc/lwcTest').apexWireModule(),
  { virtual: true },
);
jest.mock('@salesforce/apex/PortalLeadSubmissionController.checkDuplicates', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/PortalLeadSubmissionController.submit', () => ({ default: jest.fn() }), {
  virtual: true,
});

const optionsWire = wireMock(getFormOptions);
const check = apexMock(checkDuplicates);
const submit = apexMock(submitLead);

const NEW = {
  verdict: 'NEW',
  message: 'No match found: this looks like a new lead.',
  canSubmit: true,
  needsConfirmation: false,
};
const POSSIBLE = {
  verdict: 'POSSIBLE_DUPLICATE',
  message: 'We may already know this company.',
  canSubmit: true,
  needsConfirmation: true,
};
const DUPLICATE = {
  verdict: 'DUPLICATE',
  message: 'We already know this person, so the lead cannot be submitted.',
  canSubmit: false,
  needsConfirmation: false,
};

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

  it('checks for duplicates and shows a new lead as new', async () => {
    check.mockResolvedValue(NEW);
    const element = render();
    expect(isDisabled(element, 'check')).toBe(true);
    await fillLead(element);

    click(element, 'check');
    await flush();

    expect(check).toHaveBeenCalledWith({
      draft: { lastName: 'Prospect', company: 'Acme Inc', email: 'pat@acme.example.com' },
    });
    const verdict = $(element, '[data-id="verdict"]')!;
    expect(verdict.textContent).toBe(NEW.message);
    expect(verdict.className).toBe('slds-text-color_success');
    expect(isDisabled(element, 'submit')).toBe(false);
    await expectAccessible(element);
  });

  it('refuses a known person with an alert and no way to submit', async () => {
    check.mockResolvedValue(DUPLICATE);
    const element = render();
    await fillLead(element);
    click(element, 'check');
    await flush();

    const verdict = $(element, '[data-id="verdict"]')!;
    expect(verdict.getAttribute('role')).toBe('alert');
    expect(verdict.textContent).toBe(DUPLICATE.message);
    expect(isDisabled(element, 'submit')).toBe(true);
    await expectAccessible(element);
  });

  it('asks for confirmation of a known company, then submits and resets', async () => {
    check.mockResolvedValue(POSSIBLE);
    submit.mockResolvedValue({
      success: true,
      leadId: '00Q000000000009AAA',
      verdict: 'POSSIBLE_DUPLICATE',
      message: 'Thank you: the lead was submitted for review.',
    });
    const element = render();
    await fillLead(element);
    click(element, 'check');
    await flush();

    expect(isDisabled(element, 'submit')).toBe(true);
    $(element, '[data-id="confirm"]')!.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
    await flush();
    expect(isDisabled(element, 'submit')).toBe(false);
    click(element, 'submit');
    await flush();

    expect(submit).toHaveBeenCalledWith({
      draft: { lastName: 'Prospect', company: 'Acme Inc', email: 'pat@acme.example.com' },
      confirmPossibleDuplicate: true,
    });
    expect($status(element, '[data-id="announcement"]')!.textContent).toBe(
      'Thank you: the lead was submitted for review.',
    );
    expect($(element, '[data-id="verdict"]')).toBeNull();
    expect(($(element, '[data-field="company"]') as unknown as { value?: string }).value).toBeUndefined();
  });

  it('forgets a verdict when the company changes, not when the phone does', async () => {
    check.mockResolvedValue(NEW);
    const element = render();
    await fillLead(element);
    click(element, 'check');
    await flush();

    type(element, 'phone', '+1 555 0100');
    await flush();
    expect($(element, '[data-id="verdict"]')).not.toBeNull();
    type(element, 'company', 'Globex');
    await flush();
    expect($(element, '[data-id="verdict"]')).toBeNull();
  });

  it('checks before submitting when the verdict is missing', async () => {
    check.mockResolvedValue(NEW);
    submit.mockResolvedValue({
      success: false,
      verdict: 'NEW',
      message: 'Enter at least the last name and the company.',
    });
    const element = render();
    await fillLead(element);

    click(element, 'submit');
    await flush();

    expect(check).toHaveBeenCalledTimes(1);
    expect(submit).toHaveBeenCalledTimes(1);
    const announcement = $status(element, '[data-id="announcement"]')!;
    expect(announcement.textContent).toBe('Enter at least the last name and the company.');
    expect(announcement.className).toBe('slds-text-color_error');
  });

  it('stops on invalid required fields', async () => {
    const element = render();
    await fillLead(element);
    ($(element, '[data-field="lastName"]') as unknown as { reportValidity: () => boolean }).reportValidity = () =>
      false;

    click(element, 'submit');
    await flush();

    expect(check).not.toHaveBeenCalled();
    expect(submit).not.toHaveBeenCalled();
    expect($status(element, '[data-id="announcement"]')!.textContent).toBe('Fill in the required fields.');
  });

  it('reports a server error', async () => {
    check.mockRejectedValue({ body: { message: 'This page is for partner users: sign in to the partner portal.' } });
    const element = render();
    await fillLead(element);
    click(element, 'check');
    await flush();
    expect($status(element, '[data-id="announcement"]')!.textContent).toBe(
      'This page is for partner users: sign in to the partner portal.',
    );
    expect($(element, '[data-id="verdict"]')).toBeNull();
  });
});
