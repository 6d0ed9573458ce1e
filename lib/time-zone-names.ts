/**
 * Time zones as people know them: "Europe/Berlin · Mitteleuropäische Zeit" for a German user,
 * "America/New York · Eastern Time" for an English one. The IANA id stays first (it is what is
 * stored and what a search in the list finds); the name comes from ICU in the app language.
 *
 * Names are worked out on the server and handed to the forms as data: Node's and the browser's
 * ICU word some zones differently, and a label computed on both sides would not hydrate.
 * All ~420 zones take about 70 ms to name, so each language's names are kept for the process.
 */
const cache = new Map<string, Record<string, string>>();
// Any fixed day: the generic name ("Central European Time") does not change with summer time.
const REFERENCE_DAY = new Date(Date.UTC(2026, 0, 15));

/** Every zone's generic name in `language`, where ICU has one ("GMT+03:00"-style offsets are left out). */
export function timeZoneNames(zones: readonly string[], language: string): Record<string, string> {
  const key = `${language}|${zones.length}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const names: Record<string, string> = {};
  for (const zone of zones) {
    if (zone === "UTC") continue;
    try {
      const name = new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: "longGeneric" })
        .formatToParts(REFERENCE_DAY)
        .find((part) => part.type === "timeZoneName")?.value;
      if (name && !/^(GMT|UTC)([+-−]|$)/.test(name)) names[zone] = name;
    } catch {
      // A zone this ICU cannot format: shown by its id alone.
    }
  }
  cache.set(key, names);
  return names;
}

/** The option text for `zone`: its id with spaces for underscores, then its name when there is one. */
export function timeZoneLabel(zone: string, names: Readonly<Record<string, string>> | undefined): string {
  const id = zone.replaceAll("_", " ");
  const name = names?.[zone];
  return name ? `${id} · ${name}` : id;
}
