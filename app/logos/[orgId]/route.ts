import { unsafeGetOrganizationLogo } from "@/lib/data/organizations";
import { parseId } from "@/lib/ids";
import { LOGO_CSP } from "@/lib/security/csp";

// Logos appear on public invoice pages and in emails, so they are public by organisation id.
export async function GET(_request: Request, { params }: { params: Promise<{ orgId: string }> }) {
  const orgId = parseId((await params).orgId);
  // "-" × 36 used to pass a looser pattern and fail in Postgres with a 500.
  if (!orgId) return new Response("Not found", { status: 404 });
  const logo = await unsafeGetOrganizationLogo(orgId);
  if (!logo) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(logo.bytes), {
    headers: {
      "Content-Type": logo.contentType,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": LOGO_CSP,
      // The URL carries ?v=<updated-at>, so a new logo is a new URL.
      "Cache-Control": "public, max-age=86400",
    },
  });
}
