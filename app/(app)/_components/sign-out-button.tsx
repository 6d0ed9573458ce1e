import { logout } from "@/lib/actions/auth";
import { catalogs } from "@/lib/i18n/catalogs/app/shell";
import { getAppMessages } from "@/lib/session";

/** A plain form: signing out works before JavaScript has loaded. */
export async function SignOutButton() {
  const t = await getAppMessages(catalogs);
  return (
    <form action={logout}>
      <button type="submit" className="rounded-md border border-slate-300 px-3 py-2 max-lg:min-h-11 text-sm font-medium text-slate-700 hover:bg-slate-50">
        {t("signOut")}
      </button>
    </form>
  );
}
