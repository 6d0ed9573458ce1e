"use client";

import { useState, useTransition } from "react";
import type { MemberRole } from "@/db/schema";
import { changeRole, removeMember, revokeInvitation } from "@/lib/actions/team";

export function MemberActions({ userId, name, role, isSelf }: { userId: string; name: string; role: MemberRole; isSelf: boolean }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`role-${userId}`}>
        Role of {name}
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
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
      >
        <option value="owner">Owner</option>
        <option value="admin">Admin</option>
        <option value="member">Member</option>
      </select>
      <button
        type="button"
        disabled={pending}
        onClick={() => {
          if (!confirm(isSelf ? "Leave this organisation?" : `Remove ${name} from this organisation?`)) return;
          startTransition(async () => {
            const r = await removeMember({ userId });
            setError(r.ok ? null : r.message);
          });
        }}
        className="rounded-md px-2 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50"
      >
        {isSelf ? "Leave" : "Remove"}
      </button>
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function RevokeInvitationButton({ invitationId, email }: { invitationId: string; email: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      aria-label={`Revoke invitation for ${email}`}
      onClick={() => startTransition(async () => void (await revokeInvitation({ invitationId })))}
      className="rounded-md px-2 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50"
    >
      Revoke
    </button>
  );
}
