import { notFound } from "next/navigation";
import { DocumentView } from "@/components/documents/document-view";
import { requireMembership } from "@/lib/session";

export const metadata = { title: "Credit note" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const membership = await requireMembership();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  return <DocumentView kind="credit_note" id={id} membership={membership} />;
}
