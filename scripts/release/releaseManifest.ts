/**
 * `npm run release:manifest [-- --root DIR]`: records the released surface of the package in
 * config/released-surface.json. Run it when a version is promoted (released); from then on
 * `check:upgrade` reports any change a managed package cannot make to that surface.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../lib/project';
import { currentSurface, SURFACE_FILE } from '../gates/upgradeSurface';

const rootArg = process.argv.indexOf('--root');
const root = rootArg > 0 ? path.resolve(process.argv[rootArg + 1]) : PROJECT_ROOT;
const surface = currentSurface(root);
writeFileSync(path.join(root, SURFACE_FILE), `${JSON.stringify(surface, null, 2)}\n`);
const fields = Object.values(surface.objects).reduce((sum, f) => sum + Object.keys(f).length, 0);
console.log(
  `${SURFACE_FILE}: ${Object.keys(surface.objects).length} objects, ${fields} fields, ` +
    `${Object.keys(surface.apex).length} Apex members, ${surface.permissionSets.length} permission sets`,
);
