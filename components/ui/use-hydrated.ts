"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * False on the server and while React hydrates, true from then on. For text the browser must
 * compute itself and that may come out differently from the server's: Node and the browser ship
 * different ICU data, so a date or a date range formatted on both sides can differ by a space or a
 * dot, and React fails to hydrate (minified error #418) and re-renders the whole form.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}
