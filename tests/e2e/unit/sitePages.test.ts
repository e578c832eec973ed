/**
 * The preview's portal pages come from the site in source: one per route, in the navigation
 * menu's order, with the components and properties the site's views and theme layouts set.
 */
import { PROJECT_ROOT } from '../../../scripts/lib/project';
import { pageIdOf, sitePageSpecs } from '../../../scripts/preview/sitePages';
import { findBundles, routesOf } from '../../../scripts/site/siteModel';

const pages = sitePageSpecs(PROJECT_ROOT);
const page = (id: string) => pages.find((p) => p.id === id);

describe('portal pages from the site', () => {
  it('has one page per route of the site', () => {
    const routes = routesOf(findBundles(PROJECT_ROOT)[0]);
    expect(pages.map((p) => p.id).sort()).toEqual(routes.map(pageIdOf).sort());
  });

  it('orders the pages as the navigation menu does, the rest after', () => {
    expect(pages.slice(0, 12).map((p) => p.id)).toEqual([
      'home',
      'register-deal',
      'my-registrations',
      'lead-inbox',
      'submit-lead',
      'training',
      'resources',
      'earnings',
      'my-performance',
      'feedback',
      'support',
      'apply',
    ]);
  });

  it("places the header's components with the site's properties before the view's", () => {
    expect(page('lead-inbox')?.slots).toEqual([
      { component: 'portalPartnerName', props: { label: 'Signed in for' }, layout: true },
      { component: 'leadInbox', props: {}, layout: false },
    ]);
    expect(page('home')?.description).toBe('Partner home: scorecard, tier badge and progress to the next tier, tasks.');
  });

  it('shows public routes as guest pages, without the member header', () => {
    expect(pages.filter((p) => p.guest).map((p) => p.id)).toEqual([
      'apply',
      'check-password-reset-email',
      'error',
      'forgot-password',
      'login',
      'service-not-available',
      'too-many-requests',
    ]);
    expect(page('apply')?.slots.map((s) => s.component)).toEqual(['partnerApplicationForm']);
  });

  it('names the Salesforce components a view places, which only the platform renders', () => {
    expect(page('login')?.platformComponents).toEqual([
      'dxp_content_layout:siteLogo',
      'community_login:loginForm',
      'community_login:employeeLoginLink',
    ]);
    expect(page('login')?.navigationNames).toEqual(['Login']);
    expect(page('register-deal')?.navigationNames).toEqual(['Register_Deal__c', 'Register_Deal']);
  });
});
