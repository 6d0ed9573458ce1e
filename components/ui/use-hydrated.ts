"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * False on the server and while React hydrates, true from then on. For text the browser recomputes
 * as the user types (the recurring editor's schedule preview): rendered only once hydrated, it cannot
 * differ from the server's HTML (Node and the browser each ship their own ICU and clock), which made
 * React fail to hydrate (minified error #418) and re-render the whole form.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}
