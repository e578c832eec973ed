/**
 * Routing panel of the Lead record page: the partner the lead is offered to, the deadline and
 * the SLA left (`leadSlaStatus` against the server clock), the hop history, which partners could
 * take the lead and why the others cannot, and re-routing by hand (next partner by the policy
 * strategy, a partner of the manager's choice, or back to the internal queue). The server decides
 * and records every move; the panel shows its answer and refreshes the record page.
 */
import { LightningElement, api } from 'lwc';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import getRouting from '@salesforce/apex/LeadRoutingPanelController.getRouting';
import rerouteToNext from '@salesforce/apex/LeadRoutingPanelController.rerouteToNext';
import offerToPartner from '@salesforce/apex/LeadRoutingPanelController.offerToPartner';
import returnToQueue from '@salesforce/apex/LeadRoutingPanelController.returnToQueue';
import { leadSlaStatus } from 'c/prmRules';
import { errorMessage } from 'c/errorUtils';

type RoutingView = PrmApex.LeadRoutingPanelController_RoutingView;
type Hop = PrmApex.LeadRoutingPanelController_Hop;
type Candidate = PrmApex.LeadRoutingPanelController_Candidate;

export interface HopRow {
  id: string;
  name: string;
  partnerName: string;
  offeredAt: string | null;
  outcome: string;
  outcomeClass: string;
  detail: string;
}

export interface ExclusionRow {
  partnerId: string;
  name: string;
  why: string;
}

/** Why routing cannot offer the lead to a partner, in words (rule reason codes). */
const EXCLUSION_TEXT: Readonly<Record<string, string>> = {
  EXCLUDED_FOR_LEAD: 'Already offered this lead',
  INACTIVE: 'Not an active partner',
  TIER_TOO_LOW: 'Tier below the policy minimum',
  NOT_CERTIFIED: 'No active certification',
  AT_CAPACITY: 'At lead capacity',
  OUT_OF_TERRITORY: 'Outside its territories',
};

/**
 * The SLA of the current offer in words.
 * @param view routing state
 * @param nowIso the instant (server time)
 */
export function slaText(view: RoutingView, nowIso: string): { text: string; overdue: boolean } {
  if (view.status !== 'Offered' || !view.acceptBy) {
    return { text: '', overdue: false };
  }
  const sla = leadSlaStatus({ now: nowIso, acceptBy: view.acceptBy, status: 'Offered' });
  const minutes = Math.abs(sla.remainingMinutes ?? 0);
  const span = minutes >= 60 ? `${Math.floor(minutes / 60)}h ${minutes % 60}m` : `${minutes}m`;
  return { text: sla.overdue ? `Overdue by ${span}` : `${span} left to accept`, overdue: sla.overdue };
}

/**
 * The offers of the lead, oldest first.
 * @param hops offer rows from the server
 */
export function hopRows(hops: Hop[]): HopRow[] {
  return hops.map((hop) => {
    const outcome = hop.outcome ?? '';
    const detail = [hop.strategy, hop.rejectionReason, hop.reason].filter((part) => !!part).join(' · ');
    return {
      id: hop.id ?? '',
      name: hop.name ?? '',
      partnerName: hop.partnerName ?? '',
      offeredAt: hop.offeredAt ?? null,
      outcome,
      outcomeClass: outcome === 'Accepted' ? 'slds-theme_success' : outcome === 'Pending' ? '' : 'slds-theme_warning',
      detail,
    };
  });
}

/**
 * Partners the lead can be offered to by hand, with their load.
 * @param candidates partners from the server
 */
export function partnerOptions(candidates: Candidate[]): { label: string; value: string }[] {
  return candidates
    .filter((candidate) => candidate.eligible === true)
    .map((candidate) => {
      const capacity =
        candidate.capacity === null || candidate.capacity === undefined ? 'no limit' : candidate.capacity;
      return {
        label: `${candidate.name ?? ''} (${candidate.openLeads ?? 0} open / ${capacity})`,
        value: candidate.partnerId ?? '',
      };
    });
}

/**
 * Partners routing would not choose now, and why.
 * @param candidates partners from the server
 */
