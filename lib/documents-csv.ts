import "server-only";
import { type Executor, getDb } from "@/db";
import { csvCell, csvRow } from "@/lib/csv";
import type { Member } from "@/lib/data/context";
import { type DocumentListQuery, iterateDocuments, linesOfDocuments } from "@/lib/data/document-lists";
import { statusLabels } from "@/lib/document-labels";
import { addAmounts, quantityToString, rateToString, toDecimalString } from "@/lib/money";

/** Subtotal and Discount are the document's summary rows (lib/document-summary.ts): Σ line amounts, then the document discount. */
/** Tax: the taxes charged (VAT…); Withholding: the withholding taxes deducted (IRPF…, negative); Subtotal − Discount + Tax + Withholding = Total. */
/** Deposit requested: what the document asks for up front (0 without); Deposit invoice: "Yes" on an invoice a quote's acceptance issued. */
const header = ["Number", "Status", "Customer", "Issue date", "Due date", "Currency", "Subtotal", "Discount", "Tax", "Withholding", "Total", "Paid", "Credited", "Balance", "Deposit requested", "Deposit invoice"];
/** One row per line, as the line prints: its own discount and its net Amount (quantity × unit price − discount). */
const linesHeader = ["Number", "Status", "Customer", "Issue date", "Currency", "Description", "Quantity", "Unit", "Unit price", "Discount %", "Discount", "Amount", "Taxes"];

type Batch = Extract<Awaited<ReturnType<ReturnType<typeof iterateDocuments>["next"]>>, { done?: false }>["value"];
type Line = Awaited<ReturnType<typeof linesOfDocuments>>[number];

const amount = (minor: number, currency: string) => csvCell(toDecimalString(minor, currency), { numeric: true });

function rowsCsv(rows: Batch): string {
  return rows
    .map((r) =>
      csvRow([
        csvCell(r.number ?? "Draft"),
        csvCell(statusLabels[r.status]),
        csvCell(r.customerName),
        csvCell(r.issueDate),
        csvCell(r.dueDate),
        csvCell(r.currency),
        amount(r.lineAmountTotal, r.currency),
        amount(r.documentDiscount, r.currency),
        amount(addAmounts(r.taxTotal, -r.withholdingTotal), r.currency),
        amount(r.withholdingTotal, r.currency),
        amount(r.total, r.currency),
        amount(r.amountPaid, r.currency),
        amount(r.amountCredited, r.currency),
        amount(r.balance, r.currency),
        amount(r.depositAmount, r.currency),
        csvCell(r.depositForDocumentId ? "Yes" : ""),
      ]),
    )
    .join("");
}

function linesCsv(rows: Batch, lines: Line[]): string {
  const byDocument = new Map<string, Line[]>();
  for (const l of lines) byDocument.set(l.documentId, [...(byDocument.get(l.documentId) ?? []), l]);
  return rows
    .flatMap((r) =>
      (byDocument.get(r.id) ?? []).map((l) =>
        csvRow([
          csvCell(r.number ?? "Draft"),
          csvCell(statusLabels[r.status]),
          csvCell(r.customerName),
          csvCell(r.issueDate),
          csvCell(r.currency),
          csvCell(l.description),
          csvCell(quantityToString(l.quantityE4), { numeric: true }),
          csvCell(l.unit),
          amount(l.unitPrice, r.currency),
          csvCell(l.discountType === "percent" && l.discountValue !== null ? rateToString(l.discountValue) : null, { numeric: true }),
          amount(l.lineDiscount, r.currency),
          amount(l.amount, r.currency),
          csvCell(l.taxes.map((t) => `${t.name} ${rateToString(t.rateE4)}%`).join(", ")),
        ]),
      ),
    )
    .join("");
}

/**
 * The filtered list as CSV, streamed in batches; amounts as plain decimals from the money module.
 * With `lines`, one row per line of those documents instead of one per document.
 * The first batch is read before the stream is returned, so a query that fails does so while the
 * route can still answer with an error status, not after a 200 and half a file.
 */
export async function openDocumentsCsv(member: Member, query: DocumentListQuery, tx?: Executor, { lines = false } = {}): Promise<ReadableStream<Uint8Array>> {
  const db = tx ?? (await getDb());
  const encoder = new TextEncoder();
  const batches = iterateDocuments(member, query, undefined, db);
  const csv = async (batch: Batch) => (lines ? linesCsv(batch, await linesOfDocuments(member, batch.map((r) => r.id), db)) : rowsCsv(batch));
  const first = await batches.next();
  // BOM so spreadsheet apps read UTF-8 names correctly.
  let pending: string | null = `\uFEFF${csvRow((lines ? linesHeader : header).map((h) => csvCell(h)))}${first.done ? "" : await csv(first.value)}`;
  let done = !!first.done;
  return new ReadableStream({
    async pull(controller) {
      if (pending !== null) {
        controller.enqueue(encoder.encode(pending));
        pending = null;
        return;
      }
      const next = done ? { done: true as const, value: undefined } : await batches.next();
      if (next.done) {
        done = true;
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(await csv(next.value)));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
