/**
 * Stand-ins for the lead sharing controllers: PortalLeadInboxController (offered and active
 * leads; accept, reject, status updates decided by `leadCanTransition` and `leadSlaStatus`),
 * PortalLeadSubmissionController (answer about the partner's own leads on submit, the org-wide
 * match flagged for review only) and
 * LeadRoutingPanelController (offer history, eligible partners by `leadEligiblePartners`,
 * re-routing with the SLA from `leadAcceptBy`). Policy: the packaged Default routing policy
 * (Round Robin, 48 hours, 3 offers, minimum tier rank 1); the SLA clock runs 24x7 here
 * because the preview has no business-hours record.
 */
import {
  leadAcceptBy,
  leadCanTransition,
  leadEligiblePartners,
  leadSlaStatus,
  matchKeys,
  type LeadCandidatePartner,
} from '../../../../lwc-ts-src/prmRules/prmRules';
import type { DemoStore } from '../store';
import type { DemoRecord } from '../types';
import { ApexError, type ApexHandler, type ApexParams } from './api';
import { nextName, partnerAccountId, requireId, text } from './common';

const POLICY = { strategy: 'Round Robin', acceptWithinHours: 48, maxOffers: 3, minTierRank: 1 };
const INBOX_STATUSES = new Set(['Offered', 'Accepted', 'Working']);
const OPEN_STATUSES = new Set(['Offered', 'Accepted', 'Working']);

function leadName(lead: DemoRecord): string {
  return [lead.FirstName, lead.LastName].filter(Boolean).join(' ');
}

// ---------------------------------------------------------------- inbox

function rowOf(lead: DemoRecord): Record<string, unknown> {
  return {
    id: lead.Id,
    name: leadName(lead),
    company: lead.Company ?? null,
    title: lead.Title ?? null,
    email: lead.Email ?? null,
    phone: lead.Phone ?? null,
    city: lead.City ?? null,
    state: lead.State ?? null,
    country: lead.Country ?? null,
    segment: lead.Segment__c ?? null,
    productInterest: lead.Product_Interest__c ?? null,
    status: lead.Partner_Share_Status__c ?? null,
    offeredAt: lead.Offered_At__c ?? null,
    acceptBy: lead.Accept_By__c ?? null,
    acceptedAt: lead.Accepted_At__c ?? null,
  };
}

const getInbox: ApexHandler = (_params, store) => {
  const accountId = partnerAccountId(store);
  const leads = store
    .list('Lead')
    .filter(
      (l) =>
        l.Partner_Account__c === accountId &&
        l.Partner_Direction__c === 'To Partner' &&
        INBOX_STATUSES.has(String(l.Partner_Share_Status__c)),
    )
    .sort(
      (a, b) =>
        String(a.Accept_By__c ?? '~').localeCompare(String(b.Accept_By__c ?? '~')) ||
        String(b.Accepted_At__c ?? '').localeCompare(String(a.Accepted_At__c ?? '')),
    );
  return {
    offered: leads.filter((l) => l.Partner_Share_Status__c === 'Offered').map(rowOf),
    active: leads.filter((l) => l.Partner_Share_Status__c !== 'Offered').map(rowOf),
    rejectionReasons: store.dataset.picklists['Lead.Rejection_Reason__c'] ?? [],
    serverNow: store.now,
  };
};

function transitionMessage(code: string | null | undefined, from: string, to: string): string {
  if (code === 'REJECTION_REASON_REQUIRED') {
    return 'Choose a rejection reason when rejecting a lead.';
  }
  if (code === 'UNKNOWN_STATUS') {
    return 'Unknown partner share status.';
  }
  return `A lead cannot move from ${from || 'not shared'} to ${to || 'not shared'}.`;
}

/** The current offer of a lead: its latest Lead_Offer__c still pending. */
function currentOffer(store: DemoStore, leadId: string): DemoRecord | undefined {
  return store
    .list('Lead_Offer__c')
    .filter((o) => o.Lead__c === leadId && (!o.Outcome__c || o.Outcome__c === 'Pending'))
    .sort((a, b) => String(b.Offered_At__c).localeCompare(String(a.Offered_At__c)))[0];
}

