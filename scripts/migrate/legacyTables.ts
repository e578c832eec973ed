/**
 * Reads legacy spreadsheets: every CSV file and every sheet of every XLSX workbook in a
 * folder, as rows of trimmed text cells with their line numbers. XLSX is read with exceljs;
 * a cell Excel stores as a date becomes `YYYY-MM-DD` (or an ISO datetime when it has a time),
 * a formula becomes its cached result, rich text and hyperlinks their text.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { SnapshotInputError } from '../snapshot/format';

export interface LegacyTable {
  /** File name inside the folder. */
  file: string;
  /** Sheet name (XLSX) or undefined (CSV). */
  sheet?: string;
  /** Rows with their 1-based line (CSV) or row number (XLSX). */
  rows: { line: number; cells: string[] }[];
}

/** `file` or `file#sheet`, as messages and the mapping name a table. */
export function tableLabel(table: Pick<LegacyTable, 'file' | 'sheet'>): string {
  return table.sheet === undefined ? table.file : `${table.file}#${table.sheet}`;
}

const SPREADSHEET = /\.(csv|xlsx)$/i;

function isoOf(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.substring(0, 10) : iso;
}

/** The text of one exceljs cell value. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (value instanceof Date) {
    return isoOf(value);
  }
  if (typeof value === 'object') {
    if ('richText' in value) {
      return value.richText.map((part) => part.text).join('');
    }
    if ('result' in value) {
      return cellText(value.result as ExcelJS.CellValue);
    }
    if ('text' in value) {
      return cellText(value.text as ExcelJS.CellValue);
    }
    if ('error' in value) {
      return '';
    }
  }
  return String(value as string | number | boolean);
}

function readCsv(dir: string, file: string): LegacyTable {
  const full = path.join(dir, file);
  try {
    const records = parse(readFileSync(full, 'utf8'), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
    return { file, rows: records.map((cells, i) => ({ line: i + 1, cells: cells.map((c) => c.trim()) })) };
  } catch (error) {
    throw new SnapshotInputError(full, `malformed CSV: ${(error as Error).message}`);
  }
}

async function readXlsx(dir: string, file: string): Promise<LegacyTable[]> {
  const full = path.join(dir, file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(full);
  } catch (error) {
    throw new SnapshotInputError(full, `not a readable XLSX workbook: ${(error as Error).message}`);
  }
  return workbook.worksheets.map((worksheet) => {
    const rows: LegacyTable['rows'] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = cellText(cell.value).trim();
      });
      rows.push({ line: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
    });
    return { file, sheet: worksheet.name, rows };
  });
}

/**
 * Every table of the CSV and XLSX files directly in a folder, files in name order.
 * @param dir the legacy folder
 */
export async function readLegacyFolder(dir: string): Promise<LegacyTable[]> {
  if (!statSync(dir).isDirectory()) {
    throw new SnapshotInputError(dir, 'is not a folder of CSV and XLSX files');
  }
  const files = readdirSync(dir)
    .filter((f) => SPREADSHEET.test(f) && !f.startsWith('~$'))
    .sort();
  const tables: LegacyTable[] = [];
  for (const file of files) {
    tables.push(...(/\.csv$/i.test(file) ? [readCsv(dir, file)] : await readXlsx(dir, file)));
  }
  return tables;
}
