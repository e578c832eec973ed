/**
 * The partner's training in the portal: what each person still has to complete and by when
 * (overdue and due-soon flagged), what was completed, and the certificates with their expiry
 * (expiring soon and expired flagged). Read only: completion is recorded by the program.
 * `today` is the partner's local date unless a page (or a test) sets it.
 */
import { LightningElement, api, wire } from 'lwc';
import getTraining from '@salesforce/apex/PortalTrainingController.getTraining';
import { DEFAULT_DUE_SOON_DAYS, DEFAULT_EXPIRY_WARNING_DAYS, safeWebUrl } from 'c/prmRules';
import { errorMessage } from 'c/errorUtils';

type ApexRow = PrmApex.PortalTrainingController_TrainingRow;

/** Days before the due date an assignment shows as due soon: the window of the reminder rule. */
export const DUE_SOON_DAYS = DEFAULT_DUE_SOON_DAYS;
/** Days before expiry a certificate shows as expiring: the window of the reminder rule. */
export const EXPIRING_DAYS = DEFAULT_EXPIRY_WARNING_DAYS;

export type TrainingState = 'Overdue' | 'Due soon' | 'To do' | 'In progress';
export type CertificateState = 'Valid' | 'Expiring soon' | 'Expired' | 'No expiry';

export interface TodoRow extends ApexRow {
  key: string;
  state: TrainingState;
  badgeClass: string;
  /** The course link, only for http(s) addresses: any other scheme shows the name as text. */
  courseUrl: string | null;
  linkLabel: string;
}

export interface CertificateRow extends ApexRow {
  key: string;
  state: CertificateState;
  badgeClass: string;
}

/** Local calendar date of the browser, `YYYY-MM-DD`. */
function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`), calendar arithmetic in UTC. */
export function daysBetween(from: string, to: string): number {
  const start = Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)) - 1, Number(from.slice(8, 10)));
  const end = Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)) - 1, Number(to.slice(8, 10)));
  return Math.round((end - start) / 86400000);
}

/** How an open assignment stands on a given day. */
export function trainingState(row: ApexRow, today: string): TrainingState {
  if (row.dueDate) {
    const left = daysBetween(today, row.dueDate);
    if (left < 0) {
      return 'Overdue';
    }
    if (left <= DUE_SOON_DAYS) {
      return 'Due soon';
    }
  }
  return row.status === 'In Progress' ? 'In progress' : 'To do';
}

/** How a completed certification stands on a given day. */
export function certificateState(row: ApexRow, today: string): CertificateState {
  if (row.status === 'Expired') {
    return 'Expired';
  }
  if (!row.expiresOn) {
    return 'No expiry';
  }
  const left = daysBetween(today, row.expiresOn);
  if (left < 0) {
    return 'Expired';
  }
  return left <= EXPIRING_DAYS ? 'Expiring soon' : 'Valid';
}

const TRAINING_BADGES: Record<TrainingState, string> = {
  Overdue: 'slds-badge slds-theme_error',
  'Due soon': 'slds-badge slds-theme_warning',
  'To do': 'slds-badge',
  'In progress': 'slds-badge slds-badge_lightest',
};

const CERTIFICATE_BADGES: Record<CertificateState, string> = {
  Valid: 'slds-badge slds-theme_success',
  'Expiring soon': 'slds-badge slds-theme_warning',
  Expired: 'slds-badge slds-theme_error',
  'No expiry': 'slds-badge slds-theme_success',
};

export default class TrainingTracker extends LightningElement {
  /** The day the states are computed for, `YYYY-MM-DD`; the browser's local date by default. */
  @api today: string = localToday();

  rows?: ApexRow[];
  error?: string;

  @wire(getTraining, {})
  wiredTraining({ data, error }: { data?: ApexRow[]; error?: unknown }) {
    if (data) {
      this.rows = data;
      this.error = undefined;
    } else if (error) {
      this.rows = undefined;
      this.error = errorMessage(error, 'Your training could not be loaded. Reload the page to try again.');
    }
  }

  get isLoading(): boolean {
    return !this.rows && !this.error;
  }

  get todo(): TodoRow[] {
    return (this.rows ?? [])
      .filter((row) => row.status === 'Assigned' || row.status === 'In Progress')
      .map((row, index) => {
        const state = trainingState(row, this.today);
        const courseUrl = safeWebUrl(row.moduleUrl);
        return {
          ...row,
          key: row.id ?? `todo-${index}`,
          state,
          badgeClass: TRAINING_BADGES[state],
          courseUrl,
          linkLabel: `Open the course ${row.moduleName ?? ''}`.trim(),
        };
      })
      .sort((a, b) => (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31'));
  }

  get certificates(): CertificateRow[] {
    return (this.rows ?? [])
      .filter((row) => row.grantsCertification && (row.status === 'Completed' || row.status === 'Expired'))
      .map((row, index) => {
        const state = certificateState(row, this.today);
        return { ...row, key: row.id ?? `certificate-${index}`, state, badgeClass: CERTIFICATE_BADGES[state] };
      });
  }

  get completed(): ApexRow[] {
    return (this.rows ?? []).filter((row) => row.status === 'Completed' && !row.grantsCertification);
  }

  get hasTodo(): boolean {
    return this.todo.length > 0;
  }

  get hasCertificates(): boolean {
    return this.certificates.length > 0;
  }

  get hasCompleted(): boolean {
    return this.completed.length > 0;
  }

  get isEmpty(): boolean {
    return !!this.rows && this.rows.length === 0;
  }

  get summary(): string {
    const overdue = this.todo.filter((row) => row.state === 'Overdue').length;
    const open = this.todo.length;
    if (open === 0) {
      return 'Nothing left to complete.';
    }
    return overdue > 0 ? `${open} to complete, ${overdue} overdue.` : `${open} to complete.`;
  }
}
