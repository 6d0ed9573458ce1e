import { describe, expect, it } from "vitest";
import { commandHitWords } from "./command-hits";

const row = { kind: "invoice" as const, number: "INV-0007", status: "partially_paid" as const, issueDate: "2026-12-04", customerName: "Muster GmbH" };

describe("commandHitWords", () => {
  it("words a German user's hits in German, with the date as German writes it", () => {
    const words = commandHitWords("de", "de-DE");
    expect(words.document(row)).toEqual({ label: "Rechnung INV-0007", detail: "Muster GmbH · Teilweise bezahlt · 04.12.2026" });
    expect(words.document({ ...row, kind: "quote", number: "Q-0003", status: "converted" })).toEqual({ label: "Angebot Q-0003", detail: "Muster GmbH · Umgewandelt · 04.12.2026" });
    expect(words.document({ ...row, kind: "credit_note", number: "CN-0001", status: "issued" }).label).toBe("Gutschrift CN-0001");
    expect(words.document({ ...row, number: null, status: "draft" }).label).toBe("Rechnungsentwurf");
    expect(words.customerDetail({ email: "a@b.test", archived: true })).toBe("a@b.test · Archiviert");
  });

  it("keeps the English wording, with the organisation's region for the date", () => {
    const words = commandHitWords("en", "en-GB");
    expect(words.document(row)).toEqual({ label: "Invoice INV-0007", detail: "Muster GmbH · Partially paid · 4 Dec 2026" });
    expect(words.document({ ...row, kind: "credit_note", number: null, status: "draft" }).label).toBe("Credit note draft");
    expect(words.customerDetail({ email: null, archived: true })).toBe("Archived");
  });
});
