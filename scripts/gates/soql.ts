/**
 * Gate `check:soql`: every object and field named in static SOQL inside Apex resolves
 * against our metadata or the platform's standard catalogue. apex-ls does not look
 * inside SELECT/WHERE, so a misspelt field would otherwise only fail at deploy time.
 */
import { readFileSync } from 'node:fs';
import {
  ApexErrorListener,
  ApexParserFactory,
  ApexParseTreeWalker,
  ApexParserBaseListener,
  FieldNameContext,
  QueryContext,
  SubQueryContext,
  TypeOfContext,
  SoqlFunctionContext,
} from '@apexdevtools/apex-parser';
import { apexSources } from '../lib/project';
import type { Finding } from '../lib/findings';
import { SObjectCatalog } from '../lib/sobjectCatalog';

const CHECK = 'soql';

/** The part of an ANTLR parse-tree node this gate walks. */
interface ParserRuleContext {
  parentCtx: ParserRuleContext | null | undefined;
  children?: unknown[] | null;
}

class CollectErrors extends ApexErrorListener {
  readonly messages: { line: number; column: number; message: string }[] = [];
  apexSyntaxError(line: number, column: number, message: string): void {
    this.messages.push({ line, column, message });
  }
}

class QueryCollector extends ApexParserBaseListener {
  readonly queries: QueryContext[] = [];
  enterQuery = (ctx: QueryContext): void => {
    this.queries.push(ctx);
  };
}

function nearestQuery(ctx: ParserRuleContext): QueryContext | SubQueryContext | undefined {
  let node: ParserRuleContext | null = ctx.parentCtx as ParserRuleContext | null;
  while (node) {
    if (node instanceof QueryContext || node instanceof SubQueryContext) {
      return node;
    }
    node = node.parentCtx as ParserRuleContext | null;
  }
  return undefined;
}

function insideTypeOfOrFunctionAlias(ctx: ParserRuleContext): boolean {
  let node: ParserRuleContext | null = ctx.parentCtx as ParserRuleContext | null;
  while (node && !(node instanceof QueryContext) && !(node instanceof SubQueryContext)) {
    if (node instanceof TypeOfContext) {
      return true;
    }
    node = node.parentCtx as ParserRuleContext | null;
  }
  return false;
}

function fieldNamesOf(scope: ParserRuleContext): FieldNameContext[] {
  const out: FieldNameContext[] = [];
  const visit = (node: ParserRuleContext): void => {
    for (const child of node.children ?? []) {
      if (child instanceof FieldNameContext) {
        out.push(child);
      } else if (child instanceof SubQueryContext) {
        continue;
      } else if ((child as ParserRuleContext).children) {
        visit(child as ParserRuleContext);
      }
    }
  };
  visit(scope);
  return out;
}

/**
 * Drops a leading object name or alias (`Account.Contacts`, `a.Name`) unless it is a
 * relationship of the object itself (`Account.Name` from Contact is a parent field).
 */
export function unqualified(
  catalog: SObjectCatalog,
  dottedPath: string,
  objectName: string,
  qualifiers: Set<string>,
): string {
  const [head, ...rest] = dottedPath.split('.');
  if (
    rest.length === 0 ||
    !qualifiers.has(head.toLowerCase()) ||
    catalog.getObject(objectName)?.parents.has(head.toLowerCase())
  ) {
    return dottedPath;
  }
  return rest.join('.');
}

/** The static SOQL queries (outer queries, not subqueries) of one Apex source, and its syntax errors. */
export function staticQueries(
  file: string,
  source: string,
): { queries: QueryContext[]; syntaxErrors: { line: number; column: number; message: string }[] } {
  const errors = new CollectErrors();
  const { parser } = ApexParserFactory.createLexerAndParser(source, errors);
  const tree = file.endsWith('.trigger') ? parser.triggerUnit() : parser.compilationUnit();
  const collector = new QueryCollector();
  ApexParseTreeWalker.DEFAULT.walk(collector, tree);
  return { queries: collector.queries, syntaxErrors: errors.messages };
}

/** Checks the static SOQL of one Apex source against the catalogue. */
export function checkSource(file: string, source: string, catalog: SObjectCatalog): Finding[] {
  const findings: Finding[] = [];
  const { queries, syntaxErrors } = staticQueries(file, source);
  for (const e of syntaxErrors) {
    findings.push({
      file,
      line: e.line,
      column: e.column + 1,
      check: CHECK,
      message: `syntax error: ${e.message.length > 160 ? `${e.message.slice(0, 160)}…` : e.message}`,
    });
  }

  for (const query of queries) {
    const fromNames = query.fromNameList().fieldName_list();
    const objectName = fromNames[0]?.getText();
    if (!objectName) {
      continue;
    }
    const line = query.start.line;
    const object = catalog.getObject(objectName);
    if (!object) {
      findings.push({ file, line, check: CHECK, message: `unknown object ${objectName} in FROM` });
      continue;
    }
    // `FROM Account a` lets fields and subqueries be qualified: `a.Name`, `FROM a.Contacts`.
    const alias = query.fromNameList().soqlId(0)?.getText();
    const qualifiers = new Set([object.name.toLowerCase(), ...(alias ? [alias.toLowerCase()] : [])]);
    checkScope(query, object.name, qualifiers);

    for (const entry of query.selectList().selectEntry_list()) {
      const sub = entry.subQuery();
      if (!sub) {
        continue;
      }
      const relationship = unqualified(
        catalog,
        sub.fromNameList().fieldName_list()[0]?.getText() ?? '',
        object.name,
        qualifiers,
      );
      const child = object.children.get(relationship.toLowerCase());
      if (!child) {
        findings.push({
          file,
          line: sub.start.line,
          check: CHECK,
          message: `${object.name} has no child relationship ${relationship}`,
        });
        continue;
      }
      checkScope(sub, child, new Set([child.toLowerCase()]));
    }
  }
  return findings;

  function checkScope(scope: QueryContext | SubQueryContext, objectName: string, qualifiers: Set<string>): void {
    for (const fieldCtx of fieldNamesOf(scope)) {
      if (nearestQuery(fieldCtx) !== scope || insideTypeOfOrFunctionAlias(fieldCtx)) {
        continue;
      }
      if (fieldCtx.parentCtx instanceof SoqlFunctionContext && fieldCtx.getText().toLowerCase() === 'id') {
        continue;
      }
      const parent = fieldCtx.parentCtx;
      // FROM names are objects or relationships, handled above.
      if (parent && parent.constructor.name === 'FromNameListContext') {
        continue;
      }
      const problem = catalog.resolvePath(objectName, unqualified(catalog, fieldCtx.getText(), objectName, qualifiers));
      if (problem) {
        findings.push({
          file,
          line: fieldCtx.start.line,
          column: fieldCtx.start.column + 1,
          check: CHECK,
          message: problem,
        });
      }
    }
  }
}

export async function run(root: string): Promise<Finding[]> {
  const catalog = SObjectCatalog.load(root);
  return apexSources(root).flatMap((file) => checkSource(file, readFileSync(file, 'utf8'), catalog));
}
