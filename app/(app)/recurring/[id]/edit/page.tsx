import { notFound } from "next/navigation";
import { parseId } from "@/lib/ids";
import { requireMembership } from "@/lib/session";
import { RecurringEditorPage } from "../../_components/editor-page";

export const metadata = { title: "Edit recurring invoice" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const membership = await requireMembership();
  const id = parseId((await params).id);
  if (!id) notFound();
  return <RecurringEditorPage id={id} membership={membership} />;
}
