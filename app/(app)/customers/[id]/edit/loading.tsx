import { PageSkeleton } from "@/components/shell/skeletons";

export default function EditCustomerLoading() {
  return <PageSkeleton what="the customer" kind="form" />;
}
