/**
 * The audit: one streaming pass over every object of a source, parents first, feeding each
 * record to the auditors and metric collectors that read its object. Nothing holds the
 * records themselves; each auditor keeps only the index its checks need.
 */
import { localToday } from './rules';
import { CHECK_IDS, SEVERITY_RANK, type CheckId, type Severity } from './checkIds';
import { CHECKS } from './checks/catalog';
import { auditors } from './checks';
import { metricsCollector } from './metrics';
import { missingColumns, skippedForColumns, type MissingColumn } from './columnCoverage';
import type { ProgramPolicy } from './policy';
import type { RecordSource } from './sources';
import type { SnapshotObject } from '../snapshot/schema';
import type { SnapshotRecord } from '../snapshot/format';
import type { AuditContext, Auditor, Emit, Finding, Metric, MetricCollector } from './types';
import { startParallelPart, type ParallelPart } from './parallel';
import { FindingLog, unpackFinding } from './findingLog';
import { collectGarbageNow, limitHeapGrowth } from './heapGrowth';

export interface AuditOptions {
  /** The audit's "now" (ISO-8601 UTC). */
  now: string;
  /** IANA time zone that decides "today" (default UTC). */
  timeZone?: string;
  policy: ProgramPolicy;
  /** Called when the audit starts reading an object, for progress display. */
  onObjectStart?: (objectName: string) => void;
  /**
   * Audit a snapshot folder on two threads: true, false, or by size when unset
   * (`runsInParallel`: from 64 MB of CSV).
   */
  parallel?: boolean;
  /**
   * Characters of packed state each check, and the findings, keep in memory before spilling
   * to temporary files (spill.ts); default DEFAULT_SPILL_BUDGET. The result is the same.
   */
  spillBudget?: number;
  /** Folder for the spills' temporary files (default the system's temporary folder). */
  spillDir?: string;
}

export interface CheckSummary {
  check: CheckId;
  severity: Severity;
  title: string;
  findings: number;
  /** Why the check did not run, when it did not. */
  skipped?: string;
}

export interface AuditSummary {
  source: string;
  takenAt: string | null;
  now: string;
  today: string;
  timeZone: string;
  records: number;
  objects: { name: string; records: number }[];
  findings: number;
  bySeverity: Record<Severity, number>;
  checks: CheckSummary[];
  /** Columns the checks or metrics read that the data lacks, and what that disables. */
  missingColumns: MissingColumn[];
  durationMs: number;
}

export interface AuditResult {
  summary: AuditSummary;
  metrics: Metric[];
  findings: Finding[];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Severity, check, object, record; ties keep the order a check reported them in (the sort is stable). */
function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    CHECK_IDS.indexOf(a.check) - CHECK_IDS.indexOf(b.check) ||
    (a.object < b.object ? -1 : a.object > b.object ? 1 : 0) ||
    compareText(a.externalId ?? a.recordId ?? '', b.externalId ?? b.recordId ?? '')
  );
}

/** Which auditors run and why the others do not. */
export interface AuditPlan {
  active: Auditor[];
  /** Check → why it does not run. */
  skipped: Map<CheckId, string>;
  missingColumns: MissingColumn[];
}

/**
 * Instantiates the auditors a source can feed: a check is skipped when its objects or the
 * columns it reads are absent.
 * @param source records to audit
 * @param context clock and policy
 */
export function planAudit(source: RecordSource, context: AuditContext): AuditPlan {
  const present = source.objects.map((o) => o.name);
  const missingColumnList = missingColumns(source.columns);
  const skipped = skippedForColumns(missingColumnList);
  const active: Auditor[] = [];
  for (const factory of auditors(source.objects)) {
    const auditor = factory(context);
    const missing = auditor.requires.filter((name) => !present.includes(name));
    if (missing.length > 0) {
      for (const check of auditor.checks) {
        skipped.set(check, `the data set has no ${missing.join(', ')}`);
      }
    } else if (auditor.checks.some((check) => !skipped.has(check))) {
      active.push(auditor);
    }
  }
  return { active, skipped, missingColumns: missingColumnList };
}

