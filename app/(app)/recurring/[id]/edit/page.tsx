import { notFound } from "next/navigation";
import { parseId } from "@/lib/ids";
import { catalogs } from "@/lib/i18n/catalogs/app/recurring-editor";
import { getAppMessages, requireMembership } from "@/lib/session";
import { RecurringEditorPage } from "../../_components/editor-page";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("page.edit") };
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const membership = await requireMembership();
  const id = parseId((await params).id);
  if (!id) notFound();
  return <RecurringEditorPage id={id} membership={membership} />;
}
