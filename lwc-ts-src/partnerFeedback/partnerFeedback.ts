/**
 * The quarterly pulse survey in the portal: "How likely are you to recommend our partner
 * program to a peer?" on a 0–10 scale, with an optional comment, once per calendar quarter.
 * Whether the user may answer, and the class of a score, come from the server and the shared
 * feedback rules; this component only asks and thanks.
 */
import { LightningElement } from 'lwc';
import getFeedbackState from '@salesforce/apex/PortalFeedbackController.getFeedbackState';
import submitFeedback from '@salesforce/apex/PortalFeedbackController.submitFeedback';
import { feedbackCategory } from 'c/prmRules';
import { errorMessage } from 'c/errorUtils';

type FeedbackState = PrmApex.PortalFeedbackController_FeedbackState;

/** Longest comment the server keeps. */
export const MAX_COMMENT_LENGTH = 2000;

/** The scale as radio options, 0 to 10. */
export const SCORE_OPTIONS: { label: string; value: string }[] = Array.from({ length: 11 }, (_, score) => ({
  label: String(score),
  value: String(score),
}));

export default class PartnerFeedback extends LightningElement {
  state?: FeedbackState;
  isLoading = true;
  isSaving = false;
  loadError?: string;
  announcement?: string;
  announcementIsError = false;
  score: string | null = null;
  comment = '';
  readonly scoreOptions = SCORE_OPTIONS;
  readonly maxCommentLength = MAX_COMMENT_LENGTH;

  connectedCallback(): void {
    this.load();
  }

  async load(): Promise<void> {
    this.isLoading = true;
    try {
      this.state = await getFeedbackState({});
      this.loadError = undefined;
    } catch (error) {
      this.loadError = errorMessage(error, 'The survey could not be loaded.');
    } finally {
      this.isLoading = false;
    }
  }

  get showForm(): boolean {
    return this.state?.eligible === true;
  }

  get answered(): boolean {
    return this.state !== undefined && this.state.eligible === false;
  }

  get thanks(): string {
    const state = this.state;
    if (!state) {
      return '';
    }
    const given =
      state.lastScore === null || state.lastScore === undefined ? '' : ` (you gave ${state.lastScore} of 10)`;
    return `Thank you for your answer for ${state.quarter}${given}. The next survey opens on ${state.opensOn ?? 'the first day of next quarter'}.`;
  }

  /** What the chosen score tells the partner will happen, from the shared rule. */
  get scoreHint(): string {
    if (this.score === null) {
      return '';
    }
    return feedbackCategory({ score: Number(this.score) }) === 'Detractor'
      ? 'Sorry to hear that. Your channel manager will see this answer and get in touch.'
      : 'Thank you. Tell us what would make the program even better.';
  }

  get submitDisabled(): boolean {
    return this.score === null || this.isSaving;
  }

  handleScore(event: CustomEvent<{ value: string }>): void {
    this.score = event.detail.value;
  }

  handleComment(event: CustomEvent<{ value: string }>): void {
    this.comment = event.detail.value ?? '';
  }

  async handleSubmit(): Promise<void> {
    if (this.score === null) {
      return;
    }
    this.isSaving = true;
    this.announcement = undefined;
    try {
      // A blank comment is stored as none by the server.
      this.state = await submitFeedback({ score: Number(this.score), comment: this.comment.trim() });
      this.announcement = 'Your answer was saved.';
      this.announcementIsError = false;
    } catch (error) {
      this.announcement = errorMessage(error, 'Your answer was not saved. Try again.');
      this.announcementIsError = true;
    } finally {
      this.isSaving = false;
    }
  }
}
