import { PageSkeleton } from "@/components/shell/skeletons";

export default function NewRecurringLoading() {
  return <PageSkeleton what="the new recurring invoice" kind="form" />;
}
