/**
 * The e-invoice viewer: a received UBL or CII file is read into a display model (parse.ts) and
 * checked against EN 16931 (and XRechnung's rules when the file says it is an XRechnung). Nothing
 * is stored. Every refusal is an AppError with a message for the user.
 */
import "server-only";
import { parseEInvoice, EInvoiceParseError, type ParsedEInvoice } from "@/lib/einvoice/parse";
import { validateEInvoice, type ValidationResult } from "@/lib/einvoice/validate";
import { EINVOICE_TOO_LARGE, EINVOICE_VIEW_MAX_BYTES } from "@/lib/einvoice/view-limits";
import { badRequest } from "@/lib/errors";
import { moduleLogger } from "@/lib/logger";

const log = moduleLogger("einvoice-viewer");


export type EInvoiceView = {
  invoice: ParsedEInvoice;
  /** Whether the XRechnung rules ran (the file's specification identifier names XRechnung). */
  xrechnung: boolean;
  /** null when the validators could not run on this file (logged); the invoice is still shown. */
  validation: ValidationResult | null;
};

export async function viewEInvoice(file: { name: string; bytes: Uint8Array }): Promise<EInvoiceView> {
  if (file.bytes.byteLength === 0) throw badRequest("The file is empty. Choose the invoice's XML file.");
  if (file.bytes.byteLength > EINVOICE_VIEW_MAX_BYTES) throw badRequest(EINVOICE_TOO_LARGE);
  let xml: string;
  try {
    xml = new TextDecoder("utf-8", { fatal: true }).decode(file.bytes);
  } catch {
    throw badRequest("This file is not UTF-8 text, so it is not an e-invoice XML file (a PDF? choose the XML file).");
  }
  let invoice: ParsedEInvoice;
  try {
    invoice = parseEInvoice(xml);
  } catch (error) {
    if (error instanceof EInvoiceParseError) throw badRequest(error.message);
    throw error;
  }
  const xrechnung = /xrechnung/i.test(invoice.customizationId ?? "");
  let validation: ValidationResult | null = null;
  try {
    validation = await validateEInvoice(xml, { xrechnung });
  } catch (error) {
    log.warn({ err: error, syntax: invoice.syntax }, "e-invoice validation failed to run");
  }
  return { invoice, xrechnung, validation };
}
