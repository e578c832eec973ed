/**
 * Who uses the portal: guests get the applicant persona, members the partner-user persona
 * (permission sets in the package). A page is for guests exactly when every Apex class its
 * components call is granted to the guest persona.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles, packageDirectories } from '../lib/project';

export const GUEST_PERSONA = 'PRM_Partner_Applicant';
export const MEMBER_PERSONA = 'PRM_Partner_User';

/** Apex classes a permission set grants (`classAccesses` enabled), or undefined when it does not exist. */
export function grantedApexClasses(root: string, permissionSet: string): Set<string> | undefined {
  const file = packageDirectories(root)
    .flatMap((pkg) => listFiles(pkg, (f) => path.basename(f) === `${permissionSet}.permissionset-meta.xml`))
    .at(0);
  if (!file) {
    return undefined;
  }
  const xml = readFileSync(file, 'utf8');
  const granted = new Set<string>();
  for (const block of xml.matchAll(/<classAccesses>([\s\S]*?)<\/classAccesses>/g)) {
    const name = /<apexClass>([^<]+)<\/apexClass>/.exec(block[1])?.[1];
    if (name && /<enabled>\s*true\s*<\/enabled>/.test(block[1])) {
      granted.add(name.trim());
    }
  }
  return granted;
}
