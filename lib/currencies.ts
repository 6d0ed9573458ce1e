/**
 * ISO 4217 currencies that an invoice can be written in, with their minor-unit exponent
 * (the number of decimals: 2 for USD, 0 for JPY, 3 for BHD).
 *
 * Source: ISO 4217 List One as published on 2026-01-01 (maintained by SIX on behalf of ISO).
 * The table is static on purpose: the exponent decides how many minor units an amount has, so
 * it must never depend on the browser's or Node's ICU version. Intl's defaults (CLDR) differ
 * from ISO 4217 for several currencies (e.g. CLDR shows HUF, IDR, COP, PKR with 0 decimals and
 * IQD with 0, ISO says 2, 2, 2, 2 and 3); ISO is what banks and tax authorities use.
 *
 * Left out on purpose (they are in List One but are not money an invoice is written in):
 * - fund codes: BOV, CHE, CHW, CLF, COU, MXV, USN, UYI, UYW;
 * - units of account: XAD, XDR, XSU, XUA, XBA, XBB, XBC, XBD;
 * - precious metals: XAG, XAU, XPD, XPT; and the testing / "no currency" codes XTS, XXX.
 * Withdrawn codes that older ICU versions still list (ANG, BGN, CUC, HRK, SLL, ZWL) are not
 * active any more and are not included. A test cross-checks this table against
 * Intl.supportedValuesOf("currency").
 *
 * MoneyError lives here (and is re-exported by lib/money.ts) so that lib/money.ts can import
 * this table without an import cycle.
 */

export class MoneyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MoneyError";
  }
}

/** A computed amount beyond what is handled exactly; its message names the figure ("Line 1 amount"). */
export class MoneyTooLargeError extends MoneyError {
  constructor(message: string) {
    super(message);
    this.name = "MoneyTooLargeError";
  }
}

export type MinorUnitExponent = 0 | 2 | 3;

const ZERO_DECIMALS = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF";
const THREE_DECIMALS = "BHD IQD JOD KWD LYD OMR TND";
const TWO_DECIMALS = [
  "AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BMD BND BOB BRL BSD BTN BWP BYN BZD",
  "CAD CDF CHF CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS",
  "GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP",
  "LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK",
  "NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS",
  "SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VED VES WST",
  "XCD XCG YER ZAR ZMW ZWG",
].join(" ");

function table(): ReadonlyMap<string, MinorUnitExponent> {
  const map = new Map<string, MinorUnitExponent>();
  const add = (codes: string, exponent: MinorUnitExponent) => {
    for (const code of codes.split(" ")) map.set(code, exponent);
  };
  add(ZERO_DECIMALS, 0);
  add(TWO_DECIMALS, 2);
  add(THREE_DECIMALS, 3);
  return map;
}

const EXPONENTS = table();

/** Every supported currency code, sorted alphabetically. */
export const CURRENCIES: readonly string[] = Object.freeze([...EXPONENTS.keys()].sort());

export function isCurrency(code: string): boolean {
  return EXPONENTS.has(code);
}

/** Number of decimals of the currency's minor unit; throws MoneyError for an unknown code. */
export function currencyExponent(code: string): MinorUnitExponent {
  const exponent = EXPONENTS.get(code);
  if (exponent === undefined) {
    throw new MoneyError(`Unknown currency "${String(code)}". Use a three-letter ISO 4217 code such as USD or EUR.`);
  }
  return exponent;
}