/** PortalLeadInboxController.apply for one request, with the Lead trigger's stamps. */
function respond(store: DemoStore, leadId: string, target: string | null, reason: string | null): unknown {
  const result: Record<string, unknown> = { leadId, success: false, status: null, code: null, message: null };
  const lead = store.get(leadId);
  if (
    !lead ||
    store.objectOf(leadId) !== 'Lead' ||
    lead.Partner_Account__c !== partnerAccountId(store) ||
    lead.Partner_Direction__c !== 'To Partner'
  ) {
    return { ...result, code: 'NOT_FOUND', message: 'This lead is not offered to or held by your company.' };
  }
  const from = String(lead.Partner_Share_Status__c ?? '');
  result.status = from;
  if (!target) {
    return {
      ...result,
      code: 'NOT_ALLOWED',
      message: 'Choose Accept, Reject, or a new status: Working, Converted or Lost.',
    };
  }
  const transition = leadCanTransition({ from, to: target, reason });
  if (!transition.allowed) {
    return { ...result, code: transition.code ?? null, message: transitionMessage(transition.code, from, target) };
  }
  if (
    target === 'Accepted' &&
    lead.Accept_By__c &&
    leadSlaStatus({ now: store.now, acceptBy: String(lead.Accept_By__c), status: from }).overdue
  ) {
    return { ...result, code: 'EXPIRED', message: 'This offer expired: it can no longer be accepted.' };
  }
  store.update(leadId, {
    Partner_Share_Status__c: target,
    ...(target === 'Accepted' ? { Accepted_At__c: store.now } : {}),
    ...(target === 'Rejected' ? { Rejection_Reason__c: reason, Rejected_By_Partner__c: lead.Partner_Account__c } : {}),
  });
  const offer = currentOffer(store, leadId);
  if (offer && (target === 'Accepted' || target === 'Rejected')) {
    store.update(offer.Id, {
      Outcome__c: target,
      Outcome_At__c: store.now,
      ...(target === 'Rejected' ? { Rejection_Reason__c: reason } : {}),
    });
  }
  const message =
    target === 'Accepted'
      ? 'Lead accepted: it is yours to work.'
      : target === 'Rejected'
        ? 'Lead rejected: thank you for telling us why.'
        : `Status updated to ${target}.`;
  return { ...result, success: true, status: target, message };
}

const accept: ApexHandler = (params, store) => respond(store, requireId(params, 'leadId'), 'Accepted', null);

const reject: ApexHandler = (params, store) =>
  respond(store, requireId(params, 'leadId'), 'Rejected', text(params, 'reason'));

const updateStatus: ApexHandler = (params, store) => {
  const status = text(params, 'status');
  const target = status && ['Working', 'Converted', 'Lost'].includes(status) ? status : null;
  return respond(store, requireId(params, 'leadId'), target, null);
};

// ---------------------------------------------------------------- submission

/**
 * The duplicate verdict among some leads (and, for the org-wide LeadMatchKeyService.verdictOf,
 * contacts and customer accounts): NEW, POSSIBLE_DUPLICATE or DUPLICATE.
 */
function duplicateVerdict(store: DemoStore, draft: ApexParams, leads: DemoRecord[], orgWide: boolean): string {
  const email = text(draft, 'email');
  const people = orgWide ? [...leads, ...store.list('Contact')] : leads;
  if (email && people.some((r) => r.Email === email)) {
    return 'DUPLICATE';
  }
  const keys = matchKeys({ name: text(draft, 'company'), website: text(draft, 'website'), email });
  if (!keys.companyKey && !keys.domainKey) {
    return 'NEW';
  }
  const matches = (r: DemoRecord) =>
    (keys.companyKey !== null && r.Match_Key__c === keys.companyKey) ||
    (keys.domainKey !== null && r.Domain_Key__c === keys.domainKey);
  if (leads.some(matches)) {
    return 'POSSIBLE_DUPLICATE';
  }
  if (!orgWide) {
    return 'NEW';
  }
  const customers = new Set(
    store
      .list('Account')
      .filter((a) => a.Is_Partner__c !== true && matches(a))
      .map((a) => a.Id),
  );
  return store.list('Contact').some((c) => customers.has(String(c.AccountId))) ? 'POSSIBLE_DUPLICATE' : 'NEW';
}