export interface PassOptions {
  /** Metrics to collect in the same pass. */
  metrics?: MetricCollector;
  /** Read every object (to count and validate it) even when no auditor listens to it. */
  readAll: boolean;
  onObjectStart?: (objectName: string) => void;
  /** Called when every record of an object has been read and handed to the auditors. */
  onObjectRead?: (objectName: string) => void;
  /**
   * Object → the only columns this pass decodes: another reader validates the rest (the worker
   * thread of a parallel audit). Sources without batches ignore it and decode everything.
   */
  decodeOnly?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Characters of packed findings kept in memory before they spill to disk (FindingLog), and where. */
  spillBudget?: number;
  spillDir?: string;
}

/** An object's records in batches: the source's own when it has them, else one record each. */
async function* batchesOf(
  source: RecordSource,
  object: SnapshotObject,
  decodeOnly: ReadonlySet<string> | undefined,
): AsyncGenerator<readonly SnapshotRecord[]> {
  if (source.batches) {
    yield* source.batches(object, decodeOnly);
    return;
  }
  for await (const record of source.records(object)) {
    yield [record];
  }
}

/**
 * One streaming pass of auditors over a source, parents first; each auditor keeps only the
 * index its checks need and reports its findings as it goes and when the pass ends.
 * @param source records to audit
 * @param plan the auditors of this pass and the skipped checks
 * @param options metrics, which objects to read, progress, spill budget
 * @returns the findings packed (findingLog.ts), in the order reported, and the records per object
 */
export async function streamPass(
  source: RecordSource,
  plan: Pick<AuditPlan, 'active' | 'skipped'>,
  options: PassOptions,
): Promise<{ packedFindings: Iterable<string>; counts: { name: string; records: number }[] }> {
  const { active, skipped } = plan;
  const metrics = options.metrics;
  const log = new FindingLog(options);
  const emit: Emit = (check, record, message, fix) => {
    if (skipped.has(check)) {
      return; // an auditor keeps running for its other checks when one of them lacks a column
    }
    log.add({
      check,
      severity: CHECKS[check].severity,
      object: record.object,
      recordId: record.recordId,
      externalId: record.externalId,
      message,
      fix: fix ?? CHECKS[check].fix,
    });
  };

  const counts: { name: string; records: number }[] = [];
  let passed = false;
  try {
    for (const object of source.objects) {
      const listeners = active.filter((a) => a.objects.includes(object.name));
      const measured = metrics?.objects.includes(object.name) === true;
      if (!options.readAll && listeners.length === 0 && !measured) {
        continue;
      }
      options.onObjectStart?.(object.name);
      let count = 0;
      for await (const batch of batchesOf(source, object, options.decodeOnly?.get(object.name))) {
        for (const record of batch) {
          for (const listener of listeners) {
            listener.onRecord(object.name, record, emit);
          }
          if (measured) {
            metrics?.onRecord(object.name, record);
          }
        }
        count += batch.length;
      }
      counts.push({ name: object.name, records: count });
      options.onObjectRead?.(object.name);
    }
    for (const auditor of active) {
      auditor.finish?.(emit);
    }
    passed = true;
    // Read one at a time by the caller; the log removes its files once read.
    return { packedFindings: log.drain(), counts };
  } finally {
    for (const auditor of active) {
      auditor.dispose?.();
    }
    if (!passed) {
      log.dispose();
    }
  }
}

/**
 * The audit context of options: "now" normalised to UTC and "today" in the time zone.
 * @param options clock, time zone and policy
 */
export function auditContext(
  options: Pick<AuditOptions, 'now' | 'timeZone' | 'policy' | 'spillBudget' | 'spillDir'>,
): AuditContext {
  const now = new Date(Date.parse(options.now)).toISOString();
  const timeZone = options.timeZone ?? 'UTC';
  return {
    now,
    today: localToday({ now, timeZone }),
    timeZone,
    policy: options.policy,
    ...(options.spillBudget === undefined ? {} : { spillBudget: options.spillBudget }),
    ...(options.spillDir === undefined ? {} : { spillDir: options.spillDir }),
  };
}

