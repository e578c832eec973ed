import PartnerFeedback, { SCORE_OPTIONS } from 'c/partnerFeedback';
import getFeedbackState from '@salesforce/apex/PortalFeedbackController.getFeedbackState';
import submitFeedback from '@salesforce/apex/PortalFeedbackController.submitFeedback';
import { $, expectAccessible, flush, mount, readStatusPanel, unmountAll } from '../../../tests/lwc/lwcTest';

jest.mock('@salesforce/apex/PortalFeedbackController.getFeedbackState', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/PortalFeedbackController.submitFeedback', () => ({ default: jest.fn() }), {
  virtual: true,
});

const getState = getFeedbackState as unknown as jest.Mock;
const submit = submitFeedback as unknown as jest.Mock;

const OPEN = { eligible: true, quarter: '2026-Q4', opensOn: null, lastScore: null };
const ANSWERED = { eligible: false, quarter: '2026-Q4', opensOn: '2027-01-01', lastScore: 3 };

async function render(): Promise<HTMLElement> {
  const element = mount('c-partner-feedback', PartnerFeedback);
  await flush();
  return element;
}

function choose(element: HTMLElement, score: number): void {
  $(element, '[data-id="score"]')!.dispatchEvent(new CustomEvent('change', { detail: { value: String(score) } }));
}

afterEach(() => {
  unmountAll();
  jest.clearAllMocks();
});

describe('partnerFeedback', () => {
  it('offers the 0-10 scale when the user has not answered this quarter', async () => {
    getState.mockResolvedValue(OPEN);
    const element = await render();

    expect(SCORE_OPTIONS.map((o) => o.value)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect($(element, '[data-id="form"]')).not.toBeNull();
    expect(($(element, '[data-id="submit"]') as HTMLElement & { disabled: boolean }).disabled).toBe(true);
    await expectAccessible(element);
  });

  it('tells a detractor the channel manager will get in touch, using the shared rule', async () => {
    getState.mockResolvedValue(OPEN);
    const element = await render();
    choose(element, 4);
    await flush();
    expect($(element, '[data-id="hint"]')!.textContent).toContain('Your channel manager will see this answer');
    choose(element, 9);
    await flush();
    expect($(element, '[data-id="hint"]')!.textContent).toContain('Thank you.');
  });

  it('sends the score and the trimmed comment, then thanks and says when the survey opens again', async () => {
    getState.mockResolvedValue(OPEN);
    submit.mockResolvedValue(ANSWERED);
    const element = await render();
    choose(element, 3);
    $(element, '[data-id="comment"]')!.dispatchEvent(
      new CustomEvent('change', { detail: { value: '  Leads arrive late.  ' } }),
    );
    await flush();
    ($(element, '[data-id="submit"]') as HTMLElement).click();
    await flush();

    expect(submit).toHaveBeenCalledWith({ score: 3, comment: 'Leads arrive late.' });
    expect($(element, '[data-id="form"]')).toBeNull();
    expect($(element, '[data-id="thanks"]')!.textContent).toBe(
      'Thank you for your answer for 2026-Q4 (you gave 3 of 10). The next survey opens on 2027-01-01.',
    );
    expect(readStatusPanel($(element, 'c-status-panel')!).announcement).toBe('Your answer was saved.');
  });

  it('shows no form to a user who answered this quarter', async () => {
    getState.mockResolvedValue(ANSWERED);
    const element = await render();
    expect($(element, '[data-id="form"]')).toBeNull();
    expect($(element, '[data-id="thanks"]')!.textContent).toContain('The next survey opens on 2027-01-01.');
    await expectAccessible(element);
  });

  it('keeps the form and says why when the server refuses the answer', async () => {
    getState.mockResolvedValue(OPEN);
    submit.mockRejectedValue({ body: { message: 'Choose a score from 0 to 10.' } });
    const element = await render();
    choose(element, 7);
    await flush();
    ($(element, '[data-id="submit"]') as HTMLElement).click();
    await flush();

    const status = readStatusPanel($(element, 'c-status-panel')!);
    expect(status.announcement).toBe('Choose a score from 0 to 10.');
    expect(status.announcementIsError).toBe(true);
    expect($(element, '[data-id="form"]')).not.toBeNull();
  });

  it('says so when the survey cannot be loaded', async () => {
    getState.mockRejectedValue({ body: { message: 'The survey is for partner users only.' } });
    const element = await render();
    expect(readStatusPanel($(element, 'c-status-panel')!).error).toBe('The survey is for partner users only.');
    expect($(element, '[data-id="form"]')).toBeNull();
  });
});
