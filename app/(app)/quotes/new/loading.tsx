import { PageSkeleton } from "@/components/shell/skeletons";

export default function NewQuoteLoading() {
  return <PageSkeleton what="the new quote" kind="form" />;
}
