import { PageSkeleton } from "@/components/shell/skeletons";

export default function DetailLoading() {
  return <PageSkeleton what="the quote" kind="detail" />;
}
