import PartnerSupport, { caseRow } from 'c/partnerSupport';
import getCategories from '@salesforce/apex/PortalSupportController.getCategories';
import getMyCases from '@salesforce/apex/PortalSupportController.getMyCases';
import openCase from '@salesforce/apex/PortalSupportController.openCase';
import {
  $,
  $$,
  expectAccessible,
  flush,
  mount,
  readStatusPanel,
  unmountAll,
  wireMock,
} from '../../../tests/lwc/lwcTest';

jest.mock(
  '@salesforce/apex/PortalSupportController.getCategories',
  () => jest.requireActual('../../../tests/lwc/lwcTest').apexWireModule(),
  { virtual: true },
);
jest.mock('@salesforce/apex/PortalSupportController.getMyCases', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/PortalSupportController.openCase', () => ({ default: jest.fn() }), { virtual: true });

const categoriesWire = wireMock(getCategories);
const myCases = getMyCases as unknown as jest.Mock;
const open = openCase as unknown as jest.Mock;

const ANSWERED = {
  id: '500A',
  caseNumber: '00001001',
  subject: 'Commission missing',
  status: 'Working',
  category: 'Commissions and payments',
  createdDate: '2026-11-30T10:00:00.000Z',
  closed: false,
  replies: [
    { body: 'We are checking the Q3 ledger.', createdDate: '2026-12-01T09:00:00.000Z', fromYou: false },
    { body: 'Thanks!', createdDate: '2026-12-01T10:00:00.000Z', fromYou: true },
  ],
};

async function render(cases: unknown[] = []): Promise<HTMLElement> {
  myCases.mockResolvedValue(cases);
  const element = mount('c-partner-support', PartnerSupport);
  categoriesWire.emit(['Deal registration', 'Commissions and payments', 'Other']);
  await flush();
  return element;
}

function type(element: HTMLElement, id: string, value: string): void {
  $(element, `[data-id="${id}"]`)!.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

afterEach(() => {
  unmountAll();
  jest.clearAllMocks();
});

describe('partnerSupport', () => {
  it('labels replies by who wrote them', () => {
    const row = caseRow(ANSWERED);
    expect(row.replyRows.map((r) => r.author)).toEqual(['Partner team', 'You']);
    expect(row.hasReplies).toBe(true);
    expect(caseRow({ ...ANSWERED, closed: true, replies: [] }).statusClass).toBe('slds-badge');
  });

  it("lists the company's cases with their replies", async () => {
    const element = await render([ANSWERED]);
    const items = $$(element, '[data-case]');
    expect(items).toHaveLength(1);
    expect(items[0].textContent).toContain('00001001');
    expect(items[0].textContent).toContain('Commission missing');
    expect($$(element, '[data-cell="reply"]').map((r) => r.textContent)).toEqual([
      'Partner teamWe are checking the Q3 ledger.',
      'YouThanks!',
    ]);
    await expectAccessible(element);
  });

  it('opens a case only when subject, topic and question are given, then lists it', async () => {
    const element = await render();
    expect($(element, '[data-id="no-cases"]')).not.toBeNull();
    const button = $(element, '[data-id="open"]') as HTMLElement & { disabled: boolean };
    expect(button.disabled).toBe(true);
    type(element, 'subject', 'Commission missing');
    type(element, 'category', 'Commissions and payments');
    await flush();
    expect(button.disabled).toBe(true);
    type(element, 'description', 'Our Q3 commission is not in Earnings.');
    await flush();
    expect(button.disabled).toBe(false);

    open.mockResolvedValue([{ ...ANSWERED, replies: [] }]);
    button.click();
    await flush();
    expect(open).toHaveBeenCalledWith({
      subject: 'Commission missing',
      description: 'Our Q3 commission is not in Earnings.',
      category: 'Commissions and payments',
    });
    expect(readStatusPanel($(element, 'c-status-panel')!).announcement).toBe(
      'Case 00001001 is open. Your channel manager has been told and will answer here.',
    );
    expect($$(element, '[data-case]')).toHaveLength(1);
  });

  it('keeps what was typed and says why when the server refuses', async () => {
    const element = await render();
    type(element, 'subject', 'Help');
    type(element, 'category', 'Other');
    type(element, 'description', 'Question');
    await flush();
    open.mockRejectedValue({ body: { message: 'Choose what your question is about.' } });
    ($(element, '[data-id="open"]') as HTMLElement).click();
    await flush();
    const status = readStatusPanel($(element, 'c-status-panel')!);
    expect(status.announcement).toBe('Choose what your question is about.');
    expect(status.announcementIsError).toBe(true);
    expect(($(element, '[data-id="subject"]') as HTMLElement & { value: string }).value).toBe('Help');
  });
});
