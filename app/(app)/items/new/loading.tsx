import { PageSkeleton } from "@/components/shell/skeletons";

export default function NewItemLoading() {
  return <PageSkeleton what="the new item form" kind="form" />;
}
