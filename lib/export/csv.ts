import Papa from 'papaparse';

/** Excel and WPS read a CSV as UTF-8 only when it starts with the byte-order mark; without it Chinese turns to mojibake. */
export const BOM = '\uFEFF';

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a leading tab/CR) is prefixed with an apostrophe:
 * review texts come from buyers, and "=HYPERLINK(…)" in a review must stay text (CSV injection).
 * Plain numbers ("-3", "12.30") are left as numbers.
 */
export function safeCell(value: string): string {
  if (/^[=+\-@\t\r]/.test(value) && !/^[-+]?\d+(\.\d+)?$/.test(value)) return `'${value}`;
  return value;
}

/**
 * Order, review and item ids are 12–19 digits: Excel and WPS read such a cell as a number, show 4.41364E+18 and keep
 * only 15 digits (the order number is gone, also from the file once saved). A tab after the digits makes it text in
 * both; it is invisible, and parseCsv takes it off again.
 */
const LONG_NUMBER = /^\d{12,}$/;
const ID_TEXT_MARK = '\t';

const csvCell = (value: string): string => (LONG_NUMBER.test(value) ? value + ID_TEXT_MARK : safeCell(value));

/** The rows as CSV text: BOM, header, CRLF line ends (as Excel writes them), every cell quoted when it must be. */
export function toCsv(header: string[], rows: string[][]): string {
  return BOM + Papa.unparse({ fields: header.map(safeCell), data: rows.map((r) => r.map(csvCell)) }, { newline: '\r\n', quotes: false });
}

/** Reads back a CSV this module wrote (tests, and a check before offering the file): header and rows. */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: true });
  const [header = [], ...rows] = parsed.data;
  return { header, rows: rows.map((r) => r.map((v) => (v.endsWith(ID_TEXT_MARK) && LONG_NUMBER.test(v.slice(0, -1)) ? v.slice(0, -1) : v))) };
}
