/** Shapes shared by the audit engine, its checks, metrics and reports. */
import type { SnapshotRecord } from '../snapshot/format';
import type { CheckId, Severity } from './checkIds';
import type { ProgramPolicy } from './policy';

/** One problem on one record. */
export interface Finding {
  check: CheckId;
  severity: Severity;
  object: string;
  recordId: string | null;
  externalId: string | null;
  message: string;
  fix: string;
}

/** The record a finding names. */
export interface RecordRef {
  object: string;
  recordId: string | null;
  externalId: string | null;
}

export type Emit = (check: CheckId, record: RecordRef, message: string, fix?: string) => void;

/** What every check and metric sees: the audit's clock and policy. */
export interface AuditContext {
  /** The audit's "now", ISO-8601 UTC. */
  now: string;
  /** The calendar date of `now` in the audit's time zone. */
  today: string;
  timeZone: string;
  policy: ProgramPolicy;
  /**
   * Characters of packed state a check keeps in memory before it spills to temporary files
   * (spill.ts); unset: DEFAULT_SPILL_BUDGET. Tests set it low to exercise the disk.
   */
  spillBudget?: number;
  /** Folder for the spills' temporary files; unset: the system's temporary folder. */
  spillDir?: string;
}

/**
 * A streaming reducer: sees the records of the objects it listens to, in load order
 * (parents first), keeps only what its checks need, and reports findings as soon as it can.
 */
export interface Auditor {
  /** Checks this auditor reports. */
  checks: readonly CheckId[];
  /** Objects it reads. */
  objects: readonly string[];
  /** Objects without which its checks would be wrong (they are skipped when one is absent). */
  requires: readonly string[];
  onRecord(objectName: string, record: SnapshotRecord, emit: Emit): void;
  finish?(emit: Emit): void;
  /** Releases what the auditor holds outside the heap (temporary files), whether or not the pass finished. */
  dispose?(): void;
}

export type AuditorFactory = (context: AuditContext) => Auditor;

/** A figure that quantifies the program, with an optional breakdown for charts. */
export interface Metric {
  id: string;
  title: string;
  value: number | null;
  unit: 'days' | 'hours' | 'percent' | 'currency' | 'count' | 'ratio' | 'score';
  /** How the figure is computed, in one sentence. */
  detail: string;
  breakdown?: { label: string; value: number | null; note?: string }[];
}

export interface MetricCollector {
  objects: readonly string[];
  onRecord(objectName: string, record: SnapshotRecord): void;
  finish(): Metric[];
}
