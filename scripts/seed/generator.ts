/**
 * Deterministic generator of a partner program's data: programs and tier ladders, partner
 * accounts with contacts, memberships, tier history, certifications and activity, customer
 * accounts, deal registrations, opportunities, attribution, commissions, shared leads with
 * their offers, and program costs. Derived values (match keys, expiry dates, approval
 * routes, accept-by deadlines, tiers, credit splits, commissions, engagement scores) come
 * from the shared rules, so clean data passes every audit check; the Planter then plants
 * known problems and records each one in the ground truth.
 *
 * Records stream to a sink one by one, partner by partner, so memory holds only the
 * reference data (programs, customers, partner summaries) and the current partner. Each
 * object family has its own module; this one runs them in a fixed order.
 */
import { loadSnapshotSchema, type SnapshotSchema } from '../snapshot/schema';
import { datetimeOf } from './calendar';
import { SeedContext } from './context';
import { generateModules, generatePrograms } from './programs';
import { generateCustomers } from './customers';
import { generateCluster, planPartners } from './partners';
import { generateDirectDeals } from './opportunities';
import { generateInternalLeads } from './leads';
import { generateProgramCosts } from './commissions';
import type { SeedOptions, SeedResult, SeedSink } from './model';

export type { SeedOptions, SeedRecord, SeedResult, SeedSink } from './model';

export const SCALES: Readonly<Record<'small' | 'medium' | 'large', { partners: number; customers: number }>> =
  Object.freeze({
    small: { partners: 30, customers: 250 },
    medium: { partners: 300, customers: 2500 },
    large: { partners: 3000, customers: 25000 },
  });

/**
 * Generates a data set into a sink.
 * @param options seed, scale, as-of time, problem rate and policy
 * @param sink receives every record
 * @param schema snapshot schema (key prefixes, auto-number names)
 */
export function generateSeed(
  options: SeedOptions,
  sink: SeedSink,
  schema: SnapshotSchema = loadSnapshotSchema(),
): SeedResult {
  const ctx = new SeedContext(options, sink, schema);
  generatePrograms(ctx);
  generateModules(ctx);
  generateCustomers(ctx);
  planPartners(ctx);
  for (const partner of ctx.partners) {
    generateCluster(ctx, partner);
  }
  generateDirectDeals(ctx);
  generateInternalLeads(ctx);
  generateProgramCosts(ctx);
  return {
    groundTruth: ctx.planter.groundTruth({
      seed: options.seed,
      asOf: datetimeOf(ctx.nowMs),
      partners: options.partners,
      customers: options.customers,
      problemRate: options.problemRate,
    }),
    counts: ctx.counts,
  };
}
