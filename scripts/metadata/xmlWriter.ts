/**
 * A small writer for metadata XML in the layout the project's formatter produces
 * (4-space indent, one element per line), so generated files pass the format gate as
 * written and diffs stay line-by-line.
 */

export type XmlValue = string | number | boolean | XmlElement[] | undefined;

/** One element: a name and either a text value or child elements. Undefined values are skipped. */
export type XmlElement = [name: string, value: XmlValue];

export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function render(elements: XmlElement[], depth: number, out: string[]): void {
  const indent = '    '.repeat(depth);
  for (const [name, value] of elements) {
    if (value === undefined) {
      continue;
    }
    if (Array.isArray(value)) {
      if (value.length === 0) {
        out.push(`${indent}<${name} />`);
        continue;
      }
      out.push(`${indent}<${name}>`);
      render(value, depth + 1, out);
      out.push(`${indent}</${name}>`);
    } else {
      out.push(`${indent}<${name}>${escapeXml(String(value))}</${name}>`);
    }
  }
}

/** A complete metadata document: declaration, root element in the metadata namespace, children. */
export function metadataDocument(rootName: string, children: XmlElement[], comment?: string): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  if (comment) {
    out.push(`<!-- ${comment} -->`);
  }
  out.push(`<${rootName} xmlns="http://soap.sforce.com/2006/04/metadata">`);
  render(children, 1, out);
  out.push(`</${rootName}>`);
  return `${out.join('\n')}\n`;
}

/** Formats each input with prettier's API in a child Node process (see formatLikeProject). */
const FORMAT_SCRIPT = `
const prettier = await import('prettier');
// Read stdin as a stream: readFileSync(0) fails with EAGAIN when the input outgrows the pipe.
let input = '';
for await (const chunk of process.stdin) {
  input += chunk;
}
const items = JSON.parse(input);
const out = [];
for (const item of items) {
  const options = (await prettier.resolveConfig(item.file)) ?? {};
  out.push(await prettier.format(item.content, { ...options, filepath: item.file }));
}
process.stdout.write(JSON.stringify(out));
`;

/**
 * Formats generated files with the project's prettier configuration, so they are
 * byte-identical to what the format gate expects. `file` decides which configuration and
 * overrides apply; it need not exist. Prettier loads its plugins with dynamic imports, which
 * jest's module system refuses, so the formatting runs in a child Node process.
 */
export async function formatLikeProject(items: { file: string; content: string }[]): Promise<string[]> {
  if (items.length === 0) {
    return [];
  }
  const { spawnSync } = await import('node:child_process');
  const path = await import('node:path');
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', FORMAT_SCRIPT], {
    cwd: path.resolve(__dirname, '..', '..'),
    input: JSON.stringify(items),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    throw new Error(`prettier failed: ${run.stderr || run.error?.message || `exit ${run.status}`}`);
  }
  return JSON.parse(run.stdout) as string[];
}
