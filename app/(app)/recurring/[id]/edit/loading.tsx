import { PageSkeleton } from "@/components/shell/skeletons";

export default function FormLoading() {
  return <PageSkeleton what="the recurring invoice" kind="form" />;
}
