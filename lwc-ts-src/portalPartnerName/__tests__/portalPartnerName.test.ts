import PortalPartnerName from 'c/portalPartnerName';
import getHome from '@salesforce/apex/PortalPartnerHomeController.getHome';
import { $, expectAccessible, flush, mount, unmountAll, wireMock } from '../../../tests/lwc/lwcTest';

jest.mock(
  '@salesforce/apex/PortalPartnerHomeController.getHome',
  () => jest.requireActual('../../../tests/lwc/lwcTest').apexWireModule(),
  { virtual: true },
);

const homeWire = wireMock(getHome);
const TAG = 'c-portal-partner-name';

afterEach(unmountAll);

describe('c-portal-partner-name', () => {
  it("shows the partner account's name after the configured label, accessibly", async () => {
    const element = mount(TAG, PortalPartnerName, { label: 'Signed in for' });
    homeWire.emit({ accountName: 'Acme Resellers', memberships: [] });
    await flush();
    const line = $(element, '[data-id="partner-name"]');
    expect(line?.querySelector('span')?.textContent).toBe('Signed in for:');
    expect(line?.querySelector('strong')?.textContent).toBe('Acme Resellers');
    await expectAccessible(element);
  });

  it('uses "Partner" as the label by default', async () => {
    const element = mount(TAG, PortalPartnerName);
    homeWire.emit({ accountName: 'Globex', memberships: [] });
    await flush();
    expect($(element, '[data-id="partner-name"] span')?.textContent).toBe('Partner:');
  });

  it('shows nothing when the home data cannot be read', async () => {
    const element = mount(TAG, PortalPartnerName);
    homeWire.error({ message: 'no access' });
    await flush();
    expect($(element, '[data-id="partner-name"]')).toBeNull();
  });
});
