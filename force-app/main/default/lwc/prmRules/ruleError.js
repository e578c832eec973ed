// Generated from lwc-ts-src/prmRules/ruleError.ts by `npm run build`. Do not edit.
/**
 * A rule's refusal of its input, with a stable code. Vectors name the code in
 * `"error"`, and the Apex twin throws `PrmRuleException` with the same code.
 */
export class RuleError extends Error {
    code;
    constructor(code, message) {
        super(message ?? code);
        this.name = 'RuleError';
        this.code = code;
    }
}
