/**
 * Planted data-quality problems and the ground truth that lists them. Each planted problem
 * names the audit check that must report it and the record (by external ID) it must name,
 * so a test can hold the audit to precision and recall 1.0.
 */
import { CHECK_IDS, type CheckId } from '../audit/checkIds';
import { Random } from './random';

export interface PlantedProblem {
  check: CheckId;
  object: string;
  externalId: string;
  /** What was planted, for people reading the file. */
  detail: string;
}

export interface GroundTruth {
  generator: Record<string, unknown>;
  /** Planted problems per check (every check listed, 0 when none). */
  counts: Record<CheckId, number>;
  problems: PlantedProblem[];
}

export const GROUND_TRUTH_FILE = 'ground-truth.json';

/**
 * Decides which eligible records receive a problem: each with probability `rate`, and the
 * first few eligible records of a check are guaranteed one when the rate alone planted none,
 * so small data sets still carry every kind of problem. Uses its own random stream so the
 * clean data of a seed does not depend on the rate.
 */
export class Planter {
  private readonly random: Random;
  private readonly eligibleSeen = new Map<CheckId, number>();
  private readonly guaranteedAt = new Map<CheckId, number>();
  private readonly planted = new Map<CheckId, number>();
  readonly problems: PlantedProblem[] = [];

  constructor(
    seed: number,
    readonly rate: number,
  ) {
    this.random = new Random(seed ^ 0x5eed5eed);
  }

  /**
   * Called once per record eligible for a problem; true when the problem must be planted.
   * The caller then plants it and calls `record`.
   */
  should(check: CheckId): boolean {
    if (this.rate <= 0) {
      return false;
    }
    const index = this.eligibleSeen.get(check) ?? 0;
    this.eligibleSeen.set(check, index + 1);
    if (!this.guaranteedAt.has(check)) {
      this.guaranteedAt.set(check, this.random.int(0, 2));
    }
    const roll = this.random.chance(this.rate);
    return roll || ((this.planted.get(check) ?? 0) === 0 && index === this.guaranteedAt.get(check));
  }

  record(check: CheckId, object: string, externalId: string, detail: string): void {
    this.planted.set(check, (this.planted.get(check) ?? 0) + 1);
    this.problems.push({ check, object, externalId, detail });
  }

  groundTruth(generator: Record<string, unknown>): GroundTruth {
    const counts = Object.fromEntries(CHECK_IDS.map((id) => [id, this.planted.get(id) ?? 0])) as Record<
      CheckId,
      number
    >;
    return { generator, counts, problems: this.problems };
  }
}

/** How an audit's findings compare with the planted problems, by check and external ID. */
export interface GroundTruthScore {
  planted: number;
  found: number;
  precision: number;
  recall: number;
}

/**
 * Scores findings against the ground truth: precision is the share of findings that name a
 * planted problem, recall the share of planted problems some finding names.
 * @param groundTruth the generator's ground truth
 * @param findings the audit's findings (check and external ID of each)
 */
export function scoreFindings(
  groundTruth: Pick<GroundTruth, 'problems'>,
  findings: readonly { check: string; externalId: string | null }[],
): GroundTruthScore {
  const planted = new Set(groundTruth.problems.map((p) => `${p.check}|${p.externalId}`));
  const found = new Set(findings.map((f) => `${f.check}|${f.externalId ?? ''}`));
  const hits = [...found].filter((key) => planted.has(key)).length;
  return {
    planted: planted.size,
    found: found.size,
    precision: found.size === 0 ? 1 : hits / found.size,
    recall: planted.size === 0 ? 1 : hits / planted.size,
  };
}
