/**
 * Tier flows: the partner sees its tier and the progress to the next tier that the shared
 * `tierProgress` rule gives for its stored metrics; the Account page shows the tier history.
 */
import { tierProgress } from '../../../lwc-ts-src/prmRules/prmRules';
import type { DemoDataset, DemoRecord } from '../../../scripts/preview/browser/types';
import type { E2ETest } from '../harness';

/** The membership the home shows first: the primary program's, else the earliest enrolled. */
function firstMembership(data: DemoDataset): DemoRecord {
  const account = data.records.Account.find((a) => a.Id === data.partnerAccountId)!;
  const memberships = data.records.Program_Membership__c.filter((m) => m.Partner_Account__c === account.Id).sort(
    (a, b) =>
      String(a.Enrolled_On__c ?? '9999').localeCompare(String(b.Enrolled_On__c ?? '9999')) || a.Id.localeCompare(b.Id),
  );
  return memberships.find((m) => m.Program__c === account.Primary_Program__c) ?? memberships[0];
}

export const TIER_FLOWS: E2ETest[] = [
  {
    name: 'partner home shows the tier and the progress the tierProgress rule gives',
    pages: ['home'],
    run: async (t) => {
      const data = t.dataset;
      const membership = firstMembership(data);
      const tiers = data.records.Partner_Tier__c.filter((tier) => tier.Program__c === membership.Program__c);
      const held = tiers.find((tier) => tier.Id === membership.Tier__c);
      const expected = tierProgress({
        tiers: tiers.map((tier) => ({
          id: tier.Id,
          rank: Number(tier.Rank__c),
          minRevenue: Number(tier.Min_Revenue_T12M__c ?? 0),
          minActiveCertifications: Number(tier.Min_Active_Certifications__c ?? 0),
          minClosedDeals: Number(tier.Min_Closed_Deals__c ?? 0),
        })),
        metrics: {
          revenueT12M: Number(membership.T12M_Revenue__c ?? 0),
          activeCertifications: Number(membership.Active_Certifications__c ?? 0),
          closedDealsT12M: Number(membership.Closed_Deals_T12M__c ?? 0),
        },
        currentTierId: String(membership.Tier__c),
      });
      await t.open('home');
      const card = t.page.locator('c-partner-home [data-id="membership"]').first();
      await card.waitFor();
      t.equal((await card.locator('[data-id="tier-badge"]').innerText()).trim(), String(held?.Name), 'tier badge');
      if (expected.nextTierId) {
        const next = tiers.find((tier) => tier.Id === expected.nextTierId);
        t.equal(
          (await card.locator('[data-id="next-tier"]').innerText()).trim(),
          `Progress to ${String(next?.Name)}`,
          'next tier heading',
        );
        const bars = card.locator('[role="progressbar"]');
        t.equal(await bars.count(), expected.criteria.length, 'one progress bar per criterion');
        for (let i = 0; i < expected.criteria.length; i++) {
          t.equal(
            Number(await bars.nth(i).getAttribute('aria-valuenow')),
            expected.criteria[i].percent,
            `progress of ${expected.criteria[i].criterion}`,
          );
        }
      } else {
        await card.locator('[data-id="top-tier"]').waitFor();
      }
      t.checkNoErrors();
      await t.screenshot('flow-tier-progress');
    },
  },
  {
    name: 'Account page shows each membership with its tier history',
    pages: ['membership-tier'],
    run: async (t) => {
      const accountId = t.pageConfig('membership-tier').components[0].props.recordId;
      const memberships = t.dataset.records.Program_Membership__c.filter((m) => m.Partner_Account__c === accountId);
      const changes = t.dataset.records.Tier_Change__c.filter((c) =>
        memberships.some((m) => m.Id === c.Program_Membership__c),
      );
      await t.open('membership-tier');
      const panel = t.component('membershipTierPanel');
      const programs = t.dataset.records.Partner_Program__c.filter((p) =>
        memberships.some((m) => m.Program__c === p.Id),
      );
      for (const program of programs) {
        await panel.getByText(String(program.Name)).first().waitFor();
      }
      t.equal(await panel.locator('[data-id="membership"]').count(), memberships.length, 'memberships shown');
      t.equal(await panel.locator('[data-id="change"]').count(), changes.length, 'tier changes shown');
      const tierNames = memberships.map(
        (m) => t.dataset.records.Partner_Tier__c.find((tier) => tier.Id === m.Tier__c)?.Name,
      );
      t.equal(
        (await panel.locator('[data-id="tier"]').allInnerTexts()).map((s) => s.trim()).sort(),
        tierNames.map(String).sort(),
        'tier of each membership',
      );
      t.checkNoErrors();
    },
  },
];
