/**
 * The migration plan of one cohort: which legacy rows are written, which existing accounts
 * they become or point to, and which rows are refused and why. Nothing here touches an org.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { companyKeyOf } from '../../lwc-ts-src/prmRules/prmRules';
import type { ProgramPolicy } from '../audit/policy';
import { AccountIndex, matchAccounts, type AccountMatch, type ExistingAccount } from './accountMatch';
import { deriveValues } from './derived';
import type { LegacyRecord } from './legacyRecords';

/** How a cohort is chosen: all partners, by the tier or region column, or a list file. */
export type CohortBy = { kind: 'all' } | { kind: 'tier' | 'region' } | { kind: 'file'; keys: Set<string> };

/** Where a registration's or lead's partner is: a legacy partner row written with it, or an existing account. */
export interface PartnerRef {
  externalId?: string;
  accountId?: string;
}

export interface MigrationPlan {
  cohort: string;
  records: LegacyRecord[];
  /** The match preview of the cohort's partners and of the customers. */
  matches: AccountMatch[];
  /** Valid rows of the cohort to upsert, by object in load order. */
  writes: { Account: LegacyRecord[]; Deal_Registration__c: LegacyRecord[]; Lead: LegacyRecord[] };
  /** Rows of the cohort refused, each with its problems. */
  rejected: LegacyRecord[];
  /** Rows of other cohorts (not written now). */
  outside: number;
  partnerOf: Map<LegacyRecord, PartnerRef>;
  /** Existing accounts the written rows point to. */
  referenced: ExistingAccount[];
}

const fold = (text: string): string => text.trim().toLowerCase();

/**
 * The partner keys or names a cohort file lists: one per line, or the first column of a CSV.
 * @param file the cohort file
 */
export function readCohortFile(file: string): Set<string> {
  const rows = parse(readFileSync(file, 'utf8'), {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as string[][];
  return new Set(rows.map((r) => fold(r[0] ?? '')).filter((v) => v !== ''));
}

function inCohort(partner: LegacyRecord, cohort: string, by: CohortBy): boolean {
  switch (by.kind) {
    case 'all':
      return true;
    case 'tier':
      return fold(partner.tier ?? '') === fold(cohort);
    case 'region':
      return fold(partner.region ?? '') === fold(cohort);
    default:
      return by.keys.has(fold(partner.legacyKey)) || by.keys.has(fold(String(partner.fields.Name ?? '')));
  }
}

interface PartnerTarget {
  match: AccountMatch;
  primary: AccountMatch;
}

/** Legacy partners by company key (a duplicate resolves to the row it repeats). */
function partnersByKey(matches: AccountMatch[]): Map<string, PartnerTarget> {
  const byRecord = new Map(matches.map((m) => [m.record, m]));
  const result = new Map<string, PartnerTarget>();
  for (const match of matches.filter((m) => m.record.entity === 'partner' && m.companyKey !== null)) {
    const primary = match.duplicateOf ? (byRecord.get(match.duplicateOf) ?? match) : match;
    if (!result.has(match.companyKey as string)) {
      result.set(match.companyKey as string, { match, primary });
    }
  }
  return result;
}

/**
 * Plans one cohort.
 * @param records every legacy record (typed, with problems)
 * @param existing accounts that exist already (org or snapshot)
 * @param cohort the cohort's name
 * @param by how the cohort is chosen
 * @param policy program policy for derived values
 */
export function planCohort(
  records: LegacyRecord[],
  existing: readonly ExistingAccount[],
  cohort: string,
  by: CohortBy,
  policy: ProgramPolicy,
): MigrationPlan {
  const index = new AccountIndex(existing);
  const matches = matchAccounts(
    records.filter((r) => r.entity === 'partner' || r.entity === 'customer'),
    index,
  );
  const partners = partnersByKey(matches);
  const plan: MigrationPlan = {
    cohort,
    records,
    matches: [],
    writes: { Account: [], Deal_Registration__c: [], Lead: [] },
    rejected: [],
    outside: 0,
    partnerOf: new Map(),
    referenced: [],
  };
  const referenced = new Set<ExistingAccount>();
  const cohortPartners = new Set<LegacyRecord>();
  for (const match of matches) {
    const { record } = match;
    if (record.entity === 'partner' && !inCohort(match.duplicateOf ?? record, cohort, by)) {
      plan.outside++;
      continue;
    }
    if (record.entity === 'partner') {
      cohortPartners.add(match.duplicateOf ?? record);
    }
    plan.matches.push(match);
    if (match.outcome === 'ambiguous') {
      record.problems.push({
        column: 'Name',
        message: `matches ${match.candidates.length} existing accounts (${match.evidence.join('; ')}): merge them or change the legacy name first`,
      });
    }
    if (record.problems.length > 0) {
      plan.rejected.push(record);
    } else if (match.outcome === 'new') {
      deriveValues(record, policy);
      plan.writes.Account.push(record);
    }
  }
  for (const record of records.filter((r) => r.entity === 'registration' || r.entity === 'lead')) {
    const target = record.partnerName === undefined ? undefined : partners.get(companyKeyOf(record.partnerName) ?? '');
    const existingPartner =
      target || record.partnerName === undefined
        ? undefined
        : index.byKey(companyKeyOf(record.partnerName), null).filter((a) => a.isPartner);
    if (target && !cohortPartners.has(target.primary.record)) {
      plan.outside++;
      continue;
    }
    if (!target && by.kind !== 'all') {
      plan.outside++;
      continue;
    }
    const ref = resolvePartner(record, target, existingPartner);
    if (record.problems.length > 0) {
      plan.rejected.push(record);
      continue;
    }
    if (ref.accountId !== undefined) {
      const account = target?.primary.account ?? existingPartner?.[0];
      if (account) {
        referenced.add(account);
      }
    }
    plan.partnerOf.set(record, ref);
    deriveValues(record, policy);
    plan.writes[record.entity === 'registration' ? 'Deal_Registration__c' : 'Lead'].push(record);
  }
  plan.referenced = [...referenced];
  return plan;
}

/** The partner a registration or lead points to, or a problem on the record. */
function resolvePartner(
  record: LegacyRecord,
  target: PartnerTarget | undefined,
  existingPartner: ExistingAccount[] | undefined,
): PartnerRef {
  if (record.partnerName === undefined) {
    if (record.entity === 'registration') {
      record.problems.push({ column: 'partner', message: 'names no partner: a registration belongs to one' });
    }
    return {};
  }
  if (target) {
    const primary = target.primary;
    if (primary.outcome === 'ambiguous' || primary.record.problems.length > 0) {
      record.problems.push({
        column: 'partner',
        message: `its partner "${record.partnerName}" (${primary.record.table} line ${primary.record.line}) is not migrated: ${primary.record.problems[0]?.message ?? 'ambiguous match'}`,
      });
      return {};
    }
    return primary.outcome === 'matched'
      ? { accountId: primary.account?.id }
      : { externalId: primary.record.externalId, accountId: primary.account?.id };
  }
  if (existingPartner && existingPartner.length === 1) {
    return { accountId: existingPartner[0].id };
  }
  record.problems.push({
    column: 'partner',
    message:
      existingPartner && existingPartner.length > 1
        ? `partner "${record.partnerName}" matches ${existingPartner.length} existing partner accounts`
        : `partner "${record.partnerName}" is neither in the legacy partner table nor an existing partner account`,
  });
  return {};
}
