/**
 * Partner attribution on the Opportunity record page: who is credited, in which role, with what
 * weight and amount, under which model; add, edit and remove partners with a live preview of the
 * credit every partner would get, computed with the same rules the server enforces.
 */
import { LightningElement, api, wire } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { getRecord, getFieldValue, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import ACCOUNT_NAME from '@salesforce/schema/Account.Name';
import ACCOUNT_IS_PARTNER from '@salesforce/schema/Account.Is_Partner__c';
import getPanel from '@salesforce/apex/AttributionController.getPanel';
import saveAttribution from '@salesforce/apex/AttributionController.saveAttribution';
import deleteAttribution from '@salesforce/apex/AttributionController.deleteAttribution';
import type { AttributionPolicy, AttributionRole } from 'c/prmRules';
import { type PanelRow, type Preview, type PreviewContext, previewAttribution } from './attributionPreview';
import { errorMessage } from 'c/errorUtils';

type ApexPanel = PrmApex.AttributionController_Panel;

interface Option {
  label: string;
  value: string;
}

interface ViewRow extends PanelRow {
  key: string;
  weight: number;
  amount: number;
  isSourced: boolean;
  editLabel: string;
  removeLabel: string;
}

const ROLE_OPTIONS: Option[] = [
  { label: 'Sourced', value: 'Sourced' },
  { label: 'Influenced', value: 'Influenced' },
];

/** Today in the user's browser, `YYYY-MM-DD`: the default touch date of a new partner. */
function localToday(): string {
  const now = new Date();
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/** Shown when a failure carries no message from the server. */
const FALLBACK_ERROR = 'Something went wrong. Reload the page and try again.';

export default class PartnerAttributionPanel extends LightningElement {
  @api recordId?: string;

  panel?: ApexPanel;
  loadError?: string;
  actionError?: string;
  editing = false;
  saving = false;
  draftId: string | null = null;
  draftPartnerId: string | null = null;
  draftPartnerName: string | null = null;
  draftRole: AttributionRole = 'Influenced';
  draftTouchDate: string | null = null;
  draftTouchType: string | null = null;
  today = localToday();

  readonly roleOptions = ROLE_OPTIONS;
  // The field token carries the installed namespace (`pspm__Is_Partner__c`); a string would not.
  readonly partnerFilter = {
    criteria: [{ fieldPath: ACCOUNT_IS_PARTNER.fieldApiName, operator: 'eq', value: true }],
  };

  @wire(getPanel, { opportunityId: '$recordId' })
  wiredPanel({ data, error }: { data?: ApexPanel; error?: unknown }) {
    if (data) {
      this.panel = data;
      this.loadError = undefined;
    } else if (error) {
      this.panel = undefined;
      this.loadError = errorMessage(error, FALLBACK_ERROR);
    }
  }

  @wire(getRecord, { recordId: '$draftPartnerId', fields: [ACCOUNT_NAME] })
  wiredPartner({ data }: { data?: import('lightning/uiRecordApi').RecordRepresentation }) {
    if (data && data.id === this.draftPartnerId) {
      this.draftPartnerName = String(getFieldValue(data, ACCOUNT_NAME) ?? '');
    }
  }

  get isLoading(): boolean {
    return !this.panel && !this.loadError;
  }

  get currencyCode(): string {
    return this.panel?.currencyIsoCode ?? 'USD';
  }

  get canEdit(): boolean {
    return this.panel?.canEdit === true;
  }

  get showAddButton(): boolean {
    return this.canEdit && !this.editing;
  }

  get storedRows(): PanelRow[] {
    return (this.panel?.rows ?? []).map((row) => ({
      id: row.id ?? null,
      name: row.name ?? null,
      partnerId: row.partnerId ?? '',
      partnerName: row.partnerName ?? null,
      role: row.role === 'Sourced' ? 'Sourced' : 'Influenced',
      touchDate: row.touchDate ?? null,
      touchType: row.touchType ?? null,
      sourceRegistrationId: row.sourceRegistrationId ?? null,
      weightPercent: row.weightPercent ?? 0,
      attributedAmount: row.attributedAmount ?? 0,
    }));
  }

  get rows(): ViewRow[] {
    return this.storedRows.map((row, index) => {
      const partner = row.partnerName ?? 'partner';
      return {
        ...row,
        key: row.id ?? `row-${index}`,
        weight: row.weightPercent ?? 0,
        amount: row.attributedAmount ?? 0,
        isSourced: row.role === 'Sourced',
        editLabel: `Edit ${partner} (${row.role})`,
        removeLabel: `Remove ${partner} (${row.role})`,
      };
    });
  }

  get hasRows(): boolean {
    return this.storedRows.length > 0;
  }

  get isEmpty(): boolean {
    return !!this.panel && !this.hasRows && !this.editing;
  }

  get modelLabel(): string {
    const model = this.panel?.model ?? '';
    const policy = this.policy;
    if (model === 'Position Based' || model === 'PositionBased') {
      return `${model} (${policy.firstWeight} / ${policy.middleWeight} / ${policy.lastWeight})`;
    }
    if (model === 'Time Decay' || model === 'TimeDecay') {
      return `${model} (half-life ${policy.halfLifeDays} days)`;
    }
    return model;
  }

  get policySummary(): string {
    const max = this.policy.maxSourcedPartners ?? 1;
    return `Touches count up to ${this.policy.influenceWindowDays} days before close; at most ${max} Sourced ${
      max === 1 ? 'partner' : 'partners'
    }.`;
  }

  get policy(): AttributionPolicy {
    const policy = this.panel?.policy ?? {};
    return {
      firstWeight: policy.firstWeight ?? null,
      middleWeight: policy.middleWeight ?? null,
      lastWeight: policy.lastWeight ?? null,
      halfLifeDays: policy.halfLifeDays ?? null,
      influenceWindowDays: policy.influenceWindowDays ?? null,
      maxSourcedPartners: policy.maxSourcedPartners ?? null,
    };
  }

  get touchTypeOptions(): Option[] {
    return [
      { label: '--None--', value: '' },
      ...(this.panel?.touchTypes ?? []).map((option) => ({ label: option.label ?? '', value: option.value ?? '' })),
    ];
  }

  get formTitle(): string {
    return this.draftId ? 'Edit partner credit' : 'Add a partner';
  }

  get context(): PreviewContext {
    return {
      model: this.panel?.model ?? 'Position Based',
      amount: this.panel?.amount ?? null,
      closeDate: this.panel?.closeDate ?? this.today,
      policy: this.policy,
    };
  }

  get draft(): PanelRow | null {
    if (!this.draftPartnerId) {
      return null;
    }
    const stored = this.storedRows.find((row) => row.id === this.draftId);
    const known = this.storedRows.find((row) => row.partnerId === this.draftPartnerId);
    return {
      id: this.draftId,
      name: stored?.name ?? null,
      partnerId: this.draftPartnerId,
      partnerName: this.draftPartnerName || known?.partnerName || 'Selected partner',
      role: this.draftRole,
      touchDate: this.draftTouchDate,
      touchType: this.draftTouchType,
      sourceRegistrationId: stored && stored.partnerId === this.draftPartnerId ? stored.sourceRegistrationId : null,
    };
  }

  get preview(): Preview | null {
    const draft = this.draft;
    return draft ? previewAttribution(this.context, this.storedRows, draft, this.today) : null;
  }

  get previewRows() {
    return (this.preview?.rows ?? []).map((row) => ({
      ...row,
      rowClass: row.isDraft ? 'slds-is-selected' : '',
      label: row.isDraft ? `${row.partnerName} (this change)` : row.partnerName,
    }));
  }

  get previewErrors(): string[] {
    return this.preview?.errors ?? [];
  }

  get hasPreviewErrors(): boolean {
    return this.previewErrors.length > 0;
  }

  get saveDisabled(): boolean {
    return this.saving || !this.draftPartnerId || !this.draftTouchDate || !(this.preview?.valid ?? false);
  }

  handleAdd() {
    this.openForm(null, null, null, 'Influenced', this.today, null);
  }

  handleEdit(event: Event) {
    const id = (event.currentTarget as HTMLElement).dataset.id ?? null;
    const row = this.storedRows.find((candidate) => candidate.id === id);
    if (row) {
      this.openForm(
        row.id ?? null,
        row.partnerId,
        row.partnerName ?? null,
        row.role,
        row.touchDate ?? this.today,
        row.touchType ?? null,
      );
    }
  }

  openForm(
    id: string | null,
    partnerId: string | null,
    partnerName: string | null,
    role: AttributionRole,
    touchDate: string,
    touchType: string | null,
  ) {
    this.draftId = id;
    this.draftPartnerId = partnerId;
    this.draftPartnerName = partnerName;
    this.draftRole = role;
    this.draftTouchDate = touchDate;
    this.draftTouchType = touchType;
    this.actionError = undefined;
    this.editing = true;
  }

  handleCancel() {
    this.editing = false;
    this.draftId = null;
    this.draftPartnerId = null;
    this.draftPartnerName = null;
    this.actionError = undefined;
  }

  handlePartnerChange(event: CustomEvent<{ recordId?: string | null }>) {
    this.draftPartnerId = event.detail?.recordId ?? null;
    this.draftPartnerName = this.storedRows.find((row) => row.partnerId === this.draftPartnerId)?.partnerName ?? null;
  }

  handleRoleChange(event: CustomEvent<{ value: string }>) {
    this.draftRole = event.detail.value === 'Sourced' ? 'Sourced' : 'Influenced';
  }

  handleTouchDateChange(event: CustomEvent<{ value: string }>) {
    this.draftTouchDate = event.detail.value || null;
  }

  handleTouchTypeChange(event: CustomEvent<{ value: string }>) {
    this.draftTouchType = event.detail.value || null;
  }

  async handleSave() {
    if (this.saveDisabled || !this.draftPartnerId) {
      return;
    }
    this.saving = true;
    this.actionError = undefined;
    try {
      this.panel = await saveAttribution({
        row: {
          id: this.draftId ?? undefined,
          opportunityId: this.recordId,
          partnerId: this.draftPartnerId,
          role: this.draftRole,
          touchDate: this.draftTouchDate ?? undefined,
          touchType: this.draftTouchType ?? undefined,
        },
      });
      this.handleCancel();
      this.notifySaved('Partner credit saved', 'Weights and amounts were recomputed for every partner.');
    } catch (error) {
      this.actionError = errorMessage(error, FALLBACK_ERROR);
    } finally {
      this.saving = false;
    }
  }

  async handleRemove(event: Event) {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    if (!id) {
      return;
    }
    this.actionError = undefined;
    try {
      this.panel = await deleteAttribution({ attributionId: id });
      this.notifySaved('Partner removed', 'The remaining partners share the credit.');
    } catch (error) {
      this.actionError = errorMessage(error, FALLBACK_ERROR);
    }
  }

  notifySaved(title: string, message: string) {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant: 'success' }));
    if (this.recordId) {
      // The opportunity's partner fields (sourcing partner, partner involved) follow the credit.
      notifyRecordUpdateAvailable([{ recordId: this.recordId }]).catch(() => undefined);
    }
  }
}
