import CommissionPayoutRun, { previousPeriod } from 'c/commissionPayoutRun';
import approve from '@salesforce/apex/CommissionPayoutController.approve';
import exportBatch from '@salesforce/apex/CommissionPayoutController.exportBatch';
import confirm from '@salesforce/apex/CommissionPayoutController.confirm';
import { $, apexMock, expectAccessible, flush, mount, unmountAll } from '../../../tests/lwc/lwcTest';

jest.mock('@salesforce/apex/CommissionPayoutController.approve', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/CommissionPayoutController.exportBatch', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/CommissionPayoutController.confirm', () => ({ default: jest.fn() }), { virtual: true });

const approveMock = apexMock(approve);
const exportMock = apexMock(exportBatch);
const confirmMock = apexMock(confirm);

/** What the status strip shows or announces. */
const statusText = (element: HTMLElement): string =>
  element.shadowRoot!.querySelector('c-status-panel')!.shadowRoot!.textContent ?? '';

const render = () => mount('c-commission-payout-run', CommissionPayoutRun);

function change(element: HTMLElement, id: string, value: string) {
  $(element, `[data-id="${id}"]`)!.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('previousPeriod', () => {
  it('is last month, across the year boundary', () => {
    expect(previousPeriod(new Date('2025-06-15T00:00:00Z'))).toBe('2025-05');
    expect(previousPeriod(new Date('2025-01-03T00:00:00Z'))).toBe('2024-12');
  });
});

describe('c-commission-payout-run', () => {
  afterEach(() => {
    unmountAll();
    jest.clearAllMocks();
  });

  it('approves, exports with a download and confirms the batch paid', async () => {
    approveMock.mockResolvedValue(200);
    exportMock.mockResolvedValue({ batch: 'PAYOUT-2025-05-1', rows: 200, total: 2000, csv: 'Ledger_Key\nk1\n' });
    confirmMock.mockResolvedValue(200);
    const element = render();
    change(element, 'period', '2025-05');
    await flush();

    $(element, '[data-id="approve"]')!.click();
    await flush();
    expect(approveMock).toHaveBeenCalledWith({ period: '2025-05' });
    expect(statusText(element)).toContain('200 earned commission(s) of 2025-05 approved.');
    expect($(element, '[data-id="download"]')).toBeNull();

    $(element, '[data-id="export"]')!.click();
    await flush();
    const link = $(element, '[data-id="download"]') as HTMLAnchorElement;
    expect(link.getAttribute('download')).toBe('PAYOUT-2025-05-1.csv');
    expect(decodeURIComponent(link.getAttribute('href')!.split(',')[1])).toBe('Ledger_Key\nk1\n');
    expect(($(element, '[data-id="confirm"]') as unknown as { disabled: boolean }).disabled).toBe(true);
    await expectAccessible(element);

    change(element, 'paid-on', '2025-06-10');
    await flush();
    $(element, '[data-id="confirm"]')!.click();
    await flush();
    expect(confirmMock).toHaveBeenCalledWith({ batch: 'PAYOUT-2025-05-1', paidOn: '2025-06-10' });
    expect(statusText(element)).toContain('200 commission(s) of batch PAYOUT-2025-05-1 marked Paid');
  });

  it("shows the server's refusal and forgets an export when the period changes", async () => {
    exportMock.mockResolvedValue({ batch: 'PAYOUT-2025-05-1', rows: 1, total: 5, csv: 'x\n' });
    approveMock.mockRejectedValue({ body: { message: 'Give the period as YYYY-MM, for example 2025-06.' } });
    const element = render();
    $(element, '[data-id="export"]')!.click();
    await flush();
    expect($(element, '[data-id="download"]')).not.toBeNull();
    change(element, 'period', '2025/05');
    await flush();
    expect($(element, '[data-id="download"]')).toBeNull();

    $(element, '[data-id="approve"]')!.click();
    await flush();
    expect(statusText(element)).toContain('Give the period as YYYY-MM');
    await expectAccessible(element);
  });
});
