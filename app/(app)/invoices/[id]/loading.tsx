import { PageSkeleton } from "@/components/shell/skeletons";

export default function InvoiceLoading() {
  return <PageSkeleton what="the invoice" kind="detail" />;
}
