import { PageSkeleton } from "@/components/shell/skeletons";

export default function EditQuoteLoading() {
  return <PageSkeleton what="the draft" kind="form" />;
}
