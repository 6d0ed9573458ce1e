import { PageSkeleton } from "@/components/shell/skeletons";

export default function RecurringLoading() {
  return <PageSkeleton what="the recurring invoice" kind="detail" />;
}
