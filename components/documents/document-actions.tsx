"use client";

import { useEffect, useState, useTransition } from "react";
import Link from "next/link";
import { toast } from "sonner";
import { notify } from "@/components/feedback/notify";
import { newSubmissionKey } from "@/components/forms/submission-key";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { type MenuItem, MenuButton } from "@/components/ui/menu";
import type { DocumentKind, DocumentStatus } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/safe-action";
import { convertToInvoice, createCreditNote, deletePayment, duplicate, issue, quoteOutcome, recordPayment, removeDraft, voidOrCopy } from "@/lib/actions/documents";
import { documentPaths, paymentMethods } from "@/lib/document-labels";
import { useAppMessages } from "@/components/i18n/app-language";
import { catalogs as actionCatalogs } from "@/lib/i18n/catalogs/app/document-actions";
import { paymentRowId } from "./payment-row-id";
import { ReviewAndSend, type SendSetup } from "./send-dialog";
import { paymentSchema, voidSchema } from "@/lib/validation/documents";
import { DecimalInput } from "@/components/forms/decimal-input";

type Props = {
  id: string;
  kind: DocumentKind;
  status: DocumentStatus;
  balance: string;
  currency: string;
  today: string;
  lines: { id: string; description: string }[];
  /** The Review & send dialog's defaults; null where the document can't be emailed (or email is not set up). */
  send: SendSetup | null;
  pdfPath: string;
};

/** Runs an action from a button: pending while it runs, its answer as a toast. */
function useRun() {
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<ActionResult<unknown> | undefined>, then?: (ok: boolean) => void) =>
    startTransition(async () => {
      const ok = notify(await action());
      then?.(ok);
    });
  return { pending, run };
}

const secondaryLink = "inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold hover:bg-slate-50";
const primaryLink = "inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 text-sm font-semibold text-white shadow-sm hover:bg-brand-700";

/**
 * One clear next step per document (a primary button), the usual second steps beside it, and the
 * rare or destructive ones in the "⋯" menu, destructive ones behind a confirmation.
 */
