import type { UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import type { DocumentFormValues, DocumentLineValues, documentSchema } from "@/lib/validation/documents";

/** What the document editor's pieces (document-editor.tsx and its sections) share. */

export type EditorCustomer = { id: string; name: string; currency: string | null; paymentTermsDays: number | null; buyerReference?: string | null };
export type EditorItem = { id: string; name: string; description: string | null; unit: string | null; unitPrice: number; currency: string; taxRateIds: string[] };
export type EditorTaxRate = { id: string; name: string; rateE4: number; inclusive: boolean; compound: boolean };
export type EditorForm = UseFormReturn<DocumentFormValues, unknown, z.output<typeof documentSchema>>;

export const emptyLine = (): DocumentLineValues => ({ itemId: null, description: "", unit: "", quantity: "1", unitPrice: "", discountType: "none", discountValue: "", taxRateIds: [] });
