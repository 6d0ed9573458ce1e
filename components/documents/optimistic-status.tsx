"use client";

import { createContext, useContext, useOptimistic } from "react";
import type { DocumentStatus } from "@/db/schema";
import { StatusBadge } from "./status-badge";

/**
 * A document page's status as shown, which a safe action may set before the server answers
 * ("Mark as sent": the owner says they delivered it; nothing is sent or paid). The guess holds only
 * while the action's transition runs: the refreshed page then shows the real status, so a refusal
 * puts the old one back by itself. Payments and sending are never guessed.
 */
type LiveStatus = { show: (status: DocumentStatus) => void };
const LiveStatusContext = createContext<LiveStatus | null>(null);
const ShownContext = createContext<{ status: DocumentStatus; overdue: boolean } | null>(null);

export function DocumentStatusProvider({ status, overdue, children }: { status: DocumentStatus; overdue: boolean; children: React.ReactNode }) {
  const [shown, show] = useOptimistic(status);
  return (
    <LiveStatusContext.Provider value={{ show }}>
      <ShownContext.Provider value={{ status: shown, overdue }}>{children}</ShownContext.Provider>
    </LiveStatusContext.Provider>
  );
}

/** The status badge following the guess; call `show` inside the action's startTransition. */
export function useLiveStatus(): LiveStatus | null {
  return useContext(LiveStatusContext);
}

export function LiveStatusBadge({ status, overdue }: { status: DocumentStatus; overdue: boolean }) {
  const shown = useContext(ShownContext) ?? { status, overdue };
  return <StatusBadge status={shown.status} overdue={shown.overdue} />;
}
