/**
 * The client page's online payment panel: plain forms that POST to /i/<token>/pay (the page ships
 * no JavaScript and keeps its strict CSP). Presentational: the page works out the offer.
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

export function PayOnline({ view }: { view: PayOnlineView }) {
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
          <dt>Payment fee{fee.taxText ? ` (incl. ${fee.taxText})` : ""}</dt>
          <dd className="text-right tabular-nums" data-testid="payment-fee">{fee.amount}</dd>
          <dt className="font-semibold">Total to pay</dt>
          <dd className="text-right font-semibold tabular-nums" data-testid="total-to-pay">{fee.total}</dd>
        </dl>
      ) : null}
      <form method="post" action={view.action}>
        <button className={button}>Pay {fee ? fee.total : view.payable}</button>
      </form>
      {part ? (
        <form method="post" action={view.action} className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="pay-amount" className="block text-sm font-medium">
              Or pay part of it ({part.minimum} to {part.maximum})
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
          <button className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-5 text-sm font-semibold hover:bg-slate-50">Pay this amount</button>
          {fee ? <p id="pay-part-fee" className="w-full text-xs text-slate-700">{fee.partText}</p> : null}
        </form>
      ) : null}
    </div>
  );
}

export type ReturnState = "succeeded" | "processing" | "confirming" | "still-confirming" | "failed";

const returnMessages: Record<ReturnState, { text: string; tone: string }> = {
  succeeded: { text: "Payment received — thank you.", tone: "border-green-300 bg-green-50 text-green-900" },
  processing: {
    text: "Your payment is processing. Payments by bank debit or transfer take a few days to arrive; this invoice shows as paid once it has.",
    tone: "border-amber-300 bg-amber-50 text-amber-900",
  },
  confirming: { text: "We're confirming your payment… This page refreshes by itself.", tone: "border-slate-300 bg-slate-50 text-slate-900" },
  "still-confirming": {
    text: "We're still confirming your payment. This can take a few minutes: reload this page later. Pressing Pay again will not charge you twice.",
    tone: "border-slate-300 bg-slate-50 text-slate-900",
  },
  failed: { text: "The payment did not go through and nothing was collected. You can try again.", tone: "border-red-300 bg-red-50 text-red-900" },
};

/** What became of the payment the client just made; while the webhook is on its way, the page reloads itself (meta refresh, no script). */
export function CheckoutReturn({ state, refreshUrl }: { state: ReturnState; refreshUrl: string | null }) {
  const { text, tone } = returnMessages[state];
  return (
    <>
      {refreshUrl ? <meta httpEquiv="refresh" content={`3;url=${refreshUrl}`} /> : null}
      <p role="status" className={`mt-4 rounded-md border px-4 py-3 text-sm ${tone}`} data-testid="checkout-return">
        {text}
      </p>
    </>
  );
}
