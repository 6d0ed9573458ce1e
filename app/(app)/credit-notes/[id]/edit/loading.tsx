import { PageSkeleton } from "@/components/shell/skeletons";

export default function EditCreditNoteLoading() {
  return <PageSkeleton what="the draft" kind="form" />;
}
