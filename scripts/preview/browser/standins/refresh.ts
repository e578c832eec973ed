/** `lightning/refresh` for the preview: the event exists and bubbles; the shell records it. */
import { browser } from '../dom';

export const REFRESH_EVENT = 'lightning__refreshevent';

const Base = browser.CustomEvent;

export class RefreshEvent extends Base<null> {
  constructor() {
    super(REFRESH_EVENT, { detail: null, bubbles: true, composed: true, cancelable: true });
  }
}
