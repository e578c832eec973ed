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

type ApexRegistration = PrmApex.PortalDealRegistrationController_PortalRegistration;

export type ListFilter = 'active' | 'all';

export interface RegistrationRow {
  id: string;
  name: string;
  prospectCompany: string;
  amount: number | null;
  status: string;
  expiresOn: string | null;
  expiryText: string;
  expiryClass: string;
  note: string;
  canRenew: boolean;
  renewLabel: string;
}

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
export function expiryText(daysToExpiry: number | null | undefined): string {
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
export function registrationRows(registrations: ApexRegistration[], filter: ListFilter): RegistrationRow[] {
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
  registrations?: ApexRegistration[];
  error?: string;
  filter: ListFilter = 'active';
  renewingId?: string;
  announcement?: string;
  announcementIsError = false;
  readonly filterOptions = FILTER_OPTIONS;

  @wire(getMyRegistrations, {})
  wiredRegistrations(result: { data?: ApexRegistration[]; error?: unknown }) {
    if (result.data) {
      this.registrations = result.data;
      this.error = undefined;
    } else if (result.error) {
      this.registrations = undefined;
      this.error = errorMessage(result.error, 'Your registrations could not be loaded. Reload the page to try again.');
    }
  }

  get isLoading(): boolean {
    return !this.registrations && !this.error;
  }

  get rows(): RegistrationRow[] {
    return registrationRows(this.registrations ?? [], this.filter).map((row) => ({
      ...row,
      canRenew: row.canRenew && this.renewingId !== row.id,
    }));
  }

  get hasRows(): boolean {
    return this.rows.length > 0;
  }

  get isEmpty(): boolean {
    return !!this.registrations && !this.hasRows;
  }

  get emptyText(): string {
    return (this.registrations ?? []).length === 0
      ? 'You have not registered any deals yet.'
      : 'No active registrations. Choose All to see closed ones.';
  }

  handleFilterChange(event: CustomEvent<{ value: string }>) {
    this.filter = event.detail.value === 'all' ? 'all' : 'active';
  }

  async handleRenew(event: Event) {
    const registrationId = (event.currentTarget as HTMLElement).dataset.id;
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
    } catch (error) {
      this.announcementIsError = true;
      this.announcement = errorMessage(error, 'The renewal could not be requested. Try again.');
    } finally {
      this.renewingId = undefined;
    }
  }
}
