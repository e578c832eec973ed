/**
 * Attribution and commissions per opportunity: duplicate partner+role and invalid weights
 * (validateAttributions), attributed amounts that do not add up, partner deals with no
 * attribution, and commission ledgers that commissionFor would change.
 *
 * Every one of these checks needs an opportunity's whole group, so they run once the pass
 * ends. Memory: until then each opportunity, attribution row and commission entry waits as one
 * packed string in a spill partitioned by opportunity (spill.ts), in memory up to the budget and
 * on disk past it; the groups are then judged one partition at a time.
 */
import {
  RuleError,
  commissionFor,
  commissionKey,
  validateAttributions,
  type AttributionRole,
  type CommissionAttribution,
  type CommissionLedgerEntry,
} from '../rules';
import type { AuditContext, Auditor, AuditorFactory, Emit, RecordRef } from '../types';
import { auditSpill, type PartitionedSpill } from '../spill';
import { bool, cents, formatMoney, key15, num, str } from '../values';

/** Record Ids are kept as read (for the findings); joins use their 15-character form. */
interface Opportunity {
  id: string;
  key: string;
  externalId: string | null;
  amount: number | null;
  closed: boolean;
  won: boolean;
  closeDate: string | null;
  partnerDeal: boolean;
}

interface Row {
  id: string;
  externalId: string | null;
  partnerId: string | null;
  role: string | null;
  weight: number | null;
  amount: number | null;
  createdDate: string;
}

interface Entry {
  id: string;
  externalId: string | null;
  partnerId: string | null;
  attributionId: string | null;
  storedKey: string | null;
  rate: number | null;
  amount: number | null;
  period: string | null;
  status: string | null;
}

const PROGRAM_TYPES = ['Referral', 'Reseller', 'Technology'];

const SEPARATOR = '\u0001';

const text = (value: string | null): string => value ?? '';
const textOrNull = (value: string): string | null => (value === '' ? null : value);
const number = (value: number | null): string => (value === null ? '' : String(value));
const numberOrNull = (value: string): number | null => (value === '' ? null : Number(value));

function packOpportunity(o: Opportunity): string {
  return [
    o.id,
    text(o.externalId),
    number(o.amount),
    o.closed ? '1' : '',
    o.won ? '1' : '',
    text(o.closeDate),
    o.partnerDeal ? '1' : '',
  ].join(SEPARATOR);
}

function unpackOpportunity(packed: string): Opportunity {
  const [id, externalId, amount, closed, won, closeDate, partnerDeal] = packed.split(SEPARATOR);
  return {
    id,
    key: key15(id) as string,
    externalId: textOrNull(externalId),
    amount: numberOrNull(amount),
    closed: closed === '1',
    won: won === '1',
    closeDate: textOrNull(closeDate),
    partnerDeal: partnerDeal === '1',
  };
}

/** Roles as one character; any other value of Role__c is kept whole behind "?" (it only has to fail validation). */
function roleCode(role: string | null): string {
  return role === null ? '' : role === 'Sourced' ? 'S' : role === 'Influenced' ? 'I' : `?${role}`;
}

function roleOf(code: string): string | null {
  return code === '' ? null : code === 'S' ? 'Sourced' : code === 'I' ? 'Influenced' : code.substring(1);
}

function packRow(r: Row): string {
  const role = roleCode(r.role);
  return [r.id, text(r.externalId), text(r.partnerId), number(r.weight), number(r.amount), r.createdDate, role].join(
    SEPARATOR,
  );
}

function unpackRow(packed: string): Row {
  const [id, externalId, partnerId, weight, amount, createdDate, ...role] = packed.split(SEPARATOR);
  return {
    id,
    externalId: textOrNull(externalId),
    partnerId: textOrNull(partnerId),
    role: roleOf(role.join(SEPARATOR)),
    weight: numberOrNull(weight),
    amount: numberOrNull(amount),
    createdDate,
  };
}

