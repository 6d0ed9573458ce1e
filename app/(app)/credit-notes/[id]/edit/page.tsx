import { notFound } from "next/navigation";
import { EditorPage } from "@/components/documents/editor-page";
import { requireMembership } from "@/lib/session";

export const metadata = { title: "Edit draft" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const membership = await requireMembership();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  return <EditorPage kind="credit_note" id={id} membership={membership} />;
}
