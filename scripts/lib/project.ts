import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** One entry of sfdx-project.json `packageDirectories`. */
export interface PackageDirectory {
  path: string;
  default?: boolean;
  package?: string;
  /** Apex class run after install and upgrade (InstallHandler) / on uninstall (UninstallHandler). */
  postInstallScript?: string;
  uninstallScript?: string;
}

export interface SfdxProject {
  packageDirectories: PackageDirectory[];
  sourceApiVersion: string;
  namespace?: string;
}

/** The repository root: the nearest folder above this file holding sfdx-project.json. */
export const PROJECT_ROOT = findRoot(__dirname);

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'sfdx-project.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`No sfdx-project.json above ${start}`);
    }
    dir = parent;
  }
  return dir;
}

export function readProject(root: string): SfdxProject {
  const file = path.join(root, 'sfdx-project.json');
  if (!existsSync(file)) {
    throw new Error(`${file} not found: is ${root} an SFDX project?`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as SfdxProject;
}

/** Absolute paths of the package directories that exist on disk. */
export function packageDirectories(root: string): string[] {
  return readProject(root)
    .packageDirectories.map((dir) => path.join(root, dir.path))
    .filter((dir) => existsSync(dir));
}

/** All files under `dir` (recursively, sorted) whose path satisfies `accept`. */
export function listFiles(dir: string, accept: (file: string) => boolean = () => true): string[] {
  if (!existsSync(dir)) {
    return [];
  }
  const out: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current).sort()) {
      if (entry === 'node_modules' || entry === '.git') {
        continue;
      }
      const full = path.join(current, entry);
      if (statSync(full).isDirectory()) {
        walk(full);
      } else if (accept(full)) {
        out.push(full);
      }
    }
  };
  walk(dir);
  return out;
}

/** Apex class and trigger sources of every package directory. */
export function apexSources(root: string): string[] {
  return packageDirectories(root).flatMap((dir) => listFiles(dir, (f) => f.endsWith('.cls') || f.endsWith('.trigger')));
}
