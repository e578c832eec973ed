/**
 * `lightning-record-picker` for the preview (the npm base components do not include it; on
 * the platform it searches through the UI API). It offers the demo records of
 * `objectApiName` that pass the `filter` criteria (`eq` / `ne` only) in a combobox and fires
 * `change` with `{ recordId }`, as the platform component does.
 */
import { LightningElement, api } from 'lwc';
import { demoStore } from '../../../adapter';
import type { DemoRecord } from '../../../types';

interface Criterion {
  fieldPath: string;
  operator: string;
  value: unknown;
}

interface ComboboxLike {
  checkValidity(): boolean;
  reportValidity(): boolean;
  focus(): void;
}

function passes(record: DemoRecord, criterion: Criterion): boolean {
  const value = record[criterion.fieldPath];
  if (criterion.operator === 'eq') {
    return value === criterion.value;
  }
  if (criterion.operator === 'ne') {
    return value !== criterion.value;
  }
  return true;
}

export default class RecordPicker extends LightningElement {
  @api label = '';
  @api placeholder = 'Search…';
  @api objectApiName = '';
  @api filter?: { criteria?: Criterion[] };
  @api required = false;
  @api disabled = false;
  @api variant = 'standard';
  @api fieldLevelHelp?: string;
  @api value: string | null = null;

  get options(): { label: string; value: string }[] {
    const criteria = this.filter?.criteria ?? [];
    return demoStore()
      .list(this.objectApiName)
      .filter((record) => criteria.every((c) => passes(record, c)))
      .map((record) => ({ label: String(record.Name ?? record.Id), value: record.Id }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }

  get comboboxValue(): string {
    return this.value ?? '';
  }

  private get combobox(): ComboboxLike | null {
    // The Node-side type check has no DOM library: the template root is typed locally.
    const root = this.template as unknown as { querySelector(selector: string): unknown } | null;
    return (root?.querySelector('lightning-combobox') as ComboboxLike | null) ?? null;
  }

  @api
  checkValidity(): boolean {
    return this.combobox?.checkValidity() ?? true;
  }

  @api
  reportValidity(): boolean {
    return this.combobox?.reportValidity() ?? true;
  }

  @api
  clearSelection(): void {
    this.value = null;
  }

  @api
  focus(): void {
    this.combobox?.focus();
  }

  handleChange(event: CustomEvent<{ value: string }>): void {
    event.stopPropagation();
    this.value = event.detail.value || null;
    this.dispatchEvent(new CustomEvent('change', { detail: { recordId: this.value } }));
  }
}
