/** Command dependencies that connect to a stand-in and capture the output, for org-path tests. */
import { Connection } from 'jsforce';
import type { CommandDeps } from '../../scripts/commands/audit';
import { sessionFromConnection } from '../../scripts/salesforce/session';
import type { SalesforceStandIn } from './standIn';

/**
 * @param standIn the running stand-in
 * @param out where stdout lines go
 * @param err where stderr lines go
 * @param json whether the command prints JSON
 */
export function standInDeps(standIn: SalesforceStandIn, out: string[], err: string[] = [], json = true): CommandDeps {
  return {
    connect: async (org) =>
      sessionFromConnection(
        new Connection({ instanceUrl: standIn.url, accessToken: standIn.token, version: standIn.version }),
        org,
      ),
    clientOptions: { maxAttempts: 2, baseDelayMs: 1, pollIntervalMs: 1, sleep: async () => undefined },
    output: { json, stdout: (text) => out.push(text), stderr: (text) => err.push(text) },
  };
}