/** Review notes of PortalLeadSubmissionController, by org-wide verdict. */
const REVIEW_NOTES: Readonly<Record<string, string | null>> = {
  DUPLICATE: 'Submitted by partner; the e-mail matches a lead or contact we already have, check before working it',
  POSSIBLE_DUPLICATE: 'Submitted by partner; possible duplicate of a known company, check before working it',
  NEW: null,
};

const getFormOptions: ApexHandler = (_params, store) => ({
  segments: store.dataset.picklists['Lead.Segment__c'] ?? [],
});

const submitLead: ApexHandler = (params, store) => {
  const draft = (params.draft ?? {}) as ApexParams;
  const refused = (verdict: string | null, needsConfirmation: boolean, message: string) => ({
    success: false,
    leadId: null,
    verdict,
    needsConfirmation,
    message,
  });
  if (!text(draft, 'lastName') || !text(draft, 'company')) {
    return refused(null, false, 'Enter at least the last name and the company.');
  }
  // The hourly limit (Portal_Guard_Policy__mdt) is not modelled: the preview has one session.
  const accountId = partnerAccountId(store);
  const own = store.list('Lead').filter((l) => l.Partner_Account__c === accountId);
  const verdict = duplicateVerdict(store, draft, own, false);
  if (verdict === 'DUPLICATE') {
    return refused(
      verdict,
      false,
      'Your partnership already has a lead with this e-mail address (submitted by you or shared with you), so it cannot be submitted again.',
    );
  }
  if (verdict === 'POSSIBLE_DUPLICATE' && params.confirmPossibleDuplicate !== true) {
    return refused(
      verdict,
      true,
      'Your partnership already has a lead for this company. You can still submit this one: our team will check it before it is worked.',
    );
  }
  const orgVerdict = duplicateVerdict(store, draft, store.list('Lead'), true);
  const keys = matchKeys({
    name: text(draft, 'company'),
    website: text(draft, 'website'),
    email: text(draft, 'email'),
  });
  const lead = store.insert('Lead', {
    FirstName: text(draft, 'firstName'),
    LastName: text(draft, 'lastName'),
    Company: text(draft, 'company'),
    Title: text(draft, 'title'),
    Email: text(draft, 'email'),
    Phone: text(draft, 'phone'),
    Website: text(draft, 'website'),
    City: text(draft, 'city'),
    State: text(draft, 'state'),
    PostalCode: text(draft, 'postalCode'),
    Country: text(draft, 'country'),
    Segment__c: text(draft, 'segment'),
    Product_Interest__c: text(draft, 'productInterest'),
    Description: text(draft, 'description'),
    Status: 'Open - Not Contacted',
    Partner_Direction__c: 'From Partner',
    Partner_Account__c: accountId,
    Match_Key__c: keys.companyKey,
    Domain_Key__c: keys.domainKey,
    Routing_Reason__c: REVIEW_NOTES[orgVerdict] ?? null,
  });
  return {
    success: true,
    leadId: lead.Id,
    verdict,
    needsConfirmation: false,
    message: 'Thank you: the lead was submitted for review.',
  };
};

// ---------------------------------------------------------------- routing panel

