/**
 * The account emails (password reset, email change, invitation), built in one place so each names
 * its token as a secret: queueMail then stores the message without it (lib/mail/secrets.ts).
 */
import "server-only";
import type { MemberRole } from "@/db/schema";
import { emailChangeEmail } from "@/emails/email-change";
import { invitationEmail } from "@/emails/invitation";
import { passwordResetEmail } from "@/emails/password-reset";
import { roleLabels } from "@/lib/auth/roles";
import { absoluteUrl } from "@/lib/urls";
import type { MailMessage } from "./message";

export function passwordResetMessage({ user, token }: { user: { email: string; name: string }; token: string }): MailMessage {
  const url = absoluteUrl(`/reset-password?token=${encodeURIComponent(token)}`);
  return { kind: "password_reset", to: user.email, ...passwordResetEmail({ name: user.name, url }), secrets: [token] };
}

export function emailChangeMessage({ name, newEmail, token }: { name: string; newEmail: string; token: string }): MailMessage {
  const url = absoluteUrl(`/account/confirm-email?token=${encodeURIComponent(token)}`);
  return { kind: "email_change", to: newEmail, ...emailChangeEmail({ name, newEmail, url }), secrets: [token] };
}

/** The link that accepts an invitation: emailed, or shown to the inviter when email is not set up. */
export function invitationUrl(token: string): string {
  return absoluteUrl(`/invite/${encodeURIComponent(token)}`);
}

export function invitationMessage({
  orgId,
  inviterName,
  orgName,
  invitation,
  token,
}: {
  orgId: string;
  inviterName: string;
  orgName: string;
  invitation: { email: string; role: MemberRole };
  token: string;
}): MailMessage {
  const url = invitationUrl(token);
  return {
    kind: "invitation",
    orgId,
    to: invitation.email,
    ...invitationEmail({ inviterName, orgName, role: roleLabels[invitation.role], url }),
    secrets: [token],
  };
}
