/**
 * One "app instance" for tests/rate-limit-redis.test.ts: its own process and its own Redis
 * connection, consuming sign-in attempts against one account once the parent says go.
 */
import { createRateLimiter } from "@/lib/rate-limit";

const [redisUrl, prefix, key, count] = process.argv.slice(2);
const limiter = createRateLimiter({ redisUrl, prefix });

process.stdout.write("ready\n");
process.stdin.once("data", async () => {
  let allowed = 0;
  let refused = 0;
  let retryAfterS = 0;
  for (let i = 0; i < Number(count); i++) {
    const decision = await limiter.consume("loginAccount", key!);
    if (decision.ok) allowed++;
    else {
      refused++;
      retryAfterS = decision.retryAfterS;
    }
  }
  await limiter.close();
  process.stdout.write(JSON.stringify({ allowed, refused, retryAfterS }) + "\n");
  process.exit(0);
});
