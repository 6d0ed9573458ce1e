import type { ReactNode } from "react";

const tones = {
  error: "border-red-300 bg-red-50 text-red-900",
  success: "border-green-300 bg-green-50 text-green-900",
  info: "border-brand-100 bg-brand-50 text-brand-900",
} as const;

/**
 * role=alert for errors (announced at once), status for the rest. Line breaks in a message show
 * (a refused e-invoice lists its problems one a line: lib/services/einvoice.ts).
 */
export function Alert({ tone = "info", children, id }: { tone?: keyof typeof tones; children: ReactNode; id?: string }) {
  return (
    <div id={id} role={tone === "error" ? "alert" : "status"} className={`whitespace-pre-line rounded-md border px-4 py-3 text-sm ${tones[tone]}`}>
      {children}
    </div>
  );
}
