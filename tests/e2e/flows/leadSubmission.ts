/**
 * Lead submission without a duplicate oracle: a person others in the org know is simply
 * submitted (our reviewers see the match, the partner does not); a person the partner already
 * submitted is refused; a company it already has needs the partner's confirmation, and the
 * confirmed lead is submitted.
 */
import type { E2ETest } from '../harness';

export const LEAD_SUBMISSION_FLOWS: E2ETest[] = [
  {
    name: 'lead submission: answers only about the partner’s own leads, on submit',
    pages: ['submit-lead'],
    run: async (t) => {
      const contact = t.dataset.records.Contact.find((c) => typeof c.Email === 'string')!;
      await t.open('submit-lead');
      const form = t.component('leadSubmissionForm');
      t.check((await form.getByRole('button', { name: 'Check for duplicates' }).count()) === 0, 'no check button');
      const fill = async (label: string, value: string) => {
        // Required fields' labels start with an asterisk: match the end of the name.
        const input = form.getByLabel(new RegExp(`(^|\\*)${label}$`)).first();
        await input.fill(value);
        await input.blur();
      };
      const announcement = form.locator('[data-id="announcement"]').first();
      const verdict = form.locator('[data-id="verdict"]').first();
      const submitted = () =>
        t.waitUntil(async () => /Thank you/.test(await announcement.innerText()), 'the lead is submitted');

      await fill('Last name', 'Moreau');
      await fill('Company', 'Brand New Ventures Unlimited');
      await fill('Email', String(contact.Email));
      await form.getByRole('button', { name: 'Submit lead' }).click();
      await submitted();

      await fill('Last name', 'Moreau');
      await fill('Company', 'Brand New Ventures Unlimited');
      await fill('Email', String(contact.Email));
      await form.getByRole('button', { name: 'Submit lead' }).click();
      await t.waitUntil(
        async () =>
          (await verdict.count()) > 0 && /already has a lead with this e-mail/.test(await verdict.innerText()),
        'the partner’s own lead with the e-mail is refused',
      );

      await fill('Email', 'claire.moreau@brand-new-ventures.example');
      await form.getByRole('button', { name: 'Submit lead' }).click();
      await t.waitUntil(
        async () =>
          (await verdict.count()) > 0 && /already has a lead for this company/.test(await verdict.innerText()),
        'a company the partner already has asks for confirmation',
      );
      await form.getByText('I understand; submit the lead for review anyway').first().click();
      await form.getByRole('button', { name: 'Submit lead' }).click();
      await submitted();
      const submits = (await t.probe()).apexCalls.filter(
        (c) => c.method === 'PortalLeadSubmissionController.submit' && c.ok,
      );
      t.equal(submits.length, 4, 'submit calls');
      t.checkNoErrors();
      await t.checkAccessibility();
      await t.screenshot('flow-lead-submitted');
    },
  },
];
