import { DocumentList } from "@/app/(app)/_documents/document-list";
import { catalogs } from "@/lib/i18n/catalogs/app/documents";
import { getAppMessages, requireMembership } from "@/lib/session";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("many.quote") };
}

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const membership = await requireMembership();
  return <DocumentList kind="quote" membership={membership} params={await searchParams} />;
}
