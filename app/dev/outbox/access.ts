import "server-only";
import { notFound, redirect } from "next/navigation";
import { env } from "@/lib/env";
import { getSessionUser } from "@/lib/session";

/**
 * Who may open /dev/outbox, which lists every organisation's mail with its reset, invitation and
 * client links (issue 13): never anyone signed out.
 *
 * - Production: a platform administrator, and only with DEBUG on; everyone else gets a 404, as if
 *   the page did not exist. DEBUG alone opens nothing.
 * - Development: any signed-in user (the data is the developer's own); signed out, the login page.
 */
export async function requireOutboxAccess(path: string): Promise<void> {
  const user = await getSessionUser();
  if (env.isProduction) {
    if (!env.DEBUG || !user?.isPlatformAdmin) notFound();
    return;
  }
  if (!user) redirect(`/login?next=${encodeURIComponent(path)}`);
}
