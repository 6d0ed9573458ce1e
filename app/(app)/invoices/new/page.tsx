import { EditorPage } from "@/app/(app)/_documents/editor-page";
import { requireMembership } from "@/lib/session";

export const metadata = { title: "New invoice" };

/** `?customer=<id>`: started from a customer's page, with that customer chosen. */
export default async function Page({ searchParams }: { searchParams: Promise<{ customer?: string | string[] }> }) {
  const membership = await requireMembership();
  const customer = (await searchParams).customer;
  return <EditorPage kind="invoice" membership={membership} customerId={typeof customer === "string" ? customer : undefined} />;
}
