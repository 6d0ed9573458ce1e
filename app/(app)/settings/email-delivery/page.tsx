import { NoAccess } from "@/app/(app)/_components/no-access";
import { can } from "@/lib/auth/roles";
import { catalogs } from "@/lib/i18n/catalogs/app/settings";
import { emailDelivery } from "@/lib/mail/delivery";
import { getAppMessages, requireMembership } from "@/lib/session";

export async function generateMetadata() {
  const t = await getAppMessages(catalogs);
  return { title: t("delivery.title") };
}

// "none" repeats EMAIL_NOT_SET_UP_BANNER (lib/mail/delivery) word for word, in the catalog so it can be German too.
const state = { provider: "delivery.provider", outbox: "delivery.outbox", none: "delivery.none" } as const;

const code = "rounded bg-slate-100 px-1 font-mono text-xs";

/** Where the "not configured" banner leads: what this server does with email, and how to change it. */
export default async function EmailDeliveryPage() {
  const membership = await requireMembership();
  if (!can(membership.role, "settings.manage")) return <NoAccess area="emailDelivery" />;
  const delivery = emailDelivery();
  const t = await getAppMessages(catalogs);
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t("delivery.heading")}</h1>
      <p className={delivery === "none" ? "rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-950" : "text-slate-700"}>{t(state[delivery])}</p>
      <section aria-labelledby="setup-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <h2 id="setup-heading" className="text-base font-semibold">{t("delivery.setup")}</h2>
        <p>{t("delivery.setupIntro")}</p>
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
        <h2 id="meanwhile-heading" className="text-base font-semibold">{t("delivery.meanwhile")}</h2>
        <ul className="list-disc space-y-2 pl-5">
          <li>{t("delivery.meanwhile1")}</li>
          <li>{t("delivery.meanwhile2")}</li>
          <li>{t("delivery.meanwhile3")}</li>
        </ul>
      </section>
    </div>
  );
}
