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

// The variables' names are filled into the sentence between these marks, then set as code.
const MARK = "\u0001";
const variable = (name: string) => `${MARK}${name}${MARK}`;
/** A worded sentence with its marked variable names as <code>: every odd piece between marks is one. */
function withCode(sentence: string) {
  return sentence.split(MARK).map((piece, i) => (i % 2 === 1 ? <code key={i} className={code}>{piece}</code> : piece));
}

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
          <li>{withCode(t("delivery.sendgrid", { apiKey: variable("SENDGRID_API_KEY"), fromEmail: variable("SENDGRID_FROM_EMAIL"), webhookKey: variable("SENDGRID_WEBHOOK_PUBLIC_KEY") }))}</li>
          <li>
            {withCode(
              t("delivery.smtp", {
                host: variable("EMAIL_HOST"),
                port: variable("EMAIL_PORT"),
                tls: variable("EMAIL_USE_TLS"),
                user: variable("EMAIL_HOST_USER"),
                password: variable("EMAIL_HOST_PASSWORD"),
              }),
            )}
          </li>
        </ul>
        <p>{t("delivery.readme")}</p>
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
