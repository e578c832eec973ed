import StatusPanel from 'c/statusPanel';
import { $, expectAccessible, flush, mount, readStatusPanel, unmountAll } from '../../../tests/lwc/lwcTest';

interface StatusProps {
  loading?: boolean;
  loadingLabel?: string;
  error?: string;
  announcement?: string;
  announcementIsError?: boolean;
}

function host(props: StatusProps) {
  const panel = mount('c-status-panel', StatusPanel, props);
  return { panel, view: () => readStatusPanel(panel) };
}

describe('c-status-panel', () => {
  afterEach(unmountAll);

  it('shows a labelled spinner while loading and nothing else', async () => {
    const { panel, view } = host({ loading: true, loadingLabel: 'Loading your leads' });
    await flush();
    expect(view()).toEqual({
      loading: 'Loading your leads',
      error: null,
      announcement: null,
      announcementIsError: false,
    });
    await expectAccessible(panel);
  });

  it('shows the error as an alert', async () => {
    const { panel, view } = host({ error: 'Your leads could not be loaded.' });
    await flush();
    expect(view().error).toBe('Your leads could not be loaded.');
    expect($(panel, '[data-id="error"]')!.getAttribute('role')).toBe('alert');
    expect(view().loading).toBeNull();
    await expectAccessible(panel);
  });

  it('announces outcomes in a polite live region that is there before anything is announced', async () => {
    const { panel, view } = host({});
    await flush();
    const region = $(panel, '[data-id="announcement-region"]')!;
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(view().announcement).toBeNull();

    (panel as unknown as StatusProps).announcement = 'Lead accepted.';
    await flush();
    expect(view()).toMatchObject({ announcement: 'Lead accepted.', announcementIsError: false });
    expect($(panel, '[data-id="announcement"]')!.className).toContain('slds-text-color_success');

    (panel as unknown as StatusProps).announcementIsError = true;
    await flush();
    expect(view().announcementIsError).toBe(true);
    // The same region stays in place, so screen readers announce the change.
    expect($(panel, '[data-id="announcement-region"]')).toBe(region);
    await expectAccessible(panel);
  });
});
