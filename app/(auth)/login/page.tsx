import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { safeNextPath } from "@/lib/urls";
import { LoginForm } from "../_components/login-form";

export const metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Sign in to Smart Invoice</h1>
      <p className="mt-2 text-sm text-slate-700">
        New here?{" "}
        <Link href={params.invitation ? `/register?invitation=${encodeURIComponent(params.invitation)}` : "/register"} className="font-semibold text-brand-700 underline-offset-2 hover:underline">
          Create an account
        </Link>
      </p>
      <div className="mt-6 space-y-4">
        {params.reset ? <Alert tone="success">Your password has been changed. Sign in with the new one.</Alert> : null}
        {params.signedOut ? <Alert tone="info">{params.signedOut === "everywhere" ? "You have signed out on every device." : "You have signed out."}</Alert> : null}
        <LoginForm next={next} />
      </div>
    </>
  );
}
