import { EditorPage } from "@/app/(app)/_documents/editor-page";
import { catalogs as editorCatalogs } from "@/lib/i18n/catalogs/app/editor";
import { getAppMessages, requireMembership } from "@/lib/session";

export async function generateMetadata() {
  const t = await getAppMessages(editorCatalogs);
  return { title: t("heading.new.invoice") };
}

/** `?customer=<id>`: started from a customer's page, with that customer chosen. */
export default async function Page({ searchParams }: { searchParams: Promise<{ customer?: string | string[] }> }) {
  const membership = await requireMembership();
  const customer = (await searchParams).customer;
  return <EditorPage kind="invoice" membership={membership} customerId={typeof customer === "string" ? customer : undefined} />;
}
