/**
 * Pilot adoption per partner: the portal invitation (Account.Portal_Invited_At__c) and the first
 * login (Login activity), registration submitted, lead offer accepted and won deal sourced,
 * read from the records themselves; stage, days and stall come from the shared
 * `partnerAdoption` rule. An invitation or step after the audit's now has not happened yet and is
 * left out (an audit of a past period sees the partner as it was then).
 * Memory: one small entry per partner account.
 */
import { localToday, partnerAdoption, ADOPTION_STAGES, type PartnerAdoption } from '../rules';
import type { AuditContext, Metric, MetricCollector } from '../types';
import { bool, key15, NumberList, str } from '../values';

interface PartnerSteps {
  name: string;
  invitedMs: number | null;
  loginMs: number | null;
  registrationMs: number | null;
  leadAcceptedMs: number | null;
  /** Close date of the first won deal, `YYYY-MM-DD`. */
  dealOn: string | null;
}

type Record = Parameters<MetricCollector['onRecord']>[1];

/** The earlier of a step's current instant and another; an absent instant changes nothing. */
const earliest = (current: number | null, ms: number | null): number | null =>
  ms === null || (current !== null && current <= ms) ? current : ms;

/** Epoch ms of a datetime cell, or null when blank or malformed. */
function instant(record: Record, field: string): number | null {
  const value = str(record, field);
  const ms = value === null ? NaN : Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

export class AdoptionCollector implements MetricCollector {
  readonly objects = ['Account', 'Partner_Activity__c', 'Deal_Registration__c', 'Opportunity', 'Lead_Offer__c'];
  private readonly partners = new Map<string, PartnerSteps>();
  private readonly nowMs: number;

  constructor(private readonly context: AuditContext) {
    this.nowMs = Date.parse(context.now);
  }

  onRecord(objectName: string, record: Record): void {
    if (objectName === 'Account') {
      if (bool(record, 'Is_Partner__c')) {
        const id = key15(str(record, 'Id')) ?? '';
        this.partners.set(id, {
          name: str(record, 'Name') ?? id,
          invitedMs: this.happened(instant(record, 'Portal_Invited_At__c')),
          loginMs: null,
          registrationMs: null,
          leadAcceptedMs: null,
          dealOn: null,
        });
      }
      return;
    }
    const partnerField = objectName === 'Opportunity' ? 'Sourcing_Partner__c' : 'Partner_Account__c';
    const partner = this.partners.get(key15(str(record, partnerField)) ?? '');
    if (partner) {
      this.step(objectName, record, partner);
    }
  }

  private step(objectName: string, record: Record, partner: PartnerSteps): void {
    const at = (field: string): number | null => this.happened(instant(record, field));
    if (objectName === 'Partner_Activity__c') {
      const ms = str(record, 'Activity_Type__c') === 'Login' ? at('Occurred_At__c') : null;
      partner.loginMs = earliest(partner.loginMs, ms);
    } else if (objectName === 'Deal_Registration__c') {
      partner.registrationMs = earliest(partner.registrationMs, at('Submitted_At__c'));
    } else if (objectName === 'Lead_Offer__c') {
      const ms = str(record, 'Outcome__c') === 'Accepted' ? at('Outcome_At__c') : null;
      partner.leadAcceptedMs = earliest(partner.leadAcceptedMs, ms);
    } else if (objectName === 'Opportunity') {
      const close = str(record, 'CloseDate');
      if (bool(record, 'IsWon') && close !== null && close <= this.context.today) {
        partner.dealOn = partner.dealOn === null || close < partner.dealOn ? close : partner.dealOn;
      }
    }
  }

  /** An instant that has happened by the audit's now, else null (a step after now has not happened yet). */
  private happened(ms: number | null): number | null {
    return ms !== null && ms <= this.nowMs ? ms : null;
  }

  private dateOf(ms: number | null): string | null {
    return ms === null ? null : localToday({ now: new Date(ms).toISOString(), timeZone: this.context.timeZone });
  }

  private adoptionOf(partner: PartnerSteps): PartnerAdoption & { invitedOn: string | null } {
    const invitedOn = this.dateOf(partner.invitedMs);
    const adoption = partnerAdoption({
      today: this.context.today,
      invitedOn,
      firstLoginOn: this.dateOf(partner.loginMs),
      firstRegistrationOn: this.dateOf(partner.registrationMs),
      firstLeadAcceptedOn: this.dateOf(partner.leadAcceptedMs),
      firstDealOn: partner.dealOn,
    });
    return { ...adoption, invitedOn };
  }

  finish(): Metric[] {
    const stages = new Map<string, number>(ADOPTION_STAGES.map((stage) => [stage, 0]));
    const days = {
      login: new NumberList(),
      registration: new NumberList(),
      leadAccepted: new NumberList(),
      deal: new NumberList(),
    };
    const push = (list: NumberList, value: number | null): void => {
      if (value !== null) {
        list.push(value);
      }
    };
    const table: NonNullable<Metric['breakdown']> = [];
    let stalled = 0;
    let invited = 0;
    const sorted = [...this.partners.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const partner of sorted) {
      const adoption = this.adoptionOf(partner);
      stages.set(adoption.stage, (stages.get(adoption.stage) ?? 0) + 1);
      if (adoption.invitedOn === null) {
        continue;
      }
      invited += 1;
      stalled += adoption.stalled ? 1 : 0;
      push(days.login, adoption.daysToFirstLogin);
      push(days.registration, adoption.daysToFirstRegistration);
      push(days.leadAccepted, adoption.daysToFirstLeadAccepted);
      push(days.deal, adoption.daysToFirstDeal);
      const day = (value: number | null): string => (value === null ? '–' : `day ${value}`);
      table.push({
        label: partner.name,
        value: adoption.daysToFirstDeal,
        note: `${adoption.stage}${adoption.stalled ? ' (stalled)' : ''}; invited ${adoption.invitedOn}; first login ${day(adoption.daysToFirstLogin)}, registration ${day(adoption.daysToFirstRegistration)}, lead accepted ${day(adoption.daysToFirstLeadAccepted)}, deal ${day(adoption.daysToFirstDeal)}`,
      });
    }
    const median = (id: string, step: string, list: NumberList): Metric => ({
      id: `adoption-days-to-first-${id}-median`,
      title: `Days from invitation to first ${step} (median)`,
      value: list.percentile(50),
      unit: 'days',
      detail: `Whole days from the portal invitation to the partner's first ${step}, over ${list.length} invited partners that took the step (a step before the invitation counts as day 0).`,
    });
    return [
      {
        id: 'adoption-stage',
        title: 'Partner adoption stages',
        value: invited,
        unit: 'count',
        detail:
          'Invited partners, and all partners by the furthest step reached: Invited → Logged In → Registered → Accepted Lead → First Deal (partnerAdoption).',
        breakdown: [...stages.entries()].map(([label, value]) => ({ label, value })),
      },
      median('login', 'login', days.login),
      median('registration', 'registration', days.registration),
      median('lead-accepted', 'accepted lead', days.leadAccepted),
      median('deal', 'deal', days.deal),
      {
        id: 'adoption-stalled',
        title: 'Partners stalled in adoption',
        value: stalled,
        unit: 'count',
        detail: `Invited partners with no first deal and no new step for more than 14 days, of ${invited} invited.`,
      },
      {
        id: 'adoption-by-partner',
        title: 'Adoption per partner',
        value: invited,
        unit: 'count',
        detail:
          'Per invited partner: stage, invitation date and days to each first step; the value is the days to the first deal.',
        breakdown: table,
      },
    ];
  }
}
