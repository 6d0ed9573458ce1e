import { PageSkeleton } from "@/components/shell/skeletons";

export default function ListLoading() {
  return <PageSkeleton what="the audit log" kind="list" />;
}
