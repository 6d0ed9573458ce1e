import { DocumentList } from "@/app/(app)/_documents/document-list";
import { requireMembership } from "@/lib/session";

export const metadata = { title: "Invoices" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const membership = await requireMembership();
  return <DocumentList kind="invoice" membership={membership} params={await searchParams} />;
}
