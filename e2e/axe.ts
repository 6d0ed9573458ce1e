import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "./test";

type Options = {
  /**
   * Which findings fail the test. "serious" (the default): serious and critical fail, moderate and
   * minor are listed in the report. "any": every finding fails, for pages a spec holds to a
   * stricter bar (pay-online's Checkout and return pages).
   */
  failOn?: "serious" | "any";
};

/**
 * Every axe rule (WCAG 2.x A/AA and best practices); serious and critical findings fail, listed in
 * full (each rule with up to five of its nodes). The one check every spec uses.
 */
export async function expectNoSeriousViolations(page: Page, label: string, { failOn = "serious" }: Options = {}) {
  // Legacy mode runs axe in the page itself. The default opens a blank page per scan to merge
  // frame results (we have no cross-origin frames), which on a loaded 2-core CI machine cost
  // ~5 s a scan and pushed tests past their time budget.
  const { violations } = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  const fails = (impact: string | null | undefined) => failOn === "any" || impact === "serious" || impact === "critical";
  // What does not fail the run still shows in the report.
  for (const v of violations.filter((v) => !fails(v.impact))) {
    test.info().annotations.push({ type: `axe ${v.impact}`, description: `${label}: ${v.id} — ${v.help} (${v.nodes.length})` });
  }
  const failing = violations
    .filter((v) => fails(v.impact))
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(" | ")}`);
  expect(failing, `axe on ${label} (${page.url()})`).toEqual([]);
}
