// Generated from lwc-ts-src/registrationReviewConsole/registrationReviewConsole.ts by `npm run build`. Do not edit.
/**
 * The partner managers' review console: registrations and renewal requests waiting for a
 * decision, oldest first, each with the conflict evidence checked now against the live CRM;
 * approve or reject (a rejection needs a reason), grant or decline renewals, and how long
 * decisions take. The server enforces who may decide; the console only reflects it.
 */
import { LightningElement } from 'lwc';
import getReviewQueue from '@salesforce/apex/RegistrationReviewController.getReviewQueue';
import decide from '@salesforce/apex/RegistrationReviewController.decide';
import decideRenewal from '@salesforce/apex/RegistrationReviewController.decideRenewal';
import { errorMessage } from 'c/errorUtils';
const TYPE_LABELS = {
    OPEN_OPPORTUNITY: 'Open opportunity',
    NAMED_ACCOUNT: 'Named account',
    COMPETING_REGISTRATION: 'Competing registration',
    EXISTING_CUSTOMER: 'Existing customer',
    DUPLICATE_REGISTRATION: 'Duplicate registration',
};
const CONFLICT_CLASS = {
    Conflict: 'slds-badge slds-theme_error',
    'Needs Review': 'slds-badge slds-theme_warning',
    None: 'slds-badge slds-theme_success',
};
/**
 * How long something has waited, in words.
 * @param hours hours waited
 */
export function formatAge(hours) {
    const value = hours ?? 0;
    if (value < 1) {
        return 'less than 1 h';
    }
    if (value < 48) {
        return `${Math.floor(value)} h`;
    }
    const days = Math.floor(value / 24);
    const rest = Math.floor(value - days * 24);
    return rest === 0 ? `${days} days` : `${days} days ${rest} h`;
}
/**
 * The queue as the console lists it: the server's order (oldest first), labels for each kind.
 * @param items waiting registrations and renewal requests
 * @param rejectingId the item whose rejection reason is being entered
 */
export function queueRows(items, rejectingId) {
    return items.map((item) => {
        const isRenewal = item.kind === 'Renewal';
        const name = item.name ?? '';
        const evidence = (item.evidence ?? []).map((finding, index) => ({
            key: `${finding.type ?? 'finding'}-${finding.recordId ?? index}`,
            text: `${TYPE_LABELS[finding.type ?? ''] ?? finding.type}: ${finding.recordName ?? 'Restricted record'}` +
                (finding.ownerName ? ` (owner ${finding.ownerName})` : '') +
                ` — ${finding.advice ?? finding.message ?? ''}`,
            className: finding.severity === 'error' ? 'slds-text-color_error' : 'slds-text-color_default',
        }));
        return {
            id: item.id ?? '',
            name,
            kind: item.kind ?? 'Registration',
            isRenewal,
            heading: `${name} · ${item.prospectCompany ?? ''}`,
            partnerName: item.partnerName ?? '',
            amount: item.amount ?? null,
            status: item.status ?? '',
            route: item.approvalRoute ?? '',
            conflictStatus: isRenewal ? '' : (item.conflictStatus ?? ''),
            conflictClass: CONFLICT_CLASS[item.conflictStatus ?? ''] ?? 'slds-badge',
            ageText: `Waiting ${formatAge(item.ageHours)}`,
            detail: isRenewal
                ? `Renewal requested on ${item.renewalRequestedOn ?? ''}; protected until ${item.expiresOn ?? ''}; renewed ${item.renewalCount ?? 0} times.`
                : `Expected close ${item.expectedCloseDate ?? 'not given'}.`,
            evidence,
            hasEvidence: evidence.length > 0,
            approveLabel: isRenewal ? 'Grant renewal' : 'Approve',
            rejectLabel: isRenewal ? 'Decline renewal' : 'Reject',
            approveTitle: `${isRenewal ? 'Grant the renewal of' : 'Approve'} ${name}`,
            rejectTitle: `${isRenewal ? 'Decline the renewal of' : 'Reject'} ${name}`,
            isRejecting: rejectingId === item.id,
        };
    });
}
/**
 * Recent decisions with the time each took.
 * @param decisions the server's recent decisions, newest first
 */
