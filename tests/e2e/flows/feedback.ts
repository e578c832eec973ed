/**
 * The quarterly pulse survey: a partner user picks a score, is told what a low score means
 * (the shared `feedbackCategory` rule), sends it, and the survey closes until next quarter.
 */
import type { E2ETest } from '../harness';

export const FEEDBACK_FLOWS: E2ETest[] = [
  {
    name: 'feedback: a detractor score with a comment is sent once, then the survey closes for the quarter',
    pages: ['feedback'],
    run: async (t) => {
      await t.open('feedback');
      const survey = t.component('partnerFeedback');
      await survey.getByText('3', { exact: true }).first().click();
      await t.waitUntil(
        async () =>
          /channel manager will see this answer/.test(await survey.locator('[data-id="hint"]').first().innerText()),
        'a detractor score says the channel manager will get in touch',
      );
      await survey
        .getByLabel(/What would make the program better/)
        .first()
        .fill('Leads arrive too late for us.');
      await survey.getByRole('button', { name: 'Send feedback' }).click();
      await t.waitUntil(
        async () =>
          /next survey opens on \d{4}-\d{2}-01/.test(await survey.locator('[data-id="thanks"]').first().innerText()),
        'after sending, the survey thanks and says when it opens again',
      );
      const sent = (await t.probe()).apexCalls.filter(
        (c) => c.method === 'PortalFeedbackController.submitFeedback' && c.ok,
      );
      t.check(sent.length === 1, 'one answer sent');
      t.check((await survey.locator('[data-id="form"]').count()) === 0, 'no second answer this quarter');
      t.checkNoErrors();
      await t.checkAccessibility();
      await t.screenshot('flow-feedback-sent');
    },
  },
];
