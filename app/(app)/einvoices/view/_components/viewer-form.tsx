"use client";

import { useRef, useState, useSyncExternalStore, useTransition } from "react";
import { useAppMessages } from "@/components/i18n/app-language";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { viewEInvoiceAction } from "@/lib/actions/einvoice-viewer";
import { catalogs } from "@/lib/i18n/catalogs/app/einvoices";
import { EINVOICE_VIEW_MAX_BYTES } from "@/lib/einvoice/view-limits";
import type { EInvoiceView } from "@/lib/services/einvoice-viewer";
import { EInvoiceDetails } from "./einvoice-details";

const noSubscription = () => () => {};

export function EInvoiceViewer() {
  const t = useAppMessages(catalogs);
  const [pending, startTransition] = useTransition();
  // The size check runs in the browser first, so the button waits for hydration.
  const interactive = useSyncExternalStore(noSubscription, () => true, () => false);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<EInvoiceView | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const submit = () => {
    const file = input.current?.files?.[0];
    setView(null);
    if (!file) return setError(t("form.chooseFile"));
    // Checked here first: a large file would otherwise be uploaded in full only to be refused.
    if (file.size > EINVOICE_VIEW_MAX_BYTES) return setError(t("form.tooLarge"));
    const data = new FormData();
    data.set("file", file);
    startTransition(async () => {
      try {
        const result = await viewEInvoiceAction(data);
        if (result.ok) {
          setError(null);
          setView(result.data);
        } else setError(result.message);
      } catch {
        setError(t("form.uploadFailed"));
      }
    });
  };

  return (
    <div className="space-y-6">
      <form
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="space-y-1">
          <label htmlFor="einvoice-file" className="block text-sm font-medium">
            {t("form.file")}
          </label>
          <input
            id="einvoice-file"
            ref={input}
            name="file"
            type="file"
            accept=".xml,application/xml,text/xml"
            className="block text-sm"
            aria-describedby={error ? "einvoice-error" : undefined}
          />
        </div>
        <div aria-live="polite">{error ? <Alert tone="error" id="einvoice-error">{error}</Alert> : null}</div>
        <Button type="submit" pending={pending} disabled={!interactive}>
          {t("form.show")}
        </Button>
      </form>
      {view ? <EInvoiceDetails view={view} /> : null}
    </div>
  );
}
