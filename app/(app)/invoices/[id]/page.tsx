import { notFound } from "next/navigation";
import { DocumentView } from "@/app/(app)/_documents/document-view";
import { parseId } from "@/lib/ids";
import { catalogs } from "@/lib/i18n/catalogs/app/document-page";
import { getAppMessages, requireMembership } from "@/lib/session";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("title.invoice") };
}

export default async function Page({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string | string[] }> }) {
  const membership = await requireMembership();
  const id = parseId((await params).id);
  if (!id) notFound();
  // "Save and issue" saved the draft but the e-invoice misses fields (lib/actions/documents.ts).
  const notIssued = (await searchParams).notice === "einvoice";
  return <DocumentView kind="invoice" id={id} membership={membership} notIssued={notIssued} />;
}