export function DocumentActions({ id, kind, status, balance, currency, today, lines, send, pdfPath }: Props) {
  const t = useAppMessages(actionCatalogs);
  const { pending, run } = useRun();
  const [panel, setPanel] = useState<"payment" | "credit" | null>(null);
  const [dialog, setDialog] = useState<"void" | "delete" | null>(null);
  const [recorded, setRecorded] = useState<string | null>(null);
  useFocusWhenShown(recorded ? paymentRowId(recorded) : null);
  const open = ["issued", "sent", "viewed", "partially_paid"].includes(status);
  const path = documentPaths[kind];
  const isDraft = status === "draft";
  const issueLabel = t(`issue.${kind}`);
  const canPay = kind === "invoice" && open;
  const togglePayment = () => { setRecorded(null); setPanel(panel === "payment" ? null : "payment"); };
  const paymentButton = (variant: "primary" | "secondary") => (
    <Button variant={variant} onClick={togglePayment} aria-expanded={panel === "payment"}>{t("recordPayment")}</Button>
  );

  // The next step: send a draft (or an issued invoice nobody has sent), else take the money, else the receipt.
  let primary: React.ReactNode = null;
  const secondary: React.ReactNode[] = [];
  if (isDraft) {
    if (send) {
      primary = <ReviewAndSend key="send" id={id} setup={send} label={t("reviewAndSend")} issuesFirst />;
      secondary.push(<Button key="issue" variant="secondary" pending={pending} onClick={() => run(() => issue({ id }))}>{issueLabel}</Button>);
    } else primary = <Button key="issue" pending={pending} onClick={() => run(() => issue({ id }))}>{issueLabel}</Button>;
    secondary.push(<Link key="edit" href={`${path}/${id}/edit`} className={secondaryLink}>{t("edit")}</Link>);
  } else if (kind === "invoice" && status === "issued" && send) {
    primary = <ReviewAndSend key="send" id={id} setup={send} label={t("reviewAndSend")} issuesFirst={false} />;
    secondary.push(<span key="pay">{paymentButton("secondary")}</span>);
  } else if (canPay) {
    primary = paymentButton("primary");
    if (send) secondary.push(<ReviewAndSend key="send" id={id} setup={send} label={t("sendAgain")} variant="secondary" issuesFirst={false} />);
  } else if (kind === "invoice" && status === "paid") {
    primary = <a href={`${pdfPath}?download=1`} className={primaryLink}>{t("downloadReceipt")}</a>;
    if (send) secondary.push(<ReviewAndSend key="send" id={id} setup={send} label={t("sendAgain")} variant="secondary" issuesFirst={false} />);
  } else if (kind === "quote" && ["sent", "viewed"].includes(status)) {
    primary = <Button pending={pending} onClick={() => run(() => quoteOutcome({ id, outcome: "accepted" }))}>{t("markAccepted")}</Button>;
    secondary.push(<Button key="decline" variant="secondary" pending={pending} onClick={() => run(() => quoteOutcome({ id, outcome: "declined" }))}>{t("markDeclined")}</Button>);
    if (send) secondary.push(<ReviewAndSend key="send" id={id} setup={send} label={t("sendAgain")} variant="secondary" issuesFirst={false} />);
  } else if (kind === "quote" && status === "accepted") {
    primary = <Button pending={pending} onClick={() => run(() => convertToInvoice({ id }))}>{t("convertToInvoice")}</Button>;
    if (send) secondary.push(<ReviewAndSend key="send" id={id} setup={send} label={t("sendAgain")} variant="secondary" issuesFirst={false} />);
  }

  const menu: MenuItem[] = [{ label: t("duplicate"), onSelect: () => run(() => duplicate({ id })) }];
  if (kind === "invoice" && !isDraft && status !== "void") menu.push({ label: t("creditNote"), onSelect: () => setPanel("credit") });
  if (isDraft) menu.push({ label: t("deleteDraft"), danger: true, onSelect: () => setDialog("delete") });
  if (!isDraft && status !== "void" && status !== "converted") menu.push({ label: t("voidMenu"), danger: true, onSelect: () => setDialog("void") });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        {primary}
        {secondary}
        <MenuButton label={t("moreActions")} items={menu} />
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
            setRecorded(paymentId);
            // One id: a second payment's toast replaces the first, so there is one Undo on screen.
            toast.success(message ?? t("paymentRecorded"), {
              id: "payment-recorded",
              duration: 10_000,
              action: {
                label: t("undo"),
                onClick: () => run(async () => {
                  const undone = await deletePayment({ paymentId });
                  return undone.ok ? { ...undone, message: t("paymentUndone") } : undone;
                }, (ok) => ok && setRecorded(null)),
              },
            });
          }}
        />
      ) : null}
      {panel === "credit" ? <CreditNoteForm id={id} lines={lines} /> : null}
      <Dialog open={dialog === "void"} onClose={() => setDialog(null)} title={t("voidTitle")} description={t("voidDescription")}>
        <VoidForm id={id} onDone={() => setDialog(null)} />
      </Dialog>
      <ConfirmDialog
        open={dialog === "delete"}
        title={t("deleteDraftTitle")}
        message={t("deleteDraftMessage")}
        confirmLabel={t("deleteDraft")}
        pending={pending}
        onConfirm={() => run(() => removeDraft({ id, kind }), () => setDialog(null))}
        onClose={() => setDialog(null)}
      />
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
      // Up to ~10 s of frames: on a busy server the refreshed page can take seconds.
      else if (tries++ < 600) frame = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [elementId]);
}

