/**
 * Lead submission with duplicate feedback: a known person is refused, a possibly known
 * company needs the partner's confirmation, and the confirmed lead is submitted.
 */
import type { E2ETest } from '../harness';

export const LEAD_SUBMISSION_FLOWS: E2ETest[] = [
  {
    name: 'lead submission: a known person is refused, a known company is submitted after confirmation',
    pages: ['submit-lead'],
    run: async (t) => {
      const contact = t.dataset.records.Contact.find((c) => typeof c.Email === 'string')!;
      const knownLead = t.dataset.records.Lead.find((l) => typeof l.Match_Key__c === 'string' && l.Company)!;
      await t.open('submit-lead');
      const form = t.component('leadSubmissionForm');
      const fill = async (label: string, value: string) => {
        // Required fields' labels start with an asterisk: match the end of the name.
        const input = form.getByLabel(new RegExp(`(^|\\*)${label}$`)).first();
        await input.fill(value);
        await input.blur();
      };
      const verdict = form.locator('[data-id="verdict"]').first();

      await fill('Last name', 'Moreau');
      await fill('Company', 'Brand New Ventures Unlimited');
      await fill('Email', String(contact.Email));
      await form.getByRole('button', { name: 'Check for duplicates' }).click();
      await t.waitUntil(
        async () => (await verdict.count()) > 0 && /already know this person/.test(await verdict.innerText()),
        'a known e-mail address is reported as a known person',
      );

      await fill('Email', 'claire.moreau@brand-new-ventures.example');
      await fill('Company', String(knownLead.Company));
      await form.getByRole('button', { name: 'Submit lead' }).click();
      await t.waitUntil(
        async () => /may already know this company/.test(await verdict.innerText()),
        'a known company asks for confirmation',
      );
      const submits = () =>
        t.probe().then((p) => p.apexCalls.filter((c) => c.method === 'PortalLeadSubmissionController.submit' && c.ok));
      await form.getByText('I understand; submit the lead for review anyway').first().click();
      await form.getByRole('button', { name: 'Submit lead' }).click();
      await t.waitUntil(
        async () => /Thank you/.test(await form.locator('[data-id="announcement"]').first().innerText()),
        'the confirmed lead is submitted',
      );
      t.check((await submits()).length >= 1, 'submit called');
      t.checkNoErrors();
      await t.checkAccessibility();
      await t.screenshot('flow-lead-submitted');
    },
  },
];
