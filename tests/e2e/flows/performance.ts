/**
 * "My performance": the partner sees its own open pipeline, four quarters of won revenue beside
 * last year's, and a non-zero engagement score fed by its portal logins in the demo data.
 */
import type { E2ETest } from '../harness';

export const PERFORMANCE_FLOWS: E2ETest[] = [
  {
    name: 'my performance shows the partner pipeline, quarters beside last year and engagement from logins',
    pages: ['my-performance'],
    run: async (t) => {
      const data = t.dataset;
      const opportunities = new Map(data.records.Opportunity.map((o) => [o.Id, o]));
      const openDeals = data.records.Partner_Attribution__c.filter((row) => {
        const opportunity = opportunities.get(String(row.Opportunity__c));
        return (
          row.Partner_Account__c === data.partnerAccountId &&
          Number(row.Attributed_Amount__c ?? 0) > 0 &&
          opportunity !== undefined &&
          opportunity.IsClosed !== true
        );
      }).length;
      await t.open('my-performance');
      const card = t.component('partnerPerformance');
      await card.locator('[data-id="summary"]').waitFor();
      t.equal(
        (await card.locator('[data-id="pipeline-deals"]').innerText()).trim(),
        `${openDeals} open deals`,
        'open deals credited to the partner',
      );
      t.equal(await card.locator('[data-id="quarters"] tbody tr').count(), 4, 'four quarters');
      const logins = Number((await card.locator('[data-id="logins"]').innerText()).trim().split(' ')[0]);
      t.check(logins > 0, `the demo partner has portal logins, got ${logins}`);
      const score = Number((await card.locator('[data-id="engagement"]').innerText()).trim().split(' ')[0]);
      t.check(score > 0, `the engagement score counts activity, got ${score}`);
      await t.checkAccessibility();
      t.checkNoErrors();
    },
  },
];
