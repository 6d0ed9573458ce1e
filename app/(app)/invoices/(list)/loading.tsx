import { PageSkeleton } from "@/components/shell/skeletons";

/**
 * In the (list) group so the boundary wraps the list alone. A loading.tsx beside [id] would wrap the
 * document pages too: they would stream their 200 before notFound() could answer 404 to another
 * organisation (the cross-tenant e2e tests check that status).
 */
export default function ListLoading() {
  return <PageSkeleton what="invoices" kind="list" />;
}
