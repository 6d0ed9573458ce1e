"use client";

import { useRouter } from "next/navigation";
import { useMemo, useSyncExternalStore } from "react";

/**
 * The top bar (navigation-progress.tsx) for navigations started in code: the command menu's
 * results and actions, its two-key shortcuts, the phones' sort select. Those call `router.push`,
 * which neither Next's `useLinkStatus` nor the bar's click listener can see.
 *
 * A module-level store rather than a context: the command menu's provider sits above the bar in
 * the signed-in layout, and a store read through useSyncExternalStore re-renders at once even when
 * the push happens inside a transition (the sort select's), where a setState would wait for the
 * navigation it is meant to announce. The bar ends it when the next path or query is on screen.
 */
let active = false;
let giveUp: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

/** A navigation that has still not landed after 15 s (it failed, or was cancelled): stop showing it. */
export const GIVE_UP_MS = 15_000;

function set(next: boolean) {
  clearTimeout(giveUp);
  if (next) giveUp = setTimeout(() => set(false), GIVE_UP_MS);
  if (active === next) return;
  active = next;
  for (const listener of listeners) listener();
}

/** Show the bar until the next page (another path or query) is on screen. */
export function startNavigationProgress(): void {
  set(true);
}

/** Called by the bar when the path or query on screen changes, or the user goes back. */
export function endNavigationProgress(): void {
  set(false);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Whether a navigation started in code is under way. */
export function useNavigationStarted(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => active,
    () => false,
  );
}

/** Whether going to `href` would show another page: the same path and query (or only a #fragment) never lands, so it must not start a bar nothing would end. */
function leavesPage(href: string): boolean {
  const to = new URL(href, location.href);
  return to.origin === location.origin && (to.pathname !== location.pathname || to.search !== location.search);
}

/** `useRouter()`, whose push and replace to another page show the top bar. Use it for every navigation the app shell starts in code. */
export function useProgressRouter(): ReturnType<typeof useRouter> {
  const router = useRouter();
  return useMemo(
    () => ({
      ...router,
      push: (href, options) => {
        if (leavesPage(href)) startNavigationProgress();
        router.push(href, options);
      },
      replace: (href, options) => {
        if (leavesPage(href)) startNavigationProgress();
        router.replace(href, options);
      },
    }),
    [router],
  );
}
