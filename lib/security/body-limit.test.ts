import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, BODY_TOO_LARGE_MESSAGE, bodyTooLarge, EINVOICE_UPLOAD_BODY_LIMIT_BYTES } from "./body-limit";

describe("bodyTooLarge", () => {
  it("answers 413 with a plain-text message for a page post over the limit (1 MB)", async () => {
    const response = bodyTooLarge("POST", "/settings", String(3 * 1024 * 1024));
    expect(response?.status).toBe(413);
    // Exactly text/plain: Next's action client shows only such a body to the form.
    expect(response?.headers.get("content-type")).toBe("text/plain");
    expect(await response?.text()).toBe(BODY_TOO_LARGE_MESSAGE);
  });

  it("lets through bodies up to the limit, reads, API routes and bodies of unknown length", () => {
    expect(bodyTooLarge("POST", "/settings", String(ACTION_BODY_LIMIT_BYTES))).toBeNull();
    expect(bodyTooLarge("POST", "/settings", String(ACTION_BODY_LIMIT_BYTES + 1))?.status).toBe(413);
    expect(bodyTooLarge("GET", "/settings", String(5 * 1024 * 1024))).toBeNull();
    expect(bodyTooLarge("POST", "/api/webhooks/sendgrid", String(5 * 1024 * 1024))).toBeNull();
    expect(bodyTooLarge("POST", "/settings", null)).toBeNull();
    expect(bodyTooLarge("POST", "/settings", String(2 * 1024 * 1024))?.status).toBe(413);
  });

  it("lets only the e-invoice viewer's page take a 2 MB file (and its envelope)", async () => {
    expect(EINVOICE_UPLOAD_BODY_LIMIT_BYTES).toBe(2 * 1024 * 1024 + 64 * 1024);
    expect(bodyTooLarge("POST", "/einvoices/view", String(EINVOICE_UPLOAD_BODY_LIMIT_BYTES))).toBeNull();
    const over = bodyTooLarge("POST", "/einvoices/view", String(EINVOICE_UPLOAD_BODY_LIMIT_BYTES + 1));
    expect(over?.status).toBe(413);
    expect(await over?.text()).toBe("This request is too large: at most 2 MB can be sent at once. Choose a smaller file or shorten the text.");
    expect(bodyTooLarge("POST", "/settings", "lots")).toBeNull();
  });
});
