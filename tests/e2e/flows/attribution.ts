/**
 * Attribution panel on an Opportunity: add an influencing partner through the record picker;
 * the saved rows are recomputed with the shared `attributeCredit` rule, so the weights still
 * add up to 100 % and the amounts to the opportunity amount.
 */
import { attributeCredit, DEFAULT_ATTRIBUTION_POLICY } from '../../../lwc-ts-src/prmRules/prmRules';
import type { E2ETest } from '../harness';

function numberIn(text: string): number {
  return Number(text.replace(/[^0-9.-]/g, ''));
}

export const ATTRIBUTION_FLOWS: E2ETest[] = [
  {
    name: 'attribution panel: add an influencing partner, weights and amounts still add up',
    pages: ['opportunity-attribution'],
    run: async (t) => {
      const opportunityId = String(t.pageConfig('opportunity-attribution').components[0].props.recordId);
      const opportunity = t.dataset.records.Opportunity.find((o) => o.Id === opportunityId)!;
      const credited = new Set(
        t.dataset.records.Partner_Attribution__c.filter((a) => a.Opportunity__c === opportunityId).map(
          (a) => a.Partner_Account__c,
        ),
      );
      const newcomer = t.dataset.records.Account.filter((a) => a.Is_Partner__c === true && !credited.has(a.Id)).sort(
        (a, b) => String(a.Name).localeCompare(String(b.Name)),
      )[0];
      t.check(newcomer, 'a partner not yet credited on the opportunity');
      await t.open('opportunity-attribution');
      const panel = t.component('partnerAttributionPanel');
      const rows = panel.locator('tr[data-row]');
      await t.waitUntil(async () => (await rows.count()) === credited.size, `${credited.size} rows at first`);

      await panel.getByRole('button', { name: /Add partner/ }).click();
      const form = panel.locator('[data-id="form"]');
      await form
        .getByRole('combobox', { name: /Partner/ })
        .first()
        .click();
      await form
        .getByRole('option', { name: String(newcomer.Name) })
        .first()
        .click();
      // A touch ten days before the close date counts under every model.
      const touchDay = new Date(Date.parse(`${String(opportunity.CloseDate)}T00:00:00Z`) - 10 * 86400000);
      const touchDate = touchDay.toISOString().slice(0, 10);
      const touchInput = form.getByLabel('Touch date').first();
      await touchInput.click();
      await touchInput.fill(
        touchDay.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }),
      );
      await touchInput.blur();
      await form.locator('[data-id="preview-rows"]').waitFor();
      await t.screenshot('flow-attribution-preview');
      await form.getByRole('button', { name: 'Save' }).click();
      await t.waitUntil(async () => (await rows.count()) === credited.size + 1, 'the new partner is listed');
      const texts = await rows.allInnerTexts();
      t.check(
        texts.some((r) => r.includes(String(newcomer.Name))),
        `${String(newcomer.Name)} is credited`,
      );
      const cells = await Promise.all(
        (await rows.all()).map(async (row) => {
          const cols = await row.locator('td, th').allInnerTexts();
          return cols;
        }),
      );
      const stored = t.dataset.records.Partner_Attribution__c.filter((a) => a.Opportunity__c === opportunityId);
      const expected = attributeCredit({
        model: 'Position Based',
        amount: Number(opportunity.Amount),
        closeDate: String(opportunity.CloseDate),
        touches: [
          ...stored.map((a) => ({
            partnerId: String(a.Partner_Account__c),
            touchDate: String(a.Touch_Date__c),
            touchType: (a.Touch_Type__c as string | null) ?? null,
            sourcedRegistrationId: a.Role__c === 'Sourced' ? String(a.Source_Registration__c ?? 'Sourced') : null,
          })),
          { partnerId: newcomer.Id, touchDate, touchType: null, sourcedRegistrationId: null },
        ],
        policy: DEFAULT_ATTRIBUTION_POLICY,
      }).rows.find((r) => r.partnerId === newcomer.Id);
      t.check(expected && expected.weightPercent > 0, 'the rule credits the new partner');
      const newRow = cells.find((cols) => cols.some((c) => c.includes(String(newcomer.Name))))!;
      t.equal(
        numberIn(newRow.find((c) => c.includes('%')) ?? ''),
        expected!.weightPercent,
        'new partner weight as attributeCredit gives it',
      );
      const weights = cells.map((cols) => numberIn(cols.find((c) => c.includes('%')) ?? '0'));
      const total = Math.round(weights.reduce((sum, w) => sum + w, 0) * 100) / 100;
      t.equal(total, 100, 'weights add up to 100 %');
      const amounts = cells.map((cols) => numberIn(cols.find((c) => c.includes('$')) ?? '0'));
      t.equal(
        Math.round(amounts.reduce((sum, a) => sum + a, 0) * 100) / 100,
        Number(opportunity.Amount),
        'amounts add up to the opportunity amount',
      );
      t.checkNoErrors();
      await t.checkAccessibility();
      await t.screenshot('flow-attribution-saved');
    },
  },
];
