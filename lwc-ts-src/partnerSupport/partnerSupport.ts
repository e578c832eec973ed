/**
 * Help and support in the portal: a partner opens a case (subject, what it is about, the
 * question) and follows the cases of their company with our public replies. The server stamps
 * the origin, account and contact and notifies the partner manager.
 */
import { LightningElement, wire } from 'lwc';
import getCategories from '@salesforce/apex/PortalSupportController.getCategories';
import getMyCases from '@salesforce/apex/PortalSupportController.getMyCases';
import openCase from '@salesforce/apex/PortalSupportController.openCase';
import { errorMessage } from 'c/errorUtils';

type SupportCase = PrmApex.PortalSupportController_SupportCase;

export interface CaseRow extends SupportCase {
  statusClass: string;
  hasReplies: boolean;
  replyRows: { key: string; body: string; createdDate: string; author: string }[];
}

/** The list's view of a case: status colour and replies labelled by who wrote them. */
export function caseRow(supportCase: SupportCase): CaseRow {
  const replies = supportCase.replies ?? [];
  return {
    ...supportCase,
    statusClass: supportCase.closed ? 'slds-badge' : 'slds-badge slds-badge_inverse',
    hasReplies: replies.length > 0,
    replyRows: replies.map((reply, index) => ({
      key: `${supportCase.id}-${index}`,
      body: reply.body ?? '',
      createdDate: reply.createdDate ?? '',
      author: reply.fromYou ? 'You' : 'Partner team',
    })),
  };
}

export default class PartnerSupport extends LightningElement {
  cases: CaseRow[] = [];
  categories: { label: string; value: string }[] = [];
  isLoading = true;
  isSaving = false;
  loadError?: string;
  announcement?: string;
  announcementIsError = false;
  subject = '';
  category = '';
  description = '';

  @wire(getCategories)
  wiredCategories({ data, error }: { data?: string[]; error?: unknown }): void {
    if (data) {
      this.categories = data.map((value) => ({ label: value, value }));
    } else if (error) {
      this.loadError = errorMessage(error, 'The support form could not be loaded.');
    }
  }

  connectedCallback(): void {
    this.load();
  }

  async load(): Promise<void> {
    this.isLoading = true;
    try {
      this.cases = (await getMyCases({})).map(caseRow);
    } catch (error) {
      this.loadError = errorMessage(error, 'Your cases could not be loaded.');
    } finally {
      this.isLoading = false;
    }
  }

  get hasCases(): boolean {
    return this.cases.length > 0;
  }

  get openDisabled(): boolean {
    return this.isSaving || !this.subject.trim() || !this.category || !this.description.trim();
  }

  handleSubject(event: CustomEvent<{ value: string }>): void {
    this.subject = event.detail.value ?? '';
  }

  handleCategory(event: CustomEvent<{ value: string }>): void {
    this.category = event.detail.value ?? '';
  }

  handleDescription(event: CustomEvent<{ value: string }>): void {
    this.description = event.detail.value ?? '';
  }

  async handleOpen(): Promise<void> {
    this.isSaving = true;
    this.announcement = undefined;
    try {
      const cases = await openCase({ subject: this.subject, description: this.description, category: this.category });
      this.cases = cases.map(caseRow);
      this.announcement = `Case ${cases[0]?.caseNumber ?? ''} is open. Your channel manager has been told and will answer here.`;
      this.announcementIsError = false;
      this.subject = '';
      this.category = '';
      this.description = '';
    } catch (error) {
      this.announcement = errorMessage(error, 'The case was not opened. Try again.');
      this.announcementIsError = true;
    } finally {
      this.isSaving = false;
    }
  }
}
