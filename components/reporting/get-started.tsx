import Link from "next/link";
import { ButtonLink } from "@/components/ui/button-link";
import type { MemberRole } from "@/db/schema";
import { can } from "@/lib/auth/roles";
import type { ReportsKey } from "@/lib/i18n/catalogs/app/reports";
import type { Translate } from "@/lib/i18n/messages";
import type { OnboardingStep } from "@/lib/onboarding-progress";
import { link } from "./classes";

/** What is done, read from stored data by the page (lib/onboarding-progress.ts, lib/data/setup-progress.ts). */
export type SetupProgress = Record<OnboardingStep | "logo", boolean> & { hasCustomer: boolean; hasInvoice: boolean; hasTeam: boolean };

type TaskKey = "business" | "address" | "payment" | "logo" | "customer" | "invoice" | "team";
type Task = { key: TaskKey; done: boolean; href: string };

/** A new organisation has no figures yet: the steps to its first invoice, ticked off as they are done. */
export function GetStarted({ t, member, progress }: { t: Translate<ReportsKey>; member: { role: MemberRole }; progress: SetupProgress }) {
  const manage = can(member.role, "settings.manage");
  const tasks: Task[] = [
    ...(manage
      ? [
          { key: "business", done: progress.business, href: "/onboarding" },
          { key: "address", done: progress.address, href: "/onboarding" },
          { key: "payment", done: progress.payment, href: "/onboarding" },
          { key: "logo", done: progress.logo, href: "/settings" },
        ] satisfies Task[]
      : []),
    { key: "customer", done: progress.hasCustomer, href: "/customers/new" },
    { key: "invoice", done: progress.hasInvoice, href: "/invoices/new" },
    ...(can(member.role, "team.invite") ? [{ key: "team", done: progress.hasTeam, href: "/settings/team" } satisfies Task] : []),
  ];
  const done = tasks.filter((task) => task.done).length;
  return (
    <section aria-labelledby="start-heading" className="rounded-lg border border-dashed border-slate-300 bg-white p-8">
      <h2 id="start-heading" className="text-lg font-semibold">{t("start.heading")}</h2>
      <p className="mt-2 text-sm text-slate-700">
        {t("start.progress", { done, total: tasks.length })}
      </p>
      <ul aria-label={t("start.checklist")} className="mt-4 space-y-2 text-sm">
        {tasks.map((task) => (
          <li key={task.key} className="flex items-start gap-3">
            <span
              aria-hidden="true"
              className={`mt-0.5 inline-flex size-5 shrink-0 items-center justify-center rounded-full border text-xs ${task.done ? "border-green-700 bg-green-700 text-white" : "border-slate-400"}`}
            >
              {task.done ? "✓" : ""}
            </span>
            <span className={task.done ? "text-slate-700" : "text-slate-900"}>
              <Link href={task.href} className={link}>
                {t(`start.${task.key}`)}
              </Link>{" "}
              — {t(`start.${task.key}.why`)}
              <span className={task.done ? "ml-2 font-medium text-green-800" : "sr-only"}>{task.done ? t("start.done") : t("start.todo")}</span>
            </span>
          </li>
        ))}
      </ul>
      <div className="mt-6">
        <ButtonLink href="/invoices/new">{t("start.create")}</ButtonLink>
      </div>
    </section>
  );
}
