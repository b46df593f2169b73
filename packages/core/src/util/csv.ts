// A cell a spreadsheet would run as a formula (=, +, -, @ first, or a leading tab / carriage return) is
// prefixed with an apostrophe; numbers are written as numbers so a negative value stays a value.
const FORMULA_START = /^[=+\-@\t\r]/u;

/** One RFC 4180 CSV cell, safe to open in Excel or WPS: quoted when it must be, never a formula. */
export const csvCell = (value: string | number | null): string => {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};
