"use client";

import { useLinkStatus } from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { createContext, Suspense, use, useCallback, useEffect, useRef, useState } from "react";
import { LINK_STATUS_ATTRIBUTE } from "./link-status-marker";
import { endNavigationProgress, GIVE_UP_MS, useNavigationStarted } from "./progress-router";

/**
 * A thin bar across the top of the window while a navigation inside the app is under way, so a
 * slow page change (0.5–2.5 s on a small server) never looks frozen. It complements the routes'
 * loading.tsx skeletons, which Next shows only once a route's loading state has been prefetched.
 *
 * Three sources start it, all ending when the new page is on screen:
 * - Links that render <LinkPending /> (the sidebar, the phone menu, the lists' row links) report
 *   Next's own `useLinkStatus`: exact, and skipped by Next when the target was prefetched whole.
 * - Any other <Link> the user follows (a page's "Edit" or "← Invoices"): a click listener starts
 *   the bar, and the next path or query on screen ends it. It counts a click only once <Link> has
 *   taken it over (defaultPrevented), so plain <a> downloads and PDFs, which the browser loads
 *   itself, never start a bar that nothing would end; marked links are left to <LinkPending />.
 * - Navigations started in code (the command menu's `router.push`): `useProgressRouter()` from
 *   ./progress-router signals them through a small store read here.
 *
 * No library: the ones that do this insert an inline <style>, which the CSP (lib/security/csp.ts)
 * refuses. The bar is aria-hidden: the skeleton's status already says "Loading …" once, and a bar
 * announcing itself on every click would be noise. With reduced motion it shows still.
 */
type Begin = () => () => void;

const ProgressContext = createContext<Begin | null>(null);

export function NavigationProgress({ children }: { children: React.ReactNode }) {
  const [pending, setPending] = useState(0);
  const started = useNavigationStarted();
  const begin = useCallback<Begin>(() => {
    setPending((n) => n + 1);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      setPending((n) => n - 1);
    };
  }, []);
  return (
    <ProgressContext value={begin}>
      {children}
      {/* useSearchParams needs a Suspense boundary wherever a page could be prerendered. */}
      <Suspense fallback={null}>
        <UnmarkedLinks begin={begin} />
      </Suspense>
      {pending > 0 || started ? <ProgressBar /> : null}
    </ProgressContext>
  );
}

/** Put inside a <Link> (with LINK_STATUS_MARKER from ./link-status-marker on it): reports that link's pending navigation. */
export function LinkPending() {
  const { pending } = useLinkStatus();
  const begin = use(ProgressContext);
  useEffect(() => {
    if (pending && begin) return begin();
  }, [pending, begin]);
  return null;
}

function ProgressBar() {
  return (
    <div aria-hidden="true" data-navigation-progress="" className="pointer-events-none fixed inset-x-0 top-0 z-50 h-1 overflow-hidden bg-brand-100">
      <div className="animate-nav-progress h-full w-2/5 bg-brand-600 motion-reduce:w-full motion-reduce:animate-none" />
    </div>
  );
}

function UnmarkedLinks({ begin }: { begin: Begin }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const end = useRef<(() => void) | null>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      clearTimeout(timer);
      endNavigationProgress();
      end.current?.();
      end.current = null;
    };
    const onClick = (e: MouseEvent) => {
      if (!followsInApp(e)) return;
      stop();
      end.current = begin();
      timer = setTimeout(stop, GIVE_UP_MS);
    };
    // On window, bubbling: after React's own listener on the document, so <Link>'s preventDefault is seen.
    window.addEventListener("click", onClick);
    window.addEventListener("popstate", stop);
    return () => {
      window.removeEventListener("click", onClick);
      window.removeEventListener("popstate", stop);
      stop();
    };
  }, [begin]);

  // A new path or query on screen: the navigation the click (or the code) started has landed.
  useEffect(() => {
    endNavigationProgress();
    end.current?.();
    end.current = null;
  }, [pathname, search]);

  return null;
}

/** A plain left click that an unmarked <Link> turned into a client-side move to another page. */
function followsInApp(e: MouseEvent): boolean {
  if (!e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return false;
  const anchor = e.target instanceof Element ? e.target.closest("a[href]") : null;
  if (!(anchor instanceof HTMLAnchorElement) || anchor.hasAttribute(LINK_STATUS_ATTRIBUTE)) return false;
  if (anchor.hasAttribute("download") || (anchor.target && anchor.target !== "_self")) return false;
  const to = new URL(anchor.href, location.href);
  if (to.origin !== location.origin) return false;
  // The same page, or only its #fragment: nothing will load.
  return to.pathname !== location.pathname || to.search !== location.search;
}
