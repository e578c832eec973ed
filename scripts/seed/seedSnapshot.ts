/** `prm seed --out DIR`: generate a data set into a snapshot folder with its ground truth. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadSnapshotSchema } from '../snapshot/schema';
import { SnapshotWriter } from '../snapshot/writer';
import type { SnapshotManifest } from '../snapshot/format';
import { generateSeed, type SeedOptions, type SeedResult } from './generator';
import { GROUND_TRUTH_FILE } from './plants';

/** The API version snapshots are written for (the project's sourceApiVersion). */
export const API_VERSION = '65.0';

export interface SeededSnapshot extends SeedResult {
  dir: string;
  manifest: SnapshotManifest;
  groundTruthFile: string;
}

/**
 * Generates a data set into `dir` (CSV per object, snapshot.json, ground-truth.json).
 * @param options generator options
 * @param dir output folder (created)
 * @param onRecord called after each record, for progress display
 */
export function seedToSnapshot(options: SeedOptions, dir: string, onRecord?: () => void): SeededSnapshot {
  const schema = loadSnapshotSchema();
  const writer = new SnapshotWriter(dir, schema.objects);
  const result = generateSeed(
    options,
    {
      write: (objectName, record) => {
        writer.write(objectName, record);
        onRecord?.();
      },
    },
    schema,
  );
  const groundTruthFile = path.join(dir, GROUND_TRUTH_FILE);
  writeFileSync(groundTruthFile, `${JSON.stringify(result.groundTruth, null, 2)}\n`);
  const manifest = writer.close({
    takenAt: new Date(Date.parse(options.asOf)).toISOString(),
    apiVersion: API_VERSION,
    source: `prm seed --seed ${options.seed}`,
    generator: { ...result.groundTruth.generator },
  });
  return { ...result, dir, manifest, groundTruthFile };
}

/** Total records the generator will write, roughly, for progress bars: about 120 per partner plus customers. */
export function estimateRecords(partners: number, customers: number): number {
  return partners * 120 + customers * 1.7;
}
