/**
 * CSV cells for spreadsheets. Text starting with = + - @ (or a tab/CR) is prefixed with an
 * apostrophe so Excel and Sheets show it instead of running it as a formula. Amounts are written
 * by the caller as plain decimal strings (toDecimalString), so a negative amount is never text.
 */
export function csvCell(value: string | number | null | undefined, { numeric = false } = {}): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (!numeric && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(cells: string[]): string {
  return `${cells.join(",")}\r\n`;
}
