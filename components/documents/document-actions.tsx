"use client";

import { useEffect, useState, useTransition } from "react";
import Link from "next/link";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import type { DocumentKind, DocumentStatus } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/safe-action";
import { convertToInvoice, createCreditNote, deletePayment, duplicate, issue, quoteOutcome, recordPayment, removeDraft, voidOrCopy } from "@/lib/actions/documents";
import { documentPaths, paymentMethods } from "@/lib/document-labels";
import { paymentRowId } from "./payment-row-id";
import { paymentSchema, voidSchema } from "@/lib/validation/documents";

type Props = { id: string; kind: DocumentKind; status: DocumentStatus; balance: string; currency: string; today: string; lines: { id: string; description: string }[] };

function useRun() {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const run = (action: () => Promise<ActionResult<unknown>>) =>
    startTransition(async () => {
      const r = await action();
      if (r) setResult({ ok: r.ok, message: r.ok ? (r.message ?? "Done.") : r.message });
    });
  return { pending, result, run, clear: () => setResult(null) };
}

export function DocumentActions({ id, kind, status, balance, currency, today, lines }: Props) {
  const { pending, result, run, clear } = useRun();
  const [panel, setPanel] = useState<"payment" | "void" | "credit" | null>(null);
  const [recorded, setRecorded] = useState<string | null>(null);
  const [recordedMessage, setRecordedMessage] = useState("Payment recorded.");
  useFocusWhenShown(recorded ? paymentRowId(recorded) : null);
  const open = ["issued", "sent", "viewed", "partially_paid"].includes(status);
  const path = documentPaths[kind];
  return (
    <div className="space-y-4">
      <div aria-live="polite">
        {recorded ? (
          <Alert tone="success">
            <span className="flex flex-wrap items-center gap-3">
              {recordedMessage}
              <Button variant="secondary" pending={pending} onClick={() => run(async () => {
                const undone = await deletePayment({ paymentId: recorded });
                if (undone.ok) setRecorded(null);
                return undone.ok ? { ...undone, message: "Payment undone; the balance is restored." } : undone;
              })}>Undo</Button>
            </span>
          </Alert>
        ) : null}
        {result ? <Alert tone={result.ok ? "success" : "error"}>{result.message}</Alert> : null}
      </div>
      <div className="flex flex-wrap gap-2">
        {status === "draft" ? (
          <>
            <Link href={`${path}/${id}/edit`} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold hover:bg-slate-50">Edit</Link>
            <Button pending={pending} onClick={() => run(() => issue({ id }))}>{kind === "quote" ? "Issue quote" : kind === "credit_note" ? "Issue credit note" : "Issue invoice"}</Button>
            <Button variant="danger" pending={pending} onClick={() => confirm("Delete this draft? This can't be undone.") && run(() => removeDraft({ id, kind }))}>Delete draft</Button>
          </>
        ) : null}
        {kind === "invoice" && open ? <Button variant="secondary" onClick={() => { setRecorded(null); setPanel(panel === "payment" ? null : "payment"); }} aria-expanded={panel === "payment"}>Record payment</Button> : null}
        {kind === "invoice" && status !== "draft" && status !== "void" ? <Button variant="secondary" onClick={() => setPanel(panel === "credit" ? null : "credit")} aria-expanded={panel === "credit"}>Credit note</Button> : null}
        {kind === "quote" && ["sent", "viewed"].includes(status) ? (
          <>
            <Button variant="secondary" pending={pending} onClick={() => run(() => quoteOutcome({ id, outcome: "accepted" }))}>Mark accepted</Button>
            <Button variant="secondary" pending={pending} onClick={() => run(() => quoteOutcome({ id, outcome: "declined" }))}>Mark declined</Button>
          </>
        ) : null}
        {kind === "quote" && status === "accepted" ? <Button pending={pending} onClick={() => run(() => convertToInvoice({ id }))}>Convert to invoice</Button> : null}
        <Button variant="secondary" pending={pending} onClick={() => run(() => duplicate({ id }))}>Duplicate</Button>
        {status !== "draft" && status !== "void" && status !== "converted" ? <Button variant="ghost" onClick={() => setPanel(panel === "void" ? null : "void")} aria-expanded={panel === "void"}>Void…</Button> : null}
      </div>
      {panel === "payment" ? (
        <PaymentForm
          id={id}
          balance={balance}
          currency={currency}
          today={today}
          onRecorded={(paymentId, message) => {
            // Closing the panel unmounts the form: the next "Record payment" starts from the new balance with a new key.
            setPanel(null);
            clear();
            setRecordedMessage(message ?? "Payment recorded.");
            setRecorded(paymentId);
          }}
        />
      ) : null}
      {panel === "void" ? <VoidForm id={id} /> : null}
      {panel === "credit" ? <CreditNoteForm id={id} lines={lines} /> : null}
    </div>
  );
}

/**
 * Moves focus to the element with this id as soon as it is on the page: the new payment's row comes
 * with the refreshed page, which may land a frame or two after the action's answer.
 */
