/**
 * Writes the bundled sample legacy data to `samples/legacy/` (or the folder given): the
 * tracker workbook (XLSX, written with exceljs; document and zip entry dates fixed), the lead export
 * (CSV) and the CRM's accounts today (a snapshot folder). `npm run sample:legacy` rewrites
 * the committed files; a test proves the committed files hold what this code writes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import AdmZip from 'adm-zip';
import ExcelJS from 'exceljs';
import { PROJECT_ROOT } from '../../lib/project';
import { SnapshotWriter } from '../../snapshot/writer';
import { loadSnapshotSchema } from '../../snapshot/schema';
import { CRM_ACCOUNTS, SAMPLE_AS_OF, leadExport, trackerSheets, type SampleCell, type SampleSheet } from './sampleData';

export const SAMPLE_DIR = path.join(PROJECT_ROOT, 'samples', 'legacy');
export const TRACKER_FILE = 'partner-tracker.xlsx';
export const LEADS_FILE = 'leads-export.csv';
export const CRM_DIR = 'crm';

const FIXED_DATE = new Date(`${SAMPLE_AS_OF}T09:00:00Z`);

function excelValue(cell: SampleCell): ExcelJS.CellValue {
  return typeof cell === 'object' ? new Date(`${cell.date}T00:00:00Z`) : cell;
}

function textValue(cell: SampleCell): string {
  return typeof cell === 'object' ? cell.date : String(cell);
}

function addSheet(workbook: ExcelJS.Workbook, sheet: SampleSheet): void {
  const worksheet = workbook.addWorksheet(sheet.name);
  for (const line of sheet.preamble) {
    worksheet.addRow(line);
  }
  if (sheet.header.length > 0) {
    worksheet.addRow(sheet.header).font = { bold: true };
  }
  for (const row of sheet.rows) {
    const added = worksheet.addRow(row.map(excelValue));
    row.forEach((cell, i) => {
      if (typeof cell === 'object') {
        added.getCell(i + 1).numFmt = 'yyyy-mm-dd';
      }
    });
  }
  worksheet.columns.forEach((column) => {
    column.width = 22;
  });
}

/** The tracker workbook as bytes. */
export async function trackerWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Channel team';
  workbook.lastModifiedBy = 'Channel team';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  for (const sheet of trackerSheets()) {
    addSheet(workbook, sheet);
  }
  // exceljs stamps every zip entry with the current time: fix them so the bytes repeat.
  const zip = new AdmZip(Buffer.from(await workbook.xlsx.writeBuffer()));
  for (const entry of zip.getEntries()) {
    entry.header.time = FIXED_DATE;
  }
  return zip.toBuffer();
}

/** The lead export as CSV text. */
export function leadCsv(): string {
  const sheet = leadExport();
  return stringify([...sheet.preamble, sheet.header, ...sheet.rows.map((r) => r.map(textValue))]);
}

/**
 * Writes the whole sample.
 * @param dir target folder
 */
export async function writeSample(dir: string = SAMPLE_DIR): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, TRACKER_FILE), await trackerWorkbook());
  writeFileSync(path.join(dir, LEADS_FILE), leadCsv());
  const account = loadSnapshotSchema().get('Account');
  if (!account) {
    throw new Error('The snapshot schema has no Account');
  }
  const writer = new SnapshotWriter(path.join(dir, CRM_DIR), [account]);
  for (const [Id, Name, Website, isPartner, CreatedDate] of CRM_ACCOUNTS) {
    writer.write('Account', { Id, Name, Website, Is_Partner__c: isPartner === 'true', CreatedDate });
  }
  writer.close({ takenAt: `${SAMPLE_AS_OF}T09:00:00.000Z`, apiVersion: '65.0', source: 'the CRM before the package' });
}

if (require.main === module) {
  const dir = process.argv[2] ?? SAMPLE_DIR;
  writeSample(dir)
    .then(() => console.log(`Sample legacy data written to ${path.relative(process.cwd(), dir) || dir}`))
    .catch((error: Error) => {
      console.error(error.message);
      process.exitCode = 1;
    });
}
