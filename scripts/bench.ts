/**
 * `npm run bench`: data-access timings at scale. Seed first, e.g.
 *   DATABASE_URL=postgres://… npm run db:seed -- --invoices 100000 && DATABASE_URL=postgres://… npm run bench
 * Prints p50/p95 per query over repeated runs; asserts nothing (tests never time things).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { eq } from "drizzle-orm";
import { closeDb, getDbHandle } from "@/db";
import { customers, documents, memberships, users } from "@/db/schema";
import { agingSummary, dashboardCurrencies, dashboardFigures, monthlySeries, processingPayments } from "@/lib/data/dashboard";
import { recentActivity, topCustomers, topOverdueCustomers, upcomingDue } from "@/lib/data/dashboard-lists";
import { recurringFigures } from "@/lib/data/dashboard-recurring";
import { searchCommandTargets } from "@/lib/data/command-search";
import { documentCurrencies, documentStatusCounts } from "@/lib/data/document-counts";
import { listDocuments } from "@/lib/data/document-lists";
import { agingByCustomer, paymentsReceived, paymentsTotal, salesByCustomer, salesByItem, taxSummary } from "@/lib/data/reports";
import { todayIn } from "@/lib/dates";
import { reportCsvStream } from "@/lib/reports-csv";
import { parsePeriod } from "@/lib/reporting-period";
import { computeDocument } from "@/lib/money";

const RUNS = Number(process.env.BENCH_RUNS ?? 50);

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(name: string, fn: () => Promise<unknown> | unknown) {
  await fn(); // warm
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { name, p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

const handle = await getDbHandle();
const db = handle.db;
const [demo] = await db
  .select({ orgId: memberships.orgId, userId: users.id })
  .from(users)
  .innerJoin(memberships, eq(memberships.userId, users.id))
  .where(eq(users.email, "demo@smartinvoice.local"))
  .limit(1);
if (!demo) {
  console.error("No demo organisation: run `npm run db:seed -- --invoices 100000` first.");
  process.exit(1);
}
const member = { ...demo, role: "owner" as const };
const [{ count } = { count: 0 }] = await db.$count(documents, eq(documents.orgId, member.orgId)).then((n) => [{ count: n }]);

const [someCustomer] = await db.select({ id: customers.id }).from(customers).where(eq(customers.orgId, member.orgId)).limit(1);
const thisYear = `${new Date().getFullYear()}-01-01`;

/** The dashboard's and the reports' queries, one timing each, plus a whole dashboard (all sections in parallel, as the page streams them). */
async function dashboardBench() {
  const today = todayIn("UTC");
  const year = parsePeriod({ period: "12m" }, today);
  const month = parsePeriod({ period: "month" }, today);
  const days30 = parsePeriod({}, today);
  const c = "USD";
  // The whole dashboard as it opens: the default period, the last 30 days.
  const whole = () =>
    Promise.all([
      dashboardFigures(member, c, days30, today),
      processingPayments(member, c),
      monthlySeries(member, c, today),
      agingSummary(member, c, today),
      topCustomers(member, c, days30),
      topOverdueCustomers(member, c, today),
      upcomingDue(member, c, today),
      recentActivity(member),
      recurringFigures(member, today),
    ]);
  return [
    await time("dashboard and reports: currencies in use", () => dashboardCurrencies(member)),
    await time("dashboard: key figures, last 30 days + previous", () => dashboardFigures(member, c, days30, today)),
    await time("dashboard: key figures, this month + previous", () => dashboardFigures(member, c, month, today)),
    await time("dashboard: key figures, last 12 months + previous", () => dashboardFigures(member, c, year, today)),
    await time("dashboard: processing (online payments not settled)", () => processingPayments(member, c)),
    await time("dashboard: 12-month series", () => monthlySeries(member, c, today)),
    await time("dashboard: aging", () => agingSummary(member, c, today)),
    await time("dashboard: top customers by revenue, 12 months", () => topCustomers(member, c, year)),
    await time("dashboard: top customers by overdue", () => topOverdueCustomers(member, c, today)),
    await time("dashboard: coming due", () => upcomingDue(member, c, today)),
    await time("dashboard: recent activity", () => recentActivity(member)),
    await time("dashboard: recurring revenue and next 30 days", () => recurringFigures(member, today)),
    await time("dashboard: all sections together, last 30 days", whole),
    await time("report: aging by customer", () => agingByCustomer(member, c, today)),
    await time("report: sales by customer, 12 months", () => salesByCustomer(member, c, year)),
    await time("report: sales by item, 12 months", () => salesByItem(member, c, year)),
    await time("report: tax summary, 12 months", () => taxSummary(member, c, year)),
    await time("report: payments received, first page + total, 12 months", () => Promise.all([paymentsReceived(member, c, year), paymentsTotal(member, c, year)])),
    await time("report CSV: payments received, 12 months (all rows)", () => new Response(reportCsvStream(member, "payments", { currency: c, period: year, today })).arrayBuffer()),
  ];
}

