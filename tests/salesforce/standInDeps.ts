/** Command dependencies that connect to a running API stand-in and capture the output, for org-path tests. */
import { Connection } from 'jsforce';
import type { CommandDeps } from '../../scripts/commands/audit';
import { sessionFromConnection } from '../../scripts/salesforce/session';
import type { SalesforceStandIn } from './standIn';

/**
 * Dependencies writing into the caller's arrays.
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

/**
 * Dependencies with their own output arrays, returned beside them.
 * @param standIn the running stand-in
 * @param json whether the command prints JSON
 */
export function standInHarness(
  standIn: SalesforceStandIn,
  json = false,
): { deps: CommandDeps; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, deps: standInDeps(standIn, out, err, json) };
}
