import ResourceLibrary, { groupResources, sizeLabel } from 'c/resourceLibrary';
import getResources from '@salesforce/apex/PortalResourceLibraryController.getResources';
import logDownload from '@salesforce/apex/PortalResourceLibraryController.logDownload';
import {
  $,
  $$,
  $status,
  apexMock,
  expectAccessible,
  flush,
  mount,
  unmountAll,
  wireMock,
} from '../../../tests/lwc/lwcTest';

jest.mock(
  '@salesforce/apex/PortalResourceLibraryController.getResources',
  () => jest.requireActual('../../../tests/lwc/lwcTest').apexWireModule(),
  { virtual: true },
);
jest.mock('@salesforce/apex/PortalResourceLibraryController.logDownload', () => ({ default: jest.fn() }), {
  virtual: true,
});

const mockNavigate = jest.fn();
jest.mock('lightning/navigation', () => {
  const Navigate = Symbol('Navigate');
  const GenerateUrl = Symbol('GenerateUrl');
  // A mixin's constructor must take any[] (TypeScript rule for mixin classes).
  const NavigationMixin = <T extends new (...args: any[]) => object>(Base: T) =>
    class extends Base {
      [Navigate](pageReference: unknown) {
        mockNavigate(pageReference);
      }
    };
  return { NavigationMixin: Object.assign(NavigationMixin, { Navigate, GenerateUrl }) };
});

const resourcesWire = wireMock(getResources);
const logDownloadMock = apexMock(logDownload);

const RESOURCES = [
  {
    documentId: '069000000000001AAA',
    title: 'Program Guide',
    fileType: 'PDF',
    size: 2048,
    programName: 'Reseller Program',
  },
  {
    documentId: '069000000000002AAA',
    title: 'Price List',
    fileType: 'EXCEL_X',
    size: 3 * 1024 * 1024,
    programName: 'Reseller Program',
    tierName: 'Gold',
  },
  {
    documentId: '069000000000003AAA',
    title: 'API Guide',
    fileType: 'PDF',
    size: 500,
    programName: 'Technology Program',
  },
];

const render = () => mount('c-resource-library', ResourceLibrary);

describe('groupResources', () => {
  it('groups by program and says who each file is for', () => {
    const groups = groupResources(RESOURCES, '');
    expect(groups.map((group) => [group.programName, group.resources.length])).toEqual([
      ['Reseller Program', 2],
      ['Technology Program', 1],
    ]);
    expect(groups[0].resources.map((resource) => resource.audience)).toEqual(['Every member', 'Gold and above']);
    expect(groups[0].resources[1].buttonLabel).toBe('Download Price List');
  });

  it('searches titles, types, programs and tiers case-insensitively', () => {
    expect(groupResources(RESOURCES, ' gold ').flatMap((g) => g.resources.map((r) => r.title))).toEqual(['Price List']);
    expect(groupResources(RESOURCES, 'technology')[0].resources[0].title).toBe('API Guide');
    expect(groupResources(RESOURCES, 'nothing like this')).toEqual([]);
  });

  it('prints sizes for people', () => {
    expect(sizeLabel(500)).toBe('500 B');
    expect(sizeLabel(2048)).toBe('2 KB');
    expect(sizeLabel(3 * 1024 * 1024)).toBe('3.0 MB');
    expect(sizeLabel(undefined)).toBe('');
  });
});

describe('c-resource-library', () => {
  afterEach(() => {
    unmountAll();
    jest.clearAllMocks();
  });

  it('lists the resources by program and filters them as the partner types', async () => {
    const element = render();
    resourcesWire.emit(RESOURCES);
    await flush();

    expect($$(element, '[data-id="group"]').map((group) => group.dataset.program)).toEqual([
      'Reseller Program',
      'Technology Program',
    ]);
    const search = $(element, '[data-id="search"]')!;
    search.dispatchEvent(new CustomEvent('change', { detail: { value: 'api' } }));
    await flush();
    expect($$(element, '[data-id="resource"]')).toHaveLength(1);
    search.dispatchEvent(new CustomEvent('change', { detail: { value: 'zzz' } }));
    await flush();
    expect($(element, '[data-id="empty"]')!.textContent).toBe('No resource matches "zzz".');
    await expectAccessible(element);
  });

  it('logs the download on the server, then opens the file', async () => {
    logDownloadMock.mockResolvedValue('/partners/sfc/servlet.shepherd/document/download/069000000000001AAA');
    const element = render();
    resourcesWire.emit(RESOURCES);
    await flush();

    ($$(element, 'lightning-button')[0] as HTMLElement).click();
    await flush();

    expect(logDownloadMock).toHaveBeenCalledWith({ documentId: '069000000000001AAA' });
    expect(mockNavigate).toHaveBeenCalledWith({
      type: 'standard__webPage',
      attributes: { url: '/partners/sfc/servlet.shepherd/document/download/069000000000001AAA' },
    });
    expect($(element, '[data-id="status"]')!.textContent).toBe('Program Guide is downloading.');
  });

  it('shows why a download was refused', async () => {
    logDownloadMock.mockRejectedValue({ body: { message: 'This resource is not available to your partnership.' } });
    const element = render();
    resourcesWire.emit(RESOURCES);
    await flush();

    ($$(element, 'lightning-button')[1] as HTMLElement).click();
    await flush();

    const error = $(element, '[data-id="download-error"]')!;
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toBe('This resource is not available to your partnership.');
    expect(mockNavigate).not.toHaveBeenCalled();
  });

  it('says when there is nothing to download, and shows load errors', async () => {
    const element = render();
    resourcesWire.emit([]);
    await flush();
    expect($(element, '[data-id="empty"]')!.textContent).toBe(
      'No resources are available for your programs and tier yet.',
    );

    const failing = render();
    resourcesWire.error({ message: 'Down for maintenance' });
    await flush();
    expect($status(failing, '[data-id="error"]')!.textContent).toBe('Down for maintenance');
  });
});
