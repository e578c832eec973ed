/**
 * Stand-in for PortalFeedbackController: the quarterly pulse survey of the demo partner user,
 * decided by the shared feedback rules (`feedbackEligibility`, `feedbackCategory`) as the Apex
 * twin decides it. Answers are kept in the preview's store.
 */
import { feedbackCategory, feedbackEligibility } from '../../../../lwc-ts-src/prmRules/prmRules';
import type { DemoStore } from '../store';
import { ApexError, type ApexHandler } from './api';
import { partnerAccountId, text, today } from './common';

const MAX_COMMENT_LENGTH = 2000;

/** The running user's last answer: as the Apex, by owner (the demo data holds other users' answers). */
function lastAnswer(store: DemoStore) {
  return store
    .list('Partner_Feedback__c')
    .filter((r) => r.OwnerId === store.dataset.userId)
    .sort((a, b) => String(b.Submitted_On__c).localeCompare(String(a.Submitted_On__c)))[0];
}

function state(store: DemoStore): Record<string, unknown> {
  const last = lastAnswer(store);
  const eligibility = feedbackEligibility({
    today: today(store),
    lastSubmittedOn: last ? String(last.Submitted_On__c) : null,
  });
  return {
    eligible: eligibility.eligible,
    quarter: eligibility.quarter,
    opensOn: eligibility.opensOn,
    lastScore: eligibility.eligible || !last ? null : Number(last.Score__c),
  };
}

const getFeedbackState: ApexHandler = (_params, store) => state(store);

const submitFeedback: ApexHandler = (params, store) => {
  const score = params.score;
  let category: string;
  try {
    category = feedbackCategory({ score: score as number });
  } catch {
    throw new ApexError('Choose a score from 0 to 10.');
  }
  const comment = text(params, 'comment');
  if (comment !== null && comment.length > MAX_COMMENT_LENGTH) {
    throw new ApexError(`Keep the comment to ${MAX_COMMENT_LENGTH} characters.`);
  }
  const before = state(store);
  if (before.eligible !== true) {
    throw new ApexError(
      `You already answered this quarter. Thank you! The survey opens again on ${String(before.opensOn)}.`,
    );
  }
  store.insert('Partner_Feedback__c', {
    Score__c: score as number,
    Comment__c: comment,
    Category__c: category,
    Quarter__c: String(before.quarter),
    Submitted_On__c: today(store),
    Partner_Account__c: partnerAccountId(store),
    OwnerId: store.dataset.userId,
  });
  return state(store);
};

export const PORTAL_FEEDBACK: Readonly<Record<string, ApexHandler>> = {
  'PortalFeedbackController.getFeedbackState': getFeedbackState,
  'PortalFeedbackController.submitFeedback': submitFeedback,
};
