"use client";

import { useMemo } from "react";
import { useAppLanguage } from "@/components/i18n/app-language";
import { decimalMarkOf, normalizeDecimalInput } from "@/lib/decimal-input";

/**
 * react-hook-form options for a decimal field: what the person types in their app language's
 * convention ("1.234,50" in German) reaches the schema, the live totals and the server as
 * "1234.50". The field keeps showing what they typed.
 */
export function useDecimalField() {
  const language = useAppLanguage();
  return useMemo(() => {
    const mark = decimalMarkOf(language);
    return { setValueAs: (value: unknown) => (typeof value === "string" ? normalizeDecimalInput(value, mark) : value) };
  }, [language]);
}
