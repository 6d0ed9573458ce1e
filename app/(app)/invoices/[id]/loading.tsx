import { PageSkeleton } from "@/components/shell/skeletons";

export default function DetailLoading() {
  return <PageSkeleton what="the invoice" kind="detail" />;
}
