/**
 * Today's partner operations as an org's standard objects hold them, before the package:
 * partner accounts (IsPartner, or a Type value), opportunities of the last 12 months with
 * their lead source and OpportunityPartner rows, and leads of the last 12 months. Read with
 * REST query pages; the 12-month window is applied here, so the queries need no date filter.
 */
import type { SalesforceClient } from '../salesforce/client';
import { OrgApiError } from '../salesforce/errors';

export interface OrgAccount {
  id: string;
  name: string;
  website: string | null;
  country: string | null;
  isPartner: boolean;
  createdDate: string | null;
}

export interface OrgOpportunity {
  id: string;
  amount: number | null;
  isClosed: boolean;
  isWon: boolean;
  closeDate: string | null;
  createdDate: string | null;
  leadSource: string | null;
}

export interface OrgLead {
  id: string;
  leadSource: string | null;
  createdDate: string | null;
  lastActivityDate: string | null;
  isConverted: boolean;
}

export interface OrgOperations {
  accounts: OrgAccount[];
  opportunities: OrgOpportunity[];
  /** OpportunityPartner rows: opportunity → partner account. */
  opportunityPartners: { opportunityId: string; accountToId: string }[];
  leads: OrgLead[];
}

export interface OrgReadOptions {
  /** Partner accounts are those with this Type; without it, IsPartner (partner portal orgs). */
  partnerType?: string;
  /** The 12 months end here (ISO). */
  asOf: string;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const DAY_MS = 86400000;

async function all(client: SalesforceClient, soql: string): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for await (const row of client.query(soql)) {
    rows.push(row);
  }
  return rows;
}

/**
 * Reads the org's partner operations.
 * @param client the org
 * @param options partner definition and the window's end
 */
export async function readOrgOperations(client: SalesforceClient, options: OrgReadOptions): Promise<OrgOperations> {
  const partnerField = options.partnerType === undefined ? 'IsPartner' : 'Type';
  let accountRows: Record<string, unknown>[];
  try {
    accountRows = await all(
      client,
      `SELECT Id, Name, Website, BillingCountry, ${partnerField}, CreatedDate FROM Account`,
    );
  } catch (error) {
    if (error instanceof OrgApiError && error.errorCode === 'INVALID_FIELD' && partnerField === 'IsPartner') {
      throw new OrgApiError(
        `${error.message}. This org has no partner accounts by IsPartner (no partner portal): give --partner-type with the Account Type value your partners carry.`,
        error.errorCode,
      );
    }
    throw error;
  }
  const from = Date.parse(options.asOf) - 365 * DAY_MS;
  const recent = (created: unknown): boolean => typeof created === 'string' && Date.parse(created) > from;
  const opportunities = (
    await all(client, 'SELECT Id, Amount, IsClosed, IsWon, CloseDate, CreatedDate, LeadSource FROM Opportunity')
  )
    .filter((r) => recent(r.CreatedDate))
    .map((r) => ({
      id: String(r.Id),
      amount: num(r.Amount),
      isClosed: r.IsClosed === true,
      isWon: r.IsWon === true,
      closeDate: str(r.CloseDate),
      createdDate: str(r.CreatedDate),
      leadSource: str(r.LeadSource),
    }));
  const inWindow = new Set(opportunities.map((o) => o.id));
  const opportunityPartners = (await all(client, 'SELECT Id, OpportunityId, AccountToId FROM OpportunityPartner'))
    .filter((r) => inWindow.has(String(r.OpportunityId)))
    .map((r) => ({ opportunityId: String(r.OpportunityId), accountToId: String(r.AccountToId) }));
  const leads = (await all(client, 'SELECT Id, LeadSource, CreatedDate, LastActivityDate, IsConverted FROM Lead'))
    .filter((r) => recent(r.CreatedDate))
    .map((r) => ({
      id: String(r.Id),
      leadSource: str(r.LeadSource),
      createdDate: str(r.CreatedDate),
      lastActivityDate: str(r.LastActivityDate),
      isConverted: r.IsConverted === true,
    }));
  return {
    accounts: accountRows.map((r) => ({
      id: String(r.Id),
      name: str(r.Name) ?? '',
      website: str(r.Website),
      country: str(r.BillingCountry),
      isPartner: options.partnerType === undefined ? r.IsPartner === true : r.Type === options.partnerType,
      createdDate: str(r.CreatedDate),
    })),
    opportunities,
    opportunityPartners,
    leads,
  };
}
