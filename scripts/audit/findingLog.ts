/**
 * The audit's findings while the pass runs. A large data set has hundreds of thousands of
 * findings (562,239 at ten million records); as objects with their messages they would hold
 * over 250 MB through the whole pass. They are kept packed, spilling to disk past the budget,
 * and become objects again only once the checks' own state is gone.
 */
import { CHECK_IDS, type CheckId } from './checkIds';
import { CHECKS } from './checks/catalog';
import { auditSpill, type PartitionedSpill } from './spill';
import type { Finding } from './types';

/** A finding as one JSON string; the severity follows from the check, and the fix is left out when it is the check's own. */
export function packFinding(finding: Finding): string {
  const fix = finding.fix === CHECKS[finding.check].fix ? null : finding.fix;
  return JSON.stringify([finding.check, finding.object, finding.recordId, finding.externalId, finding.message, fix]);
}

/** Object names as one string each: hundreds of thousands of findings name a few objects. */
const objectNames = new Map<string, string>();

export function unpackFinding(packed: string): Finding {
  const [checkId, objectName, recordId, externalId, message, fix] = JSON.parse(packed) as [
    CheckId,
    string,
    string | null,
    string | null,
    string,
    string | null,
  ];
  const definition = CHECKS[checkId];
  // The check's own Id string and one string per object name, not a parsed copy per finding.
  const check = CHECK_IDS[CHECK_IDS.indexOf(checkId)];
  let object = objectNames.get(objectName);
  if (object === undefined) {
    object = objectName;
    objectNames.set(objectName, objectName);
  }
  return { check, severity: definition.severity, object, recordId, externalId, message, fix: fix ?? definition.fix };
}

/** Findings in the order reported, packed, in memory up to a budget and on disk past it. */
export class FindingLog {
  private readonly spill: PartitionedSpill;

  /** @param context the spill budget and folder */
  constructor(context: { spillBudget?: number; spillDir?: string }) {
    this.spill = auditSpill(context, 1);
  }

  add(finding: Finding): void {
    this.spill.addTo(0, packFinding(finding));
  }

  /** A finding another log packed (the worker thread's). */
  addPacked(packed: string): void {
    this.spill.addTo(0, packed);
  }

  /** The packed findings in the order reported, one at a time; the log is spent afterwards. */
  drain(): Iterable<string> {
    return this.spill.drainEach();
  }

  dispose(): void {
    this.spill.dispose();
  }
}
