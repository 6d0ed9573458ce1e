/**
 * Put on a <Link> that holds <LinkPending />: the progress bar's click listener then leaves that
 * link to Next's useLinkStatus instead of counting it twice. A plain module, not the "use client"
 * one, so server components (the lists' RowLink) read the object itself, not a client reference.
 */
export const LINK_STATUS_MARKER = { "data-link-status": "" } as const;
export const LINK_STATUS_ATTRIBUTE = "data-link-status";
