/**
 * The partner's lead inbox in the portal: leads offered to the partner with a live SLA
 * countdown (`leadSlaStatus`, measured against the server clock), accept or reject with a
 * reason, and the accepted leads with the status moves the lifecycle allows (`leadNextStatuses`).
 * The server re-checks every action; the inbox reloads after each one so it always shows the
 * server's state (a rejected lead disappears: it went to another partner).
 */
import { LightningElement } from 'lwc';
import getInbox from '@salesforce/apex/PortalLeadInboxController.getInbox';
import acceptLead from '@salesforce/apex/PortalLeadInboxController.accept';
import rejectLead from '@salesforce/apex/PortalLeadInboxController.reject';
import updateLeadStatus from '@salesforce/apex/PortalLeadInboxController.updateStatus';
import { leadNextStatuses, leadSlaStatus } from 'c/prmRules';
import { errorMessage } from 'c/errorUtils';

type Inbox = PrmApex.PortalLeadInboxController_Inbox;
type InboxLead = PrmApex.PortalLeadInboxController_LeadRow;
type ActionResult = PrmApex.PortalLeadInboxController_ActionResult;

export interface Option {
  label: string;
  value: string;
}

export interface OfferRow {
  id: string;
  company: string;
  name: string;
  place: string;
  interest: string;
  acceptBy: string | null;
  countdown: string;
  countdownClass: string;
  overdue: boolean;
  isRejecting: boolean;
  acceptLabel: string;
  rejectLabel: string;
  reasonLabel: string;
}

export interface ActiveRow {
  id: string;
  company: string;
  name: string;
  email: string;
  phone: string;
  status: string;
  statusOptions: Option[];
  canMove: boolean;
  statusLabel: string;
  saveLabel: string;
}

/** Statuses a partner may move an accepted lead to; the lifecycle rule says which apply now. */
// picklist: Lead.Partner_Share_Status__c
const PARTNER_MOVES = ['Working', 'Converted', 'Lost'];

/** Under this many minutes left, the countdown turns red. */
export const URGENT_MINUTES = 240;

const TICK_MS = 30000;

/**
 * The time left on an offer, in words.
 * @param remainingMinutes whole minutes left (negative once overdue); null when not offered
 */
export function countdownText(remainingMinutes: number | null): string {
  if (remainingMinutes === null) {
    return '';
  }
  const overdue = remainingMinutes < 0;
  const minutes = Math.abs(remainingMinutes);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  let span: string;
  if (days > 0) {
    span = `${days}d ${hours}h`;
  } else if (hours > 0) {
    span = `${hours}h ${rest}m`;
  } else {
    span = `${rest}m`;
  }
  return overdue ? `Overdue by ${span}` : `${span} left`;
}

function placeOf(lead: InboxLead): string {
  return [lead.city, lead.state, lead.country].filter((part) => !!part).join(', ');
}

/**
 * Offered leads with their countdown at an instant.
 * @param offered offered leads from the server
 * @param nowIso the instant (server time)
 * @param rejectingId the lead whose reject form is open
 */
export function offerRows(offered: InboxLead[], nowIso: string, rejectingId?: string): OfferRow[] {
  return offered.map((lead) => {
    const acceptBy = lead.acceptBy ?? null;
    const sla = acceptBy ? leadSlaStatus({ now: nowIso, acceptBy, status: 'Offered' }) : null;
    const remaining = sla ? sla.remainingMinutes : null;
    const overdue = sla ? sla.overdue : false;
    const urgent = overdue || (remaining !== null && remaining <= URGENT_MINUTES);
    const company = lead.company ?? '';
    return {
      id: lead.id ?? '',
      company,
      name: lead.name ?? '',
      place: placeOf(lead),
      interest: [lead.segment, lead.productInterest].filter((part) => !!part).join(' · '),
      acceptBy,
      countdown: countdownText(remaining),
      countdownClass: urgent ? 'slds-text-color_error' : 'slds-text-color_weak',
      overdue,
      isRejecting: rejectingId !== undefined && rejectingId === lead.id,
      acceptLabel: `Accept the lead from ${company}`,
      rejectLabel: `Reject the lead from ${company}`,
      reasonLabel: `Why are you rejecting the lead from ${company}?`,
    };
  });
}

/**
 * Accepted and working leads with the moves the lifecycle allows a partner.
 * @param active accepted and working leads from the server
 */
export function activeRows(active: InboxLead[]): ActiveRow[] {
  return active.map((lead) => {
    const status = lead.status ?? '';
    const options = leadNextStatuses({ from: status })
      .filter((next): next is string => next !== null && PARTNER_MOVES.includes(next))
      .map((next) => ({ label: next, value: next }));
    const company = lead.company ?? '';
    return {
      id: lead.id ?? '',
      company,
      name: lead.name ?? '',
      email: lead.email ?? '',
      phone: lead.phone ?? '',
      status,
      statusOptions: options,
      canMove: options.length > 0,
      statusLabel: `New status for the lead from ${company}`,
      saveLabel: `Save the status of the lead from ${company}`,
    };
  });
}

