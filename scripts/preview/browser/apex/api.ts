/** What an Apex stand-in is: a handler of one `<Class>.<method>`, and the refusal it may raise. */
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
