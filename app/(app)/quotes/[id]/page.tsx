import { notFound } from "next/navigation";
import { DocumentView } from "@/app/(app)/_documents/document-view";
import { parseId } from "@/lib/ids";
import { catalogs } from "@/lib/i18n/catalogs/app/document-page";
import { getAppMessages, requireMembership } from "@/lib/session";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("title.quote") };
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const membership = await requireMembership();
  const id = parseId((await params).id);
  if (!id) notFound();
  return <DocumentView kind="quote" id={id} membership={membership} />;
}