function candidatesFor(store: DemoStore, lead: DemoRecord, previous: string[]): Record<string, unknown>[] {
  const partners = store.list('Account').filter((a) => a.Is_Partner__c === true);
  const openLeads = (id: string) =>
    store
      .list('Lead')
      .filter((l) => l.Partner_Account__c === id && OPEN_STATUSES.has(String(l.Partner_Share_Status__c))).length;
  const profiles: LeadCandidatePartner[] = partners.map((a) => ({
    id: a.Id,
    active: a.Partner_Status__c === 'Active',
    tierRank: (store.get(String(a.Current_Tier__c ?? ''))?.Rank__c as number | undefined) ?? null,
    certified: false,
    openLeads: openLeads(a.Id),
    capacity: (a.Lead_Capacity__c as number | null) ?? null,
    territories: String(a.Partner_Territories__c ?? '')
      .split(/[\n,;]+/)
      .map((s) => s.trim())
      .filter(Boolean),
  }));
  const exclude = new Set(previous);
  for (const id of [lead.Rejected_By_Partner__c, lead.Partner_Account__c]) {
    if (typeof id === 'string' && id) {
      exclude.add(id);
    }
  }
  const result = leadEligiblePartners({
    lead: {
      country: (lead.Country as string | null) ?? null,
      state: (lead.State as string | null) ?? null,
      postalCode: (lead.PostalCode as string | null) ?? null,
      segment: (lead.Segment__c as string | null) ?? null,
      productInterest: (lead.Product_Interest__c as string | null) ?? null,
      score: (lead.Partner_Lead_Score__c as number | null) ?? null,
    },
    partners: profiles,
    policy: { minTierRank: POLICY.minTierRank, requireCertification: false },
    excludePartnerIds: [...exclude],
  });
  const candidate = (id: string, eligible: boolean, reason: string | null) => {
    const account = store.get(id)!;
    return {
      partnerId: id,
      name: account.Name,
      eligible,
      reason,
      openLeads: openLeads(id),
      capacity: account.Lead_Capacity__c ?? null,
    };
  };
  return [
    ...result.partnerIds.map((id) => candidate(id, true, null)),
    ...result.excluded.map((e) => candidate(e.partnerId, false, e.reason)),
  ];
}

function routingView(store: DemoStore, leadId: string): Record<string, unknown> {
  const lead = store.get(leadId);
  if (!lead || store.objectOf(leadId) !== 'Lead') {
    throw new ApexError('This lead does not exist or you cannot see it.');
  }
  const offers = store
    .list('Lead_Offer__c')
    .filter((o) => o.Lead__c === leadId)
    .sort(
      (a, b) =>
        String(a.Offered_At__c).localeCompare(String(b.Offered_At__c)) || String(a.Name).localeCompare(String(b.Name)),
    );
  return {
    leadId,
    status: lead.Partner_Share_Status__c ?? null,
    direction: lead.Partner_Direction__c ?? null,
    partnerId: lead.Partner_Account__c ?? null,
    partnerName: store.get(String(lead.Partner_Account__c ?? ''))?.Name ?? null,
    offeredAt: lead.Offered_At__c ?? null,
    acceptBy: lead.Accept_By__c ?? null,
    acceptedAt: lead.Accepted_At__c ?? null,
    offerCount: Number(lead.Offer_Count__c ?? 0),
    maxOffers: POLICY.maxOffers,
    strategy: POLICY.strategy,
    routingReason: lead.Routing_Reason__c ?? null,
    serverNow: store.now,
    canRoute: lead.Partner_Direction__c !== 'From Partner' && lead.Partner_Share_Status__c !== 'Converted',
    hops: offers.map((o) => ({
      id: o.Id,
      name: o.Name,
      partnerId: o.Partner_Account__c,
      partnerName: store.get(String(o.Partner_Account__c))?.Name ?? null,
      offeredAt: o.Offered_At__c ?? null,
      acceptBy: o.Accept_By__c ?? null,
      outcome: o.Outcome__c ?? null,
      outcomeAt: o.Outcome_At__c ?? null,
      reason: o.Reason__c ?? null,
      rejectionReason: o.Rejection_Reason__c ?? null,
      strategy: o.Routing_Strategy__c ?? null,
    })),
    candidates: candidatesFor(
      store,
      lead,
      offers.map((o) => String(o.Partner_Account__c)),
    ),
  };
}

