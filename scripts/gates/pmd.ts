/**
 * Gate `check:pmd`: PMD 7 rules for Apex through Salesforce Code Analyzer's engines used
 * as libraries (the sf plugin cannot be installed offline). Security, performance and
 * error-prone rules, the best practices that keep tests and triggers honest (every assertion
 * says what it checks), and limits on class length and cognitive complexity whose thresholds
 * live in `pmdRuleset.xml`.
 * A violation may be silenced only by `// NOPMD <reason>` at the line, and the reason is
 * mandatory: a bare NOPMD is itself a finding. Size and complexity debt that other work
 * removes is listed, with its reason, in the project's `config/pmd-baseline.json`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CodeAnalyzer, CodeAnalyzerConfig } from '@salesforce/code-analyzer-core';
import { createEnginePlugin } from '@salesforce/code-analyzer-pmd-engine';
import { apexSources, packageDirectories } from '../lib/project';
import type { Finding } from '../lib/findings';
import { applyBaseline } from './pmdBaseline';

/** Our thresholds for the size and complexity rules (PMD's own rules, referenced by name). */
export const PMD_RULESET = path.join(__dirname, 'pmdRuleset.xml');

/**
 * The AppExchange credential rules that guess from variable names (InVarAssign, InVarDecls,
 * InFieldDecls) are left out: they match the token "CERT" and so flag every partner
 * *certification* field. The credential rules that look at real sinks stay in.
 */
export const PMD_RULE_SELECTORS = [
  'pmd:Recommended:(Security,Performance):Apex',
  'pmd:ErrorProne:Apex',
  'pmd:(AvoidChangeProtectionUnprotected,AvoidGetInstanceWithTaint,AvoidGlobalInstallUninstallHandlers)',
  'pmd:(AvoidHardcodedCredentialsInHttpHeader,AvoidHardcodedCredentialsInSetPassword,AvoidInvalidCrudContentDistribution)',
  'pmd:(AvoidSecurityEnforcedOldApiVersion,AvoidUnauthorizedApiSessionIdInApex,AvoidUnauthorizedGetSessionIdInApex)',
  'pmd:AvoidUnsafePasswordManagementUse',
  'pmd:ApexUnitTestClassShouldHaveAsserts',
  'pmd:ApexAssertionsShouldIncludeMessage',
  'pmd:NcssCount',
  'pmd:CognitiveComplexity',
  'pmd:ApexUnitTestShouldNotUseSeeAllDataTrue',
  'pmd:AvoidLogicInTrigger',
  'pmd:AvoidGlobalModifier',
  'pmd:ApexDoc',
];

const BARE_NOPMD = /\/\/\s*NOPMD\s*$/i;

export function bareSuppressions(root: string): Finding[] {
  return apexSources(root).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((text, index) =>
        BARE_NOPMD.test(text)
          ? [
              {
                file,
                line: index + 1,
                check: 'pmd-suppression',
                message: 'NOPMD without a reason: say why at the line',
              },
            ]
          : [],
      ),
  );
}

export async function run(root: string): Promise<Finding[]> {
  const config = CodeAnalyzerConfig.fromObject({ engines: { pmd: { custom_rulesets: [PMD_RULESET] } } });
  const analyzer = new CodeAnalyzer(config);
  await analyzer.addEnginePlugin(createEnginePlugin());
  const workspace = await analyzer.createWorkspace(packageDirectories(root));
  const rules = await analyzer.selectRules(PMD_RULE_SELECTORS, { workspace });
  const results = await analyzer.run(rules, { workspace });
  const findings: Finding[] = results.getViolations().map((violation) => {
    const location = violation.getPrimaryLocation();
    return {
      file: location.getFile() ?? root,
      line: location.getStartLine(),
      column: location.getStartColumn(),
      check: `pmd:${violation.getRule().getName()}`,
      message: violation.getMessage(),
    };
  });
  return [...applyBaseline(findings, root), ...bareSuppressions(root)];
}
