// Generated from lwc-ts-src/portalPartnerName/portalPartnerName.ts by `npm run build`. Do not edit.
/**
 * The partner's name in the portal header (theme layout), so a partner user always sees
 * whose account they act for. It reads the same cached home data the home page shows
 * (`PortalPartnerHomeController.getHome`), so the header adds no server round trip there.
 */
import { api, LightningElement, wire } from 'lwc';
import getHome from '@salesforce/apex/PortalPartnerHomeController.getHome';
export default class PortalPartnerName extends LightningElement {
    /** Text before the partner's name; an admin sets it in Experience Builder. */
    @api
    label = 'Partner';
    accountName = null;
    @wire(getHome)
    wiredHome({ data }) {
        // On failure the header stays quiet: the page's own component reports the error.
        this.accountName = data?.accountName ?? null;
    }
    get hasName() {
        return this.accountName !== null && this.accountName !== '';
    }
}
