import { PageSkeleton } from "@/components/shell/skeletons";

export default function ListLoading() {
  return <PageSkeleton what="credit notes" kind="list" />;
}
