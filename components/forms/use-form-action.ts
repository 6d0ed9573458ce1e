"use client";

import { type FormEvent, useActionState, useEffect, useRef, useState, useTransition } from "react";
import type { FormState } from "@/lib/form-state";
import { BODY_TOO_LARGE_PREFIX } from "@/lib/security/body-limit";

type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

const isRedirect = (error: unknown) => !!error && typeof error === "object" && "digest" in error && String(error.digest).startsWith("NEXT_REDIRECT");

/**
 * A form sent to a server action with React 19's `useActionState`, validated by the browser (native
 * `required`, `type=email`, `minLength`) and then by the action's schema; no form library or schema is
 * shipped to the page.
 *
 * The form's `action` is the server action, so it works before the page's script has loaded (an
 * ordinary POST, answered with the page and the action's state). Once hydrated, `onSubmit` sends it
 * itself: React does not reset the fields after an answer (what a form action does), and a network
 * failure becomes a message in the form instead of the error page. After an answer, focus moves to
 * the first field in error, so the keyboard user lands where to fix it.
 */
export function useFormAction(action: FormAction, initial: FormState) {
  const [serverState, formAction] = useActionState(action, initial);
  const [sentState, setSentState] = useState<FormState | null>(null);
  const [pending, startTransition] = useTransition();
  const state = sentState ?? serverState;
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!sentState) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [sentState]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      let next: FormState;
      try {
        next = await action(state, formData);
      } catch (error) {
        // A redirect from the action is how it succeeds; anything else is the network or the server.
        if (isRedirect(error)) throw error;
        // proxy.ts answers an oversized request with a 413 whose text Next hands over as the error.
        const tooLarge = error instanceof Error && error.message.startsWith(BODY_TOO_LARGE_PREFIX);
        next = { ...state, fieldErrors: {}, message: null, error: tooLarge ? error.message : "We couldn't reach the server. Check your connection and try again; nothing was lost." };
      }
      startTransition(() => setSentState(next));
    });
  }

  return { state, pending, formRef, formProps: { ref: formRef, action: formAction, onSubmit } };
}
