"use client";

import { useState, useTransition } from "react";
import { useAppMessages } from "@/components/i18n/app-language";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { catalogs } from "@/lib/i18n/catalogs/app/team";
import type { MemberRole } from "@/db/schema";
import { changeRole, removeMember, revokeInvitation } from "@/lib/actions/team";

export function MemberActions({ userId, name, role, isSelf }: { userId: string; name: string; role: MemberRole; isSelf: boolean }) {
  const t = useAppMessages(catalogs);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const remove = () =>
    startTransition(async () => {
      const r = await removeMember({ userId });
      setConfirming(false);
      setError(r.ok ? null : r.message);
    });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`role-${userId}`}>
        {t("roleOf", { name })}
      </label>
      <select
        id={`role-${userId}`}
        defaultValue={role}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.value as MemberRole;
          startTransition(async () => {
            const r = await changeRole({ userId, role: next });
            setError(r.ok ? null : r.message);
            if (!r.ok) e.target.value = role;
          });
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm max-sm:min-h-11"
      >
        <option value="owner">{t("role.owner")}</option>
        <option value="admin">{t("role.admin")}</option>
        <option value="member">{t("role.member")}</option>
      </select>
      <button
        type="button"
        disabled={pending}
        onClick={() => setConfirming(true)}
        className="rounded-md px-2 py-1.5 text-sm font-medium text-red-700 max-sm:min-h-11 hover:bg-red-50"
      >
        {isSelf ? t("leave") : t("remove")}
      </button>
      <ConfirmDialog
        open={confirming}
        title={isSelf ? t("leaveTitle") : t("removeTitle", { name })}
        message={
          isSelf
            ? t("leaveMessage")
            : t("removeMessage", { name })
        }
        confirmLabel={isSelf ? t("leaveConfirm") : t("removeConfirm")}
        pending={pending}
        onConfirm={remove}
        onClose={() => setConfirming(false)}
      />
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function RevokeInvitationButton({ invitationId, email }: { invitationId: string; email: string }) {
  const t = useAppMessages(catalogs);
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      aria-label={t("revokeFor", { email })}
      onClick={() => startTransition(async () => void (await revokeInvitation({ invitationId })))}
      className="rounded-md px-2 py-1.5 text-sm font-medium text-red-700 max-sm:min-h-11 hover:bg-red-50"
    >
      {t("revoke")}
    </button>
  );
}
