import { logout } from "@/lib/actions/auth";

/** A plain form: signing out works before JavaScript has loaded. */
export function SignOutButton() {
  return (
    <form action={logout}>
      <button type="submit" className="rounded-md border border-slate-300 px-3 py-2 max-lg:min-h-11 text-sm font-medium text-slate-700 hover:bg-slate-50">
        Sign out
      </button>
    </form>
  );
}
