import { requireRecord } from "@/app/(app)/_components/require-record";
import { documentExists } from "@/lib/data/record-exists";

/** The existence check runs here so an unknown id still answers 404 (see requireRecord); the page streams behind loading.tsx. */
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  await requireRecord(params, (m, id) => documentExists(m, "quote", id));
  return children;
}
