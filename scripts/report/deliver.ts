/**
 * Writes a report: the HTML file, and with --pdf a PDF printed by a locally installed
 * Chromium (Debian's /usr/bin/chromium by default) through playwright-core.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../audit/cliSupport';

export const DEFAULT_CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface DeliveryOptions {
  out?: string;
  pdf?: boolean;
  chromium?: string;
  json?: boolean;
}

export const DELIVERY_OPTIONS_HELP = `
--pdf prints FILE.pdf beside FILE.html with Chromium (--chromium PATH, or CHROMIUM_PATH);
without a Chromium the command says so and exits 2 (the HTML prints from any browser).`;

export function withDeliveryOptions(command: Command): Command {
  return command
    .option('--out <file>', 'the HTML file to write')
    .option('--pdf', 'also write a PDF beside it (needs Chromium)')
    .option('--chromium <path>', 'Chromium executable for --pdf', DEFAULT_CHROMIUM)
    .option('--json', 'print {status, files, report} as JSON');
}

/** Where the PDF of an HTML file goes: same name, `.pdf`. */
export function pdfPath(htmlFile: string): string {
  return path.join(path.dirname(htmlFile), `${path.basename(htmlFile, path.extname(htmlFile))}.pdf`);
}

async function printPdf(html: string, file: string, executablePath: string): Promise<void> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    timeout: 30000,
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({ path: file, format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}

/**
 * Writes the HTML (and PDF); returns the files written.
 * @param html the report
 * @param options --out, --pdf, --chromium
 */
export async function deliver(html: string, options: DeliveryOptions): Promise<string[]> {
  const out = path.resolve(options.out as string);
  const chromium = options.chromium ?? DEFAULT_CHROMIUM;
  if (options.pdf === true && !existsSync(chromium)) {
    throw new UsageError(
      `--pdf needs Chromium, and there is none at ${chromium}: install it (apt-get install chromium), point --chromium or CHROMIUM_PATH at one, or print ${options.out as string} from a browser.`,
    );
  }
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, html);
  if (options.pdf !== true) {
    return [out];
  }
  const pdf = pdfPath(out);
  await printPdf(html, pdf, chromium);
  return [out, pdf];
}
