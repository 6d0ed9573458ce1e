import { describe, expect, it } from "vitest";
import { RECORDED_EVENTS } from "@/lib/sendgrid-webhook";
import { appTranslator } from "./app-language";
import { catalogs } from "./catalogs/app/send";

describe("delivery event names on a document's page", () => {
  it("has words for every event type SendGrid's webhook stores", () => {
    for (const event of RECORDED_EVENTS) expect(Object.keys(catalogs.en)).toContain(`emailEvent.${event}`);
  });

  it("names them in German", () => {
    const t = appTranslator(catalogs, "de");
    expect(RECORDED_EVENTS.map((event) => t(`emailEvent.${event}`))).toEqual([
      "vom Versanddienst angenommen",
      "zugestellt",
      "verzögert",
      "unzustellbar",
      "verworfen",
      "als Spam gemeldet",
      "geöffnet",
      "Link angeklickt",
    ]);
  });
});
