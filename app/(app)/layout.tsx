import Link from "next/link";
import { CommandMenuProvider, CommandMenuTrigger } from "@/components/command-menu/command-menu";
import { MobileMenu } from "@/components/shell/mobile-menu";
import { NavigationProgress } from "@/components/shell/navigation-progress";
import { navGroups } from "@/components/shell/nav-items";
import { Sidebar } from "@/components/shell/sidebar";
import { UserPanel } from "@/components/shell/user-panel";
import { AppToaster } from "@/components/feedback/toaster";
import { can } from "@/lib/auth/roles";
import { AppLanguageProvider } from "@/components/i18n/app-language";
import { catalogs as shellCatalogs } from "@/lib/i18n/catalogs/app/shell";
import { appTranslator } from "@/lib/i18n/app-language";
import { emailDelivery } from "@/lib/mail/delivery";
import { getAppLanguage, requireMembership } from "@/lib/session";
import { BrowserErrorReporting } from "./_components/browser-error-reporting";
import { OrgSwitcher } from "./_components/org-switcher";
import { SignOutButton } from "./_components/sign-out-button";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const [membership, language] = await Promise.all([requireMembership(), getAppLanguage()]);
  const t = appTranslator(shellCatalogs, language);
  // The same checks the pages make: nobody is offered a link that only answers "no access".
  const groups = navGroups({
    settings: can(membership.role, "settings.manage"),
    team: can(membership.role, "team.invite"),
    audit: can(membership.role, "audit.view"),
    platformAdmin: membership.user.isPlatformAdmin,
  }, t);
  const userPanel = (
    <UserPanel
      name={membership.user.name}
      email={membership.user.email}
      orgSwitcher={<OrgSwitcher current={membership.orgId} organizations={membership.organizations.map((o) => ({ id: o.orgId, name: o.name }))} />}
      signOut={<SignOutButton />}
    />
  );
  return (
    <AppLanguageProvider language={language}>
    <CommandMenuProvider role={membership.role}>
    <NavigationProgress>
    <div lang={language} className="min-h-dvh bg-slate-50">
      <BrowserErrorReporting />
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-30 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t("skipToContent")}
      </a>
      <Sidebar groups={groups} userPanel={userPanel} search={<CommandMenuTrigger />} />
      <MobileMenu groups={groups} userPanel={userPanel} search={<CommandMenuTrigger compact />} />
      <div className="lg:pl-60">
        {emailDelivery() === "none" && can(membership.role, "settings.manage") ? (
          // On every page until email is set up: owners and admins are the ones who can get it fixed.
          <div role="region" aria-label={t("emailBannerLabel")} className="border-b border-amber-300 bg-amber-50">
            <p className="mx-auto max-w-6xl px-4 py-2 text-sm text-amber-950 sm:px-6">
              {t("emailBanner")}{" "}
              <Link href="/settings/email-delivery" className="font-semibold underline underline-offset-2">{t("emailBannerLink")}</Link>
            </p>
          </div>
        ) : null}
        <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-5 outline-none sm:px-6 lg:py-8">
          {children}
        </main>
      </div>
      <AppToaster />
    </div>
    </NavigationProgress>
    </CommandMenuProvider>
    </AppLanguageProvider>
  );
}
