/**
 * The account emails (password reset, email change, invitation), built in one place so each names
 * its token as a secret: queueMail then stores the message without it (lib/mail/secrets.ts).
 */
import "server-only";
import type { MemberRole } from "@/db/schema";
import { emailChangeEmail } from "@/emails/email-change";
import { invitationEmail } from "@/emails/invitation";
import { passwordResetEmail } from "@/emails/password-reset";
import type { AppLanguage } from "@/lib/i18n/app-language";
import { absoluteUrl } from "@/lib/urls";
import type { MailMessage } from "./message";

/** In the user's app language (their choice, else the browser that asked for the reset). */
export function passwordResetMessage({ user, token, language }: { user: { email: string; name: string }; token: string; language: AppLanguage }): MailMessage {
  const url = absoluteUrl(`/reset-password?token=${encodeURIComponent(token)}`);
  return { kind: "password_reset", to: user.email, ...passwordResetEmail({ name: user.name, url, language }), secrets: [token] };
}

export function emailChangeMessage({ name, newEmail, token, language }: { name: string; newEmail: string; token: string; language: AppLanguage }): MailMessage {
  const url = absoluteUrl(`/account/confirm-email?token=${encodeURIComponent(token)}`);
  return { kind: "email_change", to: newEmail, ...emailChangeEmail({ name, newEmail, url, language }), secrets: [token] };
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
  language,
}: {
  orgId: string;
  inviterName: string;
  orgName: string;
  invitation: { email: string; role: MemberRole };
  token: string;
  /** The inviter's app language: the invitee has no account, and a team usually shares one. */
  language: AppLanguage;
}): MailMessage {
  const url = invitationUrl(token);
  return {
    kind: "invitation",
    orgId,
    to: invitation.email,
    ...invitationEmail({ inviterName, orgName, role: invitation.role, url, language }),
    secrets: [token],
  };
}
