"use client";

import { toast } from "sonner";
import type { ActionResult } from "@/lib/actions/safe-action";

/**
 * Runs an action's answer through a toast: its message on success (or `done`), its error message
 * otherwise. For buttons that act at once; forms use useActionForm's `successToast`.
 */
export function notify(result: ActionResult<unknown> | undefined, done = "Done."): boolean {
  if (!result) return false;
  if (result.ok) toast.success(result.message ?? done);
  // An error stays until closed: it may list what to fix, and reading it must not be a race.
  else toast.error(result.message, { duration: Infinity });
  return result.ok;
}
