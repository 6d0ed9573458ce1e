import type { DocumentKind } from "@/db/schema";
import { parseListQuery } from "@/lib/document-list-query";
import { openDocumentsCsv } from "@/lib/documents-csv";
import { moduleLogger } from "@/lib/logger";
import { getMembership } from "@/lib/session";

const log = moduleLogger("export");

/**
 * The GET handler of a documents list's CSV export (invoices, quotes, credit notes): the same
 * filters as the page (bad values ignored alike), the first rows read before any byte is sent, so
 * a failing query is an error status rather than a 200 cut off mid-file.
 */
export function documentsCsvExport(kind: DocumentKind, fileName: string) {
  return async function GET(request: Request): Promise<Response> {
    const membership = await getMembership();
    if (!membership) return new Response("Sign in to export.", { status: 401 });
    const params = new URL(request.url).searchParams;
    const query = parseListQuery(kind, Object.fromEntries(params));
    // ?lines=1: one row per line (description, quantity, price, discount, amount) rather than per document.
    const lines = params.get("lines") === "1";
    const stamp = new Date().toISOString().slice(0, 10);
    let body: ReadableStream<Uint8Array>;
    try {
      body = await openDocumentsCsv(membership, query, undefined, { lines });
    } catch (error) {
      log.error({ err: error, kind }, "export failed");
      return new Response("The export could not be created. Please try again.", { status: 500, headers: { "Cache-Control": "no-store" } });
    }
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}${lines ? "-lines" : ""}-${stamp}.csv"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  };
}
