/**
 * Public application form (guest): an empty submission marks every required field invalid
 * with a message assistive technology can reach, and passes the accessibility check in that
 * state; a complete one is received and asks for the code e-mailed to the applicant, and a
 * wrong code is refused.
 */
import type { Locator } from 'playwright-core';
import type { E2ETest, TestContext } from '../harness';

/** The error message an invalid control points to through aria-describedby, or ''. */
async function describedError(t: TestContext, control: Locator): Promise<string> {
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts: string[] = [];
  for (const id of ids) {
    const described = t.page.locator(`[id="${id}"]`);
    if ((await described.count()) > 0) {
      texts.push((await described.first().innerText()).trim());
    }
  }
  return texts.filter(Boolean).join(' ');
}

const REQUIRED = ['Company name', 'Country code', 'Last name', 'Business email'];

export const APPLICATION_FLOWS: E2ETest[] = [
  {
    name: 'application form: an empty submission shows accessible errors and sends nothing',
    pages: ['apply'],
    run: async (t) => {
      await t.open('apply');
      const form = t.component('partnerApplicationForm');
      await form.getByRole('button', { name: /submit|apply|send/i }).click();
      for (const label of REQUIRED) {
        const control = form.getByLabel(label, { exact: false }).first();
        await t.waitUntil(
          async () => (await control.getAttribute('aria-invalid')) === 'true',
          `${label} is not marked aria-invalid after an empty submission`,
        );
        const message = await describedError(t, control);
        t.check(message.length > 0, `${label} has no error message linked by aria-describedby`);
      }
      const probe = await t.probe();
      t.equal(
        probe.apexCalls.filter((c) => c.method.endsWith('.submitApplication')).length,
        0,
        'submitApplication calls',
      );
      t.checkNoErrors();
      await t.checkAccessibility();
      await t.screenshot('flow-application-invalid');
    },
  },
  {
    name: 'application form: a complete application is received',
    pages: ['apply'],
    run: async (t) => {
      await t.open('apply');
      const form = t.component('partnerApplicationForm');
      await form.getByLabel('Company name').first().fill('Brightwater Analytics GmbH');
      await form.getByLabel('Website').first().fill('https://brightwater-analytics.example');
      await form.getByLabel('Country code').first().fill('DE');
      await form.getByLabel('Last name').first().fill('Okafor');
      await form.getByLabel('Business email').first().fill('n.okafor@brightwater-analytics.example');
      const program = t.dataset.records.Partner_Program__c.find((p) => p.Active__c === true)!;
      await form
        .getByRole('combobox', { name: /Program/ })
        .first()
        .click();
      await form
        .getByRole('option', { name: String(program.Name) })
        .first()
        .click();
      // SLDS hides the native checkbox under a drawn one: click the label, as a user does.
      await form
        .getByText(/I accept the program terms/)
        .first()
        .click();
      t.check(
        await form
          .getByLabel(/accept the program terms/i)
          .first()
          .isChecked(),
        'terms checkbox is checked',
      );
      await form.getByRole('button', { name: /submit|apply|send/i }).click();
      await form.locator('[data-id="confirmation"]').waitFor();
      const probe = await t.probe();
      const calls = probe.apexCalls.filter((c) => c.method.endsWith('.submitApplication'));
      t.equal(calls.length, 1, 'submitApplication calls');
      t.check(calls[0].ok, 'submitApplication succeeded');
      await form.getByLabel('Code from the e-mail').first().fill('0000 0000');
      await form.getByRole('button', { name: 'Confirm' }).click();
      await form.locator('[data-id="code-message"]').waitFor();
      t.check(
        (await form.locator('[data-id="code-message"]').innerText()).includes('not valid'),
        'a wrong code is refused',
      );
      t.checkNoErrors();
      await t.checkAccessibility();
      await t.screenshot('flow-application-received');
    },
  },
];
