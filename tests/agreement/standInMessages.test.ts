/**
 * The preview's Apex stand-ins (scripts/preview/browser/apex) must say what the Apex classes
 * say: every message they throw or return is worded as in the Apex source, so the browser
 * suite reads the text users of the org read.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { apexStringLiterals, piecesMissingFromApex, standInMessages, type StandInMessage } from './userMessages';

const ROOT = path.resolve(__dirname, '..', '..');
const STAND_INS = path.join(ROOT, 'scripts', 'preview', 'browser', 'apex');
const CLASSES = path.join(ROOT, 'force-app', 'main', 'default', 'classes');

/**
 * Messages the platform itself gives, which no Apex class of ours contains; each with what it
 * stands for. Keep this list short: everything else must come from our Apex.
 */
const PLATFORM_MESSAGES: Readonly<Record<string, string>> = {
  'List has no rows for assignment to SObject': 'System.QueryException of a single-row query that finds nothing',
  'is not a number': 'the platform refusing an @AuraEnabled parameter it cannot convert',
};

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? filesUnder(full, suffix) : [full];
    })
    .filter((file) => file.endsWith(suffix));
}

const apexLiterals = [
  ...filesUnder(CLASSES, '.cls')
    .filter((file) => !file.endsWith('_Tests.cls'))
    .flatMap((file) => apexStringLiterals(readFileSync(file, 'utf8'))),
  ...Object.keys(PLATFORM_MESSAGES),
];

function disagreements(messages: readonly StandInMessage[]): string[] {
  return messages.flatMap((message) =>
    piecesMissingFromApex(message, apexLiterals).map(
      (piece) => `${path.relative(ROOT, message.file)}:${message.line}: "${piece}" is in no Apex class`,
    ),
  );
}

describe('preview stand-ins and Apex agree on user-facing messages', () => {
  const files = filesUnder(STAND_INS, '.ts');
  const messages = files.flatMap((file) => standInMessages(file));

  it('reads the messages of every stand-in file', () => {
    expect(files.length).toBeGreaterThan(5);
    // A reader that found nothing would pass vacuously.
    expect(messages.length).toBeGreaterThan(40);
    expect(messages.some((m) => m.pieces.includes('Thank you: the lead was submitted for review.'))).toBe(true);
  });

  it('finds every stand-in message in the Apex classes', () => {
    expect(disagreements(messages)).toEqual([]);
  });

  it('reports a stand-in that words a message differently (planted)', () => {
    const planted = [
      "throw new ApexError('Only drafts may be submitted.');",
      'const refused = (message: string) => ({ success: false, message });',
      "refused('Renewal turned down.');",
      'return { message: `Renewed until ${day} (${name})! Enjoy.` };',
    ].join('\n');
    const found = disagreements(standInMessages(path.join(STAND_INS, 'planted.ts'), planted));
    expect(found).toEqual([
      'scripts/preview/browser/apex/planted.ts:1: "Only drafts may be submitted." is in no Apex class',
      'scripts/preview/browser/apex/planted.ts:3: "Renewal turned down." is in no Apex class',
      'scripts/preview/browser/apex/planted.ts:4: "! Enjoy." is in no Apex class',
    ]);
  });

  it('documents every platform message it allows, and uses each', () => {
    const allPieces = messages.flatMap((m) => m.pieces.map((piece) => piece.trim()));
    for (const [message, reason] of Object.entries(PLATFORM_MESSAGES)) {
      expect(reason.length).toBeGreaterThan(10);
      expect(allPieces).toContain(message);
    }
  });
});
