import { PageSkeleton } from "@/components/shell/skeletons";

export default function CreditNoteLoading() {
  return <PageSkeleton what="the credit note" kind="detail" />;
}
