"use client";

import { useEffect } from "react";

/**
 * Warn before a reload, tab close or typed URL throws away unsaved changes. The redirect after
 * saving is a client-side navigation, which does not fire beforeunload, so saving needs no opt-out.
 */
export function useUnsavedChangesWarning(isDirty: boolean) {
  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [isDirty]);
}
