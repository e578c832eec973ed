/**
 * Stand-in for PortalSupportController: support cases of the demo partner's account, kept in
 * the preview's store, with the same checks and messages as the controller.
 */
import type { DemoStore } from '../store';
import { ApexError, type ApexHandler } from './api';
import { partnerAccountId, text } from './common';

/** Values of `Case.Support_Category__c`, in the field's order. */
const CATEGORIES = [
  'Deal registration',
  'Leads',
  'Commissions and payments',
  'Tier and benefits',
  'Portal access',
  'Training',
  'Other',
];

function casesOf(store: DemoStore): Record<string, unknown>[] {
  return store
    .list('Case')
    .filter((c) => c.AccountId === partnerAccountId(store))
    .sort((a, b) => String(b.CreatedDate).localeCompare(String(a.CreatedDate)) || b.Id.localeCompare(a.Id))
    .map((c) => ({
      id: c.Id,
      caseNumber: c.CaseNumber,
      subject: c.Subject,
      status: c.Status,
      category: c.Support_Category__c,
      createdDate: c.CreatedDate,
      closed: false,
      replies: [],
    }));
}

const getCategories: ApexHandler = () => CATEGORIES;

const getMyCases: ApexHandler = (_params, store) => casesOf(store);

const openCase: ApexHandler = (params, store) => {
  const subject = text(params, 'subject');
  const description = text(params, 'description');
  if (subject === null || description === null) {
    throw new ApexError('Give a subject and describe your question.');
  }
  if (subject.length > 255 || description.length > 32000) {
    throw new ApexError('Keep the subject to 255 characters and the description to 32,000.');
  }
  const category = text(params, 'category');
  if (category === null || !CATEGORIES.includes(category)) {
    throw new ApexError('Choose what your question is about.');
  }
  const number = 1000 + store.list('Case').length + 1;
  store.insert('Case', {
    CaseNumber: String(number).padStart(8, '0'),
    Subject: subject,
    Description: description,
    Support_Category__c: category,
    Status: 'New',
    Origin: 'Partner Portal',
    AccountId: partnerAccountId(store),
    CreatedDate: store.now,
  });
  return casesOf(store);
};

export const PORTAL_SUPPORT: Readonly<Record<string, ApexHandler>> = {
  'PortalSupportController.getCategories': getCategories,
  'PortalSupportController.getMyCases': getMyCases,
  'PortalSupportController.openCase': openCase,
};
