/**
 * Reads the user-facing messages out of source: what the preview's Apex stand-ins say (in
 * TypeScript) and every string the Apex classes can put together (their string literals).
 * The agreement test compares the two, so the preview cannot drift from what users of the
 * org read.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';

/** One message of a stand-in: its fixed text pieces (a template's parts around its values). */
export interface StandInMessage {
  file: string;
  line: number;
  pieces: string[];
}

/** Text pieces of an expression that produces a message: literals, both sides of `?:`, `??`, `||`, `+`. */
function pieces(node: ts.Expression): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    return [node.text];
  }
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.flatMap((span) => [...pieces(span.expression), span.literal.text])];
  }
  if (ts.isParenthesizedExpression(node)) {
    return pieces(node.expression);
  }
  if (ts.isConditionalExpression(node)) {
    return [...pieces(node.whenTrue), ...pieces(node.whenFalse)];
  }
  if (ts.isBinaryExpression(node)) {
    const kind = node.operatorToken.kind;
    if (
      kind === ts.SyntaxKind.PlusToken ||
      kind === ts.SyntaxKind.QuestionQuestionToken ||
      kind === ts.SyntaxKind.BarBarToken
    ) {
      return [...pieces(node.left), ...pieces(node.right)];
    }
  }
  return [];
}

/** Local functions of a file with the index of their parameter named `message`. */
function messageParameters(source: ts.SourceFile): Map<string, number> {
  const found = new Map<string, number>();
  const visit = (node: ts.Node) => {
    let name: string | undefined;
    let parameters: ts.NodeArray<ts.ParameterDeclaration> | undefined;
    if (ts.isFunctionDeclaration(node) && node.name) {
      name = node.name.text;
      parameters = node.parameters;
    } else if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer &&
      (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
    ) {
      name = node.name.text;
      parameters = node.initializer.parameters;
    }
    const index = parameters?.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === 'message') ?? -1;
    if (name && index >= 0) {
      found.set(name, index);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * The messages a stand-in file gives users: what it throws as `ApexError`, every `message:`
 * it returns, what it passes as a `message` argument, and what its `...Message` functions return.
 */
export function standInMessages(file: string, text = readFileSync(file, 'utf8')): StandInMessage[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const byParameter = messageParameters(source);
  const messages: StandInMessage[] = [];
  const add = (expression: ts.Expression) => {
    const found = pieces(expression);
    if (found.length > 0) {
      const line = source.getLineAndCharacterOfPosition(expression.getStart()).line + 1;
      messages.push({ file, line, pieces: found });
    }
  };
  const visit = (node: ts.Node, inMessageFunction: boolean) => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'ApexError') {
      node.arguments?.slice(0, 1).forEach(add);
    } else if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'message') {
      add(node.initializer);
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const index = byParameter.get(node.expression.text);
      if (index !== undefined && node.arguments[index]) {
        add(node.arguments[index]);
      }
    } else if (inMessageFunction && ts.isReturnStatement(node) && node.expression) {
      add(node.expression);
    }
    const entersMessageFunction = ts.isFunctionDeclaration(node) && !!node.name && /Message$/.test(node.name.text);
    ts.forEachChild(node, (child) => visit(child, inMessageFunction || entersMessageFunction));
  };
  visit(source, false);
  return messages;
}

/** The string literals of Apex source, unescaped (`\'` → `'`, `\n` → newline). */
export function apexStringLiterals(text: string): string[] {
  const withoutComments = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
  const literals: string[] = [];
  for (const match of withoutComments.matchAll(/'((?:[^'\\\n]|\\.)*)'/g)) {
    literals.push(
      match[1].replace(/\\(.)/g, (_all, escaped: string) =>
        escaped === 'n' ? '\n' : escaped === 't' ? '\t' : escaped,
      ),
    );
  }
  return literals;
}

/** Whether a piece says something (a bare separator such as `: ` or `.` carries no wording). */
export function isWording(piece: string): boolean {
  return /[A-Za-z]{2,}/.test(piece);
}

/**
 * The pieces of a message that no Apex literal contains. A piece is split at brackets first:
 * Apex often builds `' (' + name + ')'` from literals of its own around the value.
 */
export function piecesMissingFromApex(message: StandInMessage, apexLiterals: readonly string[]): string[] {
  return message.pieces
    .flatMap((piece) => piece.split(/[()]/))
    .map((piece) => piece.trim())
    .filter((piece) => isWording(piece) && !apexLiterals.some((literal) => literal.includes(piece)));
}
