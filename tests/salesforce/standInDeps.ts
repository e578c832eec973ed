/** Command dependencies wired to a running API stand-in, with captured output. */
import { Connection } from 'jsforce';
import type { CommandDeps } from '../../scripts/commands/audit';
import { sessionFromConnection } from '../../scripts/salesforce/session';
import type { SalesforceStandIn } from './standIn';

export function standInDeps(
  standIn: SalesforceStandIn,
  json = false,
): { deps: CommandDeps; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    deps: {
      connect: async (org) =>
        sessionFromConnection(
          new Connection({ instanceUrl: standIn.url, accessToken: standIn.token, version: standIn.version }),
          org,
        ),
      clientOptions: { maxAttempts: 2, baseDelayMs: 1, pollIntervalMs: 1, sleep: async () => undefined },
      output: { json, stdout: (text) => out.push(text), stderr: (text) => err.push(text) },
    },
  };
}
