/**
 * The EPC ("GiroCode", SEPA credit transfer) QR code a banking app scans to fill in a euro
 * transfer: beneficiary, IBAN, amount and the invoice number as the remittance text. Format:
 * EPC069-12 version 002 (the BIC may be left out), UTF-8, lines joined by "\n".
 */
import QRCode from "qrcode";
import { toDecimalString } from "./money";

const MAX_EUR_CENTS = 99_999_999_999; // 999,999,999.99, the format's limit

/** The payload, or null when the invoice can't be paid this way (not euros, nothing or too much owed, no IBAN). */
export function epcPayload({ name, iban, currency, amount, reference }: { name: string; iban: string | null; currency: string; amount: number; reference: string | null }): string | null {
  if (!iban || currency !== "EUR" || amount < 1 || amount > MAX_EUR_CENTS) return null;
  return ["BCD", "002", "1", "SCT", "", name.trim().slice(0, 70), iban, `EUR${toDecimalString(amount, "EUR")}`, "", "", (reference ?? "").slice(0, 140)].join("\n").trimEnd();
}

/** The QR symbol as one SVG path over a size × size grid of modules (quiet zone not included). */
export function qrPath(text: string): { size: number; d: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  let d = "";
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) if (modules.data[y * modules.size + x]) d += `M${x} ${y}h1v1h-1z`;
  }
  return { size: modules.size, d };
}
