/**
 * Planted problems shared by several objects: a stale match key, a blank required field, and
 * the registration-level problems (expiry, route, key, blank field). Each plant is recorded in
 * the ground truth through the context.
 */
import { companyKeyOf } from '../audit/rules';
import { addDays } from './calendar';
import { companyName } from './names';
import type { SeedContext } from './context';
import type { SeedRecord } from './model';

export function staleKey(ctx: SeedContext, objectName: string, record: SeedRecord): boolean {
  if (!ctx.planter.should('match-key-stale')) {
    return false;
  }
  const former = companyKeyOf(companyName(ctx.random));
  record.Match_Key__c = former === record.Match_Key__c ? `${String(former)}old` : former;
  ctx.plant('match-key-stale', objectName, record, 'Match_Key__c kept from a former company name');
  return true;
}

export function missing(ctx: SeedContext, objectName: string, record: SeedRecord, fields: string[]): boolean {
  const candidates = fields.filter((f) => record[f] !== null && record[f] !== undefined);
  if (candidates.length === 0 || !ctx.planter.should('missing-field')) {
    return false;
  }
  const field = ctx.random.pick(candidates);
  record[field] = null;
  ctx.plant('missing-field', objectName, record, `${field} left blank`);
  return true;
}

/** Plants one registration-level problem; returns whether one was planted. */
export function registrationPlants(ctx: SeedContext, record: SeedRecord, converted: boolean): boolean {
  if (record.Status__c === 'Draft') {
    return staleKey(ctx, 'Deal_Registration__c', record);
  }
  if (converted && ctx.planter.should('registration-expiry-mismatch')) {
    record.Expires_On__c = addDays(String(record.Expires_On__c), ctx.random.int(10, 40));
    ctx.plant('registration-expiry-mismatch', 'Deal_Registration__c', record, 'Expires_On__c moved by hand');
    return true;
  }
  if (ctx.planter.should('registration-route-mismatch')) {
    const routes = ['Auto', 'Manager', 'Director'].filter((r) => r !== record.Approval_Route__c);
    record.Approval_Route__c = ctx.random.pick(routes);
    ctx.plant(
      'registration-route-mismatch',
      'Deal_Registration__c',
      record,
      `route set to ${String(record.Approval_Route__c)}`,
    );
    return true;
  }
  return (
    staleKey(ctx, 'Deal_Registration__c', record) ||
    (record.Status__c !== 'Closed' &&
      missing(ctx, 'Deal_Registration__c', record, ['Prospect_Country__c', 'Expected_Close_Date__c']))
  );
}
