import { PageSkeleton } from "@/components/shell/skeletons";

export default function ListLoading() {
  return <PageSkeleton what="items" kind="list" />;
}
