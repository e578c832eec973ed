/** Customer accounts, with planted duplicates written after their originals. */
import { companyKeyOf, companyTokensOf, nameSimilarity } from '../audit/rules';
import { MS_PER_DAY } from './calendar';
import { INDUSTRIES, nameVariant, place } from './names';
import type { SeedContext } from './context';
import type { CustomerInfo } from './model';
import { staleKey, missing } from './problems';

/** A near miss of a name: its last word with a trailing "s" dropped or added ("Systems" → "System"). */
export function nearMiss(name: string): string {
  const words = name.split(' ');
  const last = words[words.length - 1];
  words[words.length - 1] = /s$/i.test(last) && last.length > 3 ? last.slice(0, -1) : `${last}s`;
  return words.join(' ');
}

export function generateCustomers(ctx: SeedContext): void {
  const duplicatesOf: { original: CustomerInfo; createdMs: number }[] = [];
  const nearMissesOf: { original: CustomerInfo; createdMs: number }[] = [];
  for (let i = 0; i < ctx.options.customers; i++) {
    const { name, key, comparable } = ctx.uniqueCompany(ctx.companyKeys, 'c');
    const { website, domain } = ctx.website(key);
    const where = place(ctx.random);
    const createdMs = ctx.msDaysAgo(400, 1100);
    const account = ctx.base('Account', createdMs);
    Object.assign(account, {
      Name: name,
      Website: website,
      Industry: ctx.random.pick(INDUSTRIES),
      BillingCountry: where.country,
      BillingState: where.region,
      BillingPostalCode: where.postalCode,
      NumberOfEmployees: Math.round(ctx.random.logNormal(400, 1.3)) + 5,
      Is_Partner__c: false,
      Named_Account_Owner__c: ctx.random.chance(0.05),
      ...ctx.keys(name, website, null),
    });
    const info: CustomerInfo = { id: String(account.Id), name, website, domain, place: where };
    if (ctx.planter.should('duplicate-account')) {
      duplicatesOf.push({ original: info, createdMs });
    } else if (comparable && ctx.planter.should('possible-duplicate-account')) {
      // Only an account the audit compares later ones with can be planted as a near miss's original.
      nearMissesOf.push({ original: info, createdMs });
    } else if (!staleKey(ctx, 'Account', account)) {
      missing(ctx, 'Account', account, ['BillingCountry']);
    }
    ctx.emit('Account', account);
    ctx.customers.push(info);
  }
  // Duplicates come after the originals: later Ids and creation dates, as a second entry would.
  for (const { original, createdMs } of duplicatesOf) {
    let variant = nameVariant(ctx.random, original.name);
    for (let attempt = 0; companyKeyOf(variant) !== companyKeyOf(original.name); attempt++) {
      variant = attempt > 10 ? original.name.toUpperCase() : nameVariant(ctx.random, original.name);
    }
    const website = ctx.random.chance(0.5) ? original.website : null;
    const account = ctx.base('Account', createdMs + ctx.random.int(30, 400) * MS_PER_DAY);
    Object.assign(account, {
      Name: variant,
      Website: website,
      Industry: ctx.random.pick(INDUSTRIES),
      BillingCountry: original.place.country,
      BillingState: original.place.region,
      BillingPostalCode: original.place.postalCode,
      Is_Partner__c: false,
      Named_Account_Owner__c: false,
      ...ctx.keys(variant, website, null),
    });
    ctx.plant('duplicate-account', 'Account', account, `"${variant}" duplicates "${original.name}"`);
    ctx.noteAccountName('c', variant);
    ctx.emit('Account', account);
  }
  // Near misses come after their originals too: "Globex Systems" entered again as "Globex System".
  for (const { original, createdMs } of nearMissesOf) {
    const variant = nearMiss(original.name);
    const key = companyKeyOf(variant);
    if (
      key === null ||
      ctx.companyKeys.has(key) ||
      companyTokensOf(variant)[0] !== companyTokensOf(original.name)[0] ||
      !nameSimilarity(variant, original.name).possibleDuplicate
    ) {
      continue;
    }
    ctx.companyKeys.add(key);
    const account = ctx.base('Account', createdMs + ctx.random.int(30, 400) * MS_PER_DAY);
    Object.assign(account, {
      Name: variant,
      Website: null,
      Industry: ctx.random.pick(INDUSTRIES),
      BillingCountry: original.place.country,
      BillingState: original.place.region,
      BillingPostalCode: original.place.postalCode,
      Is_Partner__c: false,
      Named_Account_Owner__c: false,
      ...ctx.keys(variant, null, null),
    });
    ctx.plant('possible-duplicate-account', 'Account', account, `"${variant}" may duplicate "${original.name}"`);
    ctx.noteAccountName('c', variant);
    ctx.emit('Account', account);
  }
}
