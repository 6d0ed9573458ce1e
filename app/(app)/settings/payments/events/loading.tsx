import { PageSkeleton } from "@/components/shell/skeletons";

export default function ListLoading() {
  return <PageSkeleton what="the Stripe events" kind="list" />;
}
