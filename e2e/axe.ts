import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "./test";

/**
 * Every axe rule (WCAG 2.x A/AA and best practices); serious and critical findings fail, listed in
 * full. The same check the older specs each define for themselves (accessibility.spec.ts has the
 * reasoning for legacy mode); new specs import it from here.
 */
export async function expectNoSeriousViolations(page: Page, label: string) {
  const { violations } = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  for (const v of violations.filter((v) => v.impact !== "serious" && v.impact !== "critical")) {
    test.info().annotations.push({ type: `axe ${v.impact}`, description: `${label}: ${v.id} — ${v.help} (${v.nodes.length})` });
  }
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(" | ")}`);
  expect(serious, `axe on ${label} (${page.url()})`).toEqual([]);
}
