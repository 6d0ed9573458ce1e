import Link from "next/link";
import { LogoMark } from "@/components/ui/logo";
import { getAppLanguage } from "@/lib/session";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  // The root <html> says it too (app/root-language.ts), but only from a full page load: the frame carries
  // the language these pages are in after a client-side navigation as well.
  const language = await getAppLanguage();
  return (
    <div lang={language} className="flex min-h-dvh flex-col bg-slate-50">
      <header className="px-4 py-6 sm:px-6">
        <Link href="/" className="inline-flex items-center gap-2 text-lg font-bold text-slate-900">
          <LogoMark />
          Smart Invoice
        </Link>
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 pb-16 sm:pt-8">
        <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">{children}</div>
      </main>
    </div>
  );
}