function useFocusWhenShown(elementId: string | null) {
  useEffect(() => {
    if (!elementId) return;
    let frame = 0;
    let tries = 0;
    const attempt = () => {
      const element = document.getElementById(elementId);
      if (element) element.focus();
      else if (tries++ < 120) frame = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [elementId]);
}

/** A random uuid; crypto.randomUUID exists only on https and localhost, getRandomValues everywhere. */
function newSubmissionKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function PaymentForm({ id, balance, currency, today, onRecorded }: { id: string; balance: string; currency: string; today: string; onRecorded: (paymentId: string, message?: string) => void }) {
  // One key per opening of the form: every request this submission turns into carries it, so the
  // server records one payment however many of them arrive (lib/data/documents/payments.ts).
  const [idempotencyKey] = useState(newSubmissionKey);
  const { form, onSubmit, formError, pending } = useActionForm(paymentSchema, recordPayment, {
    defaultValues: { documentId: id, paidOn: today, amount: balance, method: "bank_transfer", reference: "", idempotencyKey, confirmDuplicate: false, emailReceipt: false },
    onSuccess: (result) => onRecorded(result.data.paymentId, result.message),
  });
  const { errors } = form.formState;
  const duplicate = errors.confirmDuplicate?.message;
  const recordAgain = () => {
    form.setValue("confirmDuplicate", true);
    void onSubmit();
  };
  return (
    <form
      onSubmit={(event) => {
        form.setValue("confirmDuplicate", false);
        return onSubmit(event);
      }}
      noValidate
      className="space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4"
      aria-label="Record a payment"
    >
      <div aria-live="polite">
        {duplicate ? (
          <Alert tone="error">
            <span className="flex flex-wrap items-center gap-3">
              {duplicate}
              <Button type="button" variant="secondary" pending={pending} onClick={recordAgain}>Record it again</Button>
            </span>
          </Alert>
        ) : formError ? <Alert tone="error">{formError}</Alert> : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-4">
        <Field id="pay-amount" label={`Amount (${currency})`} error={errors.amount?.message}>
          <Input id="pay-amount" inputMode="decimal" invalid={!!errors.amount} aria-describedby={describedBy("pay-amount", errors.amount?.message)} {...form.register("amount")} />
        </Field>
        <Field id="pay-date" label="Date received" error={errors.paidOn?.message}>
          <Input id="pay-date" type="date" invalid={!!errors.paidOn} aria-describedby={describedBy("pay-date", errors.paidOn?.message)} {...form.register("paidOn")} />
        </Field>
        <Field id="pay-method" label="Method" error={errors.method?.message}>
          <Select id="pay-method" {...form.register("method")}>
            {Object.entries(paymentMethods).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </Select>
        </Field>
        <Field id="pay-reference" label="Reference" error={errors.reference?.message}>
          <Input id="pay-reference" {...form.register("reference")} />
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...form.register("emailReceipt")} /> Email a receipt to the client
      </label>
      <Button type="submit" pending={pending}>Save payment</Button>
    </form>
  );
}

function VoidForm({ id }: { id: string }) {
  const { form, onSubmit, formError, formMessage, pending } = useActionForm(voidSchema, voidOrCopy, { defaultValues: { id, reason: "", copy: false } });
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4" aria-label="Void this document">
      <div aria-live="polite">{formError ? <Alert tone="error">{formError}</Alert> : formMessage ? <Alert tone="success">{formMessage}</Alert> : null}</div>
      <Field id="void-reason" label="Reason" error={errors.reason?.message}>
        <Input id="void-reason" invalid={!!errors.reason} aria-describedby={describedBy("void-reason", errors.reason?.message)} {...form.register("reason")} />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...form.register("copy")} /> Copy it to a new draft so I can correct it
      </label>
      <Button type="submit" variant="danger" pending={pending}>Void</Button>
    </form>
  );
}

function CreditNoteForm({ id, lines }: { id: string; lines: { id: string; description: string }[] }) {
  const { pending, result, run } = useRun();
  const [chosen, setChosen] = useState<string[]>(lines.map((l) => l.id));
  return (
    <div className="space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4">
      <div aria-live="polite">{result && !result.ok ? <Alert tone="error">{result.message}</Alert> : null}</div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">Lines to credit</legend>
        {lines.map((l) => (
          <label key={l.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={chosen.includes(l.id)} onChange={(e) => setChosen(e.target.checked ? [...chosen, l.id] : chosen.filter((c) => c !== l.id))} />
            {l.description}
          </label>
        ))}
      </fieldset>
      <Button pending={pending} onClick={() => run(() => createCreditNote({ id, lineIds: chosen }))}>Create credit note draft</Button>
    </div>
  );
}

export function DeletePaymentButton({ paymentId, label }: { paymentId: string; label: string }) {
  const { pending, result, run } = useRun();
  return (
    <>
      <button type="button" disabled={pending} aria-label={`Delete payment ${label}`} onClick={() => confirm("Delete this payment? The balance will be restored.") && run(() => deletePayment({ paymentId }))} className="rounded px-2 py-1 text-sm font-medium text-red-700 hover:bg-red-50">
        Delete
      </button>
      {result && !result.ok ? <span role="alert" className="text-sm text-red-700">{result.message}</span> : null}
    </>
  );
}