/** Recalls the current offer and puts the lead back in the internal queue, saying why. */
function toQueue(store: DemoStore, leadId: string, reason: string): Record<string, unknown> {
  const offer = currentOffer(store, leadId);
  if (offer) {
    store.update(offer.Id, { Outcome__c: 'Recalled', Outcome_At__c: store.now });
  }
  store.update(leadId, {
    Partner_Account__c: null,
    Partner_Share_Status__c: null,
    Offered_At__c: null,
    Accept_By__c: null,
    Routing_Reason__c: reason,
  });
  return routingView(store, leadId);
}

/**
 * Closes the current offer and offers the lead to `partnerId` (or the first eligible partner).
 * Like LeadDistributionService.reroute, a lead no partner can take goes back to the queue with
 * the routing reason, rather than failing.
 */
function reroute(store: DemoStore, leadId: string, partnerId: string | null): Record<string, unknown> {
  const view = routingView(store, leadId);
  const lead = store.get(leadId)!;
  const offers = Number(lead.Offer_Count__c ?? 0);
  if (offers >= POLICY.maxOffers && !partnerId) {
    return toQueue(store, leadId, `Offered ${offers} times, the policy maximum`);
  }
  const candidates = view.candidates as { partnerId: string; eligible: boolean }[];
  const target = partnerId ?? candidates.find((c) => c.eligible)?.partnerId;
  if (!target) {
    return toQueue(store, leadId, 'No eligible partner with room for the lead');
  }
  if (!candidates.some((c) => c.partnerId === target && c.eligible)) {
    throw new ApexError('Leads can only be offered to active partner accounts');
  }
  const offer = currentOffer(store, leadId);
  if (offer) {
    store.update(offer.Id, { Outcome__c: 'Recalled', Outcome_At__c: store.now });
  }
  const acceptBy = leadAcceptBy({ offeredAt: store.now, hours: POLICY.acceptWithinHours });
  const reason = partnerId ? 'Offered by hand' : 'Next eligible partner in the rotation';
  store.insert('Lead_Offer__c', {
    Name: nextName(store, 'Lead_Offer__c', 'OFR'),
    Lead__c: leadId,
    Partner_Account__c: target,
    Offered_At__c: store.now,
    Accept_By__c: acceptBy,
    Outcome__c: 'Pending',
    Routing_Strategy__c: partnerId ? 'Manual' : POLICY.strategy,
    Reason__c: reason,
  });
  store.update(leadId, {
    Partner_Account__c: target,
    Partner_Share_Status__c: 'Offered',
    Offered_At__c: store.now,
    Accept_By__c: acceptBy,
    Accepted_At__c: null,
    Offer_Count__c: Number(lead.Offer_Count__c ?? 0) + 1,
    Routing_Reason__c: `${partnerId ? 'Manual' : POLICY.strategy}: ${reason.toLowerCase()}`,
  });
  return routingView(store, leadId);
}

const getRouting: ApexHandler = (params, store) => routingView(store, requireId(params, 'leadId'));

const rerouteToNext: ApexHandler = (params, store) => reroute(store, requireId(params, 'leadId'), null);

const offerToPartner: ApexHandler = (params, store) => {
  const partnerId = text(params, 'partnerId');
  if (!partnerId) {
    throw new ApexError('Choose the partner to offer the lead to.');
  }
  return reroute(store, requireId(params, 'leadId'), partnerId);
};

const returnToQueue: ApexHandler = (params, store) => {
  const leadId = requireId(params, 'leadId');
  routingView(store, leadId);
  return toQueue(store, leadId, 'Returned to the queue by the preview user');
};

export const LEADS: Readonly<Record<string, ApexHandler>> = {
  'PortalLeadInboxController.getInbox': getInbox,
  'PortalLeadInboxController.accept': accept,
  'PortalLeadInboxController.reject': reject,
  'PortalLeadInboxController.updateStatus': updateStatus,
  'PortalLeadSubmissionController.getFormOptions': getFormOptions,
  'PortalLeadSubmissionController.submit': submitLead,
  'LeadRoutingPanelController.getRouting': getRouting,
  'LeadRoutingPanelController.rerouteToNext': rerouteToNext,
  'LeadRoutingPanelController.offerToPartner': offerToPartner,
  'LeadRoutingPanelController.returnToQueue': returnToQueue,
};
