import { PageSkeleton } from "@/components/shell/skeletons";

export default function EditItemLoading() {
  return <PageSkeleton what="the item" kind="form" />;
}
