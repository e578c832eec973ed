/** String literals of an LWC source, read with the TypeScript compiler (comments are not literals). */
import ts from 'typescript';

export function lwcStringLiterals(file: string, source: string): { value: string; line: number }[] {
  const unit = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const out: { value: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    // Module specifiers (`@salesforce/schema/Account.Foo__c`) are the right way to name a field.
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isImportTypeNode(node)) {
      return;
    }
    if (ts.isLiteralTypeNode(node)) {
      return; // a type such as `'Pending' | 'Paid'` is not a value reaching the platform
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      out.push({ value: node.text, line: unit.getLineAndCharacterOfPosition(node.getStart(unit)).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(unit);
  return out;
}
