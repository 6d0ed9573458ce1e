"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Suspense, useEffect } from "react";
import { toast, Toaster } from "sonner";
import { useAppMessages } from "@/components/i18n/app-language";
import { FLASH_PARAM, flashKey } from "@/lib/flash";
import { catalogs as flashCatalogs } from "@/lib/i18n/catalogs/app/flash";

/**
 * The app's one toast region (sonner's section is an aria-live region rendered from the start, so
 * each toast is announced once; nothing else on the page repeats its text). richColors stays off:
 * its pale greens and reds fail contrast. Also turns a redirect's `?done=` flag into a toast.
 */
export function AppToaster() {
  return (
    <>
      <Toaster position="bottom-right" closeButton duration={6000} toastOptions={{ classNames: { toast: "text-slate-900", description: "text-slate-700" } }} />
      <Suspense fallback={null}>
        <FlashToast />
      </Suspense>
    </>
  );
}

function FlashToast() {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const t = useAppMessages(flashCatalogs);
  const value = params.get(FLASH_PARAM);
  useEffect(() => {
    if (!value) return;
    const key = flashKey(value);
    // A fixed id: a second effect run (Strict Mode, a re-render) updates the toast instead of adding one.
    if (key) toast.success(t(key), { id: `flash-${value}` });
    // Strip the flag so Back or a refresh does not say it again.
    const rest = new URLSearchParams(params);
    rest.delete(FLASH_PARAM);
    const query = rest.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }, [value, params, pathname, router, t]);
  return null;
}
