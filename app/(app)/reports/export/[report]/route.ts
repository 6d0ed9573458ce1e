import { primeStream } from "@/lib/csv";
import { dashboardCurrencies } from "@/lib/data/dashboard";
import { getOrganization } from "@/lib/data/organizations";
import { todayIn } from "@/lib/dates";
import { moduleLogger } from "@/lib/logger";
import { isReportKind, reportCsvStream } from "@/lib/reports-csv";
import { parsePeriod } from "@/lib/reporting-period";
import { getMembership } from "@/lib/session";

const log = moduleLogger("reports-export");

/** GET /reports/export/<report>?period=…&currency=…: the report as CSV, for the signed-in member's organisation only. */
export async function GET(request: Request, { params }: { params: Promise<{ report: string }> }) {
  const membership = await getMembership();
  if (!membership) return new Response("Sign in to export.", { status: 401 });
  const { report } = await params;
  if (!isReportKind(report)) return new Response("No such report.", { status: 404 });
  const search = Object.fromEntries(new URL(request.url).searchParams);
  try {
    const [org, currencies] = await Promise.all([getOrganization(membership), dashboardCurrencies(membership)]);
    const currency = search.currency && currencies.includes(search.currency) ? search.currency : null;
    if (!currency) return new Response("Choose one of your organisation's currencies.", { status: 400 });
    const today = todayIn(org.timeZone);
    const period = parsePeriod(search, today);
    const name = report === "aging" ? `${report}-${currency}-${today}` : `${report}-${currency}-${period.from}-to-${period.to}`;
    // Primed: a failing query answers 500 below, not a 200 cut off mid-file.
    const body = await primeStream(reportCsvStream(membership, report, { currency, period, today }));
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}.csv"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    log.error({ err: error, report }, "report export failed");
    return new Response("The report could not be exported. Please try again.", { status: 500 });
  }
}
