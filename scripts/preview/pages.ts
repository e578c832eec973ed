/**
 * The preview's page registry. Portal pages come from the LWR site in source
 * (./sitePages.ts: its routes, views and theme layouts); internal record pages are one
 * declarative entry each here. A page lists the components it shows (folder names in
 * lwc-ts-src) with their public properties; record pages name the demo record to open by a
 * predicate over the demo data. A page appears once all of its own components exist.
 */
import { PROJECT_ROOT } from '../lib/project';
import type { AnalyticsView } from './browser/analytics';
import type { DemoDataset, DemoRecord, FieldValue, PageAudience, PageComponent, PageConfig } from './browser/types';
import { sitePageSpecs } from './sitePages';

/** How a record page picks its record: the first record of the object the predicate accepts. */
export interface RecordChoice {
  objectApiName: string;
  pick: (record: DemoRecord, data: DemoDataset) => boolean;
}

export interface PageSlotSpec {
  component: string;
  props?: Record<string, FieldValue>;
  /** Sets `recordId` and `objectApiName` from the chosen record. */
  record?: RecordChoice;
  /** Part of the site's theme layout (header): left out, not the page, when it cannot be built. */
  layout?: boolean;
}

export interface PageSpec {
  id: string;
  title: string;
  audience: PageAudience;
  guest?: boolean;
  description: string;
  slots: PageSlotSpec[];
  /** Salesforce components the site places here (`community_login:loginForm`, …): the platform renders them. */
  platformComponents?: string[];
  /** Page-reference names that lead here (see PageConfig.navigationNames). */
  navigationNames?: string[];
  /** A report or dashboard evaluated on the demo data (./analyticsPages.ts). */
  analytics?: AnalyticsView;
}

/** Internal record and app pages, which live in Lightning App Builder, not in the site. */
export const INTERNAL_PAGES: readonly PageSpec[] = [
  {
    id: 'review-console',
    title: 'Registration review',
    audience: 'internal',
    description: 'Partner managers: pending registrations by age, conflicts, approve or reject.',
    slots: [{ component: 'registrationReviewConsole' }],
    navigationNames: ['Registration_Review'],
  },
  {
    id: 'registration-conflicts',
    title: 'Conflicts (Account)',
    audience: 'internal',
    description: 'Partner conflict panel on a customer Account with partner registrations.',
    slots: [
      {
        component: 'registrationConflictPanel',
        record: {
          objectApiName: 'Account',
          pick: (account, data) =>
            account.Is_Partner__c !== true &&
            (data.records.Deal_Registration__c ?? []).some((r) => r.Matched_Account__c === account.Id),
        },
      },
    ],
    navigationNames: ['Account'],
  },
  {
    id: 'membership-tier',
    title: 'Tier (Account)',
    audience: 'internal',
    description: "Tier history and the metrics behind it on the partner's Account.",
    slots: [
      {
        component: 'membershipTierPanel',
        record: { objectApiName: 'Account', pick: (account, data) => account.Id === data.partnerAccountId },
      },
    ],
  },
  {
    id: 'commission-payout',
    title: 'Commission payout run',
    audience: 'internal',
    description: 'Admins and finance: approve a period, export the batch for finance, mark it paid.',
    slots: [{ component: 'commissionPayoutRun' }],
  },
  {
    id: 'lead-routing',
    title: 'Routing (Lead)',
    audience: 'internal',
    description: 'Who a lead was offered to, when, the SLA and the routing reason.',
    slots: [
      {
        component: 'leadRoutingPanel',
        // A lead offered before and still routable (not converted, offers left under the policy's 3).
        record: {
          objectApiName: 'Lead',
          pick: (lead) =>
            Number(lead.Offer_Count__c ?? 0) === 2 &&
            lead.Partner_Direction__c === 'To Partner' &&
            ['Offered', 'Rejected', 'Recalled'].includes(String(lead.Partner_Share_Status__c)),
        },
      },
    ],
  },
  {
    id: 'opportunity-attribution',
    title: 'Attribution (Opportunity)',
    audience: 'internal',
    description: 'Partners, roles, weights and attributed amounts on an Opportunity.',
    slots: [
      {
        component: 'partnerAttributionPanel',
        record: {
          objectApiName: 'Opportunity',
          pick: (opp, data) =>
            (data.records.Partner_Attribution__c ?? []).filter((a) => a.Opportunity__c === opp.Id).length > 1,
        },
      },
    ],
    navigationNames: ['Opportunity'],
  },
];

/** Every preview page: the site's portal pages, then the internal ones. */
export const PAGES: readonly PageSpec[] = [...sitePageSpecs(PROJECT_ROOT), ...INTERNAL_PAGES];

/** `dealRegistrationForm` → `c-deal-registration-form`. */
export function tagOf(component: string): string {
  return `c-${component.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Pages whose components all exist, with their records chosen from the demo data. */
export function resolvePages(
  specs: readonly PageSpec[],
  components: ReadonlySet<string>,
  data: DemoDataset,
): PageConfig[] {
  return specs
    .filter((spec) => spec.slots.every((slot) => slot.layout === true || components.has(slot.component)))
    .map((spec) => ({
      id: spec.id,
      title: spec.title,
      audience: spec.audience,
      guest: spec.guest === true,
      description: spec.description,
      navigationNames: spec.navigationNames ?? [],
      platformComponents: spec.platformComponents ?? [],
      ...(spec.analytics ? { analytics: spec.analytics } : {}),
      components: spec.slots
        .filter((slot) => components.has(slot.component))
        .map((slot): PageComponent => {
          const props: Record<string, FieldValue> = { ...(slot.props ?? {}) };
          if (slot.record) {
            const choice = slot.record;
            const record =
              (data.records[choice.objectApiName] ?? []).find((r) => choice.pick(r, data)) ??
              (data.records[choice.objectApiName] ?? [])[0];
            if (!record) {
              throw new Error(`Page ${spec.id}: the demo data has no ${choice.objectApiName} record`);
            }
            props.recordId = record.Id;
            props.objectApiName = choice.objectApiName;
          }
          return { component: slot.component, tag: tagOf(slot.component), props };
        }),
    }));
}

/** Exposed components (page-level) that no page shows: each should get an entry in PAGES. */
export function componentsWithoutPage(specs: readonly PageSpec[], exposed: readonly string[]): string[] {
  const placed = new Set(specs.flatMap((s) => s.slots.map((slot) => slot.component)));
  return exposed.filter((c) => !placed.has(c));
}
