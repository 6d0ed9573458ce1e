import { notFound } from "next/navigation";
import { EditorPage } from "@/app/(app)/_documents/editor-page";
import { parseId } from "@/lib/ids";
import { requireMembership } from "@/lib/session";

export const metadata = { title: "Edit draft" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const membership = await requireMembership();
  const id = parseId((await params).id);
  if (!id) notFound();
  return <EditorPage kind="quote" id={id} membership={membership} />;
}
