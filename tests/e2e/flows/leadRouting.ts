/**
 * Lead routing panel: the offer history of a lead, and re-routing it to the next partner in
 * turn, which adds an offer to a partner the lead was not offered to before.
 */
import type { E2ETest } from '../harness';

export const LEAD_ROUTING_FLOWS: E2ETest[] = [
  {
    name: 'lead routing panel: offer history, then re-route to the next partner',
    pages: ['lead-routing'],
    run: async (t) => {
      const leadId = String(t.pageConfig('lead-routing').components[0].props.recordId);
      const offers = t.dataset.records.Lead_Offer__c.filter((o) => o.Lead__c === leadId);
      await t.open('lead-routing');
      const panel = t.component('leadRoutingPanel');
      const hops = panel.locator('li[data-hop]');
      await t.waitUntil(async () => (await hops.count()) === offers.length, `${offers.length} offers in the history`);
      await panel.getByRole('button', { name: 'Next partner in turn' }).click();
      await t.waitUntil(async () => (await hops.count()) === offers.length + 1, 'a new offer is added');
      const calls = (await t.probe()).apexCalls.filter((c) => c.method === 'LeadRoutingPanelController.rerouteToNext');
      t.check(calls.length === 1 && calls[0].ok, 'rerouteToNext succeeded');
      const previous = new Set(
        offers.map((o) => String(t.dataset.records.Account.find((a) => a.Id === o.Partner_Account__c)?.Name)),
      );
      const newest = (await hops.last().innerText()).trim();
      t.check(![...previous].some((name) => newest.startsWith(name)), `re-routed to a new partner (${newest})`);
      t.checkNoErrors();
      await t.checkAccessibility();
      await t.screenshot('flow-lead-rerouted');
    },
  },
];
