import { describe, expect, it } from "vitest";
import { actionMatches, commandActionsFor, shortcutsFor } from "./command-menu";

const labels = (role: "owner" | "admin" | "member") => commandActionsFor(role).map((a) => a.label);

describe("command menu actions", () => {
  it("offers each role only the pages it may open", () => {
    expect(labels("member")).toContain("New invoice");
    expect(labels("member")).toContain("Record payment…");
    expect(labels("member")).not.toContain("Settings");
    expect(labels("member")).not.toContain("Settings: Team");
    expect(labels("member")).not.toContain("Settings: Audit log");
    expect(labels("admin")).toEqual(expect.arrayContaining(["Settings", "Settings: Taxes", "Settings: Team", "Settings: Audit log"]));
    expect(labels("owner")).toEqual(labels("admin"));
  });

  it("matches what is typed against the starts of the words of the label and keywords", () => {
    const newInvoice = commandActionsFor("member").find((a) => a.id === "new-invoice")!;
    expect(actionMatches(newInvoice, "")).toBe(true);
    expect(actionMatches(newInvoice, "new inv")).toBe(true);
    expect(actionMatches(newInvoice, "  INV  ")).toBe(true);
    expect(actionMatches(newInvoice, "bill")).toBe(true);
    expect(actionMatches(newInvoice, "voice")).toBe(false);
    expect(actionMatches(newInvoice, "new quote")).toBe(false);
  });

  it("lists Ctrl K, ? and the role's two-key shortcuts, each sequence once", () => {
    const member = shortcutsFor("member");
    expect(member.slice(0, 2).map((s) => s.keys)).toEqual([["Ctrl", "K"], ["?"]]);
    expect(member).toContainEqual({ keys: ["g", "i"], label: "Go to Invoices" });
    expect(member).toContainEqual({ keys: ["n", "i"], label: "New invoice" });
    expect(member.some((s) => s.label === "Go to Settings")).toBe(false);
    expect(shortcutsFor("admin")).toContainEqual({ keys: ["g", "s"], label: "Go to Settings" });
    const sequences = shortcutsFor("owner").map((s) => s.keys.join(" "));
    expect(new Set(sequences).size).toBe(sequences.length);
  });
});
