import { expect, type Locator } from "./test";

/**
 * Waits until React has hydrated `target` (its props, event handlers included, are attached to the
 * element) and the page's main thread has gone idle, so pending effects and lower-priority Suspense
 * boundaries have hydrated too.
 *
 * A click or a keystroke that lands on server-rendered HTML before then is handled by the browser
 * alone: a <Link> becomes a full page load (no progress bar, no unsaved-changes prompt), and text
 * typed into a form field is not seen by the form's state. Users rarely act within that first
 * fraction of a second; tests do on every run, so tests that check client behaviour wait here first.
 * Reading React's `__reactProps$…` key is test-only knowledge of React DOM's internals: nothing in
 * the app depends on it.
 */
export async function waitForHydration(target: Locator): Promise<void> {
  await expect
    .poll(() => target.evaluate((el) => Object.keys(el).some((key) => key.startsWith("__reactProps$"))), { message: "the element hydrates" })
    .toBe(true);
  await target.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 2_000 })));
}
