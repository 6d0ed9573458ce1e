import { requireRecord } from "@/app/(app)/_components/require-record";
import { documentFound } from "@/app/(app)/_components/requested-records";

/** The 404 for an unknown id is decided here (see requireRecord), reading the document the page then shows: once per request. */
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  await requireRecord(params, documentFound("invoice"));
  return children;
}
