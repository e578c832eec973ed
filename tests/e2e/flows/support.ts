/**
 * Help and support: a partner opens a case with a subject, a topic and the question, and sees
 * it listed with its number; the button waits until all three are given.
 */
import type { E2ETest } from '../harness';

export const SUPPORT_FLOWS: E2ETest[] = [
  {
    name: 'support: a partner opens a case and sees it in the company list',
    pages: ['support'],
    run: async (t) => {
      await t.open('support');
      const support = t.component('partnerSupport');
      const openButton = support.getByRole('button', { name: 'Open case' });
      t.check(await openButton.isDisabled(), 'nothing to send yet');
      await support
        .getByLabel(/Subject$/)
        .first()
        .fill('Commission missing for Q3');
      await support
        .getByRole('combobox', { name: /What is it about/ })
        .first()
        .click();
      await support.getByRole('option', { name: 'Commissions and payments' }).first().click();
      await support
        .getByLabel(/Your question$/)
        .first()
        .fill('Our Q3 commission for the Contoso deal is not in Earnings.');
      await openButton.click();
      await t.waitUntil(
        async () =>
          /is open\. Your channel manager has been told/.test(
            await support.locator('[data-id="announcement"]').first().innerText(),
          ),
        'the new case is confirmed with its number',
      );
      t.check((await support.locator('[data-case]').count()) === 1, 'the case is listed');
      t.check(
        /Commission missing for Q3/.test(await support.locator('[data-case]').first().innerText()),
        'with its subject',
      );
      t.checkNoErrors();
      await t.checkAccessibility();
      await t.screenshot('flow-support-case-opened');
    },
  },
];
