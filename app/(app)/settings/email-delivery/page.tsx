import { NoAccess } from "@/components/ui/no-access";
import { can } from "@/lib/auth/roles";
import { emailDelivery, EMAIL_NOT_SET_UP_BANNER } from "@/lib/mail/delivery";
import { requireMembership } from "@/lib/session";

export const metadata = { title: "Email delivery" };

const state = {
  provider: "Email is set up: documents, reminders, password resets and invitations are sent through the configured provider.",
  outbox:
    "No email provider is configured: messages are kept in the development outbox (/dev/outbox) instead of being sent. In production only a platform administrator can read it, and only while DEBUG is on.",
  none: `${EMAIL_NOT_SET_UP_BANNER} Nothing is queued: documents are shared with their client link and are not marked as sent until you say so.`,
} as const;

const code = "rounded bg-slate-100 px-1 font-mono text-xs";

/** Where the "not configured" banner leads: what this server does with email, and how to change it. */
export default async function EmailDeliveryPage() {
  const membership = await requireMembership();
  if (!can(membership.role, "settings.manage")) return <NoAccess what="email delivery settings" />;
  const delivery = emailDelivery();
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Email delivery</h1>
      <p className={delivery === "none" ? "rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-950" : "text-slate-700"}>{state[delivery]}</p>
      <section aria-labelledby="setup-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <h2 id="setup-heading" className="text-base font-semibold">Setting up email</h2>
        <p>Whoever runs this server sets one of these in its environment, then restarts it:</p>
        <ul className="list-disc space-y-2 pl-5">
          <li>
            SendGrid: <code className={code}>SENDGRID_API_KEY</code> and <code className={code}>SENDGRID_FROM_EMAIL</code> (a sender verified in
            SendGrid); <code className={code}>SENDGRID_WEBHOOK_PUBLIC_KEY</code> adds delivery events.
          </li>
          <li>
            Any SMTP server: <code className={code}>EMAIL_HOST</code>, <code className={code}>EMAIL_PORT</code>, <code className={code}>EMAIL_USE_TLS</code>,{" "}
            <code className={code}>EMAIL_HOST_USER</code> and <code className={code}>EMAIL_HOST_PASSWORD</code>.
          </li>
        </ul>
        <p>The README&apos;s “Email setup” section has the details.</p>
      </section>
      <section aria-labelledby="meanwhile-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <h2 id="meanwhile-heading" className="text-base font-semibold">Until then</h2>
        <ul className="list-disc space-y-2 pl-5">
          <li>On an invoice, “Email is not set up — copy the client link” copies its private link; once you have shared it, “Mark as sent”.</li>
          <li>Inviting a member shows the invitation link to copy and send yourself.</li>
          <li>Nobody can reset a forgotten password by email: the reset page says so.</li>
        </ul>
      </section>
    </div>
  );
}
