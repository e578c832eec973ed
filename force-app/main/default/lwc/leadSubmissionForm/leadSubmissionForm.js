// Generated from lwc-ts-src/leadSubmissionForm/leadSubmissionForm.ts by `npm run build`. Do not edit.
/**
 * Lead submission from the partner portal. There is no separate duplicate check: the server
 * answers only when the lead is submitted, and only about the partner's own leads (its
 * submissions and the leads shared with it). A person the partner already has is refused; a
 * company it already has needs the partner's confirmation, then a second submission. The form
 * forgets a confirmation when the company, website or e-mail changes, computing the same match
 * keys the server uses (`matchKeys` from `c/prmRules`).
 */
import { LightningElement, wire } from 'lwc';
import getFormOptions from '@salesforce/apex/PortalLeadSubmissionController.getFormOptions';
import submitLead from '@salesforce/apex/PortalLeadSubmissionController.submit';
import { matchKeys } from 'c/prmRules';
import { errorMessage } from 'c/errorUtils';
const FIELDS = [
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
 * What a duplicate answer depends on: the company and domain keys and the e-mail address.
 * @param draft the lead being filled in
 */
export function duplicateKey(draft) {
    const keys = matchKeys({ name: draft.company ?? null, website: draft.website ?? null, email: draft.email ?? null });
    return [keys.companyKey ?? '', keys.domainKey ?? '', (draft.email ?? '').trim().toLowerCase()].join('|');
}
export default class LeadSubmissionForm extends LightningElement {
    draft = {};
    /** The server's refusal or request for confirmation, for the draft it was given. */
    answer;
    answeredKey;
    confirmed = false;
    busy = false;
    announcement;
    announcementIsError = false;
    segmentOptions = [];
    @wire(getFormOptions, {})
    wiredOptions(result) {
        if (result.data) {
            this.segmentOptions = (result.data.segments ?? []).map((option) => ({
                label: option.label ?? '',
                value: option.value ?? '',
            }));
        }
    }
    /** Whether the answer is about the draft as it is now. */
    get isCurrent() {
        return this.answer !== undefined && this.answeredKey === duplicateKey(this.draft);
    }
    get verdictText() {
        return this.isCurrent ? (this.answer?.message ?? '') : '';
    }
    get isDuplicate() {
        return this.isCurrent && this.answer?.verdict === 'DUPLICATE';
    }
    get needsConfirmation() {
        return this.isCurrent && this.answer?.needsConfirmation === true;
    }
    get submitDisabled() {
        return this.busy || this.isDuplicate || (this.needsConfirmation && !this.confirmed);
    }
    handleFieldChange(event) {
        const field = event.currentTarget.dataset.field;
        if (!field || !FIELDS.includes(field)) {
            return;
        }
        this.draft = { ...this.draft, [field]: event.detail.value ?? '' };
        if (!this.isCurrent) {
            this.confirmed = false;
        }
    }
    handleConfirmChange(event) {
        this.confirmed = event.detail.checked === true;
    }
    async handleSubmit() {
        if (!this.reportValidity()) {
            this.announce('Fill in the required fields.', true);
            return;
        }
        this.busy = true;
        this.announcement = undefined;
        const key = duplicateKey(this.draft);
        try {
            const result = await submitLead({ draft: this.draft, confirmPossibleDuplicate: this.confirmed });
            if (result.success) {
                this.announce(result.message ?? '', false);
                this.reset();
            }
            else if (result.verdict === 'DUPLICATE' || result.needsConfirmation === true) {
                this.answer = result;
                this.answeredKey = key;
                this.confirmed = false;
            }
            else {
                this.announce(result.message ?? '', true);
            }
        }
        catch (error) {
            this.announce(errorMessage(error, 'The lead was not submitted. Try again.'), true);
        }
        finally {
            this.busy = false;
        }
    }
    reportValidity() {
        const inputs = [...(this.template?.querySelectorAll('[data-field]') ?? [])];
        // Every input reports (so each shows its own message); only an explicit false is invalid.
        return inputs.map((input) => input.reportValidity?.() !== false).every((valid) => valid);
    }
    reset() {
        this.draft = {};
        this.answer = undefined;
        this.answeredKey = undefined;
        this.confirmed = false;
    }
    announce(message, isError) {
        this.announcement = message;
        this.announcementIsError = isError;
    }
}
