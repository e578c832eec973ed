/**
 * A local stand-in for the Salesforce REST and Bulk API 2.0 endpoints the prm CLI uses,
 * answering with the documented shapes: REST query pages with nextRecordsUrl, ingest and
 * query job lifecycles, successful/failed/unprocessed result CSVs, query result pages with
 * Sforce-Locator, and the platform's JSON errors. It keeps records in memory and implements
 * upsert on External_Id__c (case-insensitive) with parent references by external ID, so a
 * test can prove idempotence, and delete by Id (what a rollback sends). Faults are injected per request or per row.
 *
 * With `namespace` set it answers as a subscriber org of the managed package: its custom objects
 * and fields exist only under `<namespace>__`, and an un-prefixed custom name is unknown, as
 * in a real org. It serves the global describe, the Tooling API query and anonymous Apex
 * with answers a test sets (`answer`, `anonymousApex`) for the setup objects it does not model.
 *
 * What it does not do: sharing, field-level security, validation rules, triggers, SOQL
 * beyond `SELECT fields|COUNT() FROM Object`, or concurrency; a real org proves those.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { loadSnapshotSchema, type FieldType, type SnapshotObject } from '../../scripts/snapshot/schema';

export interface Fault {
  method?: string;
  path: RegExp;
  status: number;
  errorCode: string;
  message?: string;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Matching requests that still succeed before the failures start (default 0). */
  after?: number;
}

interface IngestJob {
  id: string;
  object: string;
  operation: 'upsert' | 'delete';
  externalIdFieldName: string;
  state: string;
  data: string;
  polls: number;
  successful: string;
  failed: string;
  unprocessed: string;
}

interface QueryJob {
  id: string;
  object: string;
  fields: string[];
  polls: number;
}

type Row = Record<string, string>;

