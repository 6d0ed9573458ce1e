/** Settings → Jobs: the job ledger page (its sections' tables are still English). */
export const en = {
  "title": "Jobs",
  "heading": "Jobs",
  "intro": "What the scheduled jobs did for {name} — recurring invoices, reminders, email deliveries and payment events — each with the key that makes it happen once, however many runs reach it. Times are in {timeZone}.",
  "backToSettings": "Organisation settings",
  "runNow": "Run jobs now",
  "msg.failed": "The jobs run stopped with an error. It is recorded under Last runs; the server log has the details.",
  "msg.ran": "Jobs ran. What they did for your organisation is listed below.",
} as const;
