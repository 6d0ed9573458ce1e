import { catalogs } from "@/lib/i18n/catalogs/app/recurring-editor";
import { getAppMessages, requireMembership } from "@/lib/session";
import { RecurringEditorPage } from "../_components/editor-page";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("page.new") };
}

export default async function Page() {
  const membership = await requireMembership();
  return <RecurringEditorPage membership={membership} />;
}
