/**
 * A rule's refusal of its input, with a stable code. Vectors name the code in
 * `"error"`, and the Apex twin throws `PrmRuleException` with the same code.
 */
export class RuleError extends Error {
  readonly code: string;

  constructor(code: string, message?: string) {
    super(message ?? code);
    this.name = 'RuleError';
    this.code = code;
  }
}
