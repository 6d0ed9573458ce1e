"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useState, useTransition } from "react";
import { toast } from "sonner";
import { type DefaultValues, type FieldValues, type Path, type Resolver, useForm } from "react-hook-form";
import type { z } from "zod";
import { useAppLanguage } from "@/components/i18n/app-language";
import type { ActionResult } from "@/lib/actions/safe-action";
import { formLevelMessage, localizeErrorTree, localizeValidationMessage } from "@/lib/i18n/validation";
import { BODY_TOO_LARGE_PREFIX } from "@/lib/security/body-limit";

/**
 * react-hook-form on the same zod schema the server action uses. Client validation gives instant
 * feedback; the server's answer is authoritative and its field errors land on the same inputs.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, T>(
  schema: S,
  action: (values: z.input<S>) => Promise<ActionResult<T>>,
  options: {
    defaultValues?: DefaultValues<z.input<S>>;
    onSuccess?: (result: Extract<ActionResult<T>, { ok: true }>) => void;
    /**
     * Confirm success with a toast (the action's message, else this text) instead of a banner in the
     * form: banners pile up and say the same thing twice to a screen reader. Errors stay in the form.
     */
    successToast?: string | true;
  } = {},
) {
  const language = useAppLanguage();
  // The schema's messages are English ids (the server parses with it too); the person reads their language.
  const resolver = useMemo(() => {
    const base = zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>;
    const localized: Resolver<z.input<S>, unknown, z.output<S>> = async (values, context, options) => {
      const result = await base(values, context, options);
      return { ...result, errors: localizeErrorTree(result.errors, language) } as typeof result;
    };
    return localized;
  }, [schema, language]);
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver,
    defaultValues: options.defaultValues,
    // Errors appear on submit, then follow typing: validating on blur would insert an error above the
    // submit button just as it is clicked, moving it away from the pointer.
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  // The resolver validated; the server gets the raw input (not the transformed output) and parses it again.
  const onSubmit = form.handleSubmit(() => {
    const values = form.getValues();
    setFormError(null);
    setFormMessage(null);
    startTransition(async () => {
      let result: ActionResult<T>;
      try {
        result = await action(values as z.input<S>);
      } catch (error) {
        // A redirect from the action is not an error; anything else is the network or the server.
        if (error && typeof error === "object" && "digest" in error && String(error.digest).startsWith("NEXT_REDIRECT")) throw error;
        // proxy.ts answers an oversized request with a 413 whose text Next hands over as the error.
        const tooLarge = error instanceof Error && error.message.startsWith(BODY_TOO_LARGE_PREFIX);
        setFormError(tooLarge ? error.message : formLevelMessage("form.unreachable", language));
        return;
      }
      if (!result) return;
      if (result.ok) {
        if (options.successToast) {
          const text = result.message ?? (typeof options.successToast === "string" ? options.successToast : formLevelMessage("form.saved", language));
          toast.success(text);
        } else setFormMessage(result.message ?? null);
        options.onSuccess?.(result);
        return;
      }
      setFormError(result.message);
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
        // Already in the app language from safe-action; an English one from elsewhere is worded here.
        form.setError(field as Path<z.input<S>>, { type: "server", message: localizeValidationMessage(message, language) }, { shouldFocus: true });
      }
    });
  });

  return { form, onSubmit, formError, formMessage, pending };
}