export default class LeadInbox extends LightningElement {
  inbox?: Inbox;
  error?: string;
  announcement?: string;
  announcementIsError = false;
  busyId?: string;
  rejectingId?: string;
  rejectReason?: string;
  nextStatus: Record<string, string> = {};
  /** Server clock minus browser clock, so countdowns follow the server. */
  clockOffsetMs = 0;
  nowMs = Date.now();
  private timer?: ReturnType<typeof setInterval>;

  connectedCallback() {
    this.load();
    // A countdown needs a clock: re-render every 30 seconds.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    this.timer = setInterval(() => {
      this.nowMs = Date.now();
    }, TICK_MS);
  }

  disconnectedCallback() {
    if (this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  async load() {
    try {
      const inbox = await getInbox({});
      this.clockOffsetMs = inbox.serverNow ? Date.parse(inbox.serverNow) - Date.now() : 0;
      this.nowMs = Date.now();
      this.inbox = inbox;
      this.error = undefined;
    } catch (error) {
      this.inbox = undefined;
      this.error = errorMessage(error, 'Your leads could not be loaded. Reload the page to try again.');
    }
  }

  get isLoading(): boolean {
    return !this.inbox && !this.error;
  }

  get offers(): OfferRow[] {
    const now = new Date(this.nowMs + this.clockOffsetMs).toISOString();
    return offerRows(this.inbox?.offered ?? [], now, this.rejectingId);
  }

  get actives(): ActiveRow[] {
    return activeRows(this.inbox?.active ?? []);
  }

  get hasOffers(): boolean {
    return this.offers.length > 0;
  }

  get hasActives(): boolean {
    return this.actives.length > 0;
  }

  get noOffers(): boolean {
    return !!this.inbox && !this.hasOffers;
  }

  get noActives(): boolean {
    return !!this.inbox && !this.hasActives;
  }

  get reasonOptions(): Option[] {
    return (this.inbox?.rejectionReasons ?? []).map((option) => ({
      label: option.label ?? '',
      value: option.value ?? '',
    }));
  }

  get isBusy(): boolean {
    return this.busyId !== undefined;
  }

  handleAccept(event: Event) {
    const leadId = idOf(event);
    if (leadId) {
      this.act(leadId, () => acceptLead({ leadId }));
    }
  }

  handleRejectStart(event: Event) {
    this.rejectingId = idOf(event);
    this.rejectReason = undefined;
    this.announcement = undefined;
  }

  handleRejectCancel() {
    this.rejectingId = undefined;
    this.rejectReason = undefined;
  }

  handleReasonChange(event: CustomEvent<{ value: string }>) {
    this.rejectReason = event.detail.value;
  }

  handleRejectConfirm(event: Event) {
    const leadId = idOf(event);
    if (!leadId) {
      return;
    }
    if (!this.rejectReason) {
      this.announce('Choose why you are rejecting the lead.', true);
      return;
    }
    const reason = this.rejectReason;
    this.act(leadId, () => rejectLead({ leadId, reason }));
  }

  handleStatusChange(event: CustomEvent<{ value: string }>) {
    const leadId = idOf(event);
    if (leadId) {
      this.nextStatus = { ...this.nextStatus, [leadId]: event.detail.value };
    }
  }

  handleStatusSave(event: Event) {
    const leadId = idOf(event);
    if (!leadId) {
      return;
    }
    const status = this.nextStatus[leadId];
    if (!status) {
      this.announce('Choose the new status first.', true);
      return;
    }
    this.act(leadId, () => updateLeadStatus({ leadId, status }));
  }

  private async act(leadId: string, call: () => Promise<ActionResult>) {
    this.busyId = leadId;
    this.announcement = undefined;
    try {
      const result = await call();
      this.announce(result.message ?? (result.success ? 'Saved.' : 'Not saved.'), result.success !== true);
      if (result.success) {
        this.rejectingId = undefined;
        this.rejectReason = undefined;
        const remaining = { ...this.nextStatus };
        delete remaining[leadId];
        this.nextStatus = remaining;
      }
      await this.load();
    } catch (error) {
      this.announce(errorMessage(error, 'The change was not saved. Try again.'), true);
    } finally {
      this.busyId = undefined;
    }
  }

  private announce(message: string, isError: boolean) {
    this.announcement = message;
    this.announcementIsError = isError;
  }
}

function idOf(event: Event): string | undefined {
  return (event.currentTarget as HTMLElement | null)?.dataset.id;
}
