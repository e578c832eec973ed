/**
 * REST and Bulk API 2.0 calls with the org boundary's error policy:
 * - REQUEST_LIMIT_EXCEEDED, HTTP 429/502/503/504 and dropped connections are retried with
 *   exponential backoff, a bounded number of times;
 * - INVALID_SESSION_ID fails at once with the command to log in again;
 * - any other error fails with the platform's code and message.
 */
import { parse } from 'csv-parse/sync';
import { OrgApiError, SessionError } from './errors';
import type { OrgSession } from './session';

export interface ClientOptions {
  /** Attempts per call, the first included (default 5). */
  maxAttempts?: number;
  /** First backoff delay; doubles per attempt (default 1000 ms). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Bulk job status polling (default 2000 ms, gives up after 30 minutes). */
  pollIntervalMs?: number;
  pollTimeoutMs?: number;
  /** Records per Bulk query results page (default 50000). */
  pageSize?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Told about every retry, for the log. */
  onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
}

export interface IngestResult {
  jobId: string;
  /** Bulk result rows: `sf__Id`, `sf__Created` and the submitted columns. */
  successful: Record<string, string>[];
  /** `sf__Id`, `sf__Error` and the submitted columns. */
  failed: Record<string, string>[];
  /** Submitted rows the job never processed. */
  unprocessed: Record<string, string>[];
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
const RETRYABLE_CODES = new Set(['REQUEST_LIMIT_EXCEEDED', 'SERVER_UNAVAILABLE']);

interface PlatformError {
  errorCode?: string;
  message?: string;
}

function platformError(text: string): PlatformError {
  try {
    const body = JSON.parse(text) as unknown;
    const first = Array.isArray(body) ? (body[0] as PlatformError | undefined) : (body as PlatformError);
    return first ?? {};
  } catch {
    return { message: text.slice(0, 300) };
  }
}

function csvRows(text: string): Record<string, string>[] {
  return text.trim() === ''
    ? []
    : (parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[]);
}

export class SalesforceClient {
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly pollIntervalMs: number;
  private readonly pollTimeoutMs: number;
  private readonly pageSize: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    readonly session: OrgSession,
    private readonly options: ClientOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 30000;
    this.pollIntervalMs = options.pollIntervalMs ?? 2000;
    this.pollTimeoutMs = options.pollTimeoutMs ?? 30 * 60000;
    this.pageSize = options.pageSize ?? 50000;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  private get base(): string {
    return `${this.session.instanceUrl}/services/data/v${this.session.apiVersion}`;
  }

  /** Backoff before attempt `attempt + 1`: base × 2^(attempt − 1), capped. */
  backoff(attempt: number): number {
    return Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
  }

  /**
   * One HTTP call with the retry policy.
   * @param method HTTP method
   * @param path path below the instance URL (starting with /services) or a full URL
   * @param body request body; objects are sent as JSON
   * @param contentType content type of a string body
   */
  async request(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<HttpResponse> {
    const url = path.startsWith('http') ? path : `${this.session.instanceUrl}${path}`;
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(url, {
          method,
          headers: {
            Authorization: `Bearer ${this.session.accessToken}`,
            Accept: 'application/json, text/csv',
            ...(body === undefined ? {} : { 'Content-Type': contentType }),
          },
          body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
        });
      } catch (error) {
        await this.retryOrThrow(
          attempt,
          `connection failed (${(error as Error).message})`,
          new OrgApiError(`Cannot reach ${this.session.instanceUrl}: ${(error as Error).message}`, 'CONNECTION_FAILED'),
        );
        continue;
      }
      const text = await response.text();
      if (response.ok) {
        return { status: response.status, headers: response.headers, text };
      }
      const error = platformError(text);
      if (response.status === 401 || error.errorCode === 'INVALID_SESSION_ID') {
        throw new SessionError(this.session.label);
      }
      const code = error.errorCode ?? `HTTP_${response.status}`;
      const failure = new OrgApiError(
        `${method} ${path.split('?')[0]} failed: ${code}: ${error.message ?? response.statusText}`,
        code,
        response.status,
      );
      if (RETRYABLE_STATUS.has(response.status) || RETRYABLE_CODES.has(code)) {
        await this.retryOrThrow(attempt, code, failure);
        continue;
      }
      throw failure;
    }
  }

  private async retryOrThrow(attempt: number, reason: string, failure: OrgApiError): Promise<void> {
    if (attempt >= this.maxAttempts) {
      failure.message = `${failure.message} (gave up after ${attempt} attempts)`;
      throw failure;
    }
    const delayMs = this.backoff(attempt);
    this.options.onRetry?.({ attempt, delayMs, reason });
    await this.sleep(delayMs);
  }

