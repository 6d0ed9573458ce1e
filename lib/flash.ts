/**
 * What a redirect tells the next page to confirm with a toast: `?done=<key>` on the URL. Only keys
 * listed here show anything, so a crafted link cannot put words in the app's mouth.
 */
export const FLASH_MESSAGES = {
  "customer-deleted": "Customer deleted.",
  "customer-saved": "Customer saved.",
  "item-saved": "Item saved.",
  "draft-saved": "Draft saved.",
  "draft-deleted": "Draft deleted.",
  "draft-created": "Draft created: check it, then save.",
  "credit-note-created": "Credit note draft created.",
  "converted": "Quote converted to an invoice.",
  "voided-copied": "Voided; a new draft copy is open for correcting.",
  "issued-sent": "Issued and queued for sending.",
} as const;

export type FlashKey = keyof typeof FLASH_MESSAGES;

export const FLASH_PARAM = "done";

/** `path` with the flash flag added (after any query it already has). */
export function withFlash(path: string, key: FlashKey): string {
  return `${path}${path.includes("?") ? "&" : "?"}${FLASH_PARAM}=${key}`;
}

export function flashMessage(value: string | null): string | null {
  return value && Object.hasOwn(FLASH_MESSAGES, value) ? FLASH_MESSAGES[value as FlashKey] : null;
}
