import { expect, test, type Page } from "../test";
import { createCustomer, issueInvoice, newContext, registerAccount, saveDraftInvoice, toast, uniqueEmail } from "../support";

/**
 * Issue 19's new surface probed as another organisation and a signed-out visitor would: bulk jobs
 * (their page, status and ZIP routes, and a job started with someone else's document ids), the
 * command menu's search, and the `?done=` flags that become toasts.
 */

const JOB_PATH = /\/bulk\/([0-9a-f-]{36})$/;

/** Ticks the invoice `number` on the list and starts "Download PDFs (ZIP)". */
async function startZip(page: Page, number: string) {
  await page.goto("/invoices");
  await page.getByRole("checkbox", { name: `Select ${number}` }).check();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Download PDFs (ZIP)" }).click();
}

test.describe("issue 19: bulk jobs, command search and toasts", () => {
  test("another organisation and a signed-out visitor get nothing of a bulk job, its ZIP or its documents", async ({ page, browser }) => {
    test.setTimeout(300_000);
    // Organisation A: one issued invoice, prepared as a ZIP.
    await registerAccount(page, { name: "Ada Owner", email: uniqueEmail("bulk-a"), organization: "Aurora Owner Co" });
    await expect(page).toHaveURL(/\/onboarding$/);
    await createCustomer(page, { name: "Aurora Secretclient Ltd", email: "ap@aurora-secret.example" });
    await saveDraftInvoice(page, { customer: "Aurora Secretclient Ltd", currency: "EUR", lines: [{ description: "Secret work", price: "900.00" }] });
    const aInvoice = await issueInvoice(page);
    const aInvoiceId = new URL(aInvoice.url).pathname.split("/").pop()!;
    await startZip(page, aInvoice.number);
    const notice = page.getByTestId("bulk-notice").first();
    await expect(notice).toContainText("PDF download finished: 1 ready", { timeout: 120_000 });
    await notice.getByRole("link", { name: "View the outcome for each document" }).click();
    await expect(page).toHaveURL(JOB_PATH);
    const jobId = JOB_PATH.exec(new URL(page.url()).pathname)![1]!;
    // A's own ZIP works: the routes below are refused for who asks, not broken.
    expect((await page.request.get(`/bulk/${jobId}/zip`)).status()).toBe(200);

    // Signed out: the routes answer 401, the page asks to sign in.
    const anonymous = await newContext(browser);
    expect((await anonymous.page.request.get(`/bulk/${jobId}/status`)).status()).toBe(401);
    expect((await anonymous.page.request.get(`/bulk/${jobId}/zip`)).status()).toBe(401);
    await anonymous.page.goto(`/bulk/${jobId}`);
    await expect(anonymous.page).toHaveURL(/\/login\?next=/);
    await anonymous.context.close();

    // Organisation B, signed in: A's job is not found anywhere.
    const { context, page: b } = await newContext(browser);
    await registerAccount(b, { name: "Bo Other", email: uniqueEmail("bulk-b"), organization: "Borealis Other Co" });
    await expect(b).toHaveURL(/\/onboarding$/);
    expect((await b.goto(`/bulk/${jobId}`))?.status()).toBe(404);
    const status = await b.request.get(`/bulk/${jobId}/status`);
    expect(status.status()).toBe(404);
    expect(await status.json()).toEqual({ message: "Bulk action not found." });
    const zip = await b.request.get(`/bulk/${jobId}/zip`);
    expect(zip.status()).toBe(404);
    expect(zip.headers()["content-type"]).not.toContain("zip");

    // B starts a ZIP of its own invoice with A's id put in its place: no job on A's document.
    await createCustomer(b, { name: "Borealis Client", email: "ap@borealis.example" });
    await saveDraftInvoice(b, { customer: "Borealis Client", currency: "EUR", lines: [{ description: "Own work", price: "10.00" }] });
    const bInvoice = await issueInvoice(b);
    const bInvoiceId = new URL(bInvoice.url).pathname.split("/").pop()!;
    let swapped = false;
    await b.route("**/invoices", async (route) => {
      const req = route.request();
      if (req.method() === "POST" && req.headers()["next-action"] && req.postData()?.includes(bInvoiceId)) {
        swapped = true;
        await route.continue({ postData: req.postData()!.replaceAll(bInvoiceId, aInvoiceId) });
      } else {
        await route.continue();
      }
    });
    await startZip(b, bInvoice.number);
    await expect(toast(b, "None of the selected documents could be found. Reload the list and select them again.")).toBeVisible();
    expect(swapped).toBe(true);
    await b.unroute("**/invoices");

    // The command menu finds B's own client, never A's.
    await b.goto("/dashboard");
    await b.getByRole("button", { name: /Search…/ }).click();
    const menu = b.getByRole("dialog", { name: "Command menu" });
    const input = menu.getByRole("combobox", { name: "Search or run a command" });
    await input.fill("Secretclient");
    await expect(menu.getByText("Nothing found for “Secretclient”.")).toBeVisible();
    await input.fill(aInvoice.number);
    await expect(menu.getByRole("option", { name: new RegExp(`Invoice ${aInvoice.number}`) })).toHaveCount(1);
    await expect(menu.getByRole("option", { name: /Aurora/ })).toHaveCount(0);
    await context.close();
  });

  test("a `?done=` flag shows only the app's own words: crafted text is dropped", async ({ page }) => {
    await registerAccount(page, { name: "Tess Toast", email: uniqueEmail("toast"), organization: "Toast Co" });
    await expect(page).toHaveURL(/\/onboarding$/);
    for (const crafted of ["<img src=x onerror=alert(1)>", "Your account is suspended. Call +1 555 0100", "toString", "__proto__", "customer-saved "]) {
      await page.goto(`/customers?done=${encodeURIComponent(crafted)}`);
      // The flag is stripped once read, whatever it said.
      await expect.poll(() => new URL(page.url()).search).toBe("");
      await expect(page.locator("[data-sonner-toast]")).toHaveCount(0);
    }
    await page.goto("/customers?done=customer-saved");
    await expect(toast(page, "Customer saved.")).toBeVisible();
  });
});
