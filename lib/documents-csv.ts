import "server-only";
import type { Executor } from "@/db";
import { csvCell, csvRow } from "@/lib/csv";
import type { Member } from "@/lib/data/context";
import { type DocumentListQuery, iterateDocuments } from "@/lib/data/document-lists";
import { statusLabels } from "@/lib/document-labels";
import { toDecimalString } from "@/lib/money";

const header = ["Number", "Status", "Customer", "Issue date", "Due date", "Currency", "Subtotal", "Discounts", "Tax", "Total", "Paid", "Credited", "Balance"];

/** The filtered list as CSV, streamed in batches; amounts as plain decimals from the money module. */
export function documentsCsvStream(db: Executor, member: Member, query: DocumentListQuery): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches = iterateDocuments(db, member, query);
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        // BOM so spreadsheet apps read UTF-8 names correctly.
        controller.enqueue(encoder.encode(`\uFEFF${csvRow(header.map((h) => csvCell(h)))}`));
        return;
      }
      const next = await batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      const amount = (minor: number, currency: string) => csvCell(toDecimalString(minor, currency), { numeric: true });
      controller.enqueue(
        encoder.encode(
          next.value
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
            .join(""),
        ),
      );
    },
  });
}