/** Appends packed findings to `into` as objects; the logs read them one at a time. */
function unpackAll(packed: Iterable<string>, into: Finding[]): Finding[] {
  for (const finding of packed) {
    into.push(unpackFinding(finding));
  }
  return into;
}

/**
 * The main thread's pass with the metrics. A function of its own so that the metric collector
 * and the checks are out of reach once it returns (see runAudit).
 * @param source records to audit
 * @param plan the audit's auditors; those of the worker thread, when there is one, are left out
 * @param context clock, policy and spill settings
 * @param options progress callbacks
 * @param helper the worker thread's part, when the audit runs on two threads
 */
async function mainThreadPass(
  source: RecordSource,
  plan: AuditPlan,
  context: AuditContext,
  options: AuditOptions,
  helper: ParallelPart | undefined,
): Promise<{ pass: Awaited<ReturnType<typeof streamPass>>; metrics: Metric[] }> {
  const metricCollector = metricsCollector(context);
  let reading: string | undefined;
  try {
    const pass = await streamPass(
      source,
      { active: plan.active.filter((a) => !helper?.auditors.includes(a)), skipped: plan.skipped },
      {
        metrics: metricCollector,
        readAll: true,
        onObjectStart: (name) => {
          reading = name;
          options.onObjectStart?.(name);
        },
        decodeOnly: helper?.decodeOnly,
        spillBudget: context.spillBudget,
        spillDir: context.spillDir,
      },
    );
    return { pass, metrics: metricCollector.finish() };
  } catch (error) {
    // The worker validates columns this thread does not decode: a problem it met earlier comes first.
    const earlier = reading === undefined ? undefined : await helper?.problemThrough(reading);
    await helper?.cancel();
    throw earlier ?? error;
  }
}

/**
 * Runs every check and metric over a source. A large snapshot folder is audited on two
 * threads (see parallel.ts); the result is the same either way.
 * @param source records to audit
 * @param options clock, time zone and policy
 */
export async function runAudit(source: RecordSource, options: AuditOptions): Promise<AuditResult> {
  const started = Date.now();
  limitHeapGrowth();
  const context = auditContext(options);
  const plan = planAudit(source, context);
  const { skipped, missingColumns: missing } = plan;
  const helper = startParallelPart(source, plan, options);
  const { pass, metrics } = await mainThreadPass(source, plan, context, options, helper);
  // Nothing refers to the checks' indexes past this point: collected now, they leave their
  // memory to the findings, which become objects only now.
  plan.active.length = 0;
  collectGarbageNow();
  const findings = unpackAll(pass.packedFindings, []);
  if (helper) {
    unpackAll(await helper.packedFindings, findings);
  }
  findings.sort(compareFindings);
  const counts = pass.counts;

  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const perCheck = new Map<CheckId, number>();
  for (const finding of findings) {
    bySeverity[finding.severity] += 1;
    perCheck.set(finding.check, (perCheck.get(finding.check) ?? 0) + 1);
  }
  return {
    summary: {
      source: source.description,
      takenAt: source.takenAt ?? null,
      now: context.now,
      today: context.today,
      timeZone: context.timeZone,
      records: counts.reduce((sum, c) => sum + c.records, 0),
      objects: counts,
      findings: findings.length,
      bySeverity,
      checks: CHECK_IDS.map((id) => ({
        check: id,
        severity: CHECKS[id].severity,
        title: CHECKS[id].title,
        findings: perCheck.get(id) ?? 0,
        ...(skipped.has(id) ? { skipped: skipped.get(id) } : {}),
      })),
      missingColumns: missing,
      durationMs: Date.now() - started,
    },
    metrics,
    findings,
  };
}

/**
 * Whether the findings fail a run with `--fail-on` at this severity.
 * @param findings audit findings
 * @param failOn threshold, or undefined to never fail
 */
export function failsAt(findings: readonly Finding[], failOn: Severity | undefined): boolean {
  return failOn !== undefined && findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
}
