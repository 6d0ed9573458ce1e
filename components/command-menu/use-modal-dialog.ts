"use client";

import { type RefObject, useEffect, useRef } from "react";

/**
 * Drives a native <dialog> as a modal: showModal() makes the rest of the page inert (focus cannot
 * leave it), Escape fires "cancel", and on close focus goes back to where it was before opening
 * (browsers do this for showModal too, but not all of them when the opener was removed meanwhile,
 * so it is done here as well).
 */
export function useModalDialog(open: boolean, onClose: () => void, openerRef?: RefObject<HTMLElement | null>): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    // The caller may have noted the opener as the key was pressed: by this effect, React may already
    // have moved focus (or removed the focused element), and the body would be all that is left.
    const noted = openerRef?.current;
    const active = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    const opener = noted?.isConnected ? noted : active;
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
      const lost = () => document.activeElement === document.body || document.activeElement === null || dialog.contains(document.activeElement);
      const restore = () => {
        if (opener?.isConnected && lost()) opener.focus();
      };
      restore();
      // Closing the dialog and unmounting its focused content can drop focus to the body after
      // this cleanup has run (Chrome moves it once the dialog's content is gone): check once more.
      requestAnimationFrame(restore);
      if (openerRef) openerRef.current = null;
    };
  }, [open, openerRef]);

  return ref;
}
