import { request } from '../messaging/protocol';
import { EXPORT_PAGE_MAX } from '../messaging/insight-protocol';
import type { PeriodRange } from '../insight/period';
import type { Language } from '../i18n';
import type { ExportFilter, ExportKind } from './filter';
import type { ExportTable } from './build';
import { toCsv } from './csv';
import { exportText } from './labels';

/** Fetches one export's rows from the background, a page at a time. */
export async function fetchExport(kind: ExportKind, range: PeriodRange, filter: ExportFilter, language: Language, fullPhones: boolean): Promise<ExportTable> {
  const start = await request({ type: 'exportStart', kind, range, filter, language, fullPhones });
  const rows: string[][] = [];
  for (let offset = 0; offset < start.total; offset += EXPORT_PAGE_MAX) {
    rows.push(...(await request({ type: 'exportPage', token: start.token, offset, limit: EXPORT_PAGE_MAX })).rows);
  }
  return { header: start.header, rows };
}

export function csvBlob(table: ExportTable): Blob {
  return new Blob([toCsv(table.header, table.rows)], { type: 'text/csv;charset=utf-8' });
}

/**
 * One workbook with a sheet per export. ExcelJS is loaded only when a workbook is asked for (it is large), so the
 * dashboard opens without it.
 */
export async function xlsxBlob(tables: Record<ExportKind, ExportTable>, language: Language): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'ReviewDesk';
  for (const kind of ['cases', 'attempts', 'promises'] as const) {
    const sheet = book.addWorksheet(exportText(language, `sheet.${kind}`));
    sheet.addRow(tables[kind].header).font = { bold: true };
    // Cells stay text: a review that starts with "=" is never a formula in a workbook written this way.
    for (const row of tables[kind].rows) sheet.addRow(row);
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  const buffer = await book.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

/** Saves a file through the browser's download (an anchor with `download`: no permission needed). */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
