/**
 * The IBAN in an organisation's free-text bank details ("IBAN DE89 3704 0044 0532 0130 00 · BIC
 * COBADEFFXXX"), for the client page's "Copy IBAN". Only a candidate that passes the ISO 13616
 * check (mod 97 = 1) counts, so a phone number or a BIC is never offered as an IBAN.
 */

// Two letters, two check digits, then 11–30 letters or digits, optionally grouped by spaces.
const CANDIDATE = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/g;

function checksumOk(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= "A" && ch <= "Z" ? ch.charCodeAt(0) - 55 : Number(ch);
    remainder = Number(`${remainder}${value}`) % 97;
  }
  return remainder === 1;
}

/** The first valid IBAN in the text, without spaces ("DE89370400440532013000"); null when there is none. */
export function findIban(text: string | null | undefined): string | null {
  if (!text) return null;
  for (const match of text.toUpperCase().matchAll(CANDIDATE)) {
    // A greedy match may run into the next word ("… 00 BIC"): try it shortened from the end too.
    const compact = match[0].replace(/ /g, "");
    for (let end = compact.length; end >= 15; end--) {
      const candidate = compact.slice(0, end);
      if (checksumOk(candidate)) return candidate;
    }
  }
  return null;
}

/** "DE89370400440532013000" → "DE89 3704 0044 0532 0130 00", as banks print it. */
export const groupIban = (iban: string) => iban.replace(/(.{4})(?=.)/g, "$1 ");

/** An IBAN as typed ("de89 3704 0044 …") as stored: no spaces, upper case. */
export const normalizeIban = (text: string) => text.replace(/\s+/g, "").toUpperCase();

/** A normalised IBAN with a valid shape (country, check digits, 11–30 letters or digits) and ISO 13616 checksum. */
export const isValidIban = (iban: string) => /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban) && checksumOk(iban);

/** A BIC (ISO 9362): bank, country, location, optional branch: 8 or 11 letters and digits. */
export const isValidBic = (bic: string) => /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/.test(bic);

/**
 * The account an organisation entered as IBAN and BIC (onboarding, settings), as one printed line
 * ("IBAN DE89 3704 0044 0532 0130 00 · BIC COBADEFFXXX") for the PDF and the client page; null when
 * there is no IBAN, or when the free-text bank details already give that IBAN (printed there).
 */
export function bankAccountLine(org: { iban: string | null; bic: string | null; bankDetails: string | null }): string | null {
  if (!org.iban) return null;
  const iban = normalizeIban(org.iban);
  if (findIban(org.bankDetails) === iban) return null;
  return org.bic ? `IBAN ${groupIban(iban)} · BIC ${org.bic.toUpperCase()}` : `IBAN ${groupIban(iban)}`;
}