  private async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.request(method, path, body);
    return (response.text === '' ? {} : JSON.parse(response.text)) as T;
  }

  /**
   * REST query, following `nextRecordsUrl` page by page.
   * @param soql the query
   */
  query(soql: string): AsyncGenerator<Record<string, unknown>> {
    return this.pages(`${this.base}/query?q=${encodeURIComponent(soql)}`);
  }

  /** Records of a query result, page after page. */
  private async *pages(first: string): AsyncGenerator<Record<string, unknown>> {
    let next: string | undefined = first;
    while (next) {
      const page: { records: Record<string, unknown>[]; done: boolean; nextRecordsUrl?: string } = await this.json(
        'GET',
        next,
      );
      yield* page.records;
      next = page.done || !page.nextRecordsUrl ? undefined : page.nextRecordsUrl;
    }
  }

  /** Names of every object the org has (global describe). */
  async describeGlobal(): Promise<string[]> {
    const result = await this.json<{ sobjects: { name: string }[] }>('GET', `${this.base}/sobjects`);
    return result.sobjects.map((o) => o.name);
  }

  /**
   * Tooling API query (setup objects such as InstalledSubscriberPackage), following pages.
   * @param soql the query
   */
  toolingQuery(soql: string): AsyncGenerator<Record<string, unknown>> {
    return this.pages(`${this.base}/tooling/query?q=${encodeURIComponent(soql)}`);
  }

  /**
   * Runs anonymous Apex through the Tooling API; the platform compiles and runs it as the user.
   * @param body the Apex
   */
  async executeAnonymous(
    body: string,
  ): Promise<{ compiled: boolean; success: boolean; exceptionMessage?: string | null }> {
    return this.json('GET', `${this.base}/tooling/executeAnonymous?anonymousBody=${encodeURIComponent(body)}`);
  }

  /** `SELECT COUNT() FROM object`. */
  async count(objectName: string): Promise<number> {
    const result = await this.json<{ totalSize: number }>(
      'GET',
      `${this.base}/query?q=${encodeURIComponent(`SELECT COUNT() FROM ${objectName}`)}`,
    );
    return result.totalSize;
  }

  private async poll(path: string): Promise<{ state: string; errorMessage?: string; numberRecordsProcessed?: number }> {
    const deadline = Date.now() + this.pollTimeoutMs;
    for (;;) {
      const info = await this.json<{ state: string; errorMessage?: string }>('GET', path);
      if (info.state === 'JobComplete' || info.state === 'Failed' || info.state === 'Aborted') {
        return info;
      }
      if (Date.now() > deadline) {
        throw new OrgApiError(
          `Bulk job ${path.split('/').pop()} still ${info.state} after ${this.pollTimeoutMs / 60000} minutes`,
          'POLL_TIMEOUT',
        );
      }
      await this.sleep(this.pollIntervalMs);
    }
  }

  /**
   * Bulk API 2.0 query: yields the CSV text of each results page (each with its header row).
   * @param soql the query
   */
  async *bulkQuery(soql: string): AsyncGenerator<string> {
    const job = await this.json<{ id: string }>('POST', `${this.base}/jobs/query`, { operation: 'query', query: soql });
    const info = await this.poll(`${this.base}/jobs/query/${job.id}`);
    if (info.state !== 'JobComplete') {
      throw new OrgApiError(
        `Bulk query job ${job.id} ${info.state}: ${info.errorMessage ?? 'no message'}`,
        'BULK_QUERY_FAILED',
      );
    }
    let locator: string | null = null;
    do {
      const page = await this.request(
        'GET',
        `${this.base}/jobs/query/${job.id}/results?maxRecords=${this.pageSize}${locator ? `&locator=${encodeURIComponent(locator)}` : ''}`,
      );
      locator = page.headers.get('sforce-locator');
      yield page.text;
    } while (locator !== null && locator !== '' && locator !== 'null');
  }

  /**
   * Bulk API 2.0 upsert of one CSV: create the job, upload, close, wait, fetch the results.
   * @param objectName object API name
   * @param externalIdField field matched on
   * @param csv rows with a header of field names and relationship columns
   */
  async bulkUpsert(objectName: string, externalIdField: string, csv: string): Promise<IngestResult> {
    return this.ingest(objectName, { operation: 'upsert', externalIdFieldName: externalIdField }, csv);
  }

  /**
   * Bulk API 2.0 delete (to the recycle bin) of the records a CSV names by `Id`.
   * @param objectName object API name
   * @param csv a header `Id` and one record Id per row
   */
  async bulkDelete(objectName: string, csv: string): Promise<IngestResult> {
    return this.ingest(objectName, { operation: 'delete' }, csv);
  }

  private async ingest(
    objectName: string,
    operation: { operation: 'upsert' | 'delete'; externalIdFieldName?: string },
    csv: string,
  ): Promise<IngestResult> {
    const job = await this.json<{ id: string }>('POST', `${this.base}/jobs/ingest`, {
      object: objectName,
      ...operation,
      contentType: 'CSV',
      lineEnding: 'LF',
    });
    const path = `${this.base}/jobs/ingest/${job.id}`;
    await this.request('PUT', `${path}/batches`, csv, 'text/csv');
    await this.json('PATCH', path, { state: 'UploadComplete' });
    const info = await this.poll(path);
    if (info.state !== 'JobComplete') {
      throw new OrgApiError(
        `Bulk ${operation.operation} job ${job.id} for ${objectName} ${info.state}: ${info.errorMessage ?? 'no message'}`,
        'BULK_JOB_FAILED',
      );
    }
    const [successful, failed, unprocessed] = await Promise.all(
      ['successfulResults', 'failedResults', 'unprocessedrecords'].map(async (part) =>
        csvRows((await this.request('GET', `${path}/${part}`)).text),
      ),
    );
    return { jobId: job.id, successful, failed, unprocessed };
  }
}
