"use client";

import { type RefObject, useEffect, useRef } from "react";

/**
 * Drives a native <dialog> as a modal: showModal() makes the rest of the page inert (focus cannot
 * leave it), Escape fires "cancel", and on close focus goes back to where it was before opening
 * (browsers do this for showModal too, but not all of them when the opener was removed meanwhile,
 * so it is done here as well).
 */
export function useModalDialog(open: boolean, onClose: () => void): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // React's autoFocus ran while the dialog was still closed (invisible, so unfocusable); the
    // browser's own initial focus does not see it either, as React never writes the attribute.
    dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    const cancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    // A click on the backdrop lands on the <dialog> element itself (its content is a child).
    const backdrop = (event: MouseEvent) => {
      if (event.target === dialog) onCloseRef.current();
    };
    dialog.addEventListener("cancel", cancel);
    dialog.addEventListener("click", backdrop);
    return () => {
      dialog.removeEventListener("cancel", cancel);
      dialog.removeEventListener("click", backdrop);
      if (dialog.open) dialog.close();
      if (opener?.isConnected && (document.activeElement === document.body || document.activeElement === null || dialog.contains(document.activeElement))) {
        opener.focus();
      }
    };
  }, [open]);

  return ref;
}
