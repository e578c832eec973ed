/**
 * The registry of Apex stand-ins: `<Class>.<method>` → handler. Each area file answers the
 * methods one controller exposes, from the demo data, shaped like that controller's DTOs.
 * Business rules are never re-implemented here: where the server decides (a conflict
 * verdict, an approval route, an SLA), the handler calls the `c/prmRules` function the
 * Apex twin mirrors.
 */
import type { DemoStore } from '../store';

/** The named parameters of an Apex call, as the component passed them. */
export type ApexParams = Record<string, unknown>;

export type ApexHandler = (params: ApexParams, store: DemoStore) => unknown;

/** A refusal the controller would raise as an AuraHandledException (a message for the user). */
export class ApexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApexError';
  }
}

export const APEX_HANDLERS: Readonly<Record<string, ApexHandler>> = Object.freeze({});
