/** The document-language options both forms share: every launch language, named in itself, with its direction. */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LanguageOptions } from "./language-options";

const html = renderToStaticMarkup(createElement("select", null, createElement(LanguageOptions)));

describe("LanguageOptions", () => {
  it("offers the ten launch languages, English first, each named in itself", () => {
    const options = [...html.matchAll(/<option value="(\w+)"[^>]*>([^<]+)<\/option>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(options).toEqual(["en English", "de Deutsch", "fr Français", "es Español", "it Italiano", "nl Nederlands", "pt Português", "pl Polski", "ar العربية", "he עברית"]);
  });

  it("marks each option's language, and Arabic and Hebrew as right to left", () => {
    expect(html).toContain('<option value="ar" lang="ar" dir="rtl">العربية</option>');
    expect(html).toContain('<option value="he" lang="he" dir="rtl">עברית</option>');
    expect(html).toContain('<option value="de" lang="de" dir="ltr">Deutsch</option>');
  });
});
