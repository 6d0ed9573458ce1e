import { notFound } from "next/navigation";
import { DocumentView } from "@/app/(app)/_documents/document-view";
import { parseId } from "@/lib/ids";
import { requireMembership } from "@/lib/session";

export const metadata = { title: "Invoice" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const membership = await requireMembership();
  const id = parseId((await params).id);
  if (!id) notFound();
  return <DocumentView kind="invoice" id={id} membership={membership} />;
}
