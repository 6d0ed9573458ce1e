import { PageSkeleton } from "@/components/shell/skeletons";

export default function ListLoading() {
  return <PageSkeleton what="customers" kind="list" />;
}
