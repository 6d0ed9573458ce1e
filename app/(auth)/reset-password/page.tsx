import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { peekToken } from "@/lib/data/users";
import { ResetPasswordForm } from "../_components/reset-password-form";

export const metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const valid = !!token && token.length <= 200 && (await peekToken(token, "password_reset"));
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Choose a new password</h1>
      <div className="mt-6 space-y-4">
        {valid ? (
          <ResetPasswordForm token={token} />
        ) : (
          <>
            <Alert tone="error">This reset link is invalid, has already been used or has expired.</Alert>
            <Link href="/forgot-password" className="inline-block text-sm font-semibold text-brand-700 underline-offset-2 hover:underline">
              Ask for a new link
            </Link>
          </>
        )}
      </div>
    </>
  );
}
