/**
 * The LWC template compiler trims the whitespace at the end of a text node, so a label on its
 * own line followed by a component renders glued to it ("Accept byDec 5, 2026"). Labels before
 * an element or an expression go in their own element with a margin instead.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const SOURCES = path.join(__dirname, '..', '..', 'lwc-ts-src');

/** A line of plain label text (no markup) … */
const LABEL_LINE = /^\s*[A-Za-z0-9(][^<>{}]*[^>\s]\s*$/;
/** … directly followed by an element or an expression. */
const NEXT_IS_CONTENT = /^\s*(<[a-z]|\{)/;

/** Places in a template where a label would be glued to what follows it. */
function gluedLabels(template: string): { line: number; text: string }[] {
  const lines = template.split('\n');
  const found: { line: number; text: string }[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (LABEL_LINE.test(lines[i]) && NEXT_IS_CONTENT.test(lines[i + 1])) {
      found.push({ line: i + 1, text: lines[i].trim() });
    }
  }
  return found;
}

describe('template labels keep their space', () => {
  it('finds a label glued to the component after it', () => {
    const template =
      '<p>\n  Accept by\n  <lightning-formatted-date-time value={x}></lightning-formatted-date-time>\n</p>';
    expect(gluedLabels(template)).toEqual([{ line: 2, text: 'Accept by' }]);
    expect(gluedLabels('<p>\n  <span class="slds-m-right_xx-small">Accept by</span>\n  <b>x</b>\n</p>')).toEqual([]);
  });

  it('no component template glues a label to what follows it', () => {
    const glued = readdirSync(SOURCES, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) =>
        readdirSync(path.join(SOURCES, entry.name))
          .filter((file) => file.endsWith('.html'))
          .flatMap((file) =>
            gluedLabels(readFileSync(path.join(SOURCES, entry.name, file), 'utf8')).map(
              (hit) => `${entry.name}/${file}:${hit.line} "${hit.text}"`,
            ),
          ),
      );
    expect(glued).toEqual([]);
  });
});
