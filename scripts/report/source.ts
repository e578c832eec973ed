/**
 * Where a report's records come from: a snapshot folder, or an org read once into a
 * temporary snapshot (a report streams its data several times: once per period it compares).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UsageError, type Output } from '../audit/cliSupport';
import { SnapshotSource, type RecordSource } from '../audit/sources';
import { loadSnapshotSchema } from '../snapshot/schema';
import { SnapshotWriter } from '../snapshot/writer';
import { API_VERSION } from '../seed/seedSnapshot';
import { SalesforceClient } from '../salesforce/client';
import { OrgSource } from '../salesforce/orgSource';
import type { CommandDeps } from '../commands/audit';
import { namespacedClient } from '../salesforce/namespacedClient';

export interface SourceOptions {
  snapshot?: string;
  targetOrg?: string;
  /** The package's namespace in the org (`none` for none); detected when absent. */
  namespace?: string;
}

export interface OpenedSource {
  source: RecordSource;
  /** When the data was read. */
  takenAt: string;
  close(): void;
}

/**
 * Opens the one source the options name.
 * @param options --snapshot or --target-org
 * @param deps org connector
 * @param output for retry messages
 */
export async function openReportSource(
  options: SourceOptions,
  deps: CommandDeps,
  output: Output,
): Promise<OpenedSource> {
  if ((options.snapshot === undefined) === (options.targetOrg === undefined)) {
    throw new UsageError('Give exactly one source: --snapshot DIR or --target-org ORG.');
  }
  const schema = loadSnapshotSchema();
  if (options.snapshot !== undefined) {
    const source = new SnapshotSource(path.resolve(options.snapshot), schema);
    return { source, takenAt: source.takenAt, close: () => undefined };
  }
  const session = await deps.connect(options.targetOrg as string);
  const client = new SalesforceClient(session, {
    ...deps.clientOptions,
    onRetry: ({ attempt, delayMs, reason }) => output.stderr(`${reason}: retry ${attempt} in ${delayMs} ms`),
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'prm-report-'));
  const writer = new SnapshotWriter(dir, schema.objects);
  const org = await OrgSource.open(await namespacedClient(client, options.namespace), schema.objects, {
    saveTo: writer,
  });
  for (const object of org.objects) {
    for await (const record of org.records(object)) {
      void record;
    }
  }
  const takenAt = new Date().toISOString();
  writer.close({ takenAt, apiVersion: API_VERSION, source: `prm report --target-org ${String(options.targetOrg)}` });
  return {
    source: new SnapshotSource(dir, schema),
    takenAt,
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}
