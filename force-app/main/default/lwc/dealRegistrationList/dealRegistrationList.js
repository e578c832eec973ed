// Generated from lwc-ts-src/dealRegistrationList/dealRegistrationList.ts by `npm run build`. Do not edit.
/**
 * The partner's registrations in the portal: status, protection end and days left, the
 * neutral verdict while a decision is pending, and a renewal request when the window is open.
 * Eligibility and dates come from the server (the org's calendar and the `renewalEligibility`
 * rule), so the list never offers a renewal the server would refuse. A granted request is
 * reflected in place; the next load reads the server's state.
 */
import { LightningElement, wire } from 'lwc';
import getMyRegistrations from '@salesforce/apex/PortalDealRegistrationController.getMyRegistrations';
import requestRenewal from '@salesforce/apex/PortalDealRegistrationController.requestRenewal';
import { errorMessage } from 'c/errorUtils';
// picklist: Deal_Registration__c.Status__c
const ACTIVE_STATUSES = ['Draft', 'Submitted', 'Pending Approval', 'Approved'];
const FILTER_OPTIONS = [
    { label: 'Active', value: 'active' },
    { label: 'All', value: 'all' },
];
/**
 * How much protection is left, in words.
 * @param daysToExpiry days from today to the last protected day; null without protection
 */
export function expiryText(daysToExpiry) {
    if (daysToExpiry === null || daysToExpiry === undefined) {
        return '';
    }
    if (daysToExpiry < 0) {
        return 'Protection ended';
    }
    if (daysToExpiry === 0) {
        return 'Last protected day';
    }
    return daysToExpiry === 1 ? '1 day left' : `${daysToExpiry} days left`;
}
/**
 * The rows to show, newest first as the server sends them.
 * @param registrations the partner's registrations
 * @param filter active ones only, or all
 */
export function registrationRows(registrations, filter) {
    return registrations
        .filter((registration) => filter === 'all' || ACTIVE_STATUSES.includes(registration.status ?? ''))
        .map((registration) => {
        const days = registration.daysToExpiry ?? null;
        const urgent = days !== null && days <= 14;
        let note = registration.verdict ?? registration.renewalNote ?? '';
        if (registration.status === 'Rejected' && registration.decisionReason) {
            note = registration.decisionReason;
        }
        return {
            id: registration.id ?? '',
            name: registration.name ?? '',
            prospectCompany: registration.prospectCompany ?? '',
            amount: registration.amount ?? null,
            status: registration.status ?? '',
            expiresOn: registration.expiresOn ?? null,
            expiryText: expiryText(days),
            expiryClass: urgent ? 'slds-text-color_error' : 'slds-text-color_weak',
            note,
            canRenew: registration.canRenew === true,
            renewLabel: `Request renewal of ${registration.name ?? 'this registration'}`,
        };
    });
}
export default class DealRegistrationList extends LightningElement {
    registrations;
    error;
    filter = 'active';
    renewingId;
    announcement;
    announcementIsError = false;
    filterOptions = FILTER_OPTIONS;
    @wire(getMyRegistrations, {})
    wiredRegistrations(result) {
        if (result.data) {
            this.registrations = result.data;
            this.error = undefined;
        }
        else if (result.error) {
            this.registrations = undefined;
            this.error = errorMessage(result.error, 'Your registrations could not be loaded. Reload the page to try again.');
        }
    }
    get isLoading() {
        return !this.registrations && !this.error;
    }
    get rows() {
        return registrationRows(this.registrations ?? [], this.filter).map((row) => ({
            ...row,
            canRenew: row.canRenew && this.renewingId !== row.id,
        }));
    }
    get hasRows() {
        return this.rows.length > 0;
    }
    get isEmpty() {
        return !!this.registrations && !this.hasRows;
    }
    get emptyText() {
        return (this.registrations ?? []).length === 0
            ? 'You have not registered any deals yet.'
            : 'No active registrations. Choose All to see closed ones.';
    }
    handleFilterChange(event) {
        this.filter = event.detail.value === 'all' ? 'all' : 'active';
    }
    async handleRenew(event) {
        const registrationId = event.currentTarget.dataset.id;
        if (!registrationId) {
            return;
        }
        this.renewingId = registrationId;
        this.announcement = undefined;
        try {
            const result = await requestRenewal({ registrationId });
            this.announcementIsError = result.success !== true;
            this.announcement = result.message ?? (result.success ? 'Renewal requested.' : 'The renewal was not requested.');
            if (result.success) {
                this.registrations = (this.registrations ?? []).map((registration) => {
                    if (registration.id !== registrationId) {
                        return registration;
                    }
                    return {
                        ...registration,
                        canRenew: false,
                        renewalNote: 'Renewal requested; your channel manager decides it.',
                    };
                });
            }
        }
        catch (error) {
            this.announcementIsError = true;
            this.announcement = errorMessage(error, 'The renewal could not be requested. Try again.');
        }
        finally {
            this.renewingId = undefined;
        }
    }
}