export function decidedRows(decisions) {
    return decisions.map((decision) => ({
        id: decision.id ?? '',
        name: decision.name ?? '',
        prospectCompany: decision.prospectCompany ?? '',
        status: decision.status ?? '',
        decidedByName: decision.decidedByName ?? '',
        decidedAt: decision.decidedAt ?? null,
        decisionText: decision.decisionHours === null || decision.decisionHours === undefined ? '—' : `${decision.decisionHours} h`,
    }));
}
export default class RegistrationReviewConsole extends LightningElement {
    queue;
    loadError;
    loading = false;
    rejectingId;
    reason = '';
    reasonError;
    busyId;
    announcement;
    failure;
    /** A failed decision, else a failed load: what stops the reviewer now. */
    get problem() {
        return this.failure ?? this.loadError;
    }
    connectedCallback() {
        this.load();
    }
    get rows() {
        return queueRows(this.queue?.items ?? [], this.rejectingId);
    }
    get hasRows() {
        return this.rows.length > 0;
    }
    get isEmpty() {
        return !!this.queue && !this.hasRows;
    }
    get decided() {
        return decidedRows(this.queue?.recentDecisions ?? []);
    }
    get hasDecided() {
        return this.decided.length > 0;
    }
    get canDecide() {
        return this.queue?.canDecide === true;
    }
    get cannotDecide() {
        return !!this.queue && !this.canDecide;
    }
    get actionsDisabled() {
        return !this.canDecide || !!this.busyId;
    }
    get summary() {
        const count = this.rows.length;
        const waiting = count === 1 ? '1 decision waiting' : `${count} decisions waiting`;
        const median = this.queue?.medianDecisionHours;
        return median === null || median === undefined
            ? waiting
            : `${waiting} · median decision time ${median} h over the last ${this.decided.length} decisions`;
    }
    handleRefresh() {
        this.load();
    }
    handleApprove(event) {
        const id = event.currentTarget.dataset.id;
        const row = this.rows.find((candidate) => candidate.id === id);
        if (row) {
            this.send(row, true, null);
        }
    }
    handleReject(event) {
        this.rejectingId = event.currentTarget.dataset.id;
        this.reason = '';
        this.reasonError = undefined;
    }
    handleReasonChange(event) {
        this.reason = event.detail?.value ?? '';
        this.reasonError = undefined;
    }
    handleCancelReject() {
        this.rejectingId = undefined;
        this.reason = '';
        this.reasonError = undefined;
    }
    handleConfirmReject() {
        const row = this.rows.find((candidate) => candidate.id === this.rejectingId);
        if (!row) {
            return;
        }
        if (this.reason.trim() === '') {
            this.reasonError = 'Enter the reason the partner will read.';
            return;
        }
        this.send(row, false, this.reason.trim());
    }
    async send(row, approve, reason) {
        this.busyId = row.id;
        this.announcement = undefined;
        this.failure = undefined;
        try {
            const params = { registrationId: row.id, approve, reason: reason ?? '' };
            const result = row.isRenewal ? await decideRenewal(params) : await decide(params);
            if (result.success) {
                this.announcement = this.outcomeText(row, approve, result);
                this.rejectingId = undefined;
                this.reason = '';
                await this.load();
            }
            else {
                this.failure = result.message ?? 'The decision was not saved.';
            }
        }
        catch (error) {
            this.failure = errorMessage(error, 'The decision could not be saved. Try again.');
        }
        finally {
            this.busyId = undefined;
        }
    }
    outcomeText(row, approve, result) {
        if (row.isRenewal) {
            return approve ? `${row.name} renewed until ${result.expiresOn ?? ''}.` : `Renewal of ${row.name} declined.`;
        }
        const verb = approve ? 'approved' : 'rejected';
        return result.decisionHours === null || result.decisionHours === undefined
            ? `${row.name} ${verb}.`
            : `${row.name} ${verb} after ${result.decisionHours} h.`;
    }
    async load() {
        this.loading = true;
        try {
            this.queue = await getReviewQueue({});
            this.loadError = undefined;
        }
        catch (error) {
            this.loadError = errorMessage(error, 'The review queue could not be loaded.');
        }
        finally {
            this.loading = false;
        }
    }
}
