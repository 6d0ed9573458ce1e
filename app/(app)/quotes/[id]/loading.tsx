import { PageSkeleton } from "@/components/shell/skeletons";

export default function QuoteLoading() {
  return <PageSkeleton what="the quote" kind="detail" />;
}
