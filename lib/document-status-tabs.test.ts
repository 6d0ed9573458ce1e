import { describe, expect, it } from "vitest";
import { statusTabs, tabCount } from "./document-status-tabs";

// 2 drafts, 3 issued + 1 partly paid (4 open, of which 2 overdue), 1 paid, 1 void: 8 in all.
const counts = { byStatus: { draft: 2, issued: 3, partially_paid: 1, paid: 1, void: 1 }, overdue: 2 };

describe("status tabs", () => {
  it("counts All, Draft, Open, Overdue and Paid for invoices", () => {
    const got = statusTabs("invoice", undefined).map((t) => `${t.label} ${tabCount("invoice", counts, t.status)}`);
    expect(got).toEqual(["All 8", "Draft 2", "Open 4", "Overdue 2", "Paid 1"]);
  });

  it("counts a quote as open while sent or viewed", () => {
    expect(tabCount("quote", { byStatus: { sent: 2, viewed: 1, accepted: 4 }, overdue: 0 }, "open")).toBe(3);
  });

  it("keeps a status from an older link visible as its own tab", () => {
    expect(statusTabs("invoice", "sent").at(-1)).toEqual({ status: "sent", label: "Sent" });
    expect(statusTabs("invoice", "paid")).toHaveLength(5);
  });
});
