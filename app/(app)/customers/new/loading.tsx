import { PageSkeleton } from "@/components/shell/skeletons";

export default function NewCustomerLoading() {
  return <PageSkeleton what="the new customer form" kind="form" />;
}
