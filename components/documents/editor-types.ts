import type { UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import type { PdfParty } from "@/pdf/types";
import type { DocumentFormValues, DocumentLineValues, documentSchema } from "@/lib/validation/documents";

/** What the document editor's pieces (document-editor.tsx and its sections) share. */

/** `party`: the details the live preview prints under "Bill to" (a customer just added inline has its name only). */
export type EditorCustomer = { id: string; name: string; currency: string | null; paymentTermsDays: number | null; buyerReference?: string | null; language?: string | null; party?: PdfParty };
export type EditorItem = { id: string; name: string; description: string | null; unit: string | null; unitPrice: number; currency: string; taxRateIds: string[] };
/** The VAT category and exemption give the preview its legal wording (reverse charge, exemptions). */
export type EditorTaxRate = { id: string; name: string; rateE4: number; inclusive: boolean; compound: boolean; vatCategory?: string; exemptionReason?: string | null; exemptionCode?: string | null };
export type EditorForm = UseFormReturn<DocumentFormValues, unknown, z.output<typeof documentSchema>>;

export const emptyLine = (): DocumentLineValues => ({ itemId: null, description: "", unit: "", quantity: "1", unitPrice: "", discountType: "none", discountValue: "", taxRateIds: [] });
