import { EditorPage } from "@/app/(app)/_documents/editor-page";
import { catalogs as editorCatalogs } from "@/lib/i18n/catalogs/app/editor";
import { getAppMessages, requireMembership } from "@/lib/session";

export async function generateMetadata() {
  const t = await getAppMessages(editorCatalogs);
  return { title: t("heading.new.quote") };
}

export default async function Page() {
  const membership = await requireMembership();
  return <EditorPage kind="quote" membership={membership} />;
}
