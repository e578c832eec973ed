/**
 * The public partner application form (guest users of the partner site). Lists the open
 * programs and their tiers (an applicant may ask for a higher tier with evidence: revenue,
 * certifications, closed deals; a reviewer decides it), checks the input in the browser, and
 * submits it with the bot check's inputs (how long the form was open, and a honeypot field people
 * never see); the server validates again and
 * answers with a neutral receipt (it never says whether the company matched an existing
 * partner) or with the fields to correct. A received application waits for the code the server
 * e-mails the applicant: the second step takes it, and only then is the application considered.
 */
import { LightningElement, wire } from 'lwc';
import getPrograms from '@salesforce/apex/PortalPartnerApplicationController.getPrograms';
import submitApplication from '@salesforce/apex/PortalPartnerApplicationController.submitApplication';
import verifyApplication from '@salesforce/apex/PortalPartnerApplicationController.verifyApplication';
import { errorMessage } from 'c/errorUtils';

type ApexProgram = PrmApex.PortalPartnerApplicationController_ProgramOption;
type ApexInput = PrmApex.PortalPartnerApplicationController_ApplicationInput;
type ApexFieldError = PrmApex.PortalPartnerApplicationController_FieldError;
type ApexTier = PrmApex.PortalPartnerApplicationController_TierOption;

/** A base input component as far as this form uses it. */
interface FormInput extends HTMLElement {
  reportValidity(): boolean | undefined;
  setCustomValidity(message: string): void;
}

/** The form fields, by the name the server uses. */
export interface ApplicationValues {
  companyName: string;
  website: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  country: string;
  programId: string;
  annualRevenue: string;
  employees: string;
  certifications: string;
  requestedTierId: string;
  partnerRevenueT12M: string;
  closedDealsT12M: string;
  termsAccepted: boolean;
}

const EMPTY: ApplicationValues = {
  companyName: '',
  website: '',
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  country: '',
  programId: '',
  annualRevenue: '',
  employees: '',
  certifications: '',
  requestedTierId: '',
  partnerRevenueT12M: '',
  closedDealsT12M: '',
  termsAccepted: false,
};

const FIELD_LABELS: Record<string, string> = {
  companyName: 'Company name',
  website: 'Website',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Business email',
  phone: 'Phone',
  country: 'Country code',
  programId: 'Program',
  annualRevenue: 'Annual revenue',
  employees: 'Employees',
  certifications: 'Certifications',
  requestedTierId: 'Tier',
  partnerRevenueT12M: 'Revenue from our products (12 months)',
  closedDealsT12M: 'Deals closed (12 months)',
  termsAccepted: 'Program terms',
};

