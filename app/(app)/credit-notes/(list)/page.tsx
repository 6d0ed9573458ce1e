import { DocumentList } from "@/app/(app)/_documents/document-list";
import { requireMembership } from "@/lib/session";

export const metadata = { title: "Credit notes" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const membership = await requireMembership();
  return <DocumentList kind="credit_note" membership={membership} params={await searchParams} />;
}
