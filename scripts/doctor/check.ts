/** One readiness check of `prm doctor`: what it looks at, and the verdict with the fix. */
import type { SalesforceClient } from '../salesforce/client';
import type { NamespaceMap } from '../salesforce/namespace';

export type Verdict = 'pass' | 'warn' | 'fail';

export interface CheckResult {
  status: Verdict;
  /** What was found, in a line. */
  detail: string;
  /** What to do when it is not a pass. */
  fix?: string;
}

export interface DoctorContext {
  client: SalesforceClient;
  /** The package's names in this org. */
  names: NamespaceMap;
  /** `--currency single|multi`: the currency set-up the org should have. */
  expectedCurrency?: 'single' | 'multi';
}

export interface DoctorCheck {
  id: string;
  title: string;
  /** For `prm doctor --help`: what it checks and what passes. */
  describe: string;
  run(context: DoctorContext): Promise<CheckResult>;
}

/** Every record of a query (REST, or Tooling with `tooling`). */
export async function records(
  context: DoctorContext,
  soql: string,
  tooling = false,
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for await (const record of tooling ? context.client.toolingQuery(soql) : context.client.query(soql)) {
    out.push(record);
  }
  return out;
}

/** A field of a record, following a relationship path (`CronJobDetail.Name`). */
export function field(record: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | null | undefined)?.[key], record);
}

/** The namespace as NamespacePrefix holds it: null for an org without one. */
export function namespacePrefixLiteral(context: DoctorContext): string {
  return context.names.namespace ? `'${context.names.namespace}'` : 'null';
}
