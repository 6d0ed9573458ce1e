import { notFound } from "next/navigation";
import type { DocumentKind } from "@/db/schema";
import { NoAccess } from "@/app/(app)/_components/no-access";
import { can } from "@/lib/auth/roles";
import { getDocument } from "@/lib/data/documents/read";
import { discountFromColumns } from "@/lib/data/documents/shared";
import { loadEditorOptions } from "@/lib/data/editor-options";
import { addDays, todayIn } from "@/lib/dates";
import { quantityToString, rateToString, toDecimalString } from "@/lib/money";
import { logoPath } from "@/lib/logo-path";
import { orNotFound } from "@/lib/not-found";
import { getAppMessages, type MembershipContext } from "@/lib/session";
import { catalogs as editorCatalogs } from "@/lib/i18n/catalogs/app/editor";
import type { DocumentFormValues } from "@/lib/validation/documents";
import { DocumentEditor } from "@/components/documents/document-editor";

/** `customerId`: a new document for this customer ("New invoice for …" on the customer's page). */
export async function EditorPage({ kind, id, membership, customerId }: { kind: DocumentKind; id?: string; membership: MembershipContext; customerId?: string }) {
  if (!can(membership.role, "documents.manage")) return <NoAccess area="editingDocuments" />;
  const options = await loadEditorOptions(membership);
  const { org } = options;
  const t = await getAppMessages(editorCatalogs);
  let defaults: DocumentFormValues;
  let sourceNumber: string | null = null;
  if (id) {
    const doc = await orNotFound(getDocument(membership, id));
    if (doc.kind !== kind) notFound();
    if (doc.status !== "draft") {
      return (
        <div className="rounded-lg border border-slate-200 bg-white p-8">
          <h1 className="text-2xl font-bold">{t(`locked.${kind}`)}</h1>
          <p className="mt-3 text-slate-700">{t("lockedBody")}</p>
        </div>
      );
    }
    sourceNumber = doc.sourceDocumentId ? (doc.related.find((r) => r.id === doc.sourceDocumentId)?.number ?? null) : null;
    const discount = (type: "percent" | "amount" | null, value: number | null) => {
      const d = discountFromColumns(type, value);
      if (!d) return { discountType: "none" as const, discountValue: "" };
      return d.type === "percent" ? { discountType: "percent" as const, discountValue: rateToString(d.rateE4) } : { discountType: "amount" as const, discountValue: toDecimalString(d.amount, doc.currency) };
    };
    const deposit = (type: "percent" | "amount" | null, value: number | null) => {
      const d = discount(type, value);
      return { depositType: d.discountType, depositValue: d.discountValue };
    };
    defaults = {
      id: doc.id,
      kind,
      customerId: doc.customerId,
      currency: doc.currency,
      issueDate: doc.issueDate,
      dueDate: doc.dueDate ?? "",
      ...discount(doc.discountType, doc.discountValue),
      ...deposit(doc.depositType, doc.depositValue),
      notes: doc.notes ?? "",
      terms: doc.terms ?? "",
      footer: doc.footer ?? "",
      language: doc.language ?? "",
      deliveryDate: doc.deliveryDate ?? "",
      periodStart: doc.periodStart ?? "",
      periodEnd: doc.periodEnd ?? "",
      purchaseOrderRef: doc.purchaseOrderRef ?? "",
      buyerReference: doc.buyerReference ?? "",
      paymentMeansCode: doc.paymentMeansCode ?? "",
      lines: doc.lines.map((l) => ({
        itemId: l.itemId,
        description: l.description,
        unit: l.unit ?? "",
        quantity: quantityToString(l.quantityE4),
        unitPrice: toDecimalString(l.unitPrice, doc.currency),
        ...discount(l.discountType, l.discountValue),
        taxRateIds: l.taxes.map((t) => t.id),
        depositInvoiceId: l.depositInvoiceId ?? "",
      })),
    };
  } else {
    const today = todayIn(org.timeZone);
    // Only one of the organisation's active customers (the editor's own list) can be chosen this way.
    const customer = customerId ? options.customers.find((c) => c.id === customerId) : undefined;
    const terms = customer?.paymentTermsDays ?? org.paymentTermsDays;
    defaults = {
      kind,
      customerId: customer?.id ?? "",
      currency: customer?.currency ?? org.defaultCurrency,
      issueDate: today,
      dueDate: kind === "invoice" ? addDays(today, terms) : kind === "quote" ? addDays(today, 30) : "",
      discountType: "none",
      discountValue: "",
      depositType: "none",
      depositValue: "",
      notes: org.defaultNotes ?? "",
      terms: org.defaultTerms ?? "",
      footer: org.defaultFooter ?? "",
      language: "",
      deliveryDate: "",
      periodStart: "",
      periodEnd: "",
      purchaseOrderRef: "",
      buyerReference: customer?.buyerReference ?? "",
      paymentMeansCode: "",
      lines: [{ itemId: null, description: "", unit: "", quantity: "1", unitPrice: "", discountType: "none", discountValue: "", taxRateIds: [] }],
    };
  }
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t(id ? `heading.edit.${kind}` : `heading.new.${kind}`)}</h1>
      <DocumentEditor
        kind={kind} defaults={defaults} customers={options.customers} items={options.items} taxRates={options.taxRates} locale={org.locale} rounding={org.rounding}
        preview={{ org, logoUrl: options.logoVersion ? logoPath(org.id, options.logoVersion) : null, sourceNumber }}
      />
    </div>
  );
}
