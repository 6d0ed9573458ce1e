/**
 * Control characters in text people type. Postgres refuses NUL in text columns outright (the query
 * fails, and the user used to see "Something went wrong"), and the other C0 controls and DEL are
 * never legitimate in names, notes or search terms. Tab and line breaks are allowed only where
 * multi-line text is. Pure, so the browser's copy of a schema and URL parsing use the same rule.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROL_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const TAB_OR_BREAK = /[\t\n\r]/;

export function hasControlCharacters(value: string, multiline = false): boolean {
  return CONTROL.test(value) || (!multiline && TAB_OR_BREAK.test(value));
}

/** For values nobody is told about (a search term in a URL): drop the controls, keep the rest. */
export function stripControlCharacters(value: string): string {
  return value.replace(CONTROL_ALL, "").replace(/[\t\n\r]+/g, " ");
}
