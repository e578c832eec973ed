/**
 * What a data set without some columns cannot be audited for: the checks a missing column
 * would mislead (they are skipped) and whether the metrics read it (they count it as empty).
 */
import { CHECK_IDS, type CheckId } from './checkIds';
import { CHECK_COLUMNS, CHECKS_NARROWED_BY_MISSING_COLUMNS, METRIC_COLUMNS, type ColumnsRead } from './checks/columns';

export interface MissingColumn {
  /** `Object.Field`. */
  column: string;
  /** Checks skipped because they read it. */
  skips: CheckId[];
  /** Checks that still run but do not check it. */
  narrows: CheckId[];
  /** The program metrics read it (figures that use it count it as empty). */
  metrics: boolean;
}

function absent(read: ColumnsRead, columns: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const missing: string[] = [];
  for (const [object, fields] of Object.entries(read)) {
    const present = columns.get(object);
    if (present) {
      missing.push(...fields.filter((field) => !present.has(field)).map((field) => `${object}.${field}`));
    }
  }
  return missing;
}

/**
 * The columns checks or metrics read that the data lacks, sorted by name.
 * @param columns object → the fields its data carries; undefined when every field is read (an org)
 */
export function missingColumns(columns: ReadonlyMap<string, ReadonlySet<string>> | undefined): MissingColumn[] {
  if (columns === undefined) {
    return [];
  }
  const byColumn = new Map<string, MissingColumn>();
  const entry = (column: string): MissingColumn => {
    let found = byColumn.get(column);
    if (!found) {
      found = { column, skips: [], narrows: [], metrics: false };
      byColumn.set(column, found);
    }
    return found;
  };
  for (const check of CHECK_IDS) {
    const narrowed = CHECKS_NARROWED_BY_MISSING_COLUMNS.has(check);
    for (const column of absent(CHECK_COLUMNS[check], columns)) {
      (narrowed ? entry(column).narrows : entry(column).skips).push(check);
    }
  }
  for (const column of absent(METRIC_COLUMNS, columns)) {
    entry(column).metrics = true;
  }
  return [...byColumn.values()].sort((a, b) => (a.column < b.column ? -1 : a.column > b.column ? 1 : 0));
}

/**
 * Why each check is skipped for missing columns: check → "no Account.Website column".
 * @param missing the data set's missing columns
 */
export function skippedForColumns(missing: readonly MissingColumn[]): Map<CheckId, string> {
  const columnsOf = new Map<CheckId, string[]>();
  for (const { column, skips } of missing) {
    for (const check of skips) {
      columnsOf.set(check, [...(columnsOf.get(check) ?? []), column]);
    }
  }
  return new Map(
    [...columnsOf].map(([check, list]) => [
      check,
      `the data has no ${list.join(', ')} column${list.length === 1 ? '' : 's'}`,
    ]),
  );
}
