/**
 * Types for the platform modules our LWCs import that no npm package types: the
 * `@salesforce/*` scoped modules and the `lightning/*` JavaScript APIs. Apex and schema
 * modules are generated from our own sources into .generated/types by `npm run build`.
 * Kept to the members we use; widen when a component needs more.
 */
declare module '@salesforce/user/Id' {
  const userId: string;
  export default userId;
}

declare module '@salesforce/user/isGuest' {
  const isGuest: boolean;
  export default isGuest;
}

declare module '@salesforce/label/*' {
  const label: string;
  export default label;
}

declare module 'lightning/platformShowToastEvent' {
  export interface ShowToastEventInit {
    title: string;
    message?: string;
    variant?: 'info' | 'success' | 'warning' | 'error';
    mode?: 'dismissible' | 'pester' | 'sticky';
  }
  export class ShowToastEvent extends CustomEvent<ShowToastEventInit> {
    constructor(init: ShowToastEventInit);
  }
}

declare module 'lightning/navigation' {
  export interface PageReference {
    type: string;
    attributes?: Record<string, unknown>;
    state?: Record<string, unknown>;
  }
  type Constructor<T = object> = new (...args: any[]) => T;
  export const NavigationMixin: {
    <T extends Constructor>(base: T): T;
    readonly Navigate: unique symbol;
    readonly GenerateUrl: unique symbol;
  };
  export const CurrentPageReference: import('lwc').WireAdapterConstructor<Record<string, never>, PageReference>;
}

declare module 'lightning/uiRecordApi' {
  type FieldId = { fieldApiName: string; objectApiName: string } | string;
  export interface RecordRepresentation {
    id: string;
    apiName: string;
    fields: Record<string, { value: unknown; displayValue: string | null }>;
  }
  export const getRecord: import('lwc').WireAdapterConstructor<
    { recordId?: string; fields?: FieldId[]; optionalFields?: FieldId[] },
    { data?: RecordRepresentation; error?: unknown }
  >;
  export function getFieldValue(record: RecordRepresentation | undefined, field: FieldId): unknown;
  export function updateRecord(input: { fields: Record<string, unknown> }): Promise<RecordRepresentation>;
  export function createRecord(input: {
    apiName: string;
    fields: Record<string, unknown>;
  }): Promise<RecordRepresentation>;
  export function notifyRecordUpdateAvailable(items: { recordId: string }[]): Promise<void>;
}

declare module 'lightning/refresh' {
  export class RefreshEvent extends CustomEvent<unknown> {
    constructor();
  }
}