function packEntry(e: Entry): string {
  return [
    e.id,
    text(e.externalId),
    text(e.partnerId),
    text(e.attributionId),
    number(e.rate),
    number(e.amount),
    text(e.period),
    text(e.status),
    text(e.storedKey),
  ].join(SEPARATOR);
}

function unpackEntry(packed: string): Entry {
  const [id, externalId, partnerId, attributionId, rate, amount, period, status, ...storedKey] =
    packed.split(SEPARATOR);
  return {
    id,
    externalId: textOrNull(externalId),
    partnerId: textOrNull(partnerId),
    attributionId: textOrNull(attributionId),
    rate: numberOrNull(rate),
    amount: numberOrNull(amount),
    period: textOrNull(period),
    status: textOrNull(status),
    storedKey: textOrNull(storedKey.join(SEPARATOR)),
  };
}

const OPPORTUNITY_MARK = 'O';
const ROW_MARK = 'R';
const ENTRY_MARK = 'E';

interface PackedGroup {
  opportunity: string;
  rows: string[];
  entries: string[];
}

/**
 * The opportunities of a partition with their rows and entries, in load order. Opportunities
 * stream before their rows, so a row whose opportunity has not come by then is not in the
 * data set and is left out, as it would be in memory.
 */
function groupsOf(partition: readonly string[]): Iterable<PackedGroup> {
  const groups = new Map<string, PackedGroup>();
  for (const packed of partition) {
    const body = packed.substring(1);
    if (packed[0] === OPPORTUNITY_MARK) {
      groups.set(key15(body.substring(0, body.indexOf(SEPARATOR))) as string, {
        opportunity: body,
        rows: [],
        entries: [],
      });
      continue;
    }
    const cut = body.indexOf(SEPARATOR);
    const group = groups.get(body.substring(0, cut));
    (packed[0] === ROW_MARK ? group?.rows : group?.entries)?.push(body.substring(cut + 1));
  }
  return groups.values();
}

function ref(object: string, record: { id: string; externalId: string | null }): RecordRef {
  return { object, recordId: record.id, externalId: record.externalId };
}

const OPPORTUNITY = 'Opportunity';
const ATTRIBUTION = 'Partner_Attribution__c';
const COMMISSION = 'Partner_Commission__c';

class AttributionAuditor implements Auditor {
  readonly checks = [
    'attribution-duplicate',
    'attribution-weights',
    'attribution-amount-mismatch',
    'partner-deal-no-attribution',
    'commission-mismatch',
  ] as const;
  readonly objects = [
    'Partner_Program__c',
    'Partner_Tier__c',
    'Account',
    'Opportunity',
    'Partner_Attribution__c',
    'Partner_Commission__c',
  ];
  readonly requires = ['Opportunity', 'Partner_Attribution__c'];
  private readonly programs = new Map<string, { type: string | null; base: number | null }>();
  private readonly upliftOfTier = new Map<string, number | null>();
  private readonly partners = new Map<string, { program: string | null; tier: string | null }>();
  /** Opportunities ("O…"), attribution rows ("R<opportunity>…") and commission entries ("E<opportunity>…") by opportunity. */
  private readonly groups: PartitionedSpill;
  private readonly hasCommissions: boolean;

  constructor(
    private readonly context: AuditContext,
    present: readonly string[],
  ) {
    this.hasCommissions = present.includes('Partner_Commission__c');
    this.groups = auditSpill(context);
  }

