/**
 * CSV cells for spreadsheets. Text starting with = + - @ (or a tab/CR) is prefixed with an
 * apostrophe so Excel and Sheets show it instead of running it as a formula. Amounts are written
 * by the caller as plain decimal strings (toDecimalString), so a negative amount is never text.
 * A semicolon is quoted like a comma: Excel in most European locales splits a CSV on ";", and an
 * unquoted "Acme;=1+1" would start a formula cell in the middle of the value (OWASP, CSV injection).
 */
export function csvCell(value: string | number | null | undefined, { numeric = false } = {}): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (!numeric && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",;\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(cells: string[]): string {
  return `${cells.join(",")}\r\n`;
}

/**
 * Reads a stream's first chunk now, so an error producing it (a failing query) happens while the
 * route can still answer with an error status rather than after a 200 and part of a file.
 */
export async function primeStream(stream: ReadableStream<Uint8Array>): Promise<ReadableStream<Uint8Array>> {
  const reader = stream.getReader();
  let first: ReadableStreamReadResult<Uint8Array> | null = await reader.read();
  return new ReadableStream({
    async pull(controller) {
      const next = first ?? (await reader.read());
      first = null;
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}