export function exclusionRows(candidates: Candidate[]): ExclusionRow[] {
  return candidates
    .filter((candidate) => candidate.eligible !== true)
    .map((candidate) => ({
      partnerId: candidate.partnerId ?? '',
      name: candidate.name ?? '',
      why: EXCLUSION_TEXT[candidate.reason ?? ''] ?? candidate.reason ?? '',
    }));
}

/**
 * What a re-routing did, in words: the partner now holding the offer, or the queue and why.
 * @param view routing state after the change
 */
export function outcomeText(view: RoutingView): string {
  if (view.status === 'Offered') {
    return `Offered to ${view.partnerName ?? 'the partner'}.`;
  }
  const why = view.routingReason ? ` ${view.routingReason}.` : '';
  return `The lead is back in the internal queue.${why}`;
}

export default class LeadRoutingPanel extends LightningElement {
  @api recordId?: string;
  view?: RoutingView;
  error?: string;
  busy = false;
  chosenPartnerId?: string;
  announcement?: string;
  announcementIsError = false;
  clockOffsetMs = 0;

  connectedCallback() {
    this.load();
  }

  async load() {
    if (!this.recordId) {
      return;
    }
    try {
      const view = await getRouting({ leadId: this.recordId });
      this.clockOffsetMs = view.serverNow ? Date.parse(view.serverNow) - Date.now() : 0;
      this.view = view;
      this.error = undefined;
    } catch (error) {
      this.view = undefined;
      this.error = errorMessage(error, 'The routing of this lead could not be loaded.');
    }
  }

  get isLoading(): boolean {
    return !this.view && !this.error;
  }

  get statusLabel(): string {
    return this.view?.status ?? 'Not shared';
  }

  get offerCountText(): string {
    return `${this.view?.offerCount ?? 0} of ${this.view?.maxOffers ?? 0} offers`;
  }

  get hasPartner(): boolean {
    return !!this.view?.partnerId;
  }

  get sla(): { text: string; overdue: boolean } {
    return this.view
      ? slaText(this.view, new Date(Date.now() + this.clockOffsetMs).toISOString())
      : { text: '', overdue: false };
  }

  get slaClass(): string {
    return this.sla.overdue ? 'slds-text-color_error' : 'slds-text-color_weak';
  }

  get hops(): HopRow[] {
    return hopRows(this.view?.hops ?? []);
  }

  get hasHops(): boolean {
    return this.hops.length > 0;
  }

  get options(): { label: string; value: string }[] {
    return partnerOptions(this.view?.candidates ?? []);
  }

  get exclusions(): ExclusionRow[] {
    return exclusionRows(this.view?.candidates ?? []);
  }

  get hasExclusions(): boolean {
    return this.exclusions.length > 0;
  }

  get canRoute(): boolean {
    return this.view?.canRoute === true;
  }

  get cannotRoute(): boolean {
    return !!this.view && !this.canRoute;
  }

  get actionsDisabled(): boolean {
    return this.busy || !this.canRoute;
  }

  get offerDisabled(): boolean {
    return this.actionsDisabled || !this.chosenPartnerId;
  }

  get queueDisabled(): boolean {
    return this.actionsDisabled || (!this.view?.status && !this.view?.partnerId);
  }

  handlePartnerChange(event: CustomEvent<{ value: string }>) {
    this.chosenPartnerId = event.detail.value;
  }

  handleNext() {
    const leadId = this.recordId;
    if (leadId) {
      this.act(() => rerouteToNext({ leadId }));
    }
  }

  handleOffer() {
    const leadId = this.recordId;
    const partnerId = this.chosenPartnerId;
    if (leadId && partnerId) {
      this.act(() => offerToPartner({ leadId, partnerId }));
    }
  }

  handleQueue() {
    const leadId = this.recordId;
    if (leadId) {
      this.act(() => returnToQueue({ leadId }));
    }
  }

  private async act(call: () => Promise<RoutingView>) {
    this.busy = true;
    this.announcement = undefined;
    try {
      const view = await call();
      this.view = view;
      this.chosenPartnerId = undefined;
      this.announce(outcomeText(view), false);
      if (this.recordId) {
        await notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
      }
    } catch (error) {
      this.announce(errorMessage(error, 'The lead was not re-routed. Try again.'), true);
    } finally {
      this.busy = false;
    }
  }

  private announce(message: string, isError: boolean) {
    this.announcement = message;
    this.announcementIsError = isError;
  }
}
