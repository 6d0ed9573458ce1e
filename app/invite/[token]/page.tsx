import Link from "next/link";
import { roleLabels } from "@/lib/auth/roles";
import { unsafeFindInvitation } from "@/lib/data/team";
import { getSessionUser } from "@/lib/session";
import { AcceptInvitationButton } from "./_components/accept-button";

export const metadata = { title: "Invitation", referrer: "no-referrer", robots: { index: false } };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = token.length <= 200 ? await unsafeFindInvitation(token) : null;
  const user = await getSessionUser();
  const link = "font-semibold text-brand-700 underline-offset-2 hover:underline";
  return (
    <main id="main" className="flex min-h-dvh items-start justify-center bg-slate-50 px-4 pt-16">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        {!invitation ? (
          <>
            <h1 className="text-2xl font-bold tracking-tight">This invitation can&apos;t be used</h1>
            <p className="mt-3 text-slate-700">It may have expired, been revoked or already been accepted. Ask whoever invited you to send a new one.</p>
          </>
        ) : (
          <>
            <h1 className="text-2xl font-bold tracking-tight">Join {invitation.orgName}</h1>
            <p className="mt-3 text-slate-700">
              You&apos;ve been invited as <strong>{roleLabels[invitation.role]}</strong> ({invitation.email}).
            </p>
            <div className="mt-6">
              {user ? (
                <AcceptInvitationButton token={token} />
              ) : (
                <p className="text-sm text-slate-700">
                  <Link className={link} href={`/register?invitation=${encodeURIComponent(token)}&email=${encodeURIComponent(invitation.email)}`}>
                    Create an account
                  </Link>{" "}
                  or{" "}
                  <Link className={link} href={`/login?next=${encodeURIComponent(`/invite/${token}`)}&invitation=${encodeURIComponent(token)}`}>
                    sign in
                  </Link>{" "}
                  to accept.
                </p>
              )}
            </div>
          </>
        )}
      </div>
    </main>
  );
}
