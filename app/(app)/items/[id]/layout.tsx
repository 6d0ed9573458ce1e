import { requireRecord } from "@/app/(app)/_components/require-record";
import { can } from "@/lib/auth/roles";
import { itemFound } from "@/app/(app)/_components/requested-records";

/** The 404 for an unknown id is decided here (see requireRecord), reading the record the page then shows: once per request. */
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  await requireRecord(params, itemFound, (m) => !can(m.role, "customers.manage"));
  return children;
}
