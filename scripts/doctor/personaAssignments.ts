/** The persona permission sets are assigned: an admin at least, and who holds each. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../lib/project';
import { POLICY_FILE } from '../metadata/personaPolicy';
import { field, namespacePrefixLiteral, records, type DoctorCheck } from './check';

/** Persona permission sets, from the persona policy they are generated from. */
export function personaNames(root = PROJECT_ROOT): string[] {
  return Object.keys((JSON.parse(readFileSync(path.join(root, POLICY_FILE), 'utf8')) as { personas: object }).personas);
}

/** Personas assigned on demand (the site's guest, new partner users), not by an admin up front. */
const ON_DEMAND = new Set(['PRM_Partner_User', 'PRM_Partner_Applicant']);

export const personaAssignments: DoctorCheck = {
  id: 'personas',
  title: 'Persona permission sets assigned',
  describe: 'every persona permission set an admin assigns (PRM_Admin, partner managers, sales) has holders',
  async run(context) {
    const personas = personaNames();
    const assignments = await records(
      context,
      `SELECT PermissionSet.Name FROM PermissionSetAssignment WHERE PermissionSet.NamespacePrefix = ${namespacePrefixLiteral(context)} ` +
        `AND PermissionSet.Name IN (${personas.map((p) => `'${p}'`).join(', ')})`,
    );
    const counts = new Map<string, number>();
    for (const assignment of assignments) {
      const name = String(field(assignment, 'PermissionSet.Name'));
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const detail = personas.map((p) => `${p} ${counts.get(p) ?? 0}`).join(', ');
    const missing = personas.filter((p) => !ON_DEMAND.has(p) && !counts.has(p));
    if (!counts.has('PRM_Admin')) {
      return {
        status: 'fail',
        detail,
        fix: 'Assign PRM_Admin: `sf org assign permset --name PRM_Admin --target-org ORG`.',
      };
    }
    return missing.length === 0
      ? { status: 'pass', detail }
      : {
          status: 'warn',
          detail,
          fix: `Assign ${missing.join(', ')} to the people in those roles (Setup › Permission Sets › Manage Assignments).`,
        };
  },
};
