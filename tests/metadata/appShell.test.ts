import path from 'node:path';
import { PROJECT_ROOT } from '../../scripts/lib/project';
import { DEFAULT_SOURCE_DIR, loadMetadata } from '../../scripts/lib/metadataModel';

const model = loadMetadata(path.join(PROJECT_ROOT, DEFAULT_SOURCE_DIR));
const customObjects = [...model.objects.values()].filter((o) => o.name.endsWith('__c')).map((o) => o.name);

describe('the Partner Success app shell', () => {
  const app = model.applications.get('Partner_Success');

  it('is a standard-navigation Lightning app', () => {
    expect(app).toMatchObject({ label: 'Partner Success', navType: 'Standard', uiType: 'Lightning' });
  });

  it('has a tab for every custom object, and shows each in the app', () => {
    expect(customObjects.length).toBeGreaterThan(10);
    for (const object of customObjects) {
      expect(model.tabs.get(object)).toMatchObject({ customObject: true });
      expect(model.tabs.get(object)?.motif).toMatch(/^Custom\d+: /);
      expect(app?.tabs).toContain(object);
    }
  });

  it('gives every custom object a page layout and an assigned compact layout', () => {
    for (const object of customObjects) {
      expect(model.layouts.filter((l) => l.object === object)).toHaveLength(1);
      const meta = model.objects.get(object);
      expect(meta?.compactLayouts.map((c) => c.name)).toContain(meta?.compactLayoutAssignment);
    }
  });

  it('ships the list views partner managers work from', () => {
    const view = (object: string, name: string) => model.objects.get(object)?.listViews.find((v) => v.name === name);
    expect(view('Deal_Registration__c', 'Pending_Approvals')?.filters).toEqual([
      { field: 'Status__c', operation: 'equals', value: 'Submitted,Pending Approval' },
    ]);
    expect(view('Deal_Registration__c', 'Expiring_This_Month')?.filters).toEqual([
      { field: 'Status__c', operation: 'equals', value: 'Approved' },
      { field: 'Expires_On__c', operation: 'equals', value: 'THIS_MONTH' },
    ]);
    expect(view('Lead', 'Overdue_Partner_Offers')?.filters).toEqual([
      { field: 'Partner_Share_Status__c', operation: 'equals', value: 'Offered' },
      { field: 'Accept_By__c', operation: 'lessThan', value: 'TODAY' },
    ]);
    expect(view('Partner_Application__c', 'Awaiting_Review')?.filters).toEqual([
      { field: 'Status__c', operation: 'equals', value: 'Submitted,Under Review' },
    ]);
    expect(view('Program_Membership__c', 'At_Risk')?.filters).toEqual([
      { field: 'At_Risk__c', operation: 'equals', value: '1' },
    ]);
  });

  it.each([
    ['Deal_Registration_Record_Page', 'Deal_Registration__c'],
    ['Partner_Account_Record_Page', 'Account'],
    ['Partner_Opportunity_Record_Page', 'Opportunity'],
    ['Partner_Lead_Record_Page', 'Lead'],
  ])('assigns %s as the %s record page, with header, main and sidebar regions', (page, object) => {
    const flexiPage = model.flexiPages.get(page);
    expect(flexiPage).toMatchObject({
      type: 'RecordPage',
      sobjectType: object,
      template: 'flexipage:recordHomeTemplateDesktop',
      regions: ['header', 'main', 'sidebar'],
    });
    // Package components (c:...) are placed on the pages by the capabilities that own them; the
    // integrity references check proves their bundles exist. The standard frame stays in order.
    expect(flexiPage?.components.map((c) => c.componentName).filter((name) => !name.startsWith('c:'))).toEqual([
      'force:highlightsPanel',
      'force:detailPanel',
      'force:relatedListContainer',
    ]);
    expect(app?.actionOverrides).toContainEqual(
      expect.objectContaining({ actionName: 'View', content: page, pageOrSobjectType: object, type: 'Flexipage' }),
    );
  });

  it('shares submitted registrations and partner leads with the partner manager group', () => {
    const rule = (object: string) => model.sharingRules.find((r) => r.object === object)?.rules[0];
    expect(model.groups.has('PRM_Partner_Managers')).toBe(true);
    expect(rule('Deal_Registration__c')).toMatchObject({
      accessLevel: 'Edit',
      sharedTo: [{ kind: 'group', name: 'PRM_Partner_Managers' }],
      criteriaItems: [{ field: 'Status__c', operation: 'notEqual', value: 'Draft' }],
    });
    expect(rule('Lead')).toMatchObject({
      sharedTo: [{ kind: 'group', name: 'PRM_Partner_Managers' }],
      criteriaItems: [{ field: 'Partner_Direction__c', operation: 'equals', value: 'To Partner,From Partner' }],
    });
  });
});
