/**
 * "1 invoice", "2 invoices": the word chosen by Intl.PluralRules, the number formatted for the
 * locale. The words are English, so English plural rules pick between them (a German number format
 * must not select a German plural category for an English noun); a number shown with decimals
 * ("1.0 days") is plural in English, so the rules see the same fraction digits as the reader.
 */
export function countLabel(count: number, words: { one: string; other: string }, locale = "en-US", fractionDigits = 0): string {
  const digits = { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits };
  const category = new Intl.PluralRules("en", digits).select(count);
  return `${new Intl.NumberFormat(locale, digits).format(count)} ${category === "one" ? words.one : words.other}`;
}
