/**
 * The preview's stand-in for Apex: every `@salesforce/apex/<Class>.<method>` a component
 * imports is bound (by the preview build) to `apexMethod('<Class>.<method>')`, which
 * answers from the demo data through the handler registered under that name. Like the
 * platform's Apex import, the value works both imperatively (returns a Promise) and as a
 * wire adapter (`@wire(method, config)` provisions `{ data, error }`).
 */
import { probe } from './dom';
import { DemoStore, type JournalStorage } from './store';
import type { DemoDataset } from './types';
import { APEX_HANDLERS, ApexError, type ApexParams } from './apex/handlers';

let current: DemoStore | undefined;

/** Loads the demo data; the generated entry calls this before any component is created. */
export function installDataset(dataset: DemoDataset, storage?: JournalStorage): DemoStore {
  current = new DemoStore(dataset, storage);
  return current;
}

export function demoStore(): DemoStore {
  if (!current) {
    throw new Error('The preview dataset is not installed');
  }
  return current;
}

/** What a failed Apex call rejects with on the platform (as `AuraHandledException` gives it). */
export interface ApexFailure {
  status: number;
  statusText: string;
  body: { message: string; exceptionType: string; isUserDefinedException: boolean };
}

function failure(error: unknown): ApexFailure {
  const defined = error instanceof ApexError;
  const message = error instanceof Error ? error.message : String(error);
  return {
    status: defined ? 400 : 500,
    statusText: defined ? 'Bad Request' : 'Server Error',
    body: {
      message,
      exceptionType: defined ? 'System.AuraHandledException' : 'System.UnexpectedException',
      isUserDefinedException: defined,
    },
  };
}

/** Runs a handler on a copy of the parameters and returns a copy of its result, as a round trip would. */
function invoke(name: string, params: unknown): unknown {
  const handler = APEX_HANDLERS[name];
  if (!handler) {
    throw new Error(`The preview has no stand-in for Apex method ${name}`);
  }
  const input = (params === undefined ? {} : JSON.parse(JSON.stringify(params))) as ApexParams;
  const result = handler(input, demoStore());
  return result === undefined ? null : JSON.parse(JSON.stringify(result));
}

function callApex(name: string, params: unknown): Promise<unknown> {
  return Promise.resolve().then(() => {
    try {
      const result = invoke(name, params);
      probe().apexCalls.push({ method: name, params: params ?? null, ok: true });
      return result;
    } catch (error) {
      probe().apexCalls.push({ method: name, params: params ?? null, ok: false });
      throw failure(error);
    }
  });
}

type DataCallback = (value: { data: unknown; error: unknown }) => void;

/** Provisioned values → the wire that produced them, for refreshApex. */
const provisioned = new WeakMap<object, ApexWire>();

class ApexWire {
  private config: Record<string, unknown> | undefined;
  private connected = false;

  constructor(
    private readonly name: string,
    private readonly callback: DataCallback,
  ) {}

  connect(): void {
    this.connected = true;
    this.refresh();
  }

  disconnect(): void {
    this.connected = false;
  }

  update(config: Record<string, unknown>): void {
    this.config = config;
    this.refresh();
  }

  /** Calls the method again with the last config; resolves once the new value is provisioned. */
  refresh(): Promise<void> {
    const config = this.config;
    // Like the platform, a wire whose reactive parameters are still undefined is not called.
    if (!this.connected || !config || Object.values(config).some((v) => v === undefined)) {
      return Promise.resolve();
    }
    return callApex(this.name, config).then(
      (data) => this.emit({ data, error: undefined }),
      (error: unknown) => this.emit({ data: undefined, error }),
    );
  }

  private emit(value: { data: unknown; error: unknown }): void {
    provisioned.set(value, this);
    this.callback(value);
  }
}

/** The value bound to `@salesforce/apex/<name>`: callable, and a wire adapter when constructed. */
export function apexMethod(name: string): unknown {
  function method(this: unknown, arg?: unknown): unknown {
    if (new.target) {
      return new ApexWire(name, arg as DataCallback);
    }
    return callApex(name, arg);
  }
  return method;
}

/** `refreshApex` from `@salesforce/apex`: re-provisions the wire that produced `value`. */
export function refreshApex(value: unknown): Promise<void> {
  const wire = typeof value === 'object' && value !== null ? provisioned.get(value) : undefined;
  return wire ? wire.refresh() : Promise.resolve();
}

/** `getSObjectValue` from `@salesforce/apex`: a field's value, following relationship names. */
export function getSObjectValue(record: unknown, field: { fieldApiName: string } | string): unknown {
  const path = (typeof field === 'string' ? field : field.fieldApiName).split('.');
  let value: unknown = record;
  for (const part of path) {
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  }
  return value;
}
