// Generated from lwc-ts-src/statusPanel/statusPanel.ts by `npm run build`. Do not edit.
/**
 * The status strip every data-backed component shows above its content: a spinner while
 * loading (its label read out to screen readers), the error that stopped it (an alert), and
 * a polite live region for the outcome of what the user just did. The live region is always
 * rendered, empty or not, because screen readers only announce changes to a region that
 * was already on the page.
 */
import { LightningElement, api } from 'lwc';
export default class StatusPanel extends LightningElement {
    /** Shows the spinner. */
    @api
    loading = false;
    /** What the spinner says to assistive technology, e.g. "Loading your leads". */
    @api
    loadingLabel = 'Loading';
    /** The error to show as an alert; nothing when blank. */
    @api
    error;
    /** The outcome to announce politely; nothing when blank. */
    @api
    announcement;
    /** Shows the announcement as a failure rather than a success. */
    @api
    announcementIsError = false;
    get announcementClass() {
        return this.announcementIsError ? 'slds-text-color_error' : 'slds-text-color_success';
    }
}
