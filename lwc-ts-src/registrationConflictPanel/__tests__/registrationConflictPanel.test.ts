import RegistrationConflictPanel, { evidenceRows, panelRegistrationRows, recordUrl } from 'c/registrationConflictPanel';
import getConflictPanel from '@salesforce/apex/RegistrationConflictPanelController.getConflictPanel';
import { $, $$, $status, expectAccessible, flush, mount, unmountAll, wireMock } from '../../../tests/lwc/lwcTest';

jest.mock(
  '@salesforce/apex/RegistrationConflictPanelController.getConflictPanel',
  () => jest.requireActual('../../../tests/lwc/lwcTest').apexWireModule(),
  { virtual: true },
);

const panelWire = wireMock(getConflictPanel);

const EVIDENCE = [
  {
    type: 'OPEN_OPPORTUNITY',
    severity: 'error',
    recordId: '006000000000001AAA',
    recordName: 'Contoso expansion',
    objectLabel: 'Opportunity',
    ownerId: '005000000000001AAA',
    ownerName: 'Riley Rep',
    matchedOn: 'both',
    message: 'Open opportunity for this prospect',
    advice: 'Talk to the opportunity owner.',
  },
  {
    type: 'COMPETING_REGISTRATION',
    severity: 'warning',
    recordId: 'a01000000000009AAA',
    recordName: 'Restricted record',
    objectLabel: 'Deal Registration',
    matchedOn: 'domainKey',
    message: 'Registration of another partner awaiting a decision',
    advice: 'Another partner claims this prospect.',
  },
];

const REGISTRATION_PANEL = {
  context: 'registration',
  conflictStatus: 'Conflict',
  evidence: EVIDENCE,
  registrations: [],
  guidance: ['Talk to the opportunity owner.', 'Another partner claims this prospect.'],
};

const RECORD_PANEL = {
  context: 'record',
  evidence: [],
  registrations: [
    {
      id: 'a01000000000001AAA',
      name: 'DR-000001',
      partnerName: 'Northwind Partners',
      prospectCompany: 'Contoso',
      status: 'Approved',
      amount: 12000,
      expiresOn: '2030-09-01',
      relation: 'Matched this account',
    },
  ],
  guidance: ['A partner is protected on this prospect until the expiry date shown.'],
};

const render = (recordId = '001000000000001AAA') =>
  mount('c-registration-conflict-panel', RegistrationConflictPanel, { recordId });

afterEach(unmountAll);

describe('evidenceRows', () => {
  it('labels severity, kind and match, and links only records the viewer may see', () => {
    const rows = evidenceRows(EVIDENCE);
    expect(rows[0]).toMatchObject({
      typeLabel: 'Open opportunity',
      severityLabel: 'Conflict',
      recordUrl: '/lightning/r/006000000000001AAA/view',
      ownerName: 'Riley Rep',
      matchedOnText: 'Matched on company name and web domain',
    });
    expect(rows[1]).toMatchObject({
      severityLabel: 'Review',
      recordUrl: null,
      matchedOnText: 'Matched on web domain only',
    });
  });
});

describe('panelRegistrationRows', () => {
  it('links each registration and keeps the relation', () => {
    expect(panelRegistrationRows(RECORD_PANEL.registrations)[0]).toMatchObject({
      name: 'DR-000001',
      url: recordUrl('a01000000000001AAA'),
      relation: 'Matched this account',
    });
  });
});

describe('c-registration-conflict-panel', () => {
  it('asks the server for the page record', async () => {
    render('006000000000001AAA');
    await flush();
    expect(panelWire.getLastConfig()).toEqual({ recordId: '006000000000001AAA' });
  });

  it('shows the live evidence and advice on a registration page', async () => {
    const element = render('a01000000000001AAA');
    panelWire.emit(REGISTRATION_PANEL);
    await flush();

    expect(($(element, 'lightning-card') as unknown as { title: string }).title).toBe('Conflict check');
    expect(($(element, '[data-id="status"] lightning-badge') as unknown as { label: string }).label).toBe('Conflict');
    const items = $$(element, '[data-evidence]');
    expect(items).toHaveLength(2);
    expect(items[0].querySelector('a[data-cell="record"]')!.getAttribute('href')).toBe(
      '/lightning/r/006000000000001AAA/view',
    );
    expect(items[0].querySelector('[data-cell="owner"]')!.textContent).toBe('Owner: Riley Rep');
    expect(items[1].querySelector('a[data-cell="record"]')).toBeNull();
    expect(items[1].querySelector('[data-cell="record"]')!.textContent).toBe('Restricted record');
    expect($$(element, '[data-id="guidance"] li').map((li) => li.textContent)).toEqual(REGISTRATION_PANEL.guidance);
    await expectAccessible(element);
  });

  it('lists registrations touching an account, opportunity or lead', async () => {
    const element = render();
    panelWire.emit(RECORD_PANEL);
    await flush();

    expect(($(element, 'lightning-card') as unknown as { title: string }).title).toBe('Partner registrations');
    const rows = $$(element, '[data-id="registrations"] tbody tr');
    expect(rows).toHaveLength(1);
    expect(rows[0].querySelector('[data-cell="partner"]')!.textContent).toBe('Northwind Partners');
    expect(rows[0].querySelector('[data-cell="relation"]')!.textContent).toBe('Matched this account');
    expect($(element, '[data-id="evidence"]')).toBeNull();
    expect($(element, '[data-id="status"]')).toBeNull();
    await expectAccessible(element);
  });

  it('says so when no registration touches the record', async () => {
    const element = render();
    panelWire.emit({
      context: 'record',
      evidence: [],
      registrations: [],
      guidance: ['No partner registration touches this record.'],
    });
    await flush();

    expect($(element, '[data-id="registrations"]')).toBeNull();
    expect($(element, '[data-id="guidance"]')!.textContent).toContain('No partner registration touches this record.');
  });

  it('shows an error as an alert', async () => {
    const element = render();
    panelWire.error({ message: 'This information is for internal users only.' });
    await flush();

    const error = $status(element, '[data-id="error"]')!;
    expect(error.getAttribute('role')).toBe('alert');
    expect($status(element, 'lightning-spinner')).toBeNull();
  });
});
