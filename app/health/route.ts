import { checkHealth } from "@/lib/health";

// Answers /health and, through proxy.ts, the guide's /health/ without a redirect.
export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