  onRecord(objectName: string, record: Parameters<Auditor['onRecord']>[1]): void {
    const id = str(record, 'Id');
    const id15 = key15(id);
    if (id === null || id15 === null) {
      return;
    }
    const externalId = str(record, 'External_Id__c');
    switch (objectName) {
      case 'Partner_Program__c':
        this.programs.set(id15, {
          type: str(record, 'Program_Type__c'),
          base: num(record, 'Base_Commission_Percent__c'),
        });
        break;
      case 'Partner_Tier__c':
        this.upliftOfTier.set(id15, num(record, 'Commission_Uplift_Percent__c'));
        break;
      case 'Account':
        if (bool(record, 'Is_Partner__c')) {
          this.partners.set(id15, {
            program: key15(str(record, 'Primary_Program__c')),
            tier: key15(str(record, 'Current_Tier__c')),
          });
        }
        break;
      case 'Opportunity':
        this.groups.add(
          id15,
          `${OPPORTUNITY_MARK}${packOpportunity({
            id,
            key: id15,
            externalId,
            amount: num(record, 'Amount'),
            closed: bool(record, 'IsClosed'),
            won: bool(record, 'IsWon'),
            closeDate: str(record, 'CloseDate'),
            partnerDeal:
              str(record, 'Sourcing_Partner__c') !== null ||
              str(record, 'Source_Registration__c') !== null ||
              bool(record, 'Partner_Involved__c'),
          })}`,
        );
        break;
      case 'Partner_Attribution__c': {
        // Rows of an opportunity not in the data set are never judged (finish drops them).
        const opportunity = key15(str(record, 'Opportunity__c'));
        if (opportunity !== null) {
          this.groups.add(
            opportunity,
            `${ROW_MARK}${opportunity}${SEPARATOR}${packRow({
              id,
              externalId,
              partnerId: key15(str(record, 'Partner_Account__c')),
              role: str(record, 'Role__c'),
              weight: num(record, 'Weight_Percent__c'),
              amount: num(record, 'Attributed_Amount__c'),
              createdDate: str(record, 'CreatedDate') ?? '',
            })}`,
          );
        }
        break;
      }
      case 'Partner_Commission__c': {
        const opportunity = key15(str(record, 'Opportunity__c'));
        if (opportunity !== null) {
          this.groups.add(
            opportunity,
            `${ENTRY_MARK}${opportunity}${SEPARATOR}${packEntry({
              id,
              externalId,
              partnerId: key15(str(record, 'Partner_Account__c')),
              attributionId: key15(str(record, 'Attribution__c')),
              storedKey: str(record, 'Unique_Key__c'),
              rate: num(record, 'Rate_Percent__c'),
              amount: num(record, 'Amount__c'),
              period: str(record, 'Period__c'),
              status: str(record, 'Status__c'),
            })}`,
          );
        }
        break;
      }
    }
  }

  finish(emit: Emit): void {
    for (const partition of this.groups.drain()) {
      for (const group of groupsOf(partition)) {
        this.judge(
          unpackOpportunity(group.opportunity),
          group.rows.map(unpackRow),
          group.entries.map(unpackEntry),
          emit,
        );
      }
    }
  }

  dispose(): void {
    this.groups.dispose();
  }

  /** All checks of one opportunity with its attribution rows and commission entries. */
  private judge(opportunity: Opportunity, rows: Row[], entries: Entry[], emit: Emit): void {
    if (rows.length === 0 && opportunity.partnerDeal) {
      emit(
        'partner-deal-no-attribution',
        ref(OPPORTUNITY, opportunity),
        'a partner deal (sourcing partner, source registration or partner-involved flag) with no attribution rows',
      );
    }
    const attributionValid = rows.length === 0 || this.checkAttribution(opportunity, rows, emit);
    if (this.hasCommissions && attributionValid && (entries.length > 0 || (opportunity.won && rows.length > 0))) {
      this.checkCommissions(opportunity, rows, entries, emit);
    }
  }

