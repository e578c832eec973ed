/**
 * Lead sharing flows: the partner accepts one offered lead and rejects another with a
 * reason; the adapter decides through `leadCanTransition`, and the inbox moves the accepted
 * lead to "Your leads" and drops the rejected one. A reject without a reason is refused.
 */
import { leadCanTransition } from '../../../lwc-ts-src/prmRules/prmRules';
import type { DemoRecord } from '../../../scripts/preview/browser/types';
import type { E2ETest, TestContext } from '../harness';

function offeredLeads(t: TestContext): DemoRecord[] {
  return t.dataset.records.Lead.filter(
    (l) =>
      l.Partner_Account__c === t.dataset.partnerAccountId &&
      l.Partner_Direction__c === 'To Partner' &&
      l.Partner_Share_Status__c === 'Offered' &&
      String(l.Accept_By__c ?? '') > t.dataset.asOf,
  ).sort((a, b) => String(a.Accept_By__c).localeCompare(String(b.Accept_By__c)));
}

export const LEAD_FLOWS: E2ETest[] = [
  {
    name: 'lead inbox: accept one offered lead and reject another with a reason',
    pages: ['lead-inbox'],
    run: async (t) => {
      const offers = offeredLeads(t);
      t.check(offers.length >= 2, `the demo partner has two open offers (has ${offers.length})`);
      t.check(leadCanTransition({ from: 'Offered', to: 'Accepted' }).allowed, 'rule allows Offered → Accepted');
      const [first, second] = offers;
      await t.open('lead-inbox');
      const inbox = t.component('leadInbox');
      const offerRow = (lead: DemoRecord) => inbox.locator(`[data-offer="${lead.Id}"]`);
      await offerRow(first).waitFor();
      t.check(
        /left|overdue/i.test(await offerRow(first).locator('[data-cell="countdown"]').innerText()),
        'SLA countdown',
      );

      await offerRow(first).getByRole('button', { name: 'Accept' }).click();
      await t.waitUntil(async () => (await offerRow(first).count()) === 0, 'accepted lead leaves the offers');
      const activeRow = inbox.locator('[data-id="actives"] tr', { hasText: String(first.Company) }).first();
      await activeRow.waitFor();
      t.check(/Accepted/.test(await activeRow.innerText()), 'accepted lead listed as Accepted');
      await t.screenshot('flow-lead-accepted');

      await offerRow(second).getByRole('button', { name: 'Reject' }).click();
      const form = offerRow(second).locator('[data-id="reject-form"]');
      await form.waitFor();
      // Without a reason the rejection is not sent (the rule requires one).
      t.check(
        !leadCanTransition({ from: 'Offered', to: 'Rejected', reason: null }).allowed,
        'rule refuses a reject without a reason',
      );
      await form.getByRole('button', { name: 'Reject lead' }).click();
      t.equal(
        (await t.probe()).apexCalls.filter((c) => c.method === 'PortalLeadInboxController.reject' && c.ok).length,
        0,
        'rejections saved without a reason',
      );
      const reasons = t.dataset.picklists['Lead.Rejection_Reason__c'] ?? [];
      t.check(reasons.length > 0, 'rejection reasons come from the picklist');
      await form.getByRole('combobox').first().click();
      await form.getByRole('option', { name: reasons[0].label }).first().click();
      await form.getByRole('button', { name: 'Reject lead' }).click();
      await t.waitUntil(async () => (await offerRow(second).count()) === 0, 'rejected lead leaves the inbox');
      const rejectCalls = (await t.probe()).apexCalls.filter((c) => c.method === 'PortalLeadInboxController.reject');
      t.check(
        rejectCalls.some((c) => c.ok && JSON.stringify(c.params).includes(reasons[0].value)),
        'reject sent with the chosen reason',
      );
      t.check(!(await inbox.innerText()).includes(String(second.Company)), 'rejected lead no longer shown');
      t.checkNoErrors();
      await t.checkAccessibility();
      await t.screenshot('flow-lead-rejected');
    },
  },
];
