"use server";

import { z } from "zod";
import type { CommandSearchResults } from "@/lib/command-menu";
import { AppError } from "@/lib/errors";
import { consumeAll, tooManyMessage } from "@/lib/rate-limit";
import { COMMAND_QUERY_MAX, commandSearch } from "@/lib/services/command-search";
import { getAppLanguage } from "@/lib/session";
import { memberAction } from "./safe-action";

// Longer input is cut rather than refused: the menu must never show a validation error while typing.
const schema = z.object({ q: z.string().transform((q) => q.slice(0, COMMAND_QUERY_MAX)) });

/**
 * The command menu's search as the user types (debounced in the browser). Limited per user, not
 * per organisation: one person typing fast must not use up a team's searches.
 */
export const searchCommandMenu = memberAction(schema, async ({ q }, { member }): Promise<{ data: CommandSearchResults }> => {
  const decision = await consumeAll([["commandSearch", member.userId]]);
  if (!decision.ok) throw new AppError("RATE_LIMITED", tooManyMessage(decision.retryAfterS));
  return { data: await commandSearch(member, q, await getAppLanguage()) };
});
