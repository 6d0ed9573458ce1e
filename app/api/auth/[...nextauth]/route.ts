import type { NextRequest } from "next/server";
import { answeringLimits, handlers } from "@/lib/auth";

export const { GET } = handlers;

/** Auth.js's sign-in endpoints, with a 429 (not a redirect) when a sign-in limit is reached. */
export async function POST(request: NextRequest): Promise<Response> {
  return answeringLimits(() => handlers.POST(request));
}
