/**
 * The org as `prm` sees it: un-prefixed names on our side, the installed namespace on the org's.
 * Wraps the client for the calls seed, audit, migrate and report make, mapping object and field names in SOQL,
 * REST records, Bulk CSV headers and Bulk results with one NamespaceMap.
 */
import type { IngestResult, SalesforceClient } from './client';
import { NamespaceMap, namespaceFromObjects } from './namespace';
import type { OrgSession } from './session';

/** What reading an org needs (OrgSource). */
export interface OrgReader {
  readonly session: OrgSession;
  count(objectName: string): Promise<number>;
  query(soql: string): AsyncGenerator<Record<string, unknown>>;
  bulkQuery(soql: string): AsyncGenerator<string>;
}

export class NamespacedClient implements OrgReader {
  constructor(
    private readonly client: SalesforceClient,
    readonly names: NamespaceMap,
  ) {}

  get session(): OrgSession {
    return this.client.session;
  }

  count(objectName: string): Promise<number> {
    return this.client.count(this.names.toOrg(objectName));
  }

  async *query(soql: string): AsyncGenerator<Record<string, unknown>> {
    for await (const record of this.client.query(this.names.toOrg(soql))) {
      yield this.names.recordFromOrg(record);
    }
  }

  async *bulkQuery(soql: string): AsyncGenerator<string> {
    for await (const page of this.client.bulkQuery(this.names.toOrg(soql))) {
      yield this.names.csvHeader(page, 'fromOrg');
    }
  }

  async bulkUpsert(objectName: string, externalIdField: string, csv: string): Promise<IngestResult> {
    const result = await this.client.bulkUpsert(
      this.names.toOrg(objectName),
      this.names.toOrg(externalIdField),
      this.names.csvHeader(csv, 'toOrg'),
    );
    const rows = (list: Record<string, string>[]): Record<string, string>[] =>
      list.map((row) => this.names.recordFromOrg(row) as Record<string, string>);
    return {
      jobId: result.jobId,
      successful: rows(result.successful),
      failed: rows(result.failed),
      unprocessed: rows(result.unprocessed),
    };
  }

  async bulkDelete(objectName: string, csv: string): Promise<IngestResult> {
    const result = await this.client.bulkDelete(this.names.toOrg(objectName), this.names.csvHeader(csv, 'toOrg'));
    const rows = (list: Record<string, string>[]): Record<string, string>[] =>
      list.map((row) => this.names.recordFromOrg(row) as Record<string, string>);
    return {
      jobId: result.jobId,
      successful: rows(result.successful),
      failed: rows(result.failed),
      unprocessed: rows(result.unprocessed),
    };
  }

  backoff(attempt: number): number {
    return this.client.backoff(attempt);
  }
}

/**
 * Connects the names to the org: `--namespace` when given (`none` for an org without one),
 * else the namespace the package's objects carry in the org (global describe).
 * @param client the org client
 * @param override the `--namespace` value
 */
export async function namespacedClient(client: SalesforceClient, override?: string): Promise<NamespacedClient> {
  const namespace =
    override === undefined
      ? namespaceFromObjects(await client.describeGlobal(), client.session.label)
      : override === 'none'
        ? ''
        : override;
  return new NamespacedClient(client, new NamespaceMap(namespace));
}
