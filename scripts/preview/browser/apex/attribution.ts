/**
 * Stand-in for AttributionController (Opportunity record page). Saving or removing a row
 * recomputes every row's weight and amount as AttributionService does after the trigger:
 * with the shared `attributeCredit` and `validateAttributions` rules, the packaged model
 * (Position Based) and the default policy.
 */
import {
  attributeCredit,
  DEFAULT_ATTRIBUTION_POLICY,
  validateAttributions,
  type AttributionRole,
  type PartnerTouch,
} from '../../../../lwc-ts-src/prmRules/prmRules';
import type { DemoStore } from '../store';
import type { DemoRecord } from '../types';
import { ApexError, type ApexHandler, type ApexParams } from './api';
import { nextName, requireId, text, today } from './common';

/** AttributionService.DEFAULT_MODEL: the model when no active policy names one. */
const MODEL = 'Position Based';

function rowsOf(store: DemoStore, opportunityId: string): DemoRecord[] {
  return store.list('Partner_Attribution__c').filter((r) => r.Opportunity__c === opportunityId);
}

function touchOf(row: DemoRecord, day: string): PartnerTouch {
  const sourcing = row.Role__c === 'Sourced' ? String(row.Source_Registration__c ?? 'Sourced') : null;
  return {
    partnerId: String(row.Partner_Account__c),
    touchDate: String(row.Touch_Date__c ?? String(row.CreatedDate ?? day).slice(0, 10)),
    touchType: (row.Touch_Type__c as string | null) ?? null,
    sourcedRegistrationId: sourcing,
  };
}

/** AttributionService.credit: new weights and amounts for every row of the opportunity. */
function recompute(store: DemoStore, opportunityId: string): void {
  const opportunity = store.get(opportunityId)!;
  const rows = rowsOf(store, opportunityId);
  if (rows.length === 0) {
    return;
  }
  const day = today(store);
  const credited = new Map(
    attributeCredit({
      model: MODEL,
      amount: Number(opportunity.Amount ?? 0),
      closeDate: String(opportunity.CloseDate ?? day),
      touches: rows.map((r) => touchOf(r, day)),
      policy: DEFAULT_ATTRIBUTION_POLICY,
    }).rows.map((r) => [`${r.partnerId}:${r.role}`, r]),
  );
  for (const row of rows) {
    const result = credited.get(`${String(row.Partner_Account__c)}:${String(row.Role__c)}`);
    store.update(row.Id, {
      Weight_Percent__c: result?.weightPercent ?? 0,
      Attributed_Amount__c: result?.attributedAmount ?? 0,
      Model__c: MODEL,
    });
  }
}

function panel(store: DemoStore, opportunityId: string): Record<string, unknown> {
  const opportunity = store.get(opportunityId);
  if (!opportunity || store.objectOf(opportunityId) !== 'Opportunity') {
    throw new ApexError('List has no rows for assignment to SObject');
  }
  const roleOrder = (r: DemoRecord) => String(r.Role__c);
  const rows = [...rowsOf(store, opportunityId)].sort(
    (a, b) =>
      roleOrder(a).localeCompare(roleOrder(b)) ||
      Number(b.Weight_Percent__c ?? -1) - Number(a.Weight_Percent__c ?? -1) ||
      String(a.Partner_Account__c).localeCompare(String(b.Partner_Account__c)),
  );
  return {
    opportunityId,
    amount: opportunity.Amount ?? null,
    closeDate: opportunity.CloseDate ?? null,
    currencyIsoCode: 'USD',
    model: MODEL,
    policy: { ...DEFAULT_ATTRIBUTION_POLICY },
    touchTypes: store.dataset.picklists['Partner_Attribution__c.Touch_Type__c'] ?? [],
    canEdit: true,
    rows: rows.map((row) => ({
      id: row.Id,
      name: row.Name,
      partnerId: row.Partner_Account__c,
      partnerName: store.get(String(row.Partner_Account__c))?.Name ?? null,
      role: row.Role__c,
      touchDate: row.Touch_Date__c ?? null,
      touchType: row.Touch_Type__c ?? null,
      sourceRegistrationId: row.Source_Registration__c ?? null,
      weightPercent: row.Weight_Percent__c ?? null,
      attributedAmount: row.Attributed_Amount__c ?? null,
      model: row.Model__c ?? null,
    })),
  };
}

