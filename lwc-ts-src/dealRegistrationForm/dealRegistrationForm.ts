/**
 * Deal registration in the partner portal. As the partner types, the form previews what the
 * server will do with the same rules it enforces (`c/prmRules`): the company and domain keys
 * the prospect is matched on, and the approval route for the amount under the active policy
 * (conflicts are not known in the browser: partners cannot see other customers or partners,
 * so the preview assumes none and says so). On submit the server checks the live CRM and
 * answers with the status and a neutral verdict, never the evidence.
 */
import { LightningElement, wire } from 'lwc';
import getPolicy from '@salesforce/apex/PortalDealRegistrationController.getPolicy';
import saveRegistration from '@salesforce/apex/PortalDealRegistrationController.saveRegistration';
import {
  approvalRoute,
  DEFAULT_DEAL_REGISTRATION_POLICY,
  domainKey,
  localToday,
  matchKeys,
  type RegistrationApprovalRoute,
} from 'c/prmRules';
import { errorMessage } from 'c/errorUtils';

type ApexPolicy = PrmApex.PortalDealRegistrationController_PreviewPolicy;
type ApexInput = PrmApex.PortalDealRegistrationController_RegistrationInput;
type ApexResult = PrmApex.PortalDealRegistrationController_SubmitResult;

/** The form fields, by the name the server uses. */
export interface RegistrationValues {
  prospectCompany: string;
  prospectWebsite: string;
  prospectContactName: string;
  prospectEmail: string;
  prospectCountry: string;
  prospectState: string;
  prospectPostalCode: string;
  amount: string;
  expectedCloseDate: string;
  products: string;
}

export interface FieldError {
  field: keyof RegistrationValues;
  message: string;
}

export interface Preview {
  companyKey: string | null;
  domainKey: string | null;
  /** The e-mail names a free-mail provider (or no public host) and no website identifies the company. */
  freeMailOnly: boolean;
  route: RegistrationApprovalRoute | null;
  routeText: string;
}

const EMPTY: RegistrationValues = {
  prospectCompany: '',
  prospectWebsite: '',
  prospectContactName: '',
  prospectEmail: '',
  prospectCountry: '',
  prospectState: '',
  prospectPostalCode: '',
  amount: '',
  expectedCloseDate: '',
  products: '',
};

const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const COUNTRY_PATTERN = /^[A-Za-z]{2}$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const ROUTE_TEXT: Record<RegistrationApprovalRoute, string> = {
  Auto: 'Approved at once if our check finds no conflict.',
  Manager: 'Your channel manager approves registrations of this size.',
  Director: 'A director approves registrations of this size.',
};

