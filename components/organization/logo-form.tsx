"use client";

import { useRef, useState, useSyncExternalStore, useTransition } from "react";
import { logoPath } from "@/lib/logo-path";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs } from "@/lib/i18n/catalogs/app/organization";
import { uploadLogo } from "@/lib/actions/organization";
import { LOGO_MAX_BYTES } from "@/lib/uploads";

const noSubscription = () => () => {};

export function LogoForm({ orgId, logoVersion }: { orgId: string; logoVersion: number | null }) {
  const t = useAppMessages(catalogs);
  const [pending, startTransition] = useTransition();
  // The buttons work through JavaScript (the size check runs before the upload), so they stay
  // disabled until React has hydrated them: a click in the first moments is not silently lost.
  const interactive = useSyncExternalStore(noSubscription, () => true, () => false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const submit = (remove: boolean) => {
    const data = new FormData();
    const file = input.current?.files?.[0];
    if (remove) data.set("remove", "1");
    else if (file) {
      // Checked here first: a large file would otherwise be uploaded in full only to be refused.
      if (file.size > LOGO_MAX_BYTES) {
        setResult({ ok: false, message: t("logo.tooLarge") });
        return;
      }
      data.set("logo", file);
    }
    startTransition(async () => {
      try {
        const r = await uploadLogo(data);
        setResult({ ok: r.ok, message: r.ok ? (r.message ?? t("logo.saved")) : r.message });
      } catch {
        // The server refused the request before the action ran (over its 2 MB limit: 413) or the
        // network failed; either way the form says so rather than falling to the error page.
        setResult({ ok: false, message: t("logo.failed") });
      }
    });
  };

  return (
    <div className="space-y-4">
      {logoVersion ? (
        // eslint-disable-next-line @next/next/no-img-element -- served by our own route with its own cache headers
        <img src={logoPath(orgId, logoVersion)} alt={t("logo.current")} className="h-16 w-auto rounded border border-slate-200 bg-white p-1" />
      ) : (
        <p className="text-sm text-slate-700">{t("logo.none")}</p>
      )}
      <div className="space-y-1">
        <label htmlFor="logo" className="block text-sm font-medium">
          {t("logo.label")}
        </label>
        <input id="logo" ref={input} type="file" accept="image/png,image/jpeg,image/webp" className="block text-sm" aria-describedby={result && !result.ok ? "logo-error" : undefined} />
      </div>
      <div aria-live="polite">{result ? <Alert tone={result.ok ? "success" : "error"} id={result.ok ? undefined : "logo-error"}>{result.message}</Alert> : null}</div>
      <div className="flex gap-3">
        <Button type="button" pending={pending} disabled={!interactive} onClick={() => submit(false)}>
          {t("logo.upload")}
        </Button>
        {logoVersion ? (
          <Button type="button" variant="secondary" pending={pending} disabled={!interactive} onClick={() => submit(true)}>
            {t("logo.remove")}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