/** The trigger's checks before a save (AttributionService.prepare), with its messages. */
function checkRows(store: DemoStore, opportunityId: string, candidate: DemoRecord, replacing: string | null): void {
  const others = rowsOf(store, opportunityId).filter((r) => r.Id !== replacing);
  const duplicate = others.find(
    (r) => r.Partner_Account__c === candidate.Partner_Account__c && r.Role__c === candidate.Role__c,
  );
  if (duplicate) {
    throw new ApexError(
      `This partner is already credited as ${String(candidate.Role__c)} on this opportunity (${String(duplicate.Name)}). Edit that attribution instead of adding another.`,
    );
  }
  const validation = validateAttributions({
    rows: [...others, candidate].map((r) => ({
      partnerId: String(r.Partner_Account__c),
      role: r.Role__c as AttributionRole,
    })),
    policy: { maxSourcedPartners: DEFAULT_ATTRIBUTION_POLICY.maxSourcedPartners },
  });
  const tooMany = validation.errors.find((e) => e.code === 'TOO_MANY_SOURCED');
  if (tooMany) {
    const max = tooMany.max ?? DEFAULT_ATTRIBUTION_POLICY.maxSourcedPartners;
    throw new ApexError(
      `At most ${max} ${max === 1 ? 'partner' : 'partners'} may be Sourced on an opportunity (attribution policy); this change would make ${String(tooMany.count)}. Record the other partners as Influenced.`,
    );
  }
}

const getPanel: ApexHandler = (params, store) => panel(store, requireId(params, 'opportunityId'));

const saveAttribution: ApexHandler = (params, store) => {
  const row = (params.row ?? null) as ApexParams | null;
  const partnerId = row ? text(row, 'partnerId') : null;
  const role = row ? text(row, 'role') : null;
  if (!row || !partnerId || !role) {
    throw new ApexError('Choose a partner and a role.');
  }
  const partner = store.get(partnerId);
  if (!partner || partner.Is_Partner__c !== true) {
    throw new ApexError('The partner or opportunity reference is not valid.');
  }
  const fields = {
    Partner_Account__c: partnerId,
    Role__c: role,
    Touch_Date__c: text(row, 'touchDate') ?? today(store),
    Touch_Type__c: text(row, 'touchType'),
  };
  const id = text(row, 'id');
  let opportunityId: string;
  if (id) {
    const existing = store.get(id);
    if (!existing || store.objectOf(id) !== 'Partner_Attribution__c') {
      throw new ApexError('This attribution no longer exists or you cannot see it.');
    }
    opportunityId = String(existing.Opportunity__c);
    checkRows(store, opportunityId, { ...existing, ...fields }, id);
    store.update(id, fields);
  } else {
    opportunityId = requireId(row, 'opportunityId');
    if (store.objectOf(opportunityId) !== 'Opportunity') {
      throw new ApexError('The partner or opportunity reference is not valid.');
    }
    const candidate = { Id: '', Opportunity__c: opportunityId, ...fields };
    checkRows(store, opportunityId, candidate, null);
    store.insert('Partner_Attribution__c', {
      Name: nextName(store, 'Partner_Attribution__c', 'ATT'),
      Opportunity__c: opportunityId,
      ...fields,
    });
  }
  recompute(store, opportunityId);
  return panel(store, opportunityId);
};

const deleteAttribution: ApexHandler = (params, store) => {
  const id = requireId(params, 'attributionId');
  const existing = store.get(id);
  if (!existing || store.objectOf(id) !== 'Partner_Attribution__c') {
    throw new ApexError('This attribution no longer exists or you cannot see it.');
  }
  const opportunityId = String(existing.Opportunity__c);
  store.remove(id);
  recompute(store, opportunityId);
  return panel(store, opportunityId);
};

export const ATTRIBUTION: Readonly<Record<string, ApexHandler>> = {
  'AttributionController.getPanel': getPanel,
  'AttributionController.saveAttribution': saveAttribution,
  'AttributionController.deleteAttribution': deleteAttribution,
};
