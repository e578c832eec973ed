import { createElement } from 'lwc';
import PortalPartnerName from 'c/portalPartnerName';
import getHome from '@salesforce/apex/PortalPartnerHomeController.getHome';

jest.mock(
  '@salesforce/apex/PortalPartnerHomeController.getHome',
  () => {
    const { createApexTestWireAdapter } = jest.requireActual('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true },
);

interface WireMock {
  emit(value: unknown): void;
  error(body?: unknown): void;
}

const homeWire = getHome as unknown as WireMock;

function mount(label?: string): HTMLElement & { label: string } {
  const element = createElement('c-portal-partner-name', { is: PortalPartnerName }) as HTMLElement & {
    label: string;
  };
  if (label !== undefined) {
    element.label = label;
  }
  document.body.appendChild(element);
  return element;
}

afterEach(() => {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
});

describe('c-portal-partner-name', () => {
  it("shows the partner account's name after the configured label", async () => {
    const element = mount('Signed in for');
    homeWire.emit({ accountName: 'Acme Resellers', memberships: [] });
    await Promise.resolve();
    const line = element.shadowRoot!.querySelector('[data-id="partner-name"]');
    expect(line?.querySelector('span')?.textContent).toBe('Signed in for:');
    expect(line?.querySelector('strong')?.textContent).toBe('Acme Resellers');
  });

  it('uses "Partner" as the label by default', async () => {
    const element = mount();
    homeWire.emit({ accountName: 'Globex', memberships: [] });
    await Promise.resolve();
    expect(element.shadowRoot!.querySelector('[data-id="partner-name"]')?.textContent).toContain('Partner:');
  });

  it('shows nothing when the home data cannot be read', async () => {
    const element = mount();
    homeWire.error({ message: 'no access' });
    await Promise.resolve();
    expect(element.shadowRoot!.querySelector('[data-id="partner-name"]')).toBeNull();
  });
});