  /** Returns whether the rows are valid, so commissions derived from them can be judged. */
  private checkAttribution(opportunity: Opportunity, rows: Row[], emit: Emit): boolean {
    const usable = rows.filter((r) => r.partnerId !== null && (r.role === 'Sourced' || r.role === 'Influenced'));
    const validation = validateAttributions({
      rows: usable.map((r) => ({
        partnerId: r.partnerId as string,
        role: r.role as AttributionRole,
        weightPercent: r.weight,
      })),
      policy: { maxSourcedPartners: this.context.policy.attribution.maxSourcedPartners },
    });
    const problems: string[] = [];
    for (const error of validation.errors) {
      switch (error.code) {
        case 'DUPLICATE_PARTNER_ROLE': {
          const same = usable
            .filter((r) => r.partnerId === error.partnerId && r.role === error.role)
            .sort((a, b) =>
              a.createdDate < b.createdDate ? -1 : a.createdDate > b.createdDate ? 1 : a.id < b.id ? -1 : 1,
            );
          for (const duplicate of same.slice(1)) {
            emit(
              'attribution-duplicate',
              ref(ATTRIBUTION, duplicate),
              `partner ${String(error.partnerId)} is credited as ${String(error.role)} more than once on ${opportunity.externalId ?? opportunity.id} (first row: ${same[0].externalId ?? same[0].id})`,
              `Merge this row into ${same[0].externalId ?? same[0].id} and recompute the split.`,
            );
          }
          break;
        }
        case 'WEIGHTS_NOT_100':
          problems.push(`weights add up to ${String(error.total)} %, not 100 %`);
          break;
        case 'WEIGHT_OUT_OF_RANGE':
          problems.push(`partner ${String(error.partnerId)} has weight ${String(error.weightPercent)} (must be 0–100)`);
          break;
        case 'TOO_MANY_SOURCED':
          problems.push(`${String(error.count)} sourcing partners, the policy allows ${String(error.max)}`);
          break;
      }
    }
    if (problems.length > 0) {
      emit('attribution-weights', ref(OPPORTUNITY, opportunity), problems.join('; '));
    }
    let amountsAddUp = true;
    if (opportunity.amount !== null) {
      const total = rows.reduce((sum, r) => sum + cents(r.amount ?? 0), 0);
      if (total !== cents(opportunity.amount)) {
        amountsAddUp = false;
        emit(
          'attribution-amount-mismatch',
          ref(OPPORTUNITY, opportunity),
          `attributed amounts add up to ${formatMoney(total / 100)}, the opportunity amount is ${formatMoney(opportunity.amount)}`,
        );
      }
    }
    return validation.valid && amountsAddUp && usable.length === rows.length;
  }

