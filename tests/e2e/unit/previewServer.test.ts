/**
 * The preview server listens on 127.0.0.1 only, serves the build and SLDS assets, and refuses
 * paths outside them. Plus the lead stand-ins, which must decide through the shared rules.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { leadCanTransition } from '../../../lwc-ts-src/prmRules/prmRules';
import { installDataset } from '../../../scripts/preview/browser/adapter';
import { APEX_HANDLERS } from '../../../scripts/preview/browser/apex/handlers';
import { demoDataset } from '../../../scripts/preview/dataset';
import { fileUnder, HOST, startPreviewServer, type PreviewServer } from '../../../scripts/preview/server';

function get(url: string, rawPath?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = request(
      { host: target.hostname, port: target.port, path: rawPath ?? target.pathname, method: 'GET' },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('preview server', () => {
  let dir: string;
  let server: PreviewServer;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'prm-preview-test-'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(path.join(dir, 'app.js'), 'export {};');
    server = await startPreviewServer({ dir });
  });

  afterAll(async () => {
    await server.close();
  });

  it('listens on 127.0.0.1 and serves the build and SLDS', async () => {
    expect(HOST).toBe('127.0.0.1');
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await get(`${server.url}/`)).body).toContain('<title>t</title>');
    expect((await get(`${server.url}/app.js`)).status).toBe(200);
    expect((await get(`${server.url}/assets/styles/salesforce-lightning-design-system.min.css`)).status).toBe(200);
  });

  it('refuses paths outside its folders', async () => {
    expect((await get(server.url, '/../package.json')).status).toBe(404);
    expect((await get(server.url, '/assets/../../../../package.json')).status).toBe(404);
    expect((await get(server.url, '/%2e%2e/%2e%2e/package.json')).status).toBe(404);
    expect(fileUnder(dir, '/../../etc/passwd')).toBeUndefined();
    expect(fileUnder(dir, '/app.js')).toBe(path.join(dir, 'app.js'));
  });

  it('will not start without a build', async () => {
    await expect(startPreviewServer({ dir: path.join(dir, 'missing') })).rejects.toThrow(/no built preview/);
  });
});

describe('lead inbox stand-in', () => {
  it('accepts an open offer and refuses a reject without a reason, as leadCanTransition decides', () => {
    const data = demoDataset({ asOf: '2026-11-23T09:00:00.000Z' });
    const store = installDataset(data);
    const offered = data.records.Lead.filter(
      (l) =>
        l.Partner_Account__c === data.partnerAccountId &&
        l.Partner_Share_Status__c === 'Offered' &&
        String(l.Accept_By__c) > data.asOf,
    );
    expect(offered.length).toBeGreaterThanOrEqual(2);
    const accepted = APEX_HANDLERS['PortalLeadInboxController.accept']({ leadId: offered[0].Id }, store) as {
      success: boolean;
      status: string;
    };
    expect(accepted).toMatchObject({ success: true, status: 'Accepted' });
    expect(store.get(offered[0].Id)?.Accepted_At__c).toBe(data.asOf);

    const refused = APEX_HANDLERS['PortalLeadInboxController.reject']({ leadId: offered[1].Id }, store) as {
      success: boolean;
      code: string;
    };
    expect(leadCanTransition({ from: 'Offered', to: 'Rejected' }).code).toBe(refused.code);
    expect(refused.success).toBe(false);
    expect(store.get(offered[1].Id)?.Partner_Share_Status__c).toBe('Offered');

    // Rejecting a lead already accepted is a transition the rule does not allow.
    const late = APEX_HANDLERS['PortalLeadInboxController.reject'](
      { leadId: offered[0].Id, reason: 'Other' },
      store,
    ) as {
      success: boolean;
      code: string;
    };
    expect(leadCanTransition({ from: 'Accepted', to: 'Rejected', reason: 'Other' }).allowed).toBe(false);
    expect(late).toMatchObject({ success: false, code: 'INVALID_TRANSITION' });
    expect(store.get(offered[0].Id)?.Partner_Share_Status__c).toBe('Accepted');
  });
});
