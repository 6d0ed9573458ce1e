"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs } from "@/lib/i18n/catalogs/app/document-page";

/**
 * Copies a value (an IBAN, a payment reference) to the clipboard and says so in a live region.
 * The value is also printed on the page, so without JavaScript or clipboard access nothing is lost.
 */
export function CopyButton({ value, label, what }: { value: string; label: string; what: string }) {
  const t = useAppMessages(catalogs);
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
  }
  // The confirmation sits just under the button, in the row gap, so it never moves the other actions.
  return (
    <span className="relative inline-flex">
      <Button type="button" variant="secondary" onClick={copy}>
        {label}
      </Button>
      <span role="status" className="absolute left-0 top-full whitespace-nowrap pt-0.5 text-xs text-slate-700">
        {state === "copied" ? t("copied", { what }) : state === "failed" ? t("copyFailed") : ""}
      </span>
    </span>
  );
}
