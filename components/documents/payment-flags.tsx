import type { DocumentPageKey } from "@/lib/i18n/catalogs/app/document-page";
import type { Translate } from "@/lib/i18n/messages";

/**
 * What an invoice's online payments need from the owner: an overpayment to settle, a dispute to
 * answer in Stripe, a payment Stripe collected that could not be recorded. Shown above the
 * invoice, worded as what to do next.
 */
/** `t` words the panel in the app language; `attention` arrives already worded. */
export function PaymentFlags({ overpaidBy, disputed, attention, t }: { overpaidBy: string | null; disputed: boolean; attention: string[]; t: Translate<DocumentPageKey> }) {
  if (!overpaidBy && !disputed && attention.length === 0) return null;
  return (
    <section aria-labelledby="payment-flags-heading" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <h2 id="payment-flags-heading" className="font-semibold">{t("flags.heading")}</h2>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {overpaidBy ? <li data-testid="overpaid">{t("flags.overpaid", { amount: overpaidBy })}</li> : null}
        {disputed ? <li data-testid="disputed">{t("flags.disputed")}</li> : null}
        {attention.map((text, i) => (
          <li key={i} data-testid="payment-attention">{text}</li>
        ))}
      </ul>
    </section>
  );
}

/** The short form for lists and the dashboard, next to a balance. */
export function OverpaidBadge({ label, hint }: { label: string; hint: string }) {
  return <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-950" title={hint}>{label}</span>;
}
