/**
 * What a redirect tells the next page to confirm with a toast: `?done=<key>` on the URL. Only keys
 * of the flash catalog show anything, so a crafted link cannot put words in the app's mouth; the
 * toaster words the key in the user's app language.
 */
import { en as flashMessages } from "@/lib/i18n/catalogs/app/flash/en";
import type { FlashKey } from "@/lib/i18n/catalogs/app/flash";

export type { FlashKey };

export const FLASH_PARAM = "done";

/** `path` with the flash flag added (after any query it already has). */
export function withFlash(path: string, key: FlashKey): string {
  return `${path}${path.includes("?") ? "&" : "?"}${FLASH_PARAM}=${key}`;
}

/** The flag's key when it is one of ours, else null. */
export function flashKey(value: string | null): FlashKey | null {
  return value && Object.hasOwn(flashMessages, value) ? (value as FlashKey) : null;
}
