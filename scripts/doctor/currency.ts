/** Single- or multi-currency as configured, and a multi-currency org set up for commission conversion. */
import { OrgApiError } from '../salesforce/errors';
import { records, type DoctorCheck } from './check';

export const currency: DoctorCheck = {
  id: 'currency',
  title: 'Multi-currency as configured',
  describe:
    'the org is single- or multi-currency as --currency says; a multi-currency org has a corporate currency and a rate for every active currency',
  async run(context) {
    let currencies: Record<string, unknown>[];
    try {
      currencies = await records(
        context,
        'SELECT IsoCode, IsCorporate, ConversionRate FROM CurrencyType WHERE IsActive = true',
      );
    } catch (error) {
      if (!(error instanceof OrgApiError) || error.errorCode !== 'INVALID_TYPE') {
        throw error;
      }
      return context.expectedCurrency === 'multi'
        ? {
            status: 'fail',
            detail: 'single currency',
            fix: 'Enable multiple currencies (Setup › Company Information), then add the currencies.',
          }
        : { status: 'pass', detail: 'single currency' };
    }
    const codes = currencies.map((c) => String(c.IsoCode));
    const corporate = currencies.find((c) => c.IsCorporate === true);
    const unrated = currencies.filter((c) => !(Number(c.ConversionRate) > 0)).map((c) => String(c.IsoCode));
    if (context.expectedCurrency === 'single') {
      return {
        status: 'fail',
        detail: `multi-currency: ${codes.join(', ')}`,
        fix: 'Run doctor with --currency multi if this is intended.',
      };
    }
    if (!corporate || unrated.length > 0) {
      return {
        status: 'fail',
        detail: !corporate ? 'no corporate currency' : `no conversion rate: ${unrated.join(', ')}`,
        fix: 'Setup › Manage Currencies: set the corporate currency and a rate for every active currency (commissions convert with them).',
      };
    }
    return { status: 'pass', detail: `multi-currency: ${codes.join(', ')} (corporate ${String(corporate.IsoCode)})` };
  },
};
