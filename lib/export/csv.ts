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

/** The rows as CSV text: BOM, header, CRLF line ends (as Excel writes them), every cell quoted when it must be. */
export function toCsv(header: string[], rows: string[][]): string {
  return BOM + Papa.unparse({ fields: header.map(safeCell), data: rows.map((r) => r.map(safeCell)) }, { newline: '\r\n', quotes: false });
}

/** Reads back a CSV this module wrote (tests, and a check before offering the file): header and rows. */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: true });
  const [header = [], ...rows] = parsed.data;
  return { header, rows };
}
