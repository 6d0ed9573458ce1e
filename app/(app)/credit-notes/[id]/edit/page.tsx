import { notFound } from "next/navigation";
import { EditorPage } from "@/app/(app)/_documents/editor-page";
import { parseId } from "@/lib/ids";
import { catalogs as editorCatalogs } from "@/lib/i18n/catalogs/app/editor";
import { getAppMessages, requireMembership } from "@/lib/session";

export async function generateMetadata() {
  const t = await getAppMessages(editorCatalogs);
  return { title: t("editDraftTitle") };
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const membership = await requireMembership();
  const id = parseId((await params).id);
  if (!id) notFound();
  return <EditorPage kind="credit_note" id={id} membership={membership} />;
}
