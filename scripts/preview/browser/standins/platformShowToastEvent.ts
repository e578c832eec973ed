/**
 * `lightning/platformShowToastEvent` for the preview: the same event the platform listens
 * for (`lightning__showtoast`, bubbling and composed); the preview shell shows it as an
 * SLDS toast.
 */
import { browser } from '../dom';

export interface ShowToastEventInit {
  title: string;
  message?: string;
  variant?: 'info' | 'success' | 'warning' | 'error';
  mode?: 'dismissible' | 'pester' | 'sticky';
  messageData?: unknown[];
}

export const TOAST_EVENT = 'lightning__showtoast';

const Base = browser.CustomEvent;

export class ShowToastEvent extends Base<ShowToastEventInit> {
  constructor(init: ShowToastEventInit) {
    super(TOAST_EVENT, { detail: init, bubbles: true, composed: true, cancelable: true });
  }
}
