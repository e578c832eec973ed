/** The terminal and JSON forms of a migration run. */
import type { AccountMatch } from './accountMatch';
import { outcomeCounts, writeCounts, type MigrationOutcome } from './migrationRun';

function previewLine(match: AccountMatch): string {
  const r = match.record;
  return `  ${match.outcome.padEnd(9)} ${r.legacyKey.padEnd(8)} "${String(r.fields.Name ?? '')}" (${r.table} line ${r.line}): ${match.evidence.join('; ')}`;
}

/**
 * Text summary: match preview, counts, refused rows, load and audit.
 * @param outcome the run
 * @param mode what was done
 */
export function migrationText(outcome: MigrationOutcome, mode: 'dry-run' | 'snapshot' | 'org'): string {
  const { plan } = outcome;
  const counts = outcomeCounts(plan.matches);
  const writes = writeCounts(plan);
  const lines = [
    `Legacy data: ${outcome.tables} tables, ${plan.records.length} rows. Cohort ${plan.cohort}.`,
    '',
    `Match preview (partners and customers by company key and domain): ${counts.matched} matched, ${counts.new} new, ${counts.ambiguous} ambiguous, ${counts.duplicate} duplicates`,
    ...plan.matches.filter((m) => m.outcome !== 'new').map(previewLine),
    ...plan.matches.filter((m) => m.outcome === 'new').map(previewLine),
    '',
    `To write: ${writes.Account} accounts, ${writes.Deal_Registration__c} deal registrations, ${writes.Lead} leads` +
      ` (${plan.referenced.length} existing accounts referenced); refused: ${plan.rejected.length}; other cohorts: ${plan.outside}`,
  ];
  for (const record of plan.rejected) {
    for (const problem of record.problems) {
      lines.push(`  refused ${record.table} line ${record.line}, column ${problem.column}: ${problem.message}`);
    }
  }
  if (mode === 'dry-run') {
    lines.push('', 'Dry run: nothing was written.');
  }
  if (outcome.load) {
    const load = outcome.load;
    lines.push('', `Loaded${load.resumed ? ' (resumed)' : ''}:`);
    for (const s of load.summaries) {
      lines.push(
        `  ${s.object.padEnd(22)} ${String(s.created).padStart(5)} created ${String(s.updated).padStart(5)} updated ${String(s.failed).padStart(4)} failed${s.resumedJobs > 0 ? `  (${s.resumedJobs} job(s) done before)` : ''}`,
      );
    }
  }
  if (outcome.snapshotDir) {
    lines.push(`Cohort snapshot: ${outcome.snapshotDir}`);
  }
  if (outcome.errorFile) {
    lines.push(`Refused rows and their errors: ${outcome.errorFile}`);
  }
  if (outcome.audit) {
    const audit = outcome.audit;
    lines.push('', `Audit of the cohort's records: ${audit.records} records, ${audit.findings} findings`);
    for (const check of audit.checks.filter((c) => c.findings > 0)) {
      lines.push(`  ${check.check.padEnd(32)} ${String(check.findings).padStart(5)}  ${check.severity}`);
    }
  }
  return lines.join('\n');
}

/** The JSON form (without the rows themselves). */
export function migrationJson(outcome: MigrationOutcome, status: number): unknown {
  const { plan } = outcome;
  return {
    status,
    cohort: plan.cohort,
    preview: {
      counts: outcomeCounts(plan.matches),
      accounts: plan.matches.map((m) => ({
        source: m.record.table,
        line: m.record.line,
        legacyKey: m.record.legacyKey,
        name: m.record.fields.Name ?? null,
        outcome: m.outcome,
        companyKey: m.companyKey,
        domainKey: m.domainKey,
        accountId: m.account?.id ?? null,
        evidence: m.evidence,
      })),
    },
    writes: writeCounts(plan),
    outside: plan.outside,
    refused: plan.rejected.map((r) => ({
      source: r.table,
      line: r.line,
      legacyKey: r.legacyKey,
      object: r.object,
      problems: r.problems,
    })),
    load: outcome.load && {
      resumed: outcome.load.resumed,
      failed: outcome.load.failed,
      objects: outcome.load.summaries,
    },
    snapshot: outcome.snapshotDir ?? null,
    errorFile: outcome.errorFile ?? null,
    audit: outcome.audit ? { findings: outcome.audit.findings, checks: outcome.audit.checks } : null,
  };
}
