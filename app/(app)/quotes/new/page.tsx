import { EditorPage } from "@/app/(app)/_documents/editor-page";
import { requireMembership } from "@/lib/session";

export const metadata = { title: "New quote" };

export default async function Page() {
  const membership = await requireMembership();
  return <EditorPage kind="quote" membership={membership} />;
}
