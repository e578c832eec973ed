/**
 * Child relationships of the package's lookups (`Account.Program_Memberships__r` →
 * Program_Membership__c.Partner_Account__c), read from the field metadata of every package
 * directory: what the report evaluator follows to join a report type's tables.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles, packageDirectories } from '../lib/project';

export interface ChildRelationship {
  childObject: string;
  /** The lookup field on the child that holds the parent's Id. */
  field: string;
}

/** `Parent.Relationship__r` → child object and lookup field. */
export function childRelationships(root: string): Map<string, ChildRelationship> {
  const result = new Map<string, ChildRelationship>();
  const files = packageDirectories(root).flatMap((dir) => listFiles(dir, (f) => f.endsWith('.field-meta.xml')));
  for (const file of files) {
    const xml = readFileSync(file, 'utf8');
    const relationship = /<relationshipName>([^<]+)<\/relationshipName>/.exec(xml)?.[1];
    if (!relationship) {
      continue;
    }
    const childObject = path.basename(path.dirname(path.dirname(file)));
    const field = path.basename(file, '.field-meta.xml');
    for (const parent of xml.matchAll(/<referenceTo>([^<]+)<\/referenceTo>/g)) {
      result.set(`${parent[1]}.${relationship}__r`, { childObject, field });
    }
  }
  return result;
}
