/**
 * Lead submission from the partner portal. Before the save the server says whether we already
 * know the person (same e-mail: refused) or the company (same company key or web domain: the
 * partner confirms and our team checks it). The form knows when that answer is stale by computing
 * the same match keys the server uses (`matchKeys` from `c/prmRules`): only a change of the keys
 * or the e-mail address asks the server again. The partner only ever sees the verdict.
 */
import { LightningElement, wire } from 'lwc';
import getFormOptions from '@salesforce/apex/PortalLeadSubmissionController.getFormOptions';
import checkDuplicates from '@salesforce/apex/PortalLeadSubmissionController.checkDuplicates';
import submitLead from '@salesforce/apex/PortalLeadSubmissionController.submit';
import { matchKeys } from 'c/prmRules';
import { errorMessage } from 'c/errorUtils';

type LeadDraft = PrmApex.PortalLeadSubmissionController_LeadDraft;
type DuplicateCheck = PrmApex.PortalLeadSubmissionController_DuplicateCheck;
type FormOptions = PrmApex.PortalLeadSubmissionController_FormOptions;

type DraftField = keyof LeadDraft;

const FIELDS: readonly DraftField[] = [
  'firstName',
  'lastName',
  'company',
  'title',
  'email',
  'phone',
  'website',
  'city',
  'state',
  'postalCode',
  'country',
  'segment',
  'productInterest',
  'description',
];

/**
 * What the duplicate verdict depends on: the company and domain keys and the e-mail address.
 * @param draft the lead being filled in
 */
export function duplicateKey(draft: LeadDraft): string {
  const keys = matchKeys({ name: draft.company ?? null, website: draft.website ?? null, email: draft.email ?? null });
  return [keys.companyKey ?? '', keys.domainKey ?? '', (draft.email ?? '').trim().toLowerCase()].join('|');
}

export default class LeadSubmissionForm extends LightningElement {
  draft: LeadDraft = {};
  check?: DuplicateCheck;
  checkedKey?: string;
  confirmed = false;
  busy = false;
  announcement?: string;
  announcementIsError = false;
  segmentOptions: { label: string; value: string }[] = [];

  @wire(getFormOptions, {})
  wiredOptions(result: { data?: FormOptions; error?: unknown }) {
    if (result.data) {
      this.segmentOptions = (result.data.segments ?? []).map((option) => ({
        label: option.label ?? '',
        value: option.value ?? '',
      }));
    }
  }

  get isChecked(): boolean {
    return this.check !== undefined && this.checkedKey === duplicateKey(this.draft);
  }

  get verdictText(): string {
    return this.isChecked ? (this.check?.message ?? '') : '';
  }

  get verdictClass(): string {
    const verdict = this.check?.verdict;
    if (verdict === 'DUPLICATE') {
      return 'slds-text-color_error';
    }
    return verdict === 'POSSIBLE_DUPLICATE' ? 'slds-text-color_default' : 'slds-text-color_success';
  }

  get isDuplicate(): boolean {
    return this.isChecked && this.check?.canSubmit === false;
  }

  get needsConfirmation(): boolean {
    return this.isChecked && this.check?.needsConfirmation === true;
  }

  get submitDisabled(): boolean {
    return this.busy || this.isDuplicate || (this.needsConfirmation && !this.confirmed);
  }

  get canCheck(): boolean {
    return !this.busy && !!(this.draft.company || this.draft.email || this.draft.website);
  }

  get checkDisabled(): boolean {
    return !this.canCheck;
  }

  handleFieldChange(event: CustomEvent<{ value?: string; checked?: boolean }>) {
    const field = (event.currentTarget as HTMLElement).dataset.field as DraftField | undefined;
    if (!field || !FIELDS.includes(field)) {
      return;
    }
    this.draft = { ...this.draft, [field]: event.detail.value ?? '' };
    if (this.check !== undefined && this.checkedKey !== duplicateKey(this.draft)) {
      this.confirmed = false;
    }
  }

  handleConfirmChange(event: CustomEvent<{ checked: boolean }>) {
    this.confirmed = event.detail.checked === true;
  }

  async handleCheck() {
    await this.runCheck();
  }

  async handleSubmit() {
    if (!this.reportValidity()) {
      this.announce('Fill in the required fields.', true);
      return;
    }
    if (!this.isChecked) {
      await this.runCheck();
    }
    if (!this.isChecked || this.isDuplicate || (this.needsConfirmation && !this.confirmed)) {
      return;
    }
    this.busy = true;
    this.announcement = undefined;
    try {
      const result = await submitLead({ draft: this.draft, confirmPossibleDuplicate: this.confirmed });
      this.announce(result.message ?? '', result.success !== true);
      if (result.success) {
        this.reset();
      }
    } catch (error) {
      this.announce(errorMessage(error, 'The lead was not submitted. Try again.'), true);
    } finally {
      this.busy = false;
    }
  }

  private async runCheck() {
    const key = duplicateKey(this.draft);
    this.busy = true;
    try {
      this.check = await checkDuplicates({ draft: this.draft });
      this.checkedKey = key;
      this.confirmed = false;
    } catch (error) {
      this.check = undefined;
      this.announce(errorMessage(error, 'We could not check for duplicates. Try again.'), true);
    } finally {
      this.busy = false;
    }
  }

  private reportValidity(): boolean {
    const inputs = [...(this.template?.querySelectorAll('[data-field]') ?? [])] as unknown as {
      reportValidity?: () => boolean | undefined;
    }[];
    // Every input reports (so each shows its own message); only an explicit false is invalid.
    return inputs.map((input) => input.reportValidity?.() !== false).every((valid) => valid);
  }

  private reset() {
    this.draft = {};
    this.check = undefined;
    this.checkedKey = undefined;
    this.confirmed = false;
  }

  private announce(message: string, isError: boolean) {
    this.announcement = message;
    this.announcementIsError = isError;
  }
}
