import Link from "next/link";
import { RegisterForm } from "../_components/register-form";

export const metadata = { title: "Create an account" };

export default async function RegisterPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { email, invitation } = await searchParams;
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Create your account</h1>
      <p className="mt-2 text-sm text-slate-700">
        Already have one?{" "}
        <Link href="/login" className="font-semibold text-brand-700 underline-offset-2 hover:underline">
          Sign in
        </Link>
      </p>
      <div className="mt-6">
        <RegisterForm email={email?.slice(0, 254)} invitation={invitation?.slice(0, 200)} />
      </div>
    </>
  );
}
