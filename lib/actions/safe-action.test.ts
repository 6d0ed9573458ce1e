import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AppLanguage } from "@/lib/i18n/app-language";
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
});
