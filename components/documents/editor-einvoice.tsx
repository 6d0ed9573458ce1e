import { useEffect, useState } from "react";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { PAYMENT_MEANS } from "@/lib/einvoice/codes";
import type { EditorForm } from "./editor-types";
import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs as editorCatalogs } from "@/lib/i18n/catalogs/app/editor";

/**
 * The document's e-invoice business terms, folded away until needed: delivery date or service
 * period (BT-72 / BG-14), purchase order (BT-13), buyer reference (BT-10), payment means (BT-81).
 * The field ids are stable: pre-flight messages before issuing link to them (#deliveryDate …).
 */
const names = ["deliveryDate", "periodStart", "periodEnd", "purchaseOrderRef", "buyerReference", "paymentMeansCode"] as const;

export function EditorEInvoice({ form }: { form: EditorForm }) {
  const t = useAppMessages(editorCatalogs);
  const { register, formState, getValues } = form;
  const { errors } = formState;
  const field = (name: "deliveryDate" | "periodStart" | "periodEnd" | "purchaseOrderRef" | "buyerReference", label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}, hint?: string) => {
    const error = errors[name]?.message;
    return (
      <Field id={name} label={label} error={error} hint={hint}>
        <Input id={name} invalid={!!error} aria-describedby={describedBy(name, error, !!hint)} {...props} {...register(name)} />
      </Field>
    );
  };
  // Open at first when something is filled in, and always while a field in it is wrong (an error must
  // never hide in a closed section); otherwise as the user leaves it. A link to #field opens it too.
  const [isOpen, setOpen] = useState(() => names.some((n) => !!getValues(n)));
  const hasError = names.some((n) => !!errors[n]);
  // A pre-flight link (…/edit#buyerReference) lands on a field in here: open the section, then show
  // and focus the field (a closed <details> hides it from the browser's own scroll to the fragment).
  useEffect(() => {
    const openForHash = () => {
      const target = decodeURIComponent(window.location.hash.slice(1));
      if (!(names as readonly string[]).includes(target)) return;
      setOpen(true);
      requestAnimationFrame(() => {
        const field = document.getElementById(target);
        field?.scrollIntoView({ block: "center" });
        field?.focus({ preventScroll: true });
      });
    };
    openForHash();
    window.addEventListener("hashchange", openForHash);
    return () => window.removeEventListener("hashchange", openForHash);
  }, []);
  return (
    <details open={isOpen || hasError} onToggle={(e) => setOpen(e.currentTarget.open)} className="rounded-lg border border-slate-200 bg-white p-6" id="einvoice-details">
      <summary className="cursor-pointer text-base font-semibold max-sm:py-2.5">{t("einvoice")}</summary>
      <p className="mt-2 text-sm text-slate-700">{t("einvoiceHint")}</p>
      <div className="mt-4 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
        {field("deliveryDate", t("deliveryDate"), { type: "date" })}
        {field("periodStart", t("periodStart"), { type: "date" })}
        {field("periodEnd", t("periodEnd"), { type: "date" })}
        {field("purchaseOrderRef", t("purchaseOrderRef"), { autoComplete: "off" })}
        {field("buyerReference", t("buyerReference"), { autoComplete: "off" }, t("buyerReferenceHint"))}
        <Field id="paymentMeansCode" label={t("paymentMeans")} error={errors.paymentMeansCode?.message}>
          <Select id="paymentMeansCode" invalid={!!errors.paymentMeansCode} aria-describedby={describedBy("paymentMeansCode", errors.paymentMeansCode?.message)} {...register("paymentMeansCode")}>
            <option value="">{t("paymentMeansAutomatic")}</option>
            {Object.entries(PAYMENT_MEANS).map(([code, label]) => (
              <option key={code} value={code}>
                {label} ({code})
              </option>
            ))}
          </Select>
        </Field>
      </div>
    </details>
  );
}