function PaymentForm({ id, balance, currency, today, onRecorded }: { id: string; balance: string; currency: string; today: string; onRecorded: (paymentId: string, message?: string) => void }) {
  // One key per opening of the form: every request this submission turns into carries it, so the
  // server records one payment however many of them arrive (lib/data/documents/payments.ts).
  const t = useAppMessages(actionCatalogs);
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
      aria-label={t("recordAPayment")}
    >
      <div aria-live="polite">
        {duplicate ? (
          <Alert tone="error">
            <span className="flex flex-wrap items-center gap-3">
              {duplicate}
              <Button type="button" variant="secondary" pending={pending} onClick={recordAgain}>{t("recordAgain")}</Button>
            </span>
          </Alert>
        ) : formError ? <Alert tone="error">{formError}</Alert> : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-4">
        <Field id="pay-amount" label={t("amount", { currency })} error={errors.amount?.message}>
          <DecimalInput control={form.control} name="amount" id="pay-amount" inputMode="decimal" invalid={!!errors.amount} aria-describedby={describedBy("pay-amount", errors.amount?.message)} />
        </Field>
        <Field id="pay-date" label={t("dateReceived")} error={errors.paidOn?.message}>
          <Input id="pay-date" type="date" invalid={!!errors.paidOn} aria-describedby={describedBy("pay-date", errors.paidOn?.message)} {...form.register("paidOn")} />
        </Field>
        <Field id="pay-method" label={t("method")} error={errors.method?.message}>
          <Select id="pay-method" {...form.register("method")}>
            {Object.keys(paymentMethods).map((v) => <option key={v} value={v}>{t(`method.${v as keyof typeof paymentMethods}`)}</option>)}
          </Select>
        </Field>
        <Field id="pay-reference" label={t("reference")} error={errors.reference?.message}>
          <Input id="pay-reference" {...form.register("reference")} />
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...form.register("emailReceipt")} /> {t("emailReceipt")}
      </label>
      <Button type="submit" pending={pending}>{t("savePayment")}</Button>
    </form>
  );
}

function VoidForm({ id, onDone }: { id: string; onDone: () => void }) {
  const t = useAppMessages(actionCatalogs);
  const { form, onSubmit, formError, pending } = useActionForm(voidSchema, voidOrCopy, { defaultValues: { id, reason: "", copy: false }, successToast: t("markedVoid"), onSuccess: onDone });
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("voidTitle")}>
      <div aria-live="polite">{formError ? <Alert tone="error">{formError}</Alert> : null}</div>
      <Field id="void-reason" label={t("reason")} error={errors.reason?.message}>
        <Input id="void-reason" invalid={!!errors.reason} aria-describedby={describedBy("void-reason", errors.reason?.message)} {...form.register("reason")} />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...form.register("copy")} /> {t("copyToDraft")}
      </label>
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onDone}>{t("cancel")}</Button>
        <Button type="submit" variant="danger" pending={pending}>{t("void")}</Button>
      </div>
    </form>
  );
}

function CreditNoteForm({ id, lines }: { id: string; lines: { id: string; description: string }[] }) {
  const t = useAppMessages(actionCatalogs);
  const { pending, run } = useRun();
  const [chosen, setChosen] = useState<string[]>(lines.map((l) => l.id));
  return (
    <div className="space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4">
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">{t("linesToCredit")}</legend>
        {lines.map((l) => (
          <label key={l.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={chosen.includes(l.id)} onChange={(e) => setChosen(e.target.checked ? [...chosen, l.id] : chosen.filter((c) => c !== l.id))} />
            {l.description}
          </label>
        ))}
      </fieldset>
      <Button pending={pending} onClick={() => run(() => createCreditNote({ id, lineIds: chosen }))}>{t("createCreditNote")}</Button>
    </div>
  );
}

export function DeletePaymentButton({ paymentId, label }: { paymentId: string; label: string }) {
  const t = useAppMessages(actionCatalogs);
  const { pending, run } = useRun();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <button type="button" disabled={pending} aria-label={t("deletePaymentLabel", { label })} onClick={() => setConfirming(true)} className="rounded px-2 py-1 text-sm font-medium text-red-700 hover:bg-red-50 max-sm:min-h-11">
        {t("delete")}
      </button>
      <ConfirmDialog
        open={confirming}
        title={t("deletePaymentTitle")}
        message={t("deletePaymentMessage", { label })}
        confirmLabel={t("deletePayment")}
        pending={pending}
        onConfirm={() => run(() => deletePayment({ paymentId }), () => setConfirming(false))}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}
