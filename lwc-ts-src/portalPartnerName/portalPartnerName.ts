/**
 * The partner's name in the portal header (theme layout), so a partner user always sees
 * whose account they act for. It reads the same cached home data the home page shows
 * (`PortalPartnerHomeController.getHome`), so the header adds no server round trip there.
 */
import { api, LightningElement, wire } from 'lwc';
import getHome from '@salesforce/apex/PortalPartnerHomeController.getHome';

type ApexHome = PrmApex.PortalPartnerHomeController_Home;

export default class PortalPartnerName extends LightningElement {
  /** Text before the partner's name; an admin sets it in Experience Builder. */
  @api label = 'Partner';

  accountName: string | null = null;

  @wire(getHome)
  wiredHome({ data }: { data?: ApexHome; error?: unknown }) {
    // On failure the header stays quiet: the page's own component reports the error.
    this.accountName = data?.accountName ?? null;
  }

  get hasName(): boolean {
    return this.accountName !== null && this.accountName !== '';
  }
}
