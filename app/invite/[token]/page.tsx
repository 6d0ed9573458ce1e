import type { Metadata } from "next";
import Link from "next/link";
import { unsafeFindInvitation } from "@/lib/data/team";
import { catalogs } from "@/lib/i18n/catalogs/app/auth";
import { catalogs as teamCatalogs } from "@/lib/i18n/catalogs/app/team";
import { getAppLanguage, getAppMessages, getSessionUser } from "@/lib/session";
import { AcceptInvitationButton } from "./_components/accept-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAppMessages(catalogs))("invite.title"), referrer: "no-referrer", robots: { index: false } };
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = token.length <= 200 ? await unsafeFindInvitation(token) : null;
  const [user, language, t, teamT] = await Promise.all([getSessionUser(), getAppLanguage(), getAppMessages(catalogs), getAppMessages(teamCatalogs)]);
  const link = "font-semibold text-brand-700 underline-offset-2 hover:underline";
  return (
    <main id="main" lang={language} className="flex min-h-dvh items-start justify-center bg-slate-50 px-4 pt-16">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        {!invitation ? (
          <>
            <h1 className="text-2xl font-bold tracking-tight">{t("invite.unusable")}</h1>
            <p className="mt-3 text-slate-700">{t("invite.unusableBody")}</p>
          </>
        ) : (
          <>
            <h1 className="text-2xl font-bold tracking-tight">{t("invite.heading", { org: invitation.orgName })}</h1>
            <p className="mt-3 text-slate-700">
              {t("invite.invitedAs")} <strong>{teamT(`role.${invitation.role}`)}</strong> ({invitation.email}).
            </p>
            <div className="mt-6">
              {user ? (
                <AcceptInvitationButton token={token} text={{ accept: t("invite.accept"), joining: t("invite.joining") }} />
              ) : (
                <p className="text-sm text-slate-700">
                  <Link className={link} href={`/register?invitation=${encodeURIComponent(token)}&email=${encodeURIComponent(invitation.email)}`}>
                    {t("createAccount")}
                  </Link>{" "}
                  {t("invite.or")}{" "}
                  <Link className={link} href={`/login?next=${encodeURIComponent(`/invite/${token}`)}&invitation=${encodeURIComponent(token)}`}>
                    {t("invite.signIn")}
                  </Link>
                  {t("invite.toAccept")}
                </p>
              )}
            </div>
          </>
        )}
      </div>
    </main>
  );
}
