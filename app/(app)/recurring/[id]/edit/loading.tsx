import { PageSkeleton } from "@/components/shell/skeletons";

export default function EditRecurringLoading() {
  return <PageSkeleton what="the recurring invoice" kind="form" />;
}
