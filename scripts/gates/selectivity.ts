/**
 * Gate `check:selectivity`: every static SOQL query on a high-volume object filters on an
 * indexed field, so it stays selective when the object holds millions of rows (a
 * non-selective query on a large object fails in a trigger and times out elsewhere).
 * Indexed: ids, lookups and master-detail fields, external ids, unique fields, the
 * platform's standard indexed fields, and custom indexes listed in the policy. A query that
 * is safe for another reason says why in a `// selectivity: <reason>` comment above it.
 *
 * The policy is `config/selectivity.json` of the project: `objects` (object → why it is high
 * volume) and `customIndexes` (`Object.Field` → the index and why it exists). Without one,
 * Account, Contact, Lead and Opportunity are guarded.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type {
  QueryContext,
  WhereConditionalExpressionContext,
  WhereLogicalExpressionContext,
} from '@apexdevtools/apex-parser';
import type { Finding } from '../lib/findings';
import { apexSources } from '../lib/project';
import { SObjectCatalog, type CatalogObject } from '../lib/sobjectCatalog';
import { staticQueries, unqualified } from './soql';

const CHECK = 'selectivity';
const IS_TEST = /@IsTest\b/i;

export interface SelectivityPolicy {
  /** High-volume object → why it is guarded. */
  objects: Record<string, string>;
  /** `Object.Field` → the custom index Salesforce keeps on it and why it was requested. */
  customIndexes: Record<string, string>;
}

export const POLICY_FILE = path.join('config', 'selectivity.json');

const DEFAULT_POLICY: SelectivityPolicy = {
  objects: {
    Account: 'standard object that grows with the customer base',
    Contact: 'standard object that grows with the customer base',
    Lead: 'standard object that grows with marketing volume',
    Opportunity: 'standard object that grows with the pipeline',
  },
  customIndexes: {},
};

export function loadPolicy(root: string): SelectivityPolicy {
  const file = path.join(root, POLICY_FILE);
  if (!existsSync(file)) {
    return DEFAULT_POLICY;
  }
  const policy = JSON.parse(readFileSync(file, 'utf8')) as Partial<SelectivityPolicy>;
  return { objects: policy.objects ?? {}, customIndexes: policy.customIndexes ?? {} };
}

/** Operators an index can serve; `!=`, `NOT IN`, `EXCLUDES` and `INCLUDES` scan. */
const INDEXABLE_OPERATORS = new Set(['=', '<', '>', '<=', '>=', 'IN', 'LIKE']);

class Selectivity {
  private readonly customIndexes: Set<string>;

  constructor(
    private readonly catalog: SObjectCatalog,
    policy: SelectivityPolicy,
  ) {
    this.customIndexes = new Set(Object.keys(policy.customIndexes).map((k) => k.toLowerCase()));
  }

  /** True when the WHERE clause cannot be satisfied without an indexed condition. */
  isSelective(query: QueryContext, object: CatalogObject): boolean {
    const where = query.whereClause()?.whereLogicalExpression();
    const alias = query.fromNameList().soqlId(0)?.getText();
    const qualifiers = new Set([object.name.toLowerCase(), ...(alias ? [alias.toLowerCase()] : [])]);
    return where ? this.logical(where, object, qualifiers) : false;
  }

  /** AND: one selective operand is enough; OR: every operand must be selective; NOT: never. */
  private logical(expr: WhereLogicalExpressionContext, object: CatalogObject, qualifiers: Set<string>): boolean {
    if (/^NOT\b/i.test(expr.start.text ?? '')) {
      return false;
    }
    const operands = expr.whereConditionalExpression_list();
    const selective = operands.map((operand) => this.conditional(operand, object, qualifiers));
    return expr.SOQLOR_list().length > 0 ? selective.every(Boolean) : selective.some(Boolean);
  }

  private conditional(
    expr: WhereConditionalExpressionContext,
    object: CatalogObject,
    qualifiers: Set<string>,
  ): boolean {
    const nested = expr.whereLogicalExpression();
    if (nested) {
      return this.logical(nested, object, qualifiers);
    }
    const field = expr.whereFieldExpression()?.fieldExpression();
    const fieldName = field?.fieldName();
    if (!field || !fieldName) {
      return false; // a function (DAY_ONLY, DISTANCE) or FORMULA: no index applies
    }
    const operator = field.comparisonOperator().getText().toUpperCase();
    const value = field.value();
    if (!INDEXABLE_OPERATORS.has(operator) || value.NULL() || /^'%/.test(value.getText())) {
      return false;
    }
    const name = unqualified(this.catalog, fieldName.getText(), object.name, qualifiers);
    if (name.includes('.')) {
      return false; // a parent's field filters the join, not this object's rows
    }
    return (
      object.fields.get(name.toLowerCase())?.indexed === true ||
      this.customIndexes.has(`${object.name}.${name}`.toLowerCase())
    );
  }
}

const isComment = (line: string): boolean => /^\s*(\/\/|\/\*|\*)/.test(line);

/**
 * The reason of a `// selectivity: <reason>` comment on the query's line, on the opening
 * lines of its statement (`return Database.getQueryLocator(` / `[`), or in the comment
 * block right above the statement.
 */
export function allowanceReason(lines: string[], queryLine: number): string | undefined {
  const candidates = [lines[queryLine - 1]];
  let i = queryLine - 2;
  while (i >= 0 && queryLine - 1 - i <= 3 && !isComment(lines[i]) && !/[;{}]\s*$/.test(lines[i])) {
    candidates.push(lines[i--]);
  }
  while (i >= 0 && isComment(lines[i])) {
    candidates.push(lines[i--]);
  }
  for (const line of candidates) {
    const match = /\/\/\s*selectivity:(.*)$/i.exec(line);
    if (match) {
      return match[1].trim();
    }
  }
  return undefined;
}

export function checkSource(
  file: string,
  source: string,
  catalog: SObjectCatalog,
  policy: SelectivityPolicy,
): Finding[] {
  const guarded = new Set(Object.keys(policy.objects).map((o) => o.toLowerCase()));
  const selectivity = new Selectivity(catalog, policy);
  const lines = source.split('\n');
  const findings: Finding[] = [];
  if (IS_TEST.test(source)) {
    return findings; // tests run on their own few records in an org (no SeeAllData), never at volume
  }
  for (const query of staticQueries(file, source).queries) {
    const objectName = query.fromNameList().fieldName(0)?.getText() ?? '';
    const object = catalog.getObject(objectName);
    if (!object || !guarded.has(object.name.toLowerCase()) || selectivity.isSelective(query, object)) {
      continue;
    }
    const line = query.start.line;
    const reason = allowanceReason(lines, line);
    if (reason === undefined) {
      findings.push({
        file,
        line,
        check: CHECK,
        message: `query on ${object.name} filters on no indexed field (id, lookup, external id, unique, standard or listed custom index): filter on one, or say why it is safe in a "// selectivity: <reason>" comment`,
      });
    } else if (reason.length < 10) {
      findings.push({ file, line, check: CHECK, message: 'a "// selectivity:" allowance needs a reason' });
    }
  }
  return findings;
}

export async function run(root: string): Promise<Finding[]> {
  const catalog = SObjectCatalog.load(root);
  const policy = loadPolicy(root);
  return apexSources(root).flatMap((file) => checkSource(file, readFileSync(file, 'utf8'), catalog, policy));
}
