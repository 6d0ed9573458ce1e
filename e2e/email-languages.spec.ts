/**
 * Issue 20 §1 (emails): Settings → Emails edits each template per language. The select starts on
 * the organisation's language (a new account: en-US, so English); German wording saved there
 * leaves the English wording as it was.
 */
import { expect, test } from "./test";
import { registerAccount, uniqueEmail } from "./support";

test("each language keeps its own wording: saving German leaves English as it was", async ({ page }) => {
  await registerAccount(page, { name: "Lena Lang", email: uniqueEmail("lena"), organization: "Lena's Lettering" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await page.goto("/settings/emails");
  const language = page.getByLabel("Wording in");
  await expect(language).toHaveValue("en");
  const quote = page.getByRole("region", { name: "Quote" });
  await expect(quote.getByLabel("Subject")).toHaveValue("Quote {number} from {organization_name}");

  await language.selectOption("de");
  await expect(page).toHaveURL(/\/settings\/emails\?language=de$/);
  await expect(quote.getByLabel("Subject")).toHaveValue("Angebot {number} von {organization_name}");
  // The preview is German too: its button, and the sample date as German writes it.
  await expect(quote.getByRole("figure")).toContainText("Angebot ansehen:");
  await expect(quote.getByRole("figure")).toContainText("Hier ist unser Angebot INV-2026-0042 über");
  await expect(quote.getByRole("figure")).toContainText("gültig bis 30.04.2026.");

  await quote.getByLabel("Subject").fill("Unser Angebot {number}");
  await quote.getByRole("button", { name: /^Save/ }).click();
  await expect(quote.getByRole("status").filter({ hasText: "Quote email in Deutsch saved." })).toBeVisible();

  await language.selectOption("en");
  await expect(page).toHaveURL(/\/settings\/emails$/);
  await expect(quote.getByLabel("Subject")).toHaveValue("Quote {number} from {organization_name}");
  await expect(quote.getByText("Using the default wording.")).toBeVisible();

  await page.goto("/settings/emails?language=de");
  await expect(quote.getByLabel("Subject")).toHaveValue("Unser Angebot {number}");
});
