import { requireMembership } from "@/lib/session";
import { RecurringEditorPage } from "../_components/editor-page";

export const metadata = { title: "New recurring invoice" };

export default async function Page() {
  const membership = await requireMembership();
  return <RecurringEditorPage membership={membership} />;
}
