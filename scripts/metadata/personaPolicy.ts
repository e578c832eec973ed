/**
 * The persona access policy (spec/personas.json): what each persona may do with each
 * object and field. It is the single place an admin changes access; the permission sets
 * are generated from it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const POLICY_FILE = 'spec/personas.json';

const FieldLevel = z.enum(['edit', 'read', 'none']);
export type FieldLevel = z.infer<typeof FieldLevel>;

const ObjectPolicy = z
  .object({
    access: z.string().regex(/^[CRUDVM]*$/, 'access takes the letters C, R, U, D, V, M'),
    fields: FieldLevel.default('read'),
    readOnly: z.array(z.string()).default([]),
    editable: z.array(z.string()).default([]),
    hidden: z.array(z.string()).default([]),
  })
  .strict();
export type ObjectPolicy = z.infer<typeof ObjectPolicy>;

const Persona = z
  .object({
    label: z.string().min(1),
    description: z.string().min(1),
    applications: z.array(z.string()).default([]),
    customPermissions: z.array(z.string()).default([]),
    customMetadataTypes: z.array(z.string()).default([]),
    apexClasses: z.array(z.string()).default([]),
    tabVisibility: z.enum(['Visible', 'Available', 'None']).default('Visible'),
    /** Tabs that are not object tabs (component tabs such as the review console), shown Visible. */
    tabs: z.array(z.string()).default([]),
    objects: z.record(z.string(), ObjectPolicy),
  })
  .strict();
export type Persona = z.infer<typeof Persona>;

const Policy = z.object({ $comment: z.array(z.string()).optional(), personas: z.record(z.string(), Persona) }).strict();
export type Policy = z.infer<typeof Policy>;

/** Object access decoded from the policy letters. */
export interface ObjectAccess {
  create: boolean;
  read: boolean;
  edit: boolean;
  delete: boolean;
  viewAll: boolean;
  modifyAll: boolean;
}

export function decodeAccess(letters: string): ObjectAccess {
  return {
    create: letters.includes('C'),
    read: letters.includes('R'),
    edit: letters.includes('U'),
    delete: letters.includes('D'),
    viewAll: letters.includes('V'),
    modifyAll: letters.includes('M'),
  };
}

/**
 * The dependencies the platform enforces between object permissions, as messages: a
 * permission set that breaks one is rejected on deploy.
 */
export function accessProblems(access: ObjectAccess): string[] {
  const problems: string[] = [];
  if ((access.create || access.edit || access.delete || access.viewAll) && !access.read) {
    problems.push('create, edit, delete and view all need read (R)');
  }
  if (access.delete && !access.edit) {
    problems.push('delete (D) needs edit (U)');
  }
  if (access.modifyAll && !(access.viewAll && access.edit && access.delete)) {
    problems.push('modify all (M) needs view all (V), edit (U) and delete (D)');
  }
  return problems;
}

export function parsePolicy(json: unknown, source = POLICY_FILE): Policy {
  const result = Policy.safeParse(json);
  if (!result.success) {
    const details = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`${source}: ${details}`);
  }
  return result.data;
}

export function loadPolicy(projectRoot: string, file = POLICY_FILE): Policy {
  const full = path.join(projectRoot, file);
  return parsePolicy(JSON.parse(readFileSync(full, 'utf8')), file);
}

/** Whether a name matches a policy pattern (`*` stands for any run of characters). */
export function matchesPattern(name: string, pattern: string): boolean {
  if (!pattern.includes('*')) {
    return name === pattern;
  }
  const expression = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${expression.join('.*')}$`).test(name);
}
