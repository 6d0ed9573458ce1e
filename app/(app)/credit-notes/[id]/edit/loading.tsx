import { PageSkeleton } from "@/components/shell/skeletons";
import { catalogs as editorCatalogs } from "@/lib/i18n/catalogs/app/editor";
import { getAppMessages } from "@/lib/session";

export default async function EditDraftLoading() {
  const t = await getAppMessages(editorCatalogs);
  return <PageSkeleton label={t("loadingDraft")} kind="form" />;
}
