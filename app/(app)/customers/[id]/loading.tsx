import { PageSkeleton } from "@/components/shell/skeletons";

export default function CustomerLoading() {
  return <PageSkeleton what="the customer" kind="detail" />;
}
