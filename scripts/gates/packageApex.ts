/** What check:package reads from Apex: `@AuraEnabled` signatures, string literals, code without comments. */
import {
  ApexLexer,
  ApexParserFactory,
  ClassDeclarationContext,
  type ClassBodyDeclarationContext,
  type ModifierContext,
} from '@apexdevtools/apex-parser';

/** One type an `@AuraEnabled` member exchanges with an LWC. */
export interface AuraSignature {
  /** "method Foo.bar returns", "parameter x of Foo.bar", "property Foo.Dto.x" */
  what: string;
  type: string;
  line: number;
}

const auraEnabled = (modifiers: ModifierContext[]): boolean =>
  modifiers.some((m) => m.annotation()?.id().getText().toLowerCase() === 'auraenabled');

/** `@IsTest` classes never ship to an LWC or a subscriber's code paths. */
export function isTestClass(source: string): boolean {
  return /^\s*(\/\*[\s\S]*?\*\/\s*)?@IsTest\b/i.test(source);
}

function collect(declarations: ClassBodyDeclarationContext[], owner: string, out: AuraSignature[]): void {
  for (const decl of declarations) {
    const member = decl.memberDeclaration();
    if (!member) {
      continue;
    }
    const inner = member.classDeclaration();
    if (inner instanceof ClassDeclarationContext) {
      collect(inner.classBody().classBodyDeclaration_list(), `${owner}.${inner.id().getText()}`, out);
      continue;
    }
    if (!auraEnabled(decl.modifier_list())) {
      continue;
    }
    const line = decl.start.line;
    const method = member.methodDeclaration();
    const property = member.propertyDeclaration();
    const field = member.fieldDeclaration();
    if (method) {
      const name = `${owner}.${method.id().getText()}`;
      if (!method.VOID()) {
        out.push({ what: `method ${name} returns`, type: method.typeRef().getText(), line });
      }
      for (const p of method.formalParameters().formalParameterList()?.formalParameter_list() ?? []) {
        out.push({ what: `parameter ${p.id().getText()} of ${name}`, type: p.typeRef().getText(), line });
      }
    } else if (property) {
      out.push({ what: `property ${owner}.${property.id().getText()}`, type: property.typeRef().getText(), line });
    } else if (field) {
      for (const v of field.variableDeclarators().variableDeclarator_list()) {
        out.push({ what: `property ${owner}.${v.id().getText()}`, type: field.typeRef().getText(), line });
      }
    }
  }
}

/** Every type an `@AuraEnabled` method, parameter or DTO member of the class exchanges. */
export function auraSignatures(source: string): AuraSignature[] {
  const top = ApexParserFactory.createParser(source).compilationUnit().typeDeclaration()?.classDeclaration();
  const out: AuraSignature[] = [];
  if (top) {
    collect(top.classBody().classBodyDeclaration_list(), top.id().getText(), out);
  }
  return out;
}

/** String literals with their line, comments excluded (the lexer tells them apart). */
export function stringLiterals(source: string): { value: string; line: number }[] {
  return ApexParserFactory.createLexer(source)
    .getAllTokens()
    .filter((token) => token.type === ApexLexer.StringLiteral)
    .map((token) => ({ value: token.text.slice(1, -1), line: token.line }));
}

/** The source with comments blanked (newlines kept, so offsets map to the same lines). */
export function withoutComments(source: string): string {
  let text = source;
  for (const token of ApexParserFactory.createLexer(source).getAllTokens()) {
    if (
      token.type === ApexLexer.COMMENT ||
      token.type === ApexLexer.LINE_COMMENT ||
      token.type === ApexLexer.DOC_COMMENT
    ) {
      const blank = token.text.replace(/[^\n]/g, ' ');
      text = text.slice(0, token.start) + blank + text.slice(token.stop + 1);
    }
  }
  return text;
}
