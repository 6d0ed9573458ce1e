import { PageSkeleton } from "@/components/shell/skeletons";

export default function BulkJobLoading() {
  return <PageSkeleton what="the bulk action" kind="detail" />;
}
