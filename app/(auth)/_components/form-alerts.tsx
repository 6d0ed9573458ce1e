import { Alert } from "@/components/ui/alert";

export function FormAlerts({ error, message }: { error: string | null; message?: string | null }) {
  return (
    <div aria-live="polite" className="empty:hidden">
      {error ? <Alert tone="error">{error}</Alert> : message ? <Alert tone="success">{message}</Alert> : null}
    </div>
  );
}
