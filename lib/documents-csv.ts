import "server-only";
import { type Executor, getDb } from "@/db";
import { csvCell, csvRow } from "@/lib/csv";
import type { Member } from "@/lib/data/context";
import { type DocumentListQuery, iterateDocuments } from "@/lib/data/document-lists";
import { statusLabels } from "@/lib/document-labels";
import { toDecimalString } from "@/lib/money";

const header = ["Number", "Status", "Customer", "Issue date", "Due date", "Currency", "Subtotal", "Discounts", "Tax", "Total", "Paid", "Credited", "Balance"];

type Batch = Extract<Awaited<ReturnType<ReturnType<typeof iterateDocuments>["next"]>>, { done?: false }>["value"];

function rowsCsv(rows: Batch): string {
  const amount = (minor: number, currency: string) => csvCell(toDecimalString(minor, currency), { numeric: true });
  return rows
    .map((r) =>
      csvRow([
        csvCell(r.number ?? "Draft"),
        csvCell(statusLabels[r.status]),
        csvCell(r.customerName),
        csvCell(r.issueDate),
        csvCell(r.dueDate),
        csvCell(r.currency),
        amount(r.subtotal, r.currency),
        amount(r.discountTotal, r.currency),
        amount(r.taxTotal, r.currency),
        amount(r.total, r.currency),
        amount(r.amountPaid, r.currency),
        amount(r.amountCredited, r.currency),
        amount(r.balance, r.currency),
      ]),
    )
    .join("");
}

/**
 * The filtered list as CSV, streamed in batches; amounts as plain decimals from the money module.
 * The first batch is read before the stream is returned, so a query that fails does so while the
 * route can still answer with an error status, not after a 200 and half a file.
 */
export async function openDocumentsCsv(member: Member, query: DocumentListQuery, tx?: Executor): Promise<ReadableStream<Uint8Array>> {
  const db = tx ?? (await getDb());
  const encoder = new TextEncoder();
  const batches = iterateDocuments(member, query, undefined, db);
  const first = await batches.next();
  // BOM so spreadsheet apps read UTF-8 names correctly.
  let pending: string | null = `\uFEFF${csvRow(header.map((h) => csvCell(h)))}${first.done ? "" : rowsCsv(first.value)}`;
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
      controller.enqueue(encoder.encode(rowsCsv(next.value)));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
