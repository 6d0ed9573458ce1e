/** Where an organisation's logo is served (app/logos); the version (last change, ms) busts caches. No server imports: the logo form uses it too. */
export function logoPath(orgId: string, version: number | string | null | undefined): string {
  return `/logos/${orgId}?v=${version ?? 0}`;
}
