/**
 * A small writer for metadata XML in the layout the project's formatter produces
 * (4-space indent, one element per line), so generated files pass the format gate as
 * written and diffs stay line-by-line.
 */

export type XmlValue = string | number | boolean | XmlElement[] | undefined;

/** One element: a name and either a text value or child elements. Undefined values are skipped. */
export type XmlElement = [name: string, value: XmlValue];

export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
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

/**
 * Formats generated XML with the project's prettier configuration, so generated files
 * are byte-identical to what the format gate expects. `file` decides which prettier
 * configuration and overrides apply; it need not exist.
 */
export async function formatLikeProject(file: string, content: string): Promise<string> {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(content, { ...options, filepath: file });
}
