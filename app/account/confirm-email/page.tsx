import { ConfirmEmailButton } from "./_components/confirm-button";

export const metadata = { title: "Confirm your new email", referrer: "no-referrer", robots: { index: false } };

export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <main id="main" className="flex min-h-dvh items-start justify-center bg-slate-50 px-4 pt-16">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-bold tracking-tight">Confirm your new email</h1>
        <div className="mt-6">{token ? <ConfirmEmailButton token={token.slice(0, 200)} /> : <p>This link is incomplete. Open the link from the email again.</p>}</div>
      </div>
    </main>
  );
}
