/** A CSV cell's value: text, or a whole number written as it is. */
export type CsvValue = string | number;

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A field holding any of these must be quoted (RFC 4180). */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One field, RFC 4180: quoted when it holds a quote, comma or line break, quotes doubled.
 * Text that a spreadsheet would run as a formula (a name like "=HYPERLINK(...)") gets a
 * leading apostrophe; numbers are figures, written as they are ("-2000" stays a number).
 */
export function csvField(value: CsvValue): string {
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record with its CRLF line end (RFC 4180), so a line break inside a field stays in it. */
export const csvLine = (values: readonly CsvValue[]): string =>
  `${values.map(csvField).join(',')}\r\n`;
