import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { env } from "@/lib/env";
import { moduleLogger } from "@/lib/logger";
import pkg from "@/package.json" with { type: "json" };

const log = moduleLogger("health");
export const HEALTH_TIMEOUT_MS = 2000;

export type Health =
  | { status: "ok"; db: "ok"; version: string; uptimeS: number }
  | { status: "error"; db: "unreachable"; version: string; uptimeS: number };

async function ping(): Promise<void> {
  const db = await getDb();
  await db.execute(sql`select 1`);
}

/** One database round trip, bounded so the platform's probe never waits on a dead connection. */
export async function checkHealth(): Promise<Health> {
  const base = { version: env.RENDER_GIT_COMMIT?.slice(0, 7) ?? pkg.version, uptimeS: Math.round(process.uptime()) };
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`database ping exceeded ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS);
      }),
    ]);
    return { status: "ok", db: "ok", ...base };
  } catch (error) {
    log.warn({ err: error }, "health check failed");
    return { status: "error", db: "unreachable", ...base };
  } finally {
    clearTimeout(timer);
  }
}
