import { PageSkeleton } from "@/components/shell/skeletons";

export default function DetailLoading() {
  return <PageSkeleton what="the credit note" kind="detail" />;
}
