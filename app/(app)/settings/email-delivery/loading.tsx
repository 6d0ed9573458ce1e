import { PageSkeleton } from "@/components/shell/skeletons";

export default function FormLoading() {
  return <PageSkeleton what="the settings" kind="form" />;
}
