import "server-only";

/**
 * A LIKE/ILIKE pattern piece that matches `text` literally: `%`, `_` and the escape character
 * itself lose their meaning. Every search in lib/data escapes through this one function.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
