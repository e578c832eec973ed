/**
 * The REST / Bulk API 2.0 client against the local stand-in: paging, retries with backoff on
 * REQUEST_LIMIT_EXCEEDED, bounded attempts, and INVALID_SESSION_ID failing at once.
 */
import { Connection } from 'jsforce';
import { SalesforceClient } from '../../scripts/salesforce/client';
import { OrgApiError, SessionError } from '../../scripts/salesforce/errors';
import { sessionFromConnection, type OrgSession } from '../../scripts/salesforce/session';
import { SalesforceStandIn } from './standIn';

describe('SalesforceClient', () => {
  const standIn = new SalesforceStandIn();
  let session: OrgSession;
  let delays: number[];
  const client = (maxAttempts = 4): SalesforceClient =>
    new SalesforceClient(session, {
      maxAttempts,
      baseDelayMs: 100,
      pollIntervalMs: 1,
      sleep: async (ms) => void delays.push(ms),
    });

  beforeAll(async () => {
    await standIn.start();
    // The session comes from a jsforce Connection, as it does from the sf CLI's auth.
    session = sessionFromConnection(
      new Connection({ instanceUrl: standIn.url, accessToken: standIn.token, version: standIn.version }),
      'standin',
    );
    const csv = [
      'Name,Program_Type__c,External_Id__c',
      ...Array.from({ length: 10 }, (_, i) => `Program ${i},Referral,PRG-${i}`),
    ].join('\n');
    const result = await new SalesforceClient(session, { pollIntervalMs: 1 }).bulkUpsert(
      'Partner_Program__c',
      'External_Id__c',
      csv,
    );
    expect(result.successful).toHaveLength(10);
  });
  afterAll(() => standIn.stop());
  beforeEach(() => {
    delays = [];
    standIn.clearFaults();
    standIn.log.length = 0;
  });

  it('pages REST queries through nextRecordsUrl', async () => {
    const names: unknown[] = [];
    for await (const record of client().query('SELECT Id, Name FROM Partner_Program__c')) {
      names.push(record.Name);
    }
    expect(names).toEqual(Array.from({ length: 10 }, (_, i) => `Program ${i}`));
    expect(standIn.requests(/GET .*\/query/)).toHaveLength(4);
    expect(await client().count('Partner_Program__c')).toBe(10);
  });

  it('pages Bulk API 2.0 query results through Sforce-Locator', async () => {
    standIn.bulkPageSize = 4;
    const pages: string[] = [];
    for await (const page of client().bulkQuery('SELECT Id, Name FROM Partner_Program__c')) {
      pages.push(page);
    }
    standIn.bulkPageSize = 50;
    expect(pages).toHaveLength(3);
    expect(pages.every((page) => page.startsWith('Id,Name\n'))).toBe(true);
    expect(pages.join('').match(/Program \d/g)).toHaveLength(10);
  });

  it('retries REQUEST_LIMIT_EXCEEDED with exponential backoff', async () => {
    standIn.fail({
      path: /\/query$/,
      status: 403,
      errorCode: 'REQUEST_LIMIT_EXCEEDED',
      message: 'TotalRequests Limit exceeded.',
      times: 2,
    });
    expect(await client().count('Partner_Program__c')).toBe(10);
    expect(delays).toEqual([100, 200]);
    expect(standIn.requests(/GET .*\/query$/)).toHaveLength(3);
  });

  it('gives up after the bounded number of attempts with the platform error', async () => {
    standIn.fail({
      path: /\/query$/,
      status: 403,
      errorCode: 'REQUEST_LIMIT_EXCEEDED',
      message: 'TotalRequests Limit exceeded.',
      times: 10,
    });
    const failure = client(3).count('Partner_Program__c');
    await expect(failure).rejects.toThrow(OrgApiError);
    await expect(client(3).count('Partner_Program__c')).rejects.toThrow(
      /REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded\. \(gave up after 3 attempts\)/,
    );
    expect(delays).toEqual([100, 200, 100, 200]);
  });

  it('retries transient server errors too', async () => {
    standIn.fail({ method: 'POST', path: /\/jobs\/ingest$/, status: 503, errorCode: 'SERVER_UNAVAILABLE', times: 1 });
    const result = await client().bulkUpsert(
      'Partner_Program__c',
      'External_Id__c',
      'Name,Program_Type__c,External_Id__c\nProgram 0,Referral,PRG-0\n',
    );
    expect(result.successful).toEqual([expect.objectContaining({ sf__Created: 'false', External_Id__c: 'PRG-0' })]);
    // One backoff before the second attempt, then one poll interval while the job is InProgress.
    expect(delays).toEqual([100, 1]);
  });

  it('fails at once on INVALID_SESSION_ID, telling how to log in again', async () => {
    const expired = new SalesforceClient(
      { ...session, accessToken: 'expired' },
      { baseDelayMs: 1, sleep: async (ms) => void delays.push(ms) },
    );
    await expect(expired.count('Partner_Program__c')).rejects.toThrow(SessionError);
    await expect(expired.count('Partner_Program__c')).rejects.toThrow('sf org login web --alias standin');
    expect(delays).toEqual([]);
    expect(standIn.log).toHaveLength(2);
  });

  it('reports other platform errors with their code, without retrying', async () => {
    await expect(client().count('Widget__c')).rejects.toThrow(
      "INVALID_TYPE: sObject type 'Widget__c' is not supported.",
    );
    expect(delays).toEqual([]);
  });
});
