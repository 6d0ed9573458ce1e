import { PageSkeleton } from "@/components/shell/skeletons";

export default function EditInvoiceLoading() {
  return <PageSkeleton what="the draft" kind="form" />;
}
