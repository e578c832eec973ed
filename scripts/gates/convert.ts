/**
 * Gate `check:convert`: converts every package directory to Metadata API format with
 * Salesforce's own library (source-deploy-retrieve, what `sf project deploy` uses), and
 * proves nothing was dropped: every file on disk (minus .forceignore) must belong to a
 * converted component. SDR silently skips, for example, a class without its -meta.xml.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ComponentSet, ForceIgnore, MetadataConverter, type SourceComponent } from '@salesforce/source-deploy-retrieve';
import { listFiles, packageDirectories } from '../lib/project';
import type { Finding } from '../lib/findings';

function filesOf(component: SourceComponent): string[] {
  const own = [component.xml, ...(component.content ? component.walkContent() : [])].filter(
    (f): f is string => typeof f === 'string',
  );
  return [...own, ...component.getChildren().flatMap(filesOf)];
}

export interface ConversionSummary {
  packageDirectory: string;
  components: number;
  files: number;
}

export async function convertPackage(dir: string): Promise<{ findings: Finding[]; summary: ConversionSummary }> {
  const findings: Finding[] = [];
  let set: ComponentSet;
  try {
    set = ComponentSet.fromSource(dir);
  } catch (error) {
    // SDR stops at the first file it cannot resolve (e.g. a -meta.xml without its source).
    const message = (error as Error).message;
    const named = /^([^:\s]+\.xml):\s*/.exec(message);
    const file = named ? path.resolve(named[1]) : dir;
    findings.push({ file, check: 'convert', message: `cannot be converted: ${message.slice(named?.[0].length ?? 0)}` });
    return { findings, summary: { packageDirectory: dir, components: 0, files: 0 } };
  }
  const components = set.getSourceComponents().toArray();
  const covered = new Set(components.flatMap(filesOf).map((f) => path.resolve(f)));
  const ignore = ForceIgnore.findAndCreate(dir);
  const onDisk = listFiles(dir, (f) => ignore.accepts(f) && path.basename(f) !== '.gitkeep');
  for (const file of onDisk.filter((f) => !covered.has(path.resolve(f)))) {
    findings.push({
      file,
      check: 'convert',
      message:
        'not part of any converted component: it would be silently left out of a deploy (missing -meta.xml or unknown suffix?)',
    });
  }
  const out = mkdtempSync(path.join(tmpdir(), 'prm-convert-'));
  try {
    if (components.length > 0) {
      await new MetadataConverter().convert(set, 'metadata', {
        type: 'directory',
        outputDirectory: out,
        genUniqueDir: false,
      });
    }
  } catch (error) {
    findings.push({ file: dir, check: 'convert', message: `conversion failed: ${(error as Error).message}` });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return { findings, summary: { packageDirectory: dir, components: components.length, files: onDisk.length } };
}

export async function run(root: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const dir of packageDirectories(root)) {
    findings.push(...(await convertPackage(dir)).findings);
  }
  return findings;
}