function text(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

function amountOf(value: string): number | null {
  if (value.trim() === '') {
    return null;
  }
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

/**
 * What the form checks before it sends anything. `submit` adds what a submission needs
 * (amount and expected close date); a draft needs only the company.
 * @param values the form values
 * @param today the partner's date, `YYYY-MM-DD`
 * @param submit true for a submission
 */
export function validateRegistration(values: RegistrationValues, today: string, submit: boolean): FieldError[] {
  const errors: FieldError[] = [];
  if (!text(values.prospectCompany)) {
    errors.push({ field: 'prospectCompany', message: 'Enter the prospect company.' });
  }
  const email = text(values.prospectEmail);
  if (email && !EMAIL_PATTERN.test(email)) {
    errors.push({ field: 'prospectEmail', message: 'Enter a valid e-mail address, for example buyer@acme.com.' });
  }
  const country = text(values.prospectCountry);
  if (country && !COUNTRY_PATTERN.test(country)) {
    errors.push({ field: 'prospectCountry', message: 'Enter the two-letter country code, for example US or DE.' });
  }
  const amount = amountOf(values.amount);
  if (values.amount.trim() !== '' && (amount === null || amount <= 0)) {
    errors.push({ field: 'amount', message: 'Enter an amount greater than zero.' });
  } else if (submit && amount === null) {
    errors.push({ field: 'amount', message: 'Enter the estimated amount to submit the registration.' });
  }
  const close = text(values.expectedCloseDate);
  if (close && !DATE_PATTERN.test(close)) {
    errors.push({ field: 'expectedCloseDate', message: 'Enter the expected close date.' });
  } else if (close && submit && close < today) {
    errors.push({ field: 'expectedCloseDate', message: 'The expected close date cannot be in the past.' });
  } else if (!close && submit) {
    errors.push({ field: 'expectedCloseDate', message: 'Enter the expected close date to submit the registration.' });
  }
  return errors;
}

/**
 * The live preview: match keys and the route the amount takes when no conflict is found.
 * @param values the form values
 * @param policy thresholds of the active policy (defaults when not loaded)
 */
export function previewOf(values: RegistrationValues, policy: ApexPolicy | undefined): Preview {
  const keys = matchKeys({
    name: text(values.prospectCompany) ?? null,
    website: text(values.prospectWebsite) ?? null,
    email: text(values.prospectEmail) ?? null,
  });
  const email = text(values.prospectEmail);
  const freeMailOnly = !keys.domainKey && !!email && EMAIL_PATTERN.test(email) && domainKey({ value: email }) === null;
  const amount = amountOf(values.amount);
  let route: RegistrationApprovalRoute | null = null;
  if (amount !== null && amount >= 0) {
    route = approvalRoute({
      amount,
      conflictStatus: 'None',
      policy: {
        autoApproveThreshold: policy?.autoApproveThreshold ?? DEFAULT_DEAL_REGISTRATION_POLICY.autoApproveThreshold,
        directorThreshold: policy?.directorThreshold ?? DEFAULT_DEAL_REGISTRATION_POLICY.directorThreshold,
      },
    });
  }
  return {
    companyKey: keys.companyKey,
    domainKey: keys.domainKey,
    freeMailOnly,
    route,
    routeText: route ? ROUTE_TEXT[route] : 'Enter the amount to see who approves it.',
  };
}

/** The values as the server's input shape: trimmed, blanks omitted, the country in capitals. */
export function registrationInput(values: RegistrationValues): ApexInput {
  return {
    prospectCompany: text(values.prospectCompany),
    prospectWebsite: text(values.prospectWebsite),
    prospectContactName: text(values.prospectContactName),
    prospectEmail: text(values.prospectEmail),
    prospectCountry: text(values.prospectCountry)?.toUpperCase(),
    prospectState: text(values.prospectState),
    prospectPostalCode: text(values.prospectPostalCode),
    amount: amountOf(values.amount) ?? undefined,
    expectedCloseDate: text(values.expectedCloseDate),
    products: text(values.products),
  };
}

/** The partner's calendar date, through the same rule the server uses for the org's date. */
export function browserToday(now: Date = new Date()): string {
  return localToday({ now: now.toISOString(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' });
}

export default class DealRegistrationForm extends LightningElement {
  values: RegistrationValues = { ...EMPTY };
  policy?: ApexPolicy;
  policyNote?: string;
  errors: FieldError[] = [];
  serverError?: string;
  result?: ApexResult;
  saving = false;
  readonly today = browserToday();

  @wire(getPolicy, {})
  wiredPolicy({ data, error }: { data?: ApexPolicy; error?: unknown }) {
    if (data) {
      this.policy = data;
      this.policyNote = undefined;
    } else if (error) {
      this.policy = undefined;
      this.policyNote = 'The approval thresholds could not be loaded; the preview uses the standard ones.';
    }
  }

  get preview(): Preview {
    return previewOf(this.values, this.policy);
  }

  get hasKeys(): boolean {
    return !!this.preview.companyKey || !!this.preview.domainKey;
  }

  get companyKeyText(): string {
    return this.preview.companyKey ?? 'none yet';
  }

  get domainKeyText(): string {
    return this.preview.domainKey ?? 'none: add the company website';
  }

  get routeText(): string {
    return this.preview.routeText;
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  get errorItems(): { key: string; text: string }[] {
    return this.errors.map((error) => ({ key: error.field, text: error.message }));
  }

  get errorSummary(): string {
    return this.errors.length === 1 ? 'Correct 1 field.' : `Correct ${this.errors.length} fields.`;
  }

  get showForm(): boolean {
    return !this.result;
  }

  get resultTitle(): string {
    if (!this.result) {
      return '';
    }
    return this.result.status === 'Draft' ? `Draft ${this.result.name} saved` : `${this.result.name} submitted`;
  }

  get resultIsApproved(): boolean {
    return this.result?.status === 'Approved';
  }

  handleChange(event: CustomEvent<{ value?: string }>) {
    const field = (event.target as HTMLElement).dataset.field as keyof RegistrationValues;
    const value = event.detail?.value ?? (event.target as HTMLInputElement).value ?? '';
    this.values = { ...this.values, [field]: String(value) };
    if (this.hasErrors) {
      // Re-check as the partner corrects, without flagging fields not touched yet.
      const remaining = new Set(validateRegistration(this.values, this.today, true).map((e) => e.field));
      this.errors = this.errors.filter((error) => remaining.has(error.field));
    }
  }

  handleSaveDraft() {
    this.save(false);
  }

  handleSubmit() {
    this.save(true);
  }

  handleRegisterAnother() {
    this.values = { ...EMPTY };
    this.result = undefined;
    this.errors = [];
    this.serverError = undefined;
  }

  private async save(submit: boolean) {
    this.serverError = undefined;
    this.errors = validateRegistration(this.values, this.today, submit);
    this.markFields();
    if (this.hasErrors) {
      return;
    }
    this.saving = true;
    try {
      this.result = await saveRegistration({ registration: registrationInput(this.values), submit });
    } catch (error) {
      this.serverError = errorMessage(error, 'The registration could not be saved. Try again in a moment.');
    } finally {
      this.saving = false;
    }
  }

  /** Puts each message on its field so screen readers announce it there too. */
  private markFields() {
    const byField = new Map(this.errors.map((error) => [error.field, error.message]));
    const fields = Array.from(this.template?.querySelectorAll<HTMLElement>('[data-field]') ?? []);
    fields.forEach((element) => {
      const input = element as HTMLElement & {
        setCustomValidity?: (message: string) => void;
        reportValidity?: () => boolean;
      };
      input.setCustomValidity?.(byField.get(element.dataset.field as keyof RegistrationValues) ?? '');
      input.reportValidity?.();
    });
  }
}
