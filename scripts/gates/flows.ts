/**
 * Gate `check:flows`: Lightning Flow Scanner rules over every flow of every package
 * directory (DML/SOQL/actions in loops, hard-coded ids and URLs, missing fault paths,
 * missing descriptions, unsafe running context, ...). Any rule that fires is a finding.
 */
import { parse, scan } from '@flow-scanner/lightning-flow-scanner-core';
import { listFiles, packageDirectories } from '../lib/project';
import type { Finding } from '../lib/findings';

export async function run(root: string): Promise<Finding[]> {
  const files = packageDirectories(root).flatMap((dir) => listFiles(dir, (f) => f.endsWith('.flow-meta.xml')));
  if (files.length === 0) {
    return [];
  }
  const parsed = await parse(files);
  const findings: Finding[] = [];
  for (const flowFile of parsed) {
    if (flowFile.errorMessage) {
      findings.push({ file: flowFile.uri, check: 'flow-parse', message: String(flowFile.errorMessage) });
    }
  }
  for (const result of scan(parsed, { detailLevel: 'enriched' })) {
    const file = result.flow.fsPath ?? result.flow.uri ?? String(result.flow.name);
    for (const rule of result.ruleResults.filter((r) => r.occurs)) {
      for (const violation of rule.details) {
        findings.push({
          file,
          line: violation.lineNumber || undefined,
          check: `flow:${rule.ruleName}`,
          message: `${violation.name} (${violation.type}): ${rule.ruleDefinition.description}`,
        });
      }
    }
  }
  return findings;
}
