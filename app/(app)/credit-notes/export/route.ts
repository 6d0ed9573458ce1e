import { getDb } from "@/db";
import { parseListQuery } from "@/lib/document-list-query";
import { documentsCsvStream } from "@/lib/documents-csv";
import { getMembership } from "@/lib/session";

export async function GET(request: Request) {
  const membership = await getMembership();
  if (!membership) return new Response("Sign in to export.", { status: 401 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = parseListQuery("credit_note", params);
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(documentsCsvStream(await getDb(), membership, query), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="credit-notes-${stamp}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
