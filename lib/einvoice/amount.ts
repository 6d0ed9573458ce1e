/**
 * How the stored integers are written in e-invoice XML: with the currency's decimals (JPY 1234 →
 * "1234", EUR 123456 → "1234.56"), never through a float. EN 16931 allows at most two decimals in
 * amounts (BR-DEC-*): a three-decimal currency (KWD, BHD) is written with two when its third is 0
 * ("12.340" → "12.34"); preflight.ts refuses a document whose amounts need the third.
 */
import { currencyExponent, quantityToString, rateToString, toDecimalString } from "@/lib/money";

export function xmlAmount(minor: number, currency: string): string {
  const text = toDecimalString(minor, currency);
  return currencyExponent(currency) === 3 && text.endsWith("0") ? text.slice(0, -1) : text;
}

/** Whether EN 16931 can carry this amount exactly (at most two decimals). */
export function fitsTwoDecimals(minor: number, currency: string): boolean {
  return currencyExponent(currency) < 3 || minor % 10 === 0;
}

/** 190000 → "19", 75000 → "7.5". */
export const xmlPercent = (rateE4: number): string => rateToString(rateE4);

/** 15000 → "1.5". */
export const xmlQuantity = (quantityE4: number): string => quantityToString(quantityE4);