  private checkCommissions(opportunity: Opportunity, rows: Row[], entries: Entry[], emit: Emit): void {
    const roleOfRow = new Map(rows.map((r) => [key15(r.id), r.role]));
    const existing: CommissionLedgerEntry[] = [];
    const byKey = new Map<string, Entry>();
    for (const entry of entries) {
      const role =
        (entry.attributionId === null ? null : roleOfRow.get(entry.attributionId)) ??
        entry.storedKey?.split('|')[2] ??
        rows.find((r) => r.partnerId === entry.partnerId)?.role ??
        null;
      if (
        entry.partnerId === null ||
        (role !== 'Sourced' && role !== 'Influenced') ||
        entry.amount === null ||
        entry.status === null
      ) {
        continue;
      }
      const mark = entry.storedKey?.indexOf('|ADJ-') ?? -1;
      const base = commissionKey(opportunity.key, entry.partnerId, role);
      const uniqueKey = mark >= 0 && entry.storedKey !== null ? `${base}${entry.storedKey.substring(mark)}` : base;
      const first = byKey.get(uniqueKey);
      if (first) {
        emit(
          'commission-mismatch',
          ref(COMMISSION, entry),
          `a second ledger entry for partner ${entry.partnerId} (${role}) on ${opportunity.externalId ?? opportunity.id}; the first is ${first.externalId ?? first.id}`,
          'Delete the duplicate entry, or mark it as an adjustment.',
        );
        continue;
      }
      byKey.set(uniqueKey, entry);
      existing.push({
        uniqueKey,
        status: entry.status as CommissionLedgerEntry['status'],
        amount: entry.amount,
        partnerId: entry.partnerId,
        ratePercent: entry.rate,
        period: entry.period,
      });
    }
    const attributions: CommissionAttribution[] = [];
    for (const row of rows) {
      const partnerId = row.partnerId as string;
      const role = row.role as AttributionRole;
      const recorded = byKey.get(commissionKey(opportunity.key, partnerId, role));
      const partner = this.partners.get(partnerId);
      const program = partner?.program ? this.programs.get(partner.program) : undefined;
      const programType =
        program?.type !== undefined && program.type !== null && PROGRAM_TYPES.includes(program.type)
          ? program.type
          : null;
      if (recorded && recorded.rate !== null) {
        // The rate in force when the commission was earned is the one on the ledger.
        attributions.push({
          partnerId,
          role,
          attributedAmount: row.amount ?? 0,
          programType: (programType ?? 'Referral') as 'Referral',
          basePercent: recorded.rate,
          tierUpliftPercent: 0,
        });
      } else if (programType !== null) {
        const uplift = partner?.tier ? (this.upliftOfTier.get(partner.tier) ?? 0) : 0;
        attributions.push({
          partnerId,
          role,
          attributedAmount: row.amount ?? 0,
          programType: programType as 'Referral',
          basePercent: program?.base ?? null,
          tierUpliftPercent: uplift,
        });
      } else {
        return;
      }
    }
    let changes;
    try {
      changes = commissionFor({
        opportunityId: opportunity.key,
        isClosed: opportunity.closed,
        isWon: opportunity.won,
        amount: opportunity.amount,
        closeDate: opportunity.closeDate ?? this.context.today,
        attributions,
        existing,
      }).changes;
    } catch (error) {
      if (!(error instanceof RuleError)) {
        throw error;
      }
      emit(
        'commission-mismatch',
        ref(OPPORTUNITY, opportunity),
        `the commissions cannot be evaluated: ${error.message}`,
      );
      return;
    }
    for (const change of changes) {
      if (change.action === 'None') {
        continue;
      }
      const entry = byKey.get(change.uniqueKey);
      if (change.action === 'Create' || !entry) {
        emit(
          'commission-mismatch',
          ref(OPPORTUNITY, opportunity),
          `no ledger entry for partner ${String(change.partnerId)} (${change.uniqueKey.split('|')[2]}): ${formatMoney(change.amount)} at ${String(change.ratePercent)} % for ${String(change.period)} is due`,
          'Recalculate the opportunity’s commissions.',
        );
        continue;
      }
      const stored = existing.find((e) => e.uniqueKey === change.uniqueKey) as CommissionLedgerEntry;
      const differences: string[] = [];
      if (change.action === 'Reverse') {
        differences.push(
          `the ${stored.status} entry of ${formatMoney(stored.amount)} is no longer earned and should be reversed`,
        );
      } else {
        if (cents(stored.amount) !== cents(change.amount)) {
          differences.push(`amount is ${formatMoney(stored.amount)}, the rules give ${formatMoney(change.amount)}`);
        }
        if (stored.ratePercent !== change.ratePercent) {
          differences.push(`rate is ${String(stored.ratePercent)} %, the rules give ${String(change.ratePercent)} %`);
        }
        if (stored.period !== change.period) {
          differences.push(`period is ${String(stored.period)}, the close date gives ${String(change.period)}`);
        }
        if (differences.length === 0) {
          differences.push(`status ${stored.status} should be ${change.status}`);
        }
      }
      emit(
        'commission-mismatch',
        ref(COMMISSION, entry),
        differences.join('; '),
        'Recalculate the opportunity’s commissions.',
      );
    }
  }
}

/**
 * @param present objects the data set holds (commissions are judged only when they are present)
 */
export function attributionChecks(present: readonly string[]): AuditorFactory {
  return (context) => new AttributionAuditor(context, present);
}