// The machine is shared: the load around the run says how much the figures can be trusted.
const loadBefore = os.loadavg();
const results = [
  await time("invoice list, page 1", () => listDocuments(member, { kind: "invoice" })),
  await time("invoice list, page 200", () => listDocuments(member, { kind: "invoice", page: 200 })),
  await time("invoice list, status=open", () => listDocuments(member, { kind: "invoice", status: "open" })),
  await time("invoice list, overdue", () => listDocuments(member, { kind: "invoice", status: "overdue" })),
  await time("search by number", () => listDocuments(member, { kind: "invoice", q: "BULK-0421" })),
  await time("search by customer name", () => listDocuments(member, { kind: "invoice", q: "globex" })),
  await time("filter by customer", () => listDocuments(member, { kind: "invoice", customerId: someCustomer?.id })),
  await time("filter by issue date (this year)", () => listDocuments(member, { kind: "invoice", from: thisYear })),
  await time("sort by total", () => listDocuments(member, { kind: "invoice", sort: "total", dir: "desc" })),
  // The command menu (Ctrl K) searches as the user types: target p95 ≤ 100 ms.
  await time("command menu: part of a number (04210)", () => searchCommandTargets(member, "04210")),
  await time("command menu: broad number (BULK)", () => searchCommandTargets(member, "BULK")),
  await time("command menu: customer name (globex)", () => searchCommandTargets(member, "globex")),
  await time("command menu: customer email (billing@)", () => searchCommandTargets(member, "billing@")),
  await time("command menu: two letters (ac)", () => searchCommandTargets(member, "ac")),
  // The status tabs' counts (target: p95 ≤ 100 ms at 100,000 invoices), unfiltered and within filters.
  await time("status tab counts", () => documentStatusCounts(member, { kind: "invoice" })),
  await time("status tab counts, one currency", () => documentStatusCounts(member, { kind: "invoice", currency: "USD" })),
  await time("status tab counts, one customer", () => documentStatusCounts(member, { kind: "invoice", customerId: someCustomer?.id })),
  await time("status tab counts, search by customer name", () => documentStatusCounts(member, { kind: "invoice", q: "globex" })),
  await time("currencies in use (list filter)", () => documentCurrencies(member, "invoice")),
  await time("invoice list as it opens: page 1, counts, currencies", () =>
    Promise.all([listDocuments(member, { kind: "invoice" }), documentStatusCounts(member, { kind: "invoice" }), documentCurrencies(member, "invoice")]),
  ),
  ...(await dashboardBench()),
  await time("money: 20-line document", () =>
    computeDocument({ currency: "USD", rounding: "line", lines: Array.from({ length: 20 }, (_, i) => ({ quantityE4: 15000 + i, unitPrice: 1999 + i, taxes: [{ id: "v", name: "VAT", rateE4: 200000, inclusive: false, compound: false }] })) }),
  ),
];

console.log(`Smart Invoice bench — ${os.cpus()[0]?.model ?? "cpu"} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
const loadAfter = os.loadavg();
const load = (l: number[]) => l.map((n) => n.toFixed(2)).join(" / ");
console.log(`Database: ${handle.kind}, ${count} documents in the demo organisation, ${RUNS} runs per query`);
console.log(`Load average (1 / 5 / 15 min): ${load(loadBefore)} before, ${load(loadAfter)} after\n`);
console.log("| query | p50 ms | p95 ms |\n| --- | ---: | ---: |");
for (const r of results) console.log(`| ${r.name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} |`);
mkdirSync(".bench", { recursive: true });
writeFileSync(".bench/db.json", `${JSON.stringify({ measuredAt: new Date().toISOString(), database: handle.kind, documents: count, runs: RUNS, loadAverage: { before: loadBefore, after: loadAfter }, results }, null, 2)}\n`);
await closeDb();
