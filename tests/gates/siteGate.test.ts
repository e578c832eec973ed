/**
 * check:site reports each planted error of its fixture with file and reason, and nothing on
 * the fixture's correct pages; its schemas and the metadata gate's site elements accept what
 * Salesforce's own tooling writes for a "Build Your Own (LWR)" site; and the portal in
 * force-app/portal has the pages, access and navigation partners rely on.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../scripts/lib/project';
import { ComponentSet } from '@salesforce/source-deploy-retrieve';
import { convertPackage } from '../../scripts/gates/convert';
import * as metadata from '../../scripts/gates/metadata';
import * as site from '../../scripts/gates/site';
import {
  findBundles,
  findNavigationMenus,
  placedComponents,
  readBundle,
  routeForTarget,
  routesOf,
} from '../../scripts/site/siteModel';
import type { ComponentNode } from '../../scripts/site/schemas';
import { fixture } from './fixtures';

jest.setTimeout(120_000);

const BUNDLE = 'force-app/portal/default/digitalExperiences/site/Fixture1';
const MENU = 'force-app/portal/default/navigationMenus/SFDC_Default_Navigation_Fixture.navigationMenu-meta.xml';

describe('check:site on its planted-error fixture', () => {
  const root = fixture('site');
  let findings: { where: string; check: string; message: string }[];

  beforeAll(async () => {
    findings = (await site.run(root)).map((f) => ({
      where: path.relative(root, f.file).split(path.sep).join('/'),
      check: f.check,
      message: f.message,
    }));
  });

  const at = (where: string) => findings.filter((f) => f.where === where).map((f) => `${f.check}: ${f.message}`);

  it('reports a component that does not exist, and one not exposed for pages', () => {
    expect(at(`${BUNDLE}/sfdc_cms__view/broken/content.json`)).toEqual(
      expect.arrayContaining([
        "site-component: component c:nowhere does not exist in any package directory's lwc folder",
        'site-component: component c:internalPanel is not exposed for lightningCommunity__Page',
        'site-component: community_login:logniForm is not a standard component we know (scripts/site/standardComponents.ts)',
      ]),
    );
  });

  it('reports a property the component does not declare, and a value of the wrong type', () => {
    expect(at(`${BUNDLE}/sfdc_cms__view/broken/content.json`)).toEqual(
      expect.arrayContaining([
        'site-property: c:memberCard has no property "colour" in its lightningCommunity__Default targetConfig',
        'site-property: c:memberCard property "rows" has type Integer, but is set to "five"',
      ]),
    );
  });

  it('reports a route to a missing view, and a view of another type than its route', () => {
    expect(at(`${BUNDLE}/sfdc_cms__route/Orphan__c/content.json`)).toEqual([
      'site-route: route Orphan__c opens view "noSuchView", which does not exist',
    ]);
    expect(at(`${BUNDLE}/sfdc_cms__route/Mismatch__c/content.json`)).toEqual([
      'site-route: route Mismatch__c is a custom-mismatch route but opens view mismatch of type custom-other',
    ]);
    expect(at(`${BUNDLE}/sfdc_cms__view/mismatch/content.json`)).toEqual([
      'site-route: view mismatch uses theme layout type "Sidebar", which the active theme maps to no layout',
    ]);
  });

  it('reports a navigation item to a missing route, and one public on a members-only route', () => {
    expect(at(MENU)).toEqual([
      'site-navigation: menu item "Nowhere" opens /no-such-page, which no route serves',
      'site-navigation: menu item "Home again" is publicly available, but route Home is RequiresLogin',
    ]);
  });

  it('keeps public pages exactly the guest ones', () => {
    expect(at(`${BUNDLE}/sfdc_cms__route/Leak__c/content.json`)).toEqual([
      'site-access: route Leak__c is Public, but its components call Apex PRM_Partner_Applicant does not grant: MemberController',
    ]);
    expect(at(`${BUNDLE}/sfdc_cms__route/Locked__c/content.json`)).toEqual([
      'site-access: route Locked__c requires login, but everything on it is granted to guests: make it Public or give it a member component',
      'site-access: route Locked__c: its components call Apex PRM_Partner_User does not grant: ApplyController',
    ]);
  });

  it('reports a Network that does not admit the member persona or lets anyone register', () => {
    expect(at('force-app/portal/default/networks/Fixture.network-meta.xml')).toEqual([
      "site-access: the Network's member groups do not admit PRM_Partner_User",
      'site-access: self-registration must be off: partners join by applying',
    ]);
  });

  it('reports a content file that does not fit its content type', () => {
    expect(at(`${BUNDLE}/sfdc_cms__route/Shapeless__c/content.json`)).toEqual([
      "site-shape: sfdc_cms__route: /contentBody must have required property 'pageAccess'; /contentBody must NOT have additional properties",
    ]);
  });

  it('reports nothing on the correct pages, and nothing else', () => {
    for (const good of ['Home', 'Apply__c', 'Login']) {
      expect(at(`${BUNDLE}/sfdc_cms__route/${good}/content.json`)).toEqual([]);
    }
    expect(at(`${BUNDLE}/sfdc_cms__view/home/content.json`)).toEqual([]);
    expect(findings).toHaveLength(16);
  });
});

describe("Salesforce's Build Your Own (LWR) site", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'prm-lwr-template-'));
    const sf = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'sf');
    const run = spawnSync(
      sf,
      [
        'template',
        'generate',
        'digital-experience',
        'site',
        '-n',
        'Anchor Site',
        '-t',
        'Build Your Own (LWR)',
        '-p',
        'anchor',
        '-e',
        'admin@example.com',
        '-d',
        dir,
      ],
      {
        encoding: 'utf8',
        env: {
          ...process.env,
          SF_DISABLE_TELEMETRY: 'true',
          SF_AUTOUPDATE_DISABLE: 'true',
          SF_SKIP_NEW_VERSION_CHECK: 'true',
        },
      },
    );
    if (run.status !== 0) {
      throw new Error(`sf template generate failed: ${run.stderr}`);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fits the content-type schemas of check:site', () => {
    const bundle = readBundle(path.join(dir, 'digitalExperiences', 'site', 'Anchor_Site1'));
    expect(bundle.items.length).toBeGreaterThan(20);
    expect(site.checkShapes(bundle)).toEqual([]);
  });

  it('has only Network, CustomSite and DigitalExperience elements check:metadata knows', () => {
    const files = [
      'networks/Anchor Site.network-meta.xml',
      'sites/Anchor_Site.site-meta.xml',
      'digitalExperienceConfigs/Anchor_Site1.digitalExperienceConfig-meta.xml',
      'digitalExperiences/site/Anchor_Site1/Anchor_Site1.digitalExperience-meta.xml',
    ];
    for (const file of files) {
      const full = path.join(dir, file);
      expect({ file, findings: metadata.checkXml(full, readFileSync(full, 'utf8')) }).toEqual({ file, findings: [] });
    }
  });

  it('still gets a misspelt site element reported', () => {
    const text = readFileSync(path.join(dir, 'sites/Anchor_Site.site-meta.xml'), 'utf8')
      .replace('<allowGuestPaymentsApi>', '<allowGuestPaymentApi>')
      .replace('</allowGuestPaymentsApi>', '</allowGuestPaymentApi>');
    expect(metadata.checkXml('site.xml', text).map((f) => f.message)).toEqual([
      '<allowGuestPaymentApi> is not an element of CustomSite (in CustomSite)',
    ]);
  });
});

describe('the partner portal in force-app/portal', () => {
  const [bundle] = findBundles(PROJECT_ROOT);
  const routes = routesOf(bundle);
  const views = new Map(bundle.items.filter((i) => i.type === 'sfdc_cms__view').map((v) => [v.apiName, v]));
  const componentsOf = (urlPrefix: string) => {
    const route = routes.find((r) => r.urlPrefix === urlPrefix);
    const tree = views.get(route?.viewId ?? '')?.content?.contentBody?.component as ComponentNode | undefined;
    return placedComponents(tree)
      .map((p) => p.definition)
      .filter((d) => !d.startsWith('community_layout:') && d !== 'community_builder:seoAssistant');
  };

  it('is the one LWR site, Partner_Portal1', () => {
    expect(findBundles(PROJECT_ROOT).map((b) => b.name)).toEqual(['Partner_Portal1']);
  });

  it.each([
    ['', 'c:partnerHome', 'RequiresLogin'],
    ['register-deal', 'c:dealRegistrationForm', 'RequiresLogin'],
    ['my-registrations', 'c:dealRegistrationList', 'RequiresLogin'],
    ['lead-inbox', 'c:leadInbox', 'RequiresLogin'],
    ['submit-lead', 'c:leadSubmissionForm', 'RequiresLogin'],
    ['training', 'c:trainingTracker', 'RequiresLogin'],
    ['resources', 'c:resourceLibrary', 'RequiresLogin'],
    ['earnings', 'c:partnerEarnings', 'RequiresLogin'],
    ['my-performance', 'c:partnerPerformance', 'RequiresLogin'],
    ['feedback', 'c:partnerFeedback', 'RequiresLogin'],
    ['support', 'c:partnerSupport', 'RequiresLogin'],
    ['apply', 'c:partnerApplicationForm', 'Public'],
  ])('serves /%s with %s (%s)', (urlPrefix, component, access) => {
    expect(componentsOf(urlPrefix)).toEqual([component]);
    expect(routes.find((r) => r.urlPrefix === urlPrefix)?.pageAccess).toBe(access);
  });

  it('has public login, password, error and availability pages', () => {
    const publicTypes = routes
      .filter((r) => r.pageAccess === 'Public')
      .map((r) => r.routeType)
      .sort();
    expect(publicTypes).toEqual([
      'check-password',
      'custom-apply',
      'error',
      'forgot-password',
      'login-main',
      'service-not-available',
      'too-many-requests',
    ]);
    expect(componentsOf('login')).toContain('community_login:loginForm');
  });

  it('puts every member page in the navigation menu, in the order partners work', () => {
    const [menu] = findNavigationMenus(PROJECT_ROOT);
    expect(menu.container).toBe('Partner Portal');
    expect(menu.items.map((i) => routeForTarget(routes, i.target)?.apiName)).toEqual([
      'Home',
      'Register_Deal__c',
      'My_Registrations__c',
      'Lead_Inbox__c',
      'Submit_Lead__c',
      'Training__c',
      'Resources__c',
      'Earnings__c',
      'My_Performance__c',
      'Feedback__c',
      'Support__c',
      'Apply__c',
    ]);
  });

  it('passes check:site', async () => {
    expect(await site.run(PROJECT_ROOT)).toEqual([]);
  });

  it("converts whole with Salesforce's library (check:convert), every site type included", async () => {
    const dir = path.join(PROJECT_ROOT, 'force-app', 'portal');
    const { findings, summary } = await convertPackage(dir);
    expect(findings).toEqual([]);
    const types = new Set(
      ComponentSet.fromSource(dir)
        .getSourceComponents()
        .toArray()
        .map((c) => c.type.name),
    );
    expect([...types].sort()).toEqual([
      'CustomSite',
      'DigitalExperience',
      'DigitalExperienceBundle',
      'DigitalExperienceConfig',
      'NavigationMenu',
      'Network',
      'SharingRules',
    ]);
    expect(summary.files).toBeGreaterThan(70);
  });
});
