import { PageSkeleton } from "@/components/shell/skeletons";

export default function NewInvoiceLoading() {
  return <PageSkeleton what="the new invoice" kind="form" />;
}
