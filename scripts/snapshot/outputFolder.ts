/**
 * Where a command writes a snapshot. A folder that already holds files is refused unless the
 * user says `--force`: writing into it would mix the new snapshot with whatever was there (a
 * stale CSV of an object the new snapshot does not hold would be read as part of it).
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../audit/cliSupport';
import { GROUND_TRUTH_FILE } from '../seed/plants';
import { SNAPSHOT_MANIFEST, SnapshotInputError } from './format';
import type { SnapshotSchema } from './schema';

/**
 * Makes `dir` ready for a new snapshot: refuses a file, and a folder with entries unless
 * `force`; with `force`, removes the files of an earlier snapshot (manifest, ground truth and
 * object CSVs) and leaves anything else alone.
 * @param dir the folder to write
 * @param schema the snapshot schema (names the object CSVs)
 * @param options `force`: replace what is there; `option`: the option that named the folder, for the
 *   message; `checkOnly`: refuse as a real run would, but remove nothing (a dry run)
 */
export function prepareSnapshotFolder(
  dir: string,
  schema: SnapshotSchema,
  options: { force: boolean; option: string; checkOnly?: boolean },
): void {
  const { force, option } = options;
  if (!existsSync(dir)) {
    return;
  }
  if (!statSync(dir).isDirectory()) {
    throw new SnapshotInputError(dir, `is a file, not a folder: ${option} needs a folder for the snapshot`);
  }
  const entries = readdirSync(dir).sort();
  if (entries.length === 0) {
    return;
  }
  if (!force) {
    const shown = `${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}`;
    throw new UsageError(
      `${dir} is not empty (${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}: ${shown}): choose an empty or new folder for ${option}, or add --force to replace the snapshot in it.`,
    );
  }
  if (options.checkOnly === true) {
    return;
  }
  for (const entry of entries) {
    const isObjectCsv = entry.toLowerCase().endsWith('.csv') && schema.get(entry.slice(0, -4)) !== undefined;
    if (isObjectCsv || entry === SNAPSHOT_MANIFEST || entry === GROUND_TRUTH_FILE) {
      rmSync(path.join(dir, entry), { force: true });
    }
  }
}