function text(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

function numberOrUndefined(value: string): number | undefined {
  if (value.trim() === '') {
    return undefined;
  }
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** The values as the server's input shape: trimmed, blanks omitted, the country in capitals. */
export function applicationInput(values: ApplicationValues): ApexInput {
  const employees = numberOrUndefined(values.employees);
  const closedDeals = numberOrUndefined(values.closedDealsT12M);
  return {
    companyName: text(values.companyName),
    website: text(values.website),
    firstName: text(values.firstName),
    lastName: text(values.lastName),
    email: text(values.email),
    phone: text(values.phone),
    country: text(values.country)?.toUpperCase(),
    programId: text(values.programId),
    annualRevenue: numberOrUndefined(values.annualRevenue),
    employees: employees === undefined ? undefined : Math.trunc(employees),
    certifications: text(values.certifications),
    requestedTierId: text(values.requestedTierId),
    partnerRevenueT12M: numberOrUndefined(values.partnerRevenueT12M),
    closedDealsT12M: closedDeals === undefined ? undefined : Math.trunc(closedDeals),
    termsAccepted: values.termsAccepted,
  };
}

export default class PartnerApplicationForm extends LightningElement {
  programs?: ApexProgram[];
  loadError?: string;
  values: ApplicationValues = { ...EMPTY };
  submitting = false;
  confirmation?: string;
  formMessage?: string;
  fieldErrors: ApexFieldError[] = [];
  /** The applicant must enter the e-mailed code. */
  awaitingCode = false;
  code = '';
  codeMessage?: string;
  verified?: string;
  /** Filled only by bots: people never see the field. */
  trap = '';
  private loadedAt = Date.now();

  connectedCallback() {
    this.loadedAt = Date.now();
  }

  @wire(getPrograms, {})
  wiredPrograms({ data, error }: { data?: ApexProgram[]; error?: unknown }) {
    if (data) {
      this.programs = data;
      this.loadError = undefined;
    } else if (error) {
      this.programs = undefined;
      this.loadError = errorMessage(error, 'The programs could not be loaded. Reload the page to try again.');
    }
  }

  get isLoading(): boolean {
    return !this.programs && !this.loadError;
  }

  get showForm(): boolean {
    return !!this.programs && !this.confirmation;
  }

  get showCodeStep(): boolean {
    return this.awaitingCode && !this.verified;
  }

  get confirmLabel(): string {
    return this.submitting ? 'Confirming…' : 'Confirm';
  }

  get hasPrograms(): boolean {
    return (this.programs ?? []).length > 0;
  }

  get programOptions(): { label: string; value: string }[] {
    return (this.programs ?? []).map((program) => ({
      label: program.programType ? `${program.name} (${program.programType})` : (program.name ?? ''),
      value: program.id ?? '',
    }));
  }

  get programDescription(): string {
    return (this.programs ?? []).find((program) => program.id === this.values.programId)?.description ?? '';
  }

  private get selectedTiers(): ApexTier[] {
    return (this.programs ?? []).find((program) => program.id === this.values.programId)?.tiers ?? [];
  }

  get hasTiers(): boolean {
    return this.selectedTiers.length > 0;
  }

  /** The entry tier first (decided by the rules), the higher tiers with what a reviewer checks. */
  get tierOptions(): { label: string; value: string }[] {
    return this.selectedTiers.map((tier, index) => ({
      label: index === 0 ? `${tier.name ?? ''} (entry tier)` : (tier.name ?? ''),
      value: tier.id ?? '',
    }));
  }

  /** What the chosen tier asks for; empty for the entry tier, which the rules approve. */
  get tierCriteria(): string {
    const tiers = this.selectedTiers;
    const index = tiers.findIndex((tier) => tier.id === this.values.requestedTierId);
    if (index <= 0) {
      return '';
    }
    const tier = tiers[index];
    return (
      `${tier.name ?? 'This tier'} asks for revenue of ${tier.minRevenue ?? 0}, ` +
      `${tier.minActiveCertifications ?? 0} active certifications and ${tier.minClosedDeals ?? 0} deals ` +
      'closed over the last 12 months. A partner manager reviews your evidence before you join at this tier.'
    );
  }

  get errorItems(): { key: string; text: string }[] {
    return this.fieldErrors.map((error, index) => ({
      key: `${error.field ?? 'form'}-${index}`,
      text: `${FIELD_LABELS[error.field ?? ''] ?? 'Form'}: ${error.message ?? ''}`,
    }));
  }

  get hasErrors(): boolean {
    return !!this.formMessage || this.fieldErrors.length > 0;
  }

  get submitLabel(): string {
    return this.submitting ? 'Sending…' : 'Apply';
  }

  handleChange(event: CustomEvent<{ value?: string; checked?: boolean }>) {
    const target = event.target as HTMLElement & { checked?: boolean; value?: string };
    const field = target.dataset.field as keyof ApplicationValues | undefined;
    if (!field) {
      return;
    }
    if (field === 'termsAccepted') {
      this.values = { ...this.values, termsAccepted: event.detail?.checked ?? target.checked === true };
    } else if (field === 'programId') {
      // A tier belongs to one program: another program starts again at its entry tier.
      this.values = {
        ...this.values,
        programId: String(event.detail?.value ?? target.value ?? ''),
        requestedTierId: '',
      };
    } else {
      this.values = { ...this.values, [field]: String(event.detail?.value ?? target.value ?? '') };
    }
    // A corrected field no longer carries the server's complaint.
    (target as unknown as FormInput).setCustomValidity?.('');
  }

  handleTrapChange(event: Event) {
    this.trap = (event.target as HTMLInputElement).value ?? '';
  }

  handleCodeChange(event: CustomEvent<{ value?: string }>) {
    this.code = String(event.detail?.value ?? '');
  }

  async handleConfirm() {
    if (this.submitting) {
      return;
    }
    if (this.code.trim() === '') {
      this.codeMessage = 'Enter the code from the e-mail.';
      return;
    }
    this.submitting = true;
    this.codeMessage = undefined;
    try {
      const receipt = await verifyApplication({ code: this.code });
      if (receipt.received) {
        this.verified = receipt.message ?? 'Thank you: your application is confirmed.';
      } else {
        this.codeMessage = receipt.message ?? 'This code is not valid.';
      }
    } catch (error) {
      this.codeMessage = errorMessage(error, 'The code could not be checked. Please try again later.');
    } finally {
      this.submitting = false;
    }
  }

  private inputs(): FormInput[] {
    return Array.from(this.template?.querySelectorAll('[data-field]') ?? []) as unknown as FormInput[];
  }

  async handleSubmit() {
    if (this.submitting) {
      return;
    }
    const valid = this.inputs().reduce((ok, input) => input.reportValidity() !== false && ok, true);
    if (!valid) {
      this.fieldErrors = [];
      this.formMessage = 'Please complete the highlighted fields.';
      return;
    }
    this.submitting = true;
    this.formMessage = undefined;
    this.fieldErrors = [];
    try {
      const receipt = await submitApplication({
        application: { ...applicationInput(this.values), fillMillis: Date.now() - this.loadedAt, fax: text(this.trap) },
      });
      if (receipt.received) {
        this.confirmation = receipt.message ?? 'Thank you. We have received your application.';
        this.awaitingCode = receipt.awaitingCode === true;
      } else {
        this.fieldErrors = receipt.errors ?? [];
        this.formMessage = receipt.message ?? 'Please correct the highlighted fields.';
        this.markFieldErrors();
      }
    } catch (error) {
      this.formMessage = errorMessage(error, 'Your application could not be sent. Please try again later.');
    } finally {
      this.submitting = false;
    }
  }

  private markFieldErrors() {
    for (const input of this.inputs()) {
      const error = this.fieldErrors.find((item) => item.field === input.dataset.field);
      if (error) {
        input.setCustomValidity(error.message ?? 'Check this field.');
        input.reportValidity();
      }
    }
  }
}
