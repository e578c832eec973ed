/**
 * Deal registration flows in the portal: the live match-key and route preview (the shared
 * `matchKeys` and `approvalRoute` rules), submission with the server's neutral verdict
 * (`detectConflicts` through the adapter), the registration in "My registrations", and the
 * whole form worked with the keyboard alone.
 */
import {
  approvalRoute,
  expiryDate,
  matchKeys,
  renewalEligibility,
  PARTNER_VERDICT_CLEAR,
  PARTNER_VERDICT_REVIEW,
} from '../../../lwc-ts-src/prmRules/prmRules';
import type { DemoRecord } from '../../../scripts/preview/browser/types';
import type { E2ETest, TestContext } from '../harness';

/**
 * A date `days` after today as a user types it into lightning-input type="date" in the
 * en-US locale (`Dec 23, 2026`); the form refuses past close dates.
 */
function daysAhead(days: number): string {
  return new Date(Date.now() + days * 86400000).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** A customer account with a website: registering it is always reviewed (EXISTING_CUSTOMER). */
function customer(t: TestContext): DemoRecord {
  const found = t.dataset.records.Account.find(
    (a) => a.Is_Partner__c !== true && typeof a.Website === 'string' && typeof a.Match_Key__c === 'string',
  );
  t.check(found, 'the demo data has a customer account with a website');
  return found!;
}

async function fillField(t: TestContext, label: string | RegExp, value: string): Promise<void> {
  const input = t.component('dealRegistrationForm').getByLabel(label).first();
  // Focus first: a formatted field (currency) shows its raw value only once focused.
  await input.click();
  await input.fill(value);
  // lightning-input commits its value on change, which a real user's blur fires.
  await input.blur();
}

async function text(t: TestContext, dataId: string): Promise<string> {
  return (await t.component('dealRegistrationForm').locator(`[data-id="${dataId}"]`).first().innerText()).trim();
}

export const DEAL_REGISTRATION_FLOWS: E2ETest[] = [
  {
    name: 'register a deal for an existing customer: live preview, then a neutral "needs review" verdict',
    pages: ['register-deal'],
    run: async (t) => {
      const account = customer(t);
      const keys = matchKeys({ name: String(account.Name), website: String(account.Website) });
      await t.open('register-deal');
      t.equal(await text(t, 'company-key'), 'none yet', 'company key before typing');

      await fillField(t, 'Prospect company', String(account.Name));
      await t.waitUntil(async () => (await text(t, 'company-key')) === keys.companyKey, 'company key preview');
      await fillField(t, 'Company website', String(account.Website));
      await t.waitUntil(async () => (await text(t, 'domain-key')) === keys.domainKey, 'domain key preview');

      // The route preview follows the amount through the approvalRoute rule (no conflict assumed).
      const routeFor = (amount: number) => approvalRoute({ amount, conflictStatus: 'None' });
      await fillField(t, 'Estimated amount', '300000');
      t.equal(routeFor(300000), 'Director', 'rule route for 300000');
      await t.waitUntil(async () => /director/i.test(await text(t, 'route')), 'route preview names a director');
      await fillField(t, 'Estimated amount', '12000');
      t.equal(routeFor(12000), 'Auto', 'rule route for 12000');
      await t.waitUntil(async () => /at once/i.test(await text(t, 'route')), 'route preview says approved at once');
      await t.screenshot('flow-register-preview');

      await fillField(t, 'Expected close date', daysAhead(45));
      await t.component('dealRegistrationForm').getByRole('button', { name: 'Submit registration' }).click();
      await t.component('dealRegistrationForm').locator('[data-id="result"]').waitFor();
      t.equal(await text(t, 'result-verdict'), PARTNER_VERDICT_REVIEW, 'verdict shown to the partner');
      const shown = await t.component('dealRegistrationForm').innerText();
      t.check(!shown.includes(account.Id), 'the partner never sees the matched record');
      t.check(/Pending Approval/.test(await text(t, 'result-status')), 'status Pending Approval');
      t.checkNoErrors();
      await t.checkAccessibility();
      await t.screenshot('flow-register-needs-review');

      // The new registration is in "My registrations" (the preview keeps the tab's changes).
      if (t.pages.some((p) => p.id === 'my-registrations')) {
        const name = (await text(t, 'result-title')).replace(/ submitted$/, '');
        await t.open('my-registrations');
        const row = t.component('dealRegistrationList').locator('tr', { hasText: name }).first();
        await row.waitFor();
        t.check(/Pending Approval/.test(await row.innerText()), 'my registrations shows it pending approval');
        await t.screenshot('flow-my-registrations-after-submit');
      }
    },
  },
  {
    name: 'register a small deal with no conflict: approved at once with its protection date',
    pages: ['register-deal'],
    run: async (t) => {
      await t.open('register-deal');
      await fillField(t, 'Prospect company', 'Quillfeather Orbital Ltd');
      await fillField(t, 'Company website', 'https://quillfeather-orbital.example');
      await fillField(t, 'Estimated amount', '4800');
      await fillField(t, 'Expected close date', daysAhead(30));
      await t.component('dealRegistrationForm').getByRole('button', { name: 'Submit registration' }).click();
      await t.component('dealRegistrationForm').locator('[data-id="result"]').waitFor();
      t.equal(await text(t, 'result-verdict'), PARTNER_VERDICT_CLEAR, 'verdict');
      t.check(/Approved/.test(await text(t, 'result-status')), 'status Approved');
      await t.component('dealRegistrationForm').locator('[data-id="result-expiry"]').waitFor();
      t.checkNoErrors();
      await t.screenshot('flow-register-approved');

      // My registrations: protected for the policy's 90 days; renewal opens when the window does.
      if (t.pages.some((p) => p.id === 'my-registrations')) {
        const name = (await text(t, 'result-title')).replace(/ submitted$/, '');
        const today = t.dataset.asOf.slice(0, 10);
        const expiresOn = expiryDate({ approvedOn: today, protectionDays: 90 });
        const eligibility = renewalEligibility({ today, expiresOn, renewalCount: 0 });
        t.check(!eligibility.eligible && eligibility.reason === 'WINDOW_NOT_OPEN', 'rule: renewal not open yet');
        await t.open('my-registrations');
        const row = t.component('dealRegistrationList').locator('tr', { hasText: name }).first();
        await row.waitFor();
        t.check(/Approved/.test(await row.locator('[data-cell="status"]').innerText()), 'listed as Approved');
        t.check(/90/.test(await row.locator('[data-cell="days"]').innerText()), 'days to expiry: 90');
        t.check(
          (await row.locator('[data-cell="note"]').innerText()).includes(`Renewal opens on ${eligibility.opensOn}`),
          `renewal note names ${eligibility.opensOn}`,
        );
        t.equal(await row.getByRole('button', { name: 'Request renewal' }).count(), 0, 'renewal buttons');
        await t.screenshot('flow-my-registrations-approved');
      }
    },
  },
  {
    name: 'registration form: a submission without the required fields shows accessible errors',
    pages: ['register-deal'],
    run: async (t) => {
      await t.open('register-deal');
      const form = t.component('dealRegistrationForm');
      await form.getByRole('button', { name: 'Submit registration' }).click();
      await form.locator('[data-id="errors"]').waitFor();
      const company = form.getByLabel('Prospect company').first();
      await t.waitUntil(
        async () => (await company.getAttribute('aria-invalid')) === 'true',
        'Prospect company is not marked aria-invalid',
      );
      const probe = await t.probe();
      t.equal(probe.apexCalls.filter((c) => c.method.endsWith('.saveRegistration')).length, 0, 'saves sent');
      t.checkNoErrors();
      await t.checkAccessibility();
      await t.screenshot('flow-register-invalid');
    },
  },
  {
    name: 'registration form works with the keyboard alone, in reading order',
    pages: ['register-deal'],
    run: async (t) => {
      await t.open('register-deal');
      const form = t.component('dealRegistrationForm');
      await form.getByLabel('Prospect company').first().waitFor();
      // [accessible name of the control Tab reaches next, what the user types there].
      const expected: [RegExp, string | null][] = [
        [/Prospect company$/, 'Keyboard Kinetics AG'],
        [/Company website$/, 'https://keyboard-kinetics.example'],
        [/Contact name$/, 'Ines Duarte'],
        [/Contact e-mail$/, 'ines@keyboard-kinetics.example'],
        [/Country code$/, 'PT'],
        [/State or region$/, null],
        [/Postal code$/, null],
        [/Estimated amount$/, '2500'],
        [/Expected close date$/, daysAhead(20)],
        [/Products of interest$/, 'Edge Gateway'],
        [/^Save draft$/, null],
        [/^Submit registration$/, null],
      ];
      const focusedLabel = async (): Promise<string> => {
        const focused = t.page.locator('input:focus, textarea:focus, button:focus, a:focus').first();
        if ((await focused.count()) === 0) {
          return '';
        }
        return (
          await focused.evaluate((el: unknown) => {
            const e = el as { labels?: ArrayLike<{ innerText: string }>; innerText?: string };
            const label = e.labels && e.labels.length > 0 ? e.labels[0].innerText : '';
            return (
              label ||
              (el as { getAttribute(n: string): string | null }).getAttribute('aria-label') ||
              e.innerText ||
              ''
            );
          })
        ).trim();
      };
      // From the top of the page: the first Tab reaches the skip link, Enter jumps to the content.
      await t.page.keyboard.press('Tab');
      t.equal(await focusedLabel(), 'Skip to main content', 'first tab stop');
      await t.page.keyboard.press('Enter');
      let step = 0;
      for (let presses = 0; presses < 60 && step < expected.length; presses++) {
        await t.page.keyboard.press('Tab');
        const label = await focusedLabel();
        const [pattern, value] = expected[step];
        if (pattern.test(label)) {
          // The skip link put focus on the content: the form's first field is the next stop.
          t.check(step > 0 || presses === 0, `the skip link did not lead to the form (${presses + 1} tabs)`);
          if (value !== null) {
            await t.page.keyboard.type(value);
          }
          step++;
        } else if (step > 0) {
          // Between two form controls only help and date-picker buttons may take focus.
          t.check(
            !expected.slice(step + 1).some(([p]) => p.test(label)),
            `focus skipped ahead to "${label}" before "${pattern.source}"`,
          );
        }
      }
      t.equal(step, expected.length, 'form controls reached in order with Tab');
      // Focus is on Submit registration: Enter submits.
      await t.page.keyboard.press('Enter');
      await form.locator('[data-id="result"]').waitFor();
      t.check(/submitted/.test(await text(t, 'result-title')), 'submitted from the keyboard');
      t.checkNoErrors();
      await t.screenshot('flow-register-keyboard');
    },
  },
];

/** Registers a deal for a customer in the portal; returns the registration's name. */
async function registerForCustomer(t: TestContext, account: DemoRecord): Promise<string> {
  await t.open('register-deal');
  await fillField(t, 'Prospect company', String(account.Name));
  await fillField(t, 'Company website', String(account.Website));
  await fillField(t, 'Estimated amount', '18000');
  await fillField(t, 'Expected close date', daysAhead(40));
  await t.component('dealRegistrationForm').getByRole('button', { name: 'Submit registration' }).click();
  await t.component('dealRegistrationForm').locator('[data-id="result"]').waitFor();
  return (await text(t, 'result-title')).replace(/ submitted$/, '');
}

DEAL_REGISTRATION_FLOWS.push({
  name: 'review console: a registration a partner just submitted shows its evidence and is approved',
  pages: ['register-deal', 'review-console'],
  run: async (t) => {
    const account = customer(t);
    const name = await registerForCustomer(t, account);
    await t.open('review-console');
    const console = t.component('registrationReviewConsole');
    const row = console.locator('li[data-row]', { hasText: name }).first();
    await row.waitFor();
    // The reviewer sees the evidence the partner never sees: the matched customer account.
    const evidence = await row.locator('[data-cell="evidence"]').innerText();
    t.check(evidence.includes(String(account.Name)), `evidence names the customer account (${evidence})`);
    await t.screenshot('flow-review-evidence');
    await row.locator('[data-action="approve"]').first().click();
    await t.waitUntil(async () => (await row.count()) === 0, 'approved registration leaves the queue');
    const decisions = (await t.probe()).apexCalls.filter((c) => c.method === 'RegistrationReviewController.decide');
    t.check(decisions.length === 1 && decisions[0].ok, 'one decision sent');
    t.checkNoErrors();
    await t.checkAccessibility();
    await t.screenshot('flow-review-approved');
  },
});
