import type { ClientPageKey } from "@/lib/i18n/catalogs/client-page";
import type { Translate } from "@/lib/i18n/messages";

/**
 * The client page's online payment panel: plain forms that POST to /i/<token>/pay (the page ships
 * no JavaScript and keeps its strict CSP). Presentational: the page works out the offer, and `p`
 * words it in the document's language (lib/i18n/catalogs/client-page).
 */
export type PayOnlineView = {
  action: string;
  /** "€100.00": the payable balance, and with a fee what is charged in total. */
  payable: string;
  fee: { amount: string; taxText: string | null; total: string; partText: string } | null;
  part: { minimum: string; maximum: string; decimals: number; typed: string | null } | null;
  error: string | null;
};

const button = "inline-flex min-h-11 items-center rounded-md bg-brand-600 px-5 text-sm font-semibold text-white hover:bg-brand-700";

export function PayOnline({ view, p }: { view: PayOnlineView; p: Translate<ClientPageKey> }) {
  const { fee, part } = view;
  return (
    <div id="pay" className="w-full space-y-3" data-testid="pay-online">
      {view.error ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          {view.error}
        </p>
      ) : null}
      {fee ? (
        <dl className="grid max-w-sm grid-cols-[1fr_auto] gap-x-4 text-sm">
          <dt>{fee.taxText ? p("pay.feeInclTax", { tax: fee.taxText }) : p("pay.fee")}</dt>
          <dd className="text-end tabular-nums" data-testid="payment-fee">{fee.amount}</dd>
          <dt className="font-semibold">{p("pay.totalToPay")}</dt>
          <dd className="text-end font-semibold tabular-nums" data-testid="total-to-pay">{fee.total}</dd>
        </dl>
      ) : null}
      <form method="post" action={view.action}>
        <button className={button}>{p("pay.pay", { amount: fee ? fee.total : view.payable })}</button>
      </form>
      {part ? (
        <form method="post" action={view.action} className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="pay-amount" className="block text-sm font-medium">
              {p("pay.partLabel", { minimum: part.minimum, maximum: part.maximum })}
            </label>
            <input
              id="pay-amount"
              name="amount"
              inputMode="decimal"
              required
              autoComplete="off"
              defaultValue={part.typed ?? ""}
              aria-describedby={fee ? "pay-part-fee" : undefined}
              aria-invalid={view.error && part.typed ? true : undefined}
              pattern={part.decimals ? `[0-9]+(\\.[0-9]{1,${part.decimals}})?` : "[0-9]+"}
              className="mt-1 min-h-11 w-40 rounded-md border border-slate-400 px-3 tabular-nums"
            />
          </div>
          <button className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-5 text-sm font-semibold hover:bg-slate-50">{p("pay.payThisAmount")}</button>
          {fee ? <p id="pay-part-fee" className="w-full text-xs text-slate-700">{fee.partText}</p> : null}
        </form>
      ) : null}
    </div>
  );
}

export type ReturnState = "succeeded" | "processing" | "confirming" | "still-confirming" | "failed";

const returnMessages: Record<ReturnState, { key: ClientPageKey; tone: string }> = {
  succeeded: { key: "return.succeeded", tone: "border-green-300 bg-green-50 text-green-900" },
  processing: { key: "return.processing", tone: "border-amber-300 bg-amber-50 text-amber-900" },
  confirming: { key: "return.confirming", tone: "border-slate-300 bg-slate-50 text-slate-900" },
  "still-confirming": { key: "return.stillConfirming", tone: "border-slate-300 bg-slate-50 text-slate-900" },
  failed: { key: "return.failed", tone: "border-red-300 bg-red-50 text-red-900" },
};

/** What became of the payment the client just made; while the webhook is on its way, the page reloads itself (meta refresh, no script). */
export function CheckoutReturn({ state, refreshUrl, p }: { state: ReturnState; refreshUrl: string | null; p: Translate<ClientPageKey> }) {
  const { key, tone } = returnMessages[state];
  return (
    <>
      {refreshUrl ? <meta httpEquiv="refresh" content={`3;url=${refreshUrl}`} /> : null}
      <p role="status" className={`mt-4 rounded-md border px-4 py-3 text-sm ${tone}`} data-testid="checkout-return">
        {p(key)}
      </p>
    </>
  );
}
