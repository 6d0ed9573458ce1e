import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AppLanguage } from "@/lib/i18n/app-language";
import { z } from "zod";
import { AppError, conflict, notFound } from "@/lib/errors";
import { customerSchema } from "@/lib/validation/customers";

// The session's answers, set per test: the language the person reads, and whether anyone is signed in.
const session = vi.hoisted(() => ({ language: "de" as AppLanguage }));
vi.mock("@/lib/session", () => ({
  getAppLanguage: async () => session.language,
  getMembership: async () => null,
  getSessionUser: async () => null,
}));
vi.mock("next/headers", () => import("@/tests/support/request-mocks").then((m) => m.nextHeadersModule));

const { memberAction, publicAction } = await import("./safe-action");

describe("safe-action in the app language", () => {
  beforeEach(() => {
    session.language = "de";
  });

  const save = publicAction(customerSchema, async () => ({ data: undefined }));

  it("words the schema's field errors and its own message in German", async () => {
    expect(await save({ name: "", email: "nope", country: "USA" })).toEqual({
      ok: false,
      code: "BAD_REQUEST",
      message: "Bitte korrigieren Sie die markierten Felder.",
      fieldErrors: {
        name: "Geben Sie den Namen des Kunden ein.",
        email: "Geben Sie eine gültige E-Mail-Adresse ein, etwa name@example.com.",
        country: "Verwenden Sie einen zweistelligen Ländercode, etwa US oder DE.",
        contacts: "Ungültige Eingabe.",
      },
    });
  });

  it("keeps English as the schema wrote it", async () => {
    session.language = "en";
    const result = await save({ name: "", contacts: [] });
    expect(result).toMatchObject({ message: "Please correct the highlighted fields.", fieldErrors: { name: "Enter the customer's name." } });
  });

  it("tells a signed-out person in their language", async () => {
    const action = memberAction(customerSchema, async () => ({ data: undefined }));
    expect(await action({})).toEqual({ ok: false, code: "UNAUTHENTICATED", message: "Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an, um fortzufahren." });
    session.language = "en";
    expect(await action({})).toMatchObject({ message: "Your session has ended. Sign in again to continue." });
  });

  const none = z.object({});

  it("words an AppError of a service and its field errors in German, the values kept", async () => {
    const refused = publicAction(none, async () => {
      throw conflict("This invoice has payments. Delete them or issue a credit note instead.");
    });
    expect(await refused({})).toEqual({
      ok: false,
      code: "CONFLICT",
      message: "Zu dieser Rechnung gibt es Zahlungen. Löschen Sie sie oder stellen Sie stattdessen eine Gutschrift aus.",
    });
    const gone = publicAction(none, async () => {
      throw notFound("Customer");
    });
    expect(await gone({})).toMatchObject({ code: "NOT_FOUND", message: "Der Kunde wurde nicht gefunden." });
    const overpaid = publicAction(none, async () => {
      throw new AppError("BAD_REQUEST", "That is more than the balance due. Overpayments are not accepted.", { amount: "That is more than the balance due." });
    });
    expect(await overpaid({})).toEqual({
      ok: false,
      code: "BAD_REQUEST",
      message: "Das ist mehr als der offene Betrag. Überzahlungen werden nicht angenommen.",
      fieldErrors: { amount: "Das ist mehr als der offene Betrag." },
    });
    const invited = publicAction(none, async () => {
      throw new AppError("FORBIDDEN", "This invitation was sent to jo@example.org. Sign in with that address to accept it.");
    });
    expect(await invited({})).toMatchObject({ message: "Diese Einladung wurde an jo@example.org gesendet. Melden Sie sich mit dieser Adresse an, um sie anzunehmen." });
  });

  it("words a success message in German, and leaves one already worded alone", async () => {
    expect(await publicAction(none, async () => ({ data: 1, message: "Payment options saved." }))({})).toEqual({ ok: true, data: 1, message: "Zahlungsoptionen gespeichert." });
    expect(await publicAction(none, async () => ({ data: 1, message: "Rechnung RE-7 ausgestellt." }))({})).toEqual({ ok: true, data: 1, message: "Rechnung RE-7 ausgestellt." });
    expect(await publicAction(none, async () => ({ data: 1 }))({})).toEqual({ ok: true, data: 1, message: undefined });
  });

  it("answers an unexpected error with the generic message in German", async () => {
    const broken = publicAction(none, async () => {
      throw new Error("connection reset");
    });
    expect(await broken({})).toEqual({ ok: false, code: "INTERNAL", message: "Bei uns ist etwas schiefgelaufen. Es wurde nichts geändert; bitte versuchen Sie es erneut." });
  });

  it("gives English users the service's own words", async () => {
    session.language = "en";
    const refused = publicAction(none, async () => {
      throw conflict("This invoice has payments. Delete them or issue a credit note instead.");
    });
    expect(await refused({})).toMatchObject({ message: "This invoice has payments. Delete them or issue a credit note instead." });
    expect(await publicAction(none, async () => ({ data: 1, message: "Payment options saved." }))({})).toMatchObject({ message: "Payment options saved." });
  });
});
