/**
 * Live preview of a change to an opportunity's partner credit, computed with the same rules the
 * server applies (`attributeCredit`, `validateAttributions` from `c/prmRules`) and the same
 * reading of stored rows as `AttributionService`: each row is one touch, and a Sourced row is a
 * sourcing touch identified by its registration, or by its role when it was recorded by hand.
 * Refusal messages match the server's word for word.
 */
import {
  attributeCredit,
  validateAttributions,
  type AttributionPolicy,
  type AttributionRole,
  type PartnerTouch,
} from 'c/prmRules';

/** One attribution row as the panel holds it (stored, or the draft being edited). */
export interface PanelRow {
  id?: string | null;
  name?: string | null;
  partnerId: string;
  partnerName?: string | null;
  role: AttributionRole;
  /** `YYYY-MM-DD` */
  touchDate?: string | null;
  touchType?: string | null;
  sourceRegistrationId?: string | null;
  weightPercent?: number | null;
  attributedAmount?: number | null;
}

/** The opportunity and the policy in force. */
export interface PreviewContext {
  /** `Model__c` value or model name */
  model: string;
  amount: number | null;
  /** `YYYY-MM-DD` */
  closeDate: string;
  policy: AttributionPolicy;
}

/** A refusal of a rule: `RuleError` carries a stable code. */
interface CodedError {
  code?: string;
}

/** A row with the credit it would get. */
export interface PreviewRow extends PanelRow {
  key: string;
  previewWeight: number;
  previewAmount: number;
  isDraft: boolean;
}

/** The credit after the change, or why the change would be refused. */
export interface Preview {
  rows: PreviewRow[];
  errors: string[];
  valid: boolean;
}

/** The server's message for a partner holding a role twice (AttributionService.duplicateMessage). */
export function duplicateMessage(role: string, existingName: string | null): string {
  return `This partner is already credited as ${role} on this opportunity${
    existingName ? ` (${existingName})` : ''
  }. Edit that attribution instead of adding another.`;
}

/** The server's message for too many Sourced partners (AttributionService.tooManySourcedMessage). */
export function tooManySourcedMessage(max: number, count: number): string {
  return `At most ${max} ${
    max === 1 ? 'partner' : 'partners'
  } may be Sourced on an opportunity (attribution policy); this change would make ${count}. Record the other partners as Influenced.`;
}

/** The touch a row stands for (AttributionService.touchOf). */
export function touchOf(row: PanelRow, today: string): PartnerTouch {
  return {
    partnerId: row.partnerId,
    touchDate: row.touchDate || today,
    touchType: row.touchType ?? null,
    sourcedRegistrationId: row.role === 'Sourced' ? row.sourceRegistrationId || 'Sourced' : null,
  };
}

function creditKey(partnerId: string, role: string): string {
  return `${partnerId}:${role}`;
}

/**
 * The rows and credit after saving `draft` (a new row, or a stored row with `draft.id` changed),
 * or after removing the row `removedId` when `draft` is null.
 */
export function previewAttribution(
  context: PreviewContext,
  stored: PanelRow[],
  draft: PanelRow | null,
  today: string,
  removedId: string | null = null,
): Preview {
  const replaced = draft ? (draft.id ?? null) : removedId;
  const others = stored.filter((row) => !replaced || row.id !== replaced);
  const rows: PanelRow[] = draft ? [...others, draft] : others;
  const errors: string[] = [];

  if (draft) {
    const validation = validateAttributions({
      rows: rows.map((row) => ({ partnerId: row.partnerId, role: row.role, weightPercent: 0 })),
      policy: { maxSourcedPartners: context.policy.maxSourcedPartners },
    });
    for (const finding of validation.errors) {
      if (
        finding.code === 'DUPLICATE_PARTNER_ROLE' &&
        finding.partnerId === draft.partnerId &&
        finding.role === draft.role
      ) {
        const existing = others.find((row) => row.partnerId === draft.partnerId && row.role === draft.role);
        errors.push(duplicateMessage(draft.role, existing?.name ?? null));
      } else if (finding.code === 'TOO_MANY_SOURCED' && draft.role === 'Sourced') {
        errors.push(tooManySourcedMessage(finding.max ?? 0, finding.count ?? 0));
      }
    }
  }

  const credited = new Map<string, { weight: number; amount: number }>();
  try {
    const result = attributeCredit({
      model: context.model as Parameters<typeof attributeCredit>[0]['model'],
      amount: context.amount,
      closeDate: context.closeDate,
      touches: rows.map((row) => touchOf(row, today)),
      policy: context.policy,
    });
    for (const row of result.rows) {
      credited.set(creditKey(row.partnerId, row.role), { weight: row.weightPercent, amount: row.attributedAmount });
    }
  } catch (error) {
    errors.push(`Partner attribution could not be computed: ${(error as CodedError).code ?? 'INVALID_INPUT'}.`);
  }

  const previewRows: PreviewRow[] = rows.map((row, index) => {
    const credit = credited.get(creditKey(row.partnerId, row.role));
    return {
      ...row,
      key: row.id ?? `draft-${index}`,
      previewWeight: credit?.weight ?? 0,
      previewAmount: credit?.amount ?? 0,
      isDraft: draft !== null && row === draft,
    };
  });
  // The server lists rows the same way: Sourced first, then by weight, then by partner Id.
  previewRows.sort(
    (a, b) =>
      (a.role === 'Sourced' ? 0 : 1) - (b.role === 'Sourced' ? 0 : 1) ||
      b.previewWeight - a.previewWeight ||
      (a.partnerId < b.partnerId ? -1 : a.partnerId > b.partnerId ? 1 : 0),
  );
  return { rows: previewRows, errors, valid: errors.length === 0 };
}
