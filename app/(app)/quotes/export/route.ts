import { getDb } from "@/db";
import { parseListQuery } from "@/lib/document-list-query";
import { openDocumentsCsv } from "@/lib/documents-csv";
import { moduleLogger } from "@/lib/logger";
import { getMembership } from "@/lib/session";

const log = moduleLogger("export");

/** The list as CSV: the same filters as the page (bad values ignored alike), checked before any byte is sent. */
export async function GET(request: Request) {
  const membership = await getMembership();
  if (!membership) return new Response("Sign in to export.", { status: 401 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = parseListQuery("quote", params);
  const stamp = new Date().toISOString().slice(0, 10);
  let body: ReadableStream<Uint8Array>;
  try {
    body = await openDocumentsCsv(await getDb(), membership, query);
  } catch (error) {
    log.error({ err: error, kind: query.kind }, "export failed");
    return new Response("The export could not be created. Please try again.", { status: 500, headers: { "Cache-Control": "no-store" } });
  }
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="quotes-${stamp}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
