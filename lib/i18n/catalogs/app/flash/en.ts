/**
 * The toasts a redirect asks for with `?done=<key>` (lib/flash.ts): the keys are the flags
 * themselves, so only these words can ever be shown.
 */
export const en = {
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
