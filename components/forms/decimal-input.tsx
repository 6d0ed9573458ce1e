"use client";

import { useState, type InputHTMLAttributes } from "react";
import { type Control, type FieldPath, type FieldValues, useController } from "react-hook-form";
import { useAppLanguage } from "@/components/i18n/app-language";
import { Input } from "@/components/ui/field";
import { decimalMarkOf, localizeDecimalInput, normalizeDecimalInput } from "@/lib/decimal-input";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form's context and transformed values
type AnyControl<T extends FieldValues> = Control<T, any, any>;

type Props<T extends FieldValues> = Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "value" | "defaultValue" | "onChange"> & {
  control: AnyControl<T>;
  name: FieldPath<T>;
  invalid?: boolean;
};

/**
 * A decimal field in the app language's convention. The form holds the canonical text the schemas
 * and lib/money read ("1234.5"); the field shows what the person typed, and values the app puts
 * there (a saved draft, an item's price, a balance) and its placeholder written their way ("1234,5" in German), so that
 * editing one never turns a decimal point into a thousands separator.
 */
export function DecimalInput<T extends FieldValues>({ control, name, onBlur, placeholder, ...props }: Props<T>) {
  const mark = decimalMarkOf(useAppLanguage());
  const { field } = useController({ control, name });
  const { ref, onChange, onBlur: touched, value: held } = field;
  const value = typeof held === "string" ? held : held == null ? "" : String(held);
  const [shown, setShown] = useState(() => ({ text: localizeDecimalInput(value, mark), value }));
  // The form's value changed from outside (an item picked, a reset): show the new one.
  if (shown.value !== value) setShown({ text: localizeDecimalInput(value, mark), value });

  return (
    <Input
      {...props}
      ref={ref}
      name={name}
      placeholder={placeholder === undefined ? undefined : localizeDecimalInput(placeholder, mark)}
      value={shown.text}
      onChange={(event) => {
        const text = event.target.value;
        const next = normalizeDecimalInput(text, mark);
        setShown({ text, value: next });
        onChange(next);
      }}
      onBlur={(event) => {
        touched();
        onBlur?.(event);
      }}
    />
  );
}
