/**
 * Gate `check:upgrade`: the change can still be released as an upgrade of the managed package.
 * Compares the packaged directory with the committed released surface
 * (`config/released-surface.json`, refreshed at release by `npm run release:manifest`) and
 * reports what a managed package cannot change after release: a removed object, field,
 * permission set or public Apex member (a rename is a removal), and a field whose type changed.
 * Additions are always allowed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../lib/findings';
import { currentSurface, SURFACE_FILE, type ReleasedSurface } from './upgradeSurface';

export function readReleasedSurface(root: string): ReleasedSurface | undefined {
  const file = path.join(root, SURFACE_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ReleasedSurface) : undefined;
}

/** What `next` takes back from `released`. */
export function compareSurfaces(released: ReleasedSurface, next: ReleasedSurface, file: string): Finding[] {
  const findings: Finding[] = [];
  const say = (check: string, message: string): void => {
    findings.push({ file, check: `upgrade:${check}`, message });
  };
  for (const [object, fields] of Object.entries(released.objects)) {
    const now = next.objects[object];
    if (now === undefined) {
      say(
        'removed',
        `object ${object} was released and is gone (removed or renamed): subscribers' data and code depend on it`,
      );
      continue;
    }
    for (const [field, type] of Object.entries(fields)) {
      if (now[field] === undefined) {
        say('removed', `field ${object}.${field} was released and is gone (removed or renamed)`);
      } else if (now[field] !== type) {
        say(
          'retyped',
          `field ${object}.${field} was released as ${type} and is now ${now[field]}: a managed package cannot change a field's type`,
        );
      }
    }
  }
  for (const [member, why] of Object.entries(released.apex)) {
    if (next.apex[member] === undefined) {
      say(
        'removed',
        `${why} ${member} was released and is gone or its signature changed: subscriber code, flows or cached components call it; add an overload instead`,
      );
    }
  }
  const permissionSets = new Set(next.permissionSets);
  for (const name of released.permissionSets.filter((p) => !permissionSets.has(p))) {
    say('removed', `permission set ${name} was released and is gone (removed or renamed): subscribers assigned it`);
  }
  return findings;
}

export function run(root: string): Promise<Finding[]> {
  const file = path.join(root, SURFACE_FILE);
  const released = readReleasedSurface(root);
  if (released === undefined) {
    return Promise.resolve([
      { file, check: 'upgrade:manifest', message: 'no released surface: run `npm run release:manifest` at release' },
    ]);
  }
  return Promise.resolve(compareSurfaces(released, currentSurface(root), file));
}