export class SalesforceStandIn {
  readonly token = 'standin-token';
  readonly version = '65.0';
  /** Every request, as `METHOD /path` without the query string. */
  readonly log: string[] = [];
  /** Object of every ingest job created, in order. */
  readonly ingestJobObjects: string[] = [];
  /** Records per REST query page and per Bulk results page when maxRecords is larger. */
  restPageSize = 3;
  bulkPageSize = 50;
  /** The package's namespace in this org; '' for an org where the package's source is deployed without one. */
  namespace = '';
  /** Answers of queries the stand-in does not model (setup objects), by pattern; REST and Tooling alike. */
  private readonly answers: { pattern: RegExp; records?: Record<string, unknown>[]; error?: PlatformError }[] = [];
  /** Result of anonymous Apex (Tooling executeAnonymous); default: compiled and succeeded. */
  anonymousApex: (body: string) => { compiled: boolean; success: boolean; exceptionMessage?: string } = () => ({
    compiled: true,
    success: true,
  });
  private sessionValid = true;
  private readonly faults: Fault[] = [];
  private readonly lockedRows = new Map<string, number>();
  private readonly records = new Map<string, Map<string, Row>>();
  private readonly byExternalId = new Map<string, Map<string, string>>();
  private readonly ingestJobs = new Map<string, IngestJob>();
  private readonly queryJobs = new Map<string, QueryJob>();
  private readonly schema = loadSnapshotSchema();
  /** Standard fields and objects beyond the package's, added by `extendSchema`. */
  private readonly extended = new Map<string, SnapshotObject>();
  private counter = 0;
  private server: Server | undefined;

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    return `http://127.0.0.1:${address?.port ?? 0}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req, res);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** The next matching requests fail with a platform error. */
  fail(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  /** Queries matching `pattern` answer these records (or fail with this platform error code). */
  answer(pattern: RegExp, records: Record<string, unknown>[] | { errorCode: string; message: string }): void {
    this.answers.unshift(
      Array.isArray(records)
        ? { pattern, records }
        : { pattern, error: new PlatformError(400, records.errorCode, records.message) },
    );
  }

  /** A name as the org spells it: custom names carry the namespace. */
  orgName(name: string): string {
    return this.namespace && /__(c|r|mdt|e)$/i.test(name) ? `${this.namespace}__${name}` : name;
  }

  /** The stored (un-prefixed) name of a name the client sent; an un-prefixed custom name is unknown under a namespace. */
  private local(name: string): string {
    if (!this.namespace || !/__(c|r|mdt|e)$/i.test(name)) {
      return name;
    }
    const prefix = `${this.namespace}__`.toLowerCase();
    return name.toLowerCase().startsWith(prefix) ? name.slice(prefix.length) : `(unknown here) ${name}`;
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Every later request answers 401 INVALID_SESSION_ID. */
  expireSession(): void {
    this.sessionValid = false;
  }

  /** Rows with these external IDs fail with UNABLE_TO_LOCK_ROW `times` times. */
  lockRows(objectName: string, externalIds: string[], times = 1): void {
    for (const id of externalIds) {
      this.lockedRows.set(`${objectName}|${id.toLowerCase()}`, times);
    }
  }

  /** Stores a record as it is (data that was in the org before a test's load); returns its Id. */
  put(objectName: string, record: Row): string {
    const object = this.object(objectName);
    const id = record.Id ?? this.newId(object);
    const store = this.records.get(object.name) ?? new Map<string, Row>();
    this.records.set(object.name, store);
    store.set(id, { CreatedDate: new Date().toISOString(), ...record, Id: id });
    if (record.External_Id__c) {
      const index = this.byExternalId.get(object.name) ?? new Map<string, string>();
      this.byExternalId.set(object.name, index);
      index.set(record.External_Id__c.toLowerCase(), id);
    }
    return id;
  }

  /** Records of an object (copies). */
  all(objectName: string): Row[] {
    return [...(this.records.get(objectName)?.values() ?? [])].map((r) => ({ ...r }));
  }

  /** Requests whose `METHOD /path` matches. */
  requests(pattern: RegExp): string[] {
    return this.log.filter((line) => pattern.test(line));
  }

  /**
   * Makes more standard fields (or a whole standard object) queryable and loadable, for tests
   * of what reads an org before the package (`prm assess -o`).
   * @param objectName object API name
   * @param fields field name → type
   */
  extendSchema(objectName: string, fields: Record<string, FieldType>): void {
    const base = this.extended.get(objectName.toLowerCase()) ??
      this.schema.get(objectName) ?? {
        name: objectName,
        keyPrefix: '00X',
        fields: [{ name: 'Id', type: 'id' as const, writable: false, masterDetail: false }],
        fieldMap: new Map(),
      };
    const added = Object.entries(fields).map(([name, type]) => ({ name, type, writable: true, masterDetail: false }));
    const all = [...base.fields, ...added];
    this.extended.set(objectName.toLowerCase(), {
      ...base,
      fields: all,
      fieldMap: new Map(all.map((f) => [f.name.toLowerCase(), f])),
    });
  }

  private object(name: string): SnapshotObject {
    const object = this.extended.get(this.local(name).toLowerCase()) ?? this.schema.get(this.local(name));
    if (!object) {
      throw new PlatformError(400, 'INVALID_TYPE', `sObject type '${name}' is not supported.`);
    }
    return object;
  }

  private newId(object: SnapshotObject): string {
    this.counter++;
    return `${object.keyPrefix}5Xy${String(this.counter).padStart(9, '0')}AAA`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
    }
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    this.log.push(`${method} ${url.pathname}`);
    try {
      if (req.headers.authorization !== `Bearer ${this.token}` || !this.sessionValid) {
        throw new PlatformError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
      }
      const fault = this.faults.find(
        (f) => (f.method === undefined || f.method === method) && f.path.test(url.pathname) && (f.times ?? 1) > 0,
      );
      if (fault && (fault.after ?? 0) > 0) {
        fault.after = (fault.after ?? 0) - 1;
      } else if (fault) {
        fault.times = (fault.times ?? 1) - 1;
        throw new PlatformError(fault.status, fault.errorCode, fault.message ?? fault.errorCode);
      }
      const base = `/services/data/v${this.version}`;
      const rest = url.pathname.startsWith(base) ? url.pathname.slice(base.length) : url.pathname;
      this.route(method, rest, url, body, res);
    } catch (error) {
      const failure =
        error instanceof PlatformError ? error : new PlatformError(500, 'UNKNOWN_EXCEPTION', (error as Error).message);
      res.writeHead(failure.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify([{ message: failure.message, errorCode: failure.code }]));
    }
  }

  private route(method: string, rest: string, url: URL, body: string, res: ServerResponse): void {
    const json = (status: number, value: unknown): void => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const csv = (text: string, headers: Record<string, string> = {}): void => {
      res.writeHead(200, { 'Content-Type': 'text/csv', ...headers });
      res.end(text);
    };
    let m: RegExpExecArray | null;
    if (method === 'GET' && rest === '/sobjects') {
      const standard = ['Account', 'Contact', 'Lead', 'Opportunity', 'User'];
      const names = this.schema.objects.map((o) => o.name).filter((n) => !standard.includes(n));
      return json(200, { sobjects: [...standard, ...names.map((n) => this.orgName(n))].map((name) => ({ name })) });
    }
    if (method === 'GET' && (rest === '/query' || rest === '/tooling/query')) {
      const soql = url.searchParams.get('q') ?? '';
      const answer = this.answers.find((a) => a.pattern.test(soql));
      if (answer?.error) {
        throw answer.error;
      }
      if (answer?.records) {
        return json(200, { totalSize: answer.records.length, done: true, records: answer.records });
      }
      if (rest === '/tooling/query') {
        throw new PlatformError(400, 'INVALID_TYPE', `the stand-in has no answer for the Tooling query: ${soql}`);
      }
      return json(200, this.restQuery(soql, 0));
    }
    if (method === 'GET' && rest === '/tooling/executeAnonymous') {
      return json(200, this.anonymousApex(url.searchParams.get('anonymousBody') ?? ''));
    }
    if (method === 'GET' && (m = /^\/query\/([^/]+)$/.exec(rest))) {
      const [encoded, offset] = m[1].split('-');
      return json(200, this.restQuery(Buffer.from(encoded, 'base64url').toString('utf8'), Number(offset)));
    }
    if (method === 'POST' && rest === '/jobs/ingest') {
      const request = JSON.parse(body) as { object: string; operation: string; externalIdFieldName: string };
      this.object(request.object);
      if (request.operation !== 'upsert' && request.operation !== 'delete') {
        throw new PlatformError(400, 'FEATURENOTENABLED', 'the stand-in supports upsert and delete only');
      }
      const id = `750Xy${String(++this.counter).padStart(10, '0')}`;
      this.ingestJobObjects.push(request.object);
      this.ingestJobs.set(id, {
        id,
        object: request.object,
        operation: request.operation as IngestJob['operation'],
        externalIdFieldName: request.externalIdFieldName,
        state: 'Open',
        data: '',
        polls: 0,
        successful: '',
        failed: '',
        unprocessed: '',
      });
      return json(200, { id, object: request.object, operation: request.operation, state: 'Open', contentType: 'CSV' });
    }
    if (
      (m = /^\/jobs\/ingest\/([^/]+)(?:\/(batches|successfulResults|failedResults|unprocessedrecords))?$/.exec(rest))
    ) {
      const job = this.ingestJobs.get(m[1]);
      if (!job) {
        throw new PlatformError(404, 'NOT_FOUND', `job ${m[1]} not found`);
      }
      const part = m[2];
      if (method === 'PUT' && part === 'batches') {
        job.data += body;
        res.writeHead(201);
        res.end();
        return;
      }
      if (method === 'PATCH' && part === undefined) {
        const { state } = JSON.parse(body) as { state: string };
        if (state === 'UploadComplete') {
          job.state = 'UploadComplete';
          if (job.operation === 'delete') {
            this.remove(job);
          } else {
            this.process(job);
          }
        }
        return json(200, { id: job.id, state: job.state });
      }
      if (method === 'GET' && part === undefined) {
        // First poll says InProgress, so clients must poll.
        const state = job.state === 'JobComplete' && job.polls++ === 0 ? 'InProgress' : job.state;
        return json(200, { id: job.id, object: job.object, operation: job.operation, state });
      }
      if (method === 'GET' && part === 'successfulResults') {
        return csv(job.successful);
      }
      if (method === 'GET' && part === 'failedResults') {
        return csv(job.failed);
      }
      if (method === 'GET' && part === 'unprocessedrecords') {
        return csv(job.unprocessed);
      }
    }
    if (method === 'POST' && rest === '/jobs/query') {
      const { query } = JSON.parse(body) as { query: string };
      const { object, fields } = this.parseSoql(query);
      const id = `750Qy${String(++this.counter).padStart(10, '0')}`;
      this.queryJobs.set(id, { id, object, fields, polls: 0 });
      return json(200, { id, operation: 'query', object, state: 'UploadComplete' });
    }
    if ((m = /^\/jobs\/query\/([^/]+)(\/results)?$/.exec(rest))) {
      const job = this.queryJobs.get(m[1]);
      if (!job) {
        throw new PlatformError(404, 'NOT_FOUND', `job ${m[1]} not found`);
      }
      if (method === 'GET' && !m[2]) {
        return json(200, { id: job.id, state: job.polls++ === 0 ? 'InProgress' : 'JobComplete' });
      }
      if (method === 'GET' && m[2]) {
        const rows = this.select(job.object, job.fields);
        const size = Math.min(Number(url.searchParams.get('maxRecords') ?? this.bulkPageSize), this.bulkPageSize);
        const offset = Number(url.searchParams.get('locator') ?? '0');
        const page = rows.slice(offset, offset + size);
        const next = offset + size < rows.length ? String(offset + size) : 'null';
        return csv(stringify([job.fields, ...page.map((r) => job.fields.map((f) => r[f] ?? ''))]), {
          'Sforce-Locator': next,
          'Sforce-NumberOfRecords': String(page.length),
        });
      }
    }
    throw new PlatformError(404, 'NOT_FOUND', `The requested resource does not exist: ${method} ${rest}`);
  }

  private parseSoql(soql: string): { object: string; fields: string[]; count: boolean } {
    const m = /^SELECT\s+(.+?)\s+FROM\s+(\w+)\s*$/i.exec(soql.trim());
    if (!m) {
      throw new PlatformError(400, 'MALFORMED_QUERY', `the stand-in cannot parse: ${soql}`);
    }
    const object = this.object(m[2]);
    if (/^COUNT\(\)$/i.test(m[1])) {
      return { object: object.name, fields: [], count: true };
    }
    const fields = m[1].split(',').map((f) => f.trim());
    for (const field of fields) {
      if (!object.fieldMap.has(this.local(field).toLowerCase())) {
        throw new PlatformError(400, 'INVALID_FIELD', `No such column '${field}' on entity '${object.name}'.`);
      }
    }
    return { object: object.name, fields, count: false };
  }

  /** Stored rows with the values the platform computes. */
  private select(objectName: string, fields: string[]): Row[] {
    return [...(this.records.get(objectName)?.values() ?? [])].map((stored) => {
      const row: Row = { ...stored };
      if (objectName === 'Opportunity') {
        row.IsClosed = String(/^Closed/.test(stored.StageName ?? ''));
        row.IsWon = String(stored.StageName === 'Closed Won');
      }
      const fieldMap = this.localObject(objectName)?.fieldMap;
      return Object.fromEntries(
        fields.map((f) => [f, row[fieldMap?.get(this.local(f).toLowerCase())?.name ?? f] ?? '']),
      );
    });
  }

  /** An object by its stored (un-prefixed) name: the package's schema or an extension a test added. */
  private localObject(objectName: string): SnapshotObject | undefined {
    return this.extended.get(objectName.toLowerCase()) ?? this.schema.get(objectName);
  }

  private restQuery(soql: string, offset: number): unknown {
    const { object, fields, count } = this.parseSoql(soql);
    const rows = this.select(object, fields);
    if (count) {
      return { totalSize: rows.length, done: true, records: [] };
    }
    const types = (this.localObject(object) as SnapshotObject).fieldMap;
    const page = rows.slice(offset, offset + this.restPageSize).map((row) => {
      const record: Record<string, unknown> = {
        attributes: { type: this.orgName(object), url: `/services/data/v${this.version}/sobjects/${object}/${row.Id}` },
      };
      for (const field of fields) {
        const value = row[field];
        const type = types.get(this.local(field).toLowerCase())?.type;
        record[field] =
          value === '' || value === undefined
            ? null
            : type === 'boolean'
              ? value === 'true'
              : type === 'number'
                ? Number(value)
                : type === 'datetime'
                  ? value.replace(/Z$/, '+0000')
                  : value;
      }
      return record;
    });
    const done = offset + this.restPageSize >= rows.length;
    return {
      totalSize: rows.length,
      done,
      records: page,
      ...(done
        ? {}
        : {
            nextRecordsUrl: `/services/data/v${this.version}/query/${Buffer.from(soql).toString('base64url')}-${offset + this.restPageSize}`,
          }),
    };
  }

  /** Deletes the records a delete job names by Id; an Id not stored fails as the platform reports it. */
  private remove(job: IngestJob): void {
    const rows = parse(job.data, { columns: true, skip_empty_lines: true }) as Row[];
    // Stored under the object's own name: under a namespace the job names it prefixed.
    const objectName = this.object(job.object).name;
    const store = this.records.get(objectName) ?? new Map<string, Row>();
    const index = this.byExternalId.get(objectName) ?? new Map<string, string>();
    const successful: string[][] = [];
    const failed: string[][] = [];
    for (const row of rows) {
      const stored = store.get(row.Id ?? '');
      if (!stored) {
        failed.push(['', 'ENTITY_IS_DELETED:entity is deleted:--', row.Id ?? '']);
        continue;
      }
      store.delete(stored.Id);
      index.delete((stored.External_Id__c ?? '').toLowerCase());
      successful.push([stored.Id, 'false', stored.Id]);
    }
    job.successful = stringify([['sf__Id', 'sf__Created', 'Id'], ...successful]);
    job.failed = stringify([['sf__Id', 'sf__Error', 'Id'], ...failed]);
    job.unprocessed = stringify([['Id']]);
    job.state = 'JobComplete';
  }

  /** Upsert on the job's external ID field, resolving `Rel__r.External_Id__c` columns. */
  private process(job: IngestJob): void {
    const object = this.object(job.object);
    const rows = parse(job.data, { columns: true, skip_empty_lines: true }) as Row[];
    const headers = rows.length > 0 ? Object.keys(rows[0]) : [];
    const store = this.records.get(object.name) ?? new Map<string, Row>();
    const index = this.byExternalId.get(object.name) ?? new Map<string, string>();
    this.records.set(object.name, store);
    this.byExternalId.set(object.name, index);
    const successful: string[][] = [];
    const failed: string[][] = [];
    for (const row of rows) {
      const values = headers.map((h) => row[h]);
      const key = (row[job.externalIdFieldName] ?? '').toLowerCase();
      const lock = this.lockedRows.get(`${object.name}|${key}`) ?? 0;
      if (lock > 0) {
        this.lockedRows.set(`${object.name}|${key}`, lock - 1);
        failed.push(['', 'UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record:--', ...values]);
        continue;
      }
      const fields: Row = {};
      let error: string | null = null;
      for (const header of headers) {
        const value = row[header];
        if (value === '') {
          continue; // Bulk API 2.0 leaves a field unchanged when its cell is empty
        }
        const relation = /^(\w+)\.(\w+)$/.exec(header);
        if (!relation) {
          const field = object.fieldMap.get(this.local(header).toLowerCase());
          if (!field || !field.writable) {
            error = `INVALID_FIELD_FOR_INSERT_UPDATE:Unable to create/update fields: ${header}:${header}`;
            break;
          }
          fields[field.name] = value;
          continue;
        }
        const field = object.fields.find((f) => f.relationshipName === this.local(relation[1]));
        const parentIndex = field?.referenceTo === undefined ? undefined : this.byExternalId.get(field.referenceTo);
        const parentId = parentIndex?.get(value.toLowerCase());
        if (!field || !parentId) {
          error = `INVALID_FIELD:Foreign key external ID: ${value} not found for field ${relation[2]} in entity ${field?.referenceTo ?? relation[1]}:--`;
          break;
        }
        fields[field.name] = parentId;
      }
      if (error !== null) {
        failed.push(['', error, ...values]);
        continue;
      }
      const existing = index.get(key);
      if (existing) {
        Object.assign(store.get(existing) as Row, fields);
        successful.push([existing, 'false', ...values]);
      } else {
        const id = this.newId(object);
        store.set(id, { Id: id, CreatedDate: new Date().toISOString(), ...fields });
        index.set(key, id);
        successful.push([id, 'true', ...values]);
      }
    }
    job.successful = stringify([['sf__Id', 'sf__Created', ...headers], ...successful]);
    job.failed = stringify([['sf__Id', 'sf__Error', ...headers], ...failed]);
    job.unprocessed = stringify([headers]);
    job.state = 'JobComplete';
  }
}

class PlatformError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
